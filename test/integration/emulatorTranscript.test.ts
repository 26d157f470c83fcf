import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { meaningOf, runConversation, type TranscriptActivity } from '../helpers/emulatorTranscript';

// Re-record with `npx tsx scripts/recordEmulatorTranscript.ts` after changing what the bot says.
describe('Emulator transcript replay', function () {
  this.timeout(30000);

  const file = path.resolve(__dirname, '../fixtures/emulator/demo.transcript');
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as TranscriptActivity[];

  it('is a transcript the Emulator opens: an array of activities from user or bot, recogniser traces included', () => {
    expect(recorded).to.be.an('array').that.is.not.empty;
    for (const activity of recorded) {
      expect(activity.from.role, JSON.stringify(activity)).to.be.oneOf(['user', 'bot']);
      expect(activity.type, JSON.stringify(activity)).to.be.a('string');
    }
    const traces = recorded.filter((a) => a.type === 'trace');
    const userMessages = recorded.filter((a) => a.from.role === 'user' && a.type === 'message');
    // Every user message is recognised, and the Emulator shows the result in its inspector.
    expect(traces.filter((a) => a.name === 'recognizer')).to.have.length(userMessages.length);
    for (const trace of traces) {
      expect(trace.from.role).to.equal('bot');
      expect(trace.label).to.be.a('string');
      expect(trace.value).to.have.keys('intent', 'score', 'entities');
    }
    // Every bot activity answers the user activity before it (posted to /v3/conversations/:id/activities/:replyToId).
    let lastUserId: string | undefined;
    for (const activity of recorded) {
      if (activity.from.role === 'user') lastUserId = activity.id;
      else expect(activity.replyToId, JSON.stringify(activity)).to.equal(lastUserId);
    }
  });

  it('answers the recorded demo conversation (test/fixtures/emulator/demo.transcript) exactly as recorded', async () => {
    const userTurns = recorded.filter((a) => a.from.role === 'user');
    expect(userTurns.length).to.be.greaterThan(5);
    const replayed = await runConversation(userTurns);
    const exchange = (list: TranscriptActivity[]) =>
      list.map((a) => (a.from.role === 'user' ? `USER ${a.text ?? a.type}` : JSON.stringify(meaningOf(a))));
    expect(exchange(replayed)).to.deep.equal(exchange(recorded));
  });
});
