import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { meaningOf, runConversation, type TranscriptActivity } from '../helpers/emulatorTranscript';

describe('Emulator transcript replay', function () {
  this.timeout(30000);

  it('answers the recorded demo conversation (test/fixtures/emulator/demo.transcript) exactly as recorded', async () => {
    const file = path.resolve(__dirname, '../fixtures/emulator/demo.transcript');
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as TranscriptActivity[];
    const userTurns = recorded.filter((a) => a.from.role === 'user').map(({ from: _from, ...rest }) => rest);
    expect(userTurns.length).to.be.greaterThan(5);
    const replayed = await runConversation(userTurns);
    const botSide = (list: TranscriptActivity[]) => list.map((a) => (a.from.role === 'user' ? `USER ${a.text ?? a.type}` : JSON.stringify(meaningOf(a))));
    expect(botSide(replayed)).to.deep.equal(botSide(recorded));
  });
});
