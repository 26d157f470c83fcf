import { expect } from 'chai';
import { EventFactory, TurnContext, TestAdapter, type Activity } from 'botbuilder';
import { buildHubHandoff, readHandoffStatus } from '../../../services/handoff/hubHandoff';
import { request } from '../../integration/handoff/fixtures';

describe('external agent hub hand-off', () => {
  const turns = [
    { at: Date.UTC(2026, 10, 22, 2, 0), from: 'borrower' as const, text: '催收说要起诉我 138****5678' },
    { at: Date.UTC(2026, 10, 22, 2, 1), from: 'bot' as const, text: '我来帮你联系法务团队。' },
  ];

  it('builds the handoff context and transcript that createHandoffInitiation turns into handoff.initiate', async () => {
    const req = request('conv-9', {
      priority: 1,
      skills: ['legal'],
      intents: [{ intent: 'lawsuit_threat', confidence: 0.87654 }],
      borrowerId: 'B-1',
      records: [{ kind: 'complaint', reference: 'C-1' }],
    });
    const { handoffContext, transcript } = buildHubHandoff(req, turns);
    expect(handoffContext).to.deep.equal({
      conversationId: 'conv-9',
      reason: 'harassment_complaint',
      priority: 'P1',
      skills: ['legal'],
      intents: [{ intent: 'lawsuit_threat', confidence: 0.877 }],
      language: 'zh-CN',
      borrowerId: 'B-1',
      records: [{ kind: 'complaint', reference: 'C-1' }],
    });
    expect(transcript.activities.map((a) => [a.from?.role, a.text])).to.deep.equal([
      ['user', turns[0].text],
      ['bot', turns[1].text],
    ]);
    // What the bot layer will do with it (botbuilder is fine in tests).
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, {
      type: 'message',
      id: 'm1',
      text: '转人工',
      channelId: 'directline',
      serviceUrl: 'http://localhost:3978',
      conversation: { id: 'conv-9' },
      from: { id: 'user-conv-9' },
      recipient: { id: 'bot' },
    } as Activity);
    const event = EventFactory.createHandoffInitiation(context, handoffContext, transcript as never);
    expect(event.name).to.equal('handoff.initiate');
    expect(event.value).to.deep.equal(handoffContext);
    expect(event.attachments?.[0].content).to.deep.equal(transcript);
    expect(JSON.parse(JSON.stringify(event)).value.priority).to.equal('P1');
  });

  it('reads handoff.status accepted, failed (with message) and completed, and ignores anything else', () => {
    const ev = (value: unknown, name = 'handoff.status') => ({ type: 'event', name, value });
    expect(readHandoffStatus(ev({ state: 'accepted' }))).to.deep.equal({ state: 'accepted' });
    expect(readHandoffStatus(ev({ state: 'failed', message: 'no agents' }))).to.deep.equal({ state: 'failed', message: 'no agents' });
    expect(readHandoffStatus(ev({ state: 'Completed' }))).to.deep.equal({ state: 'completed' });
    expect(readHandoffStatus(ev({ state: 'weird' }))).to.equal(undefined);
    expect(readHandoffStatus(ev({ state: 'accepted' }, 'handoff.initiate'))).to.equal(undefined);
    expect(readHandoffStatus({ type: 'message', name: 'handoff.status', value: { state: 'accepted' } })).to.equal(undefined);
    // The shape EventFactory produces round-trips.
    const status = EventFactory.createHandoffStatus({ id: 'c', isGroup: false, conversationType: 'personal', name: '' }, 'failed', 'busy');
    expect(readHandoffStatus(status)).to.deep.equal({ state: 'failed', message: 'busy' });
  });
});
