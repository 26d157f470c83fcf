import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import { InMemoryAgentPresence } from '../../../services/handoff/agentPresence';
import { InMemoryHandoffBus } from '../../../services/handoff/handoffBus';
import { InMemoryHandoffQueue } from '../../../services/handoff/handoffQueue';
import { HandoffService, materialChange, type HandoffServiceOptions } from '../../../services/handoff/handoffService';
import { InMemoryTicketMessageStore } from '../../../services/handoff/ticketMessageStore';
import { InMemoryTranscriptStore } from '../../../services/handoff/transcriptStore';
import { silentLogger } from '../../../services/logging/logger';
import type { ServiceHours } from '../../../services/scheduling/serviceHours';
import { request } from '../../integration/handoff/fixtures';
import { RecordingNotifier } from '../../integration/handoff/handoffTestServer';

const alice = { id: 'alice', displayName: 'Alice', skills: [] };
// 2026-11-20 (a Friday) 02:00 UTC = 10:00 in Shanghai.
const OPEN = Date.UTC(2026, 10, 20, 2, 0, 0);
const hours: ServiceHours = {
  timeZone: 'Asia/Shanghai',
  weekdays: { openMinute: 9 * 60, closeMinute: 21 * 60 },
  weekends: null,
  closedDates: [],
  minLeadMinutes: 30,
  minWindowMinutes: 60,
};

function setup(options: Partial<HandoffServiceOptions> = {}) {
  const clock = new ManualClock(OPEN);
  const notifier = new RecordingNotifier();
  const presence = new InMemoryAgentPresence({ clock, windowMs: 90_000 });
  const queue = new InMemoryHandoffQueue({ clock, timeZone: 'Asia/Shanghai', retentionMs: 86_400_000 * 90, maxTicketsPerAgent: 3 });
  const service = new HandoffService({
    queue,
    transcripts: new InMemoryTranscriptStore({ clock, ttlMs: 3_600_000 }),
    messages: new InMemoryTicketMessageStore({ clock, retentionMs: 86_400_000 * 90 }),
    presence,
    bus: new InMemoryHandoffBus(),
    instanceId: 'me',
    notifier,
    serviceHours: hours,
    clock,
    logger: silentLogger(),
    options: { maxWaitMs: 15 * 60_000, requireAgentOnline: true, defaultHandleSeconds: 300, sweepIntervalMs: 60_000, ...options },
  });
  return { clock, notifier, presence, queue, service };
}

describe('HandoffService', () => {
  it('queues a borrower with position and estimated wait when an agent is online', async () => {
    const { service, presence } = setup();
    await presence.touch('alice');
    const r = await service.requestHandoff(request('c1'));
    expect(r).to.deep.include({ position: 1, estimatedWaitSeconds: 150, state: 'queued', created: true });
    const again = await service.requestHandoff(request('c1'));
    expect(again).to.deep.include({ position: 1, created: false });
  });

  it('says no_agents when nobody is online, and outside_hours with the next opening', async () => {
    const { service, presence, clock } = setup();
    expect(await service.requestHandoff(request('c1'))).to.deep.equal({ unavailable: 'no_agents' });
    await presence.touch('alice');
    clock.set(Date.UTC(2026, 10, 20, 14, 0, 0)); // Friday 22:00 in Shanghai
    const r = await service.requestHandoff(request('c1'));
    expect(r).to.deep.equal({ unavailable: 'outside_hours', nextOpening: { from: '2026-11-23T01:00:00.000Z', to: '2026-11-23T13:00:00.000Z' } });
    expect(await service.status('c1')).to.equal(undefined);
  });

  it('takes a message for a person outside hours with nobody online: it waits through the night, unmasked nowhere, and an agent answers it in the morning', async () => {
    const { service, presence, clock, notifier } = setup();
    clock.set(Date.UTC(2026, 10, 20, 14, 0, 0)); // Friday 22:00 in Shanghai
    const left = await service.leaveMessage(request('c1'), '催收一直打我同事电话，我的手机 13812345678，请明天联系我');
    expect(left).to.deep.equal({ ticketId: left.ticketId, created: true, answerFrom: '2026-11-23T01:00:00.000Z' });
    expect(await service.status('c1')).to.deep.include({ state: 'queued', active: true });
    clock.advance(2 * 86_400_000);
    await service.sweep();
    expect(notifier.kinds(), 'no time-out and no position updates overnight').to.deep.equal([]);

    expect(await service.onBorrowerMessage('c1', { text: '补充：是上周五开始的' })).to.deep.include({ relayed: false, state: 'queued', kind: 'message' });
    const again = await service.leaveMessage(request('c1'), '还有，他们骂人');
    expect(again).to.include({ ticketId: left.ticketId, created: false });
    clock.set(Date.UTC(2026, 10, 23, 1, 30, 0)); // Monday 09:30
    expect(await service.requestHandoff(request('c1'))).to.deep.include({ ticketId: left.ticketId, created: false, kind: 'message' });

    await presence.touch('alice');
    const overview = await service.queueOverview(alice);
    expect(overview.waiting).to.have.length(1);
    expect(overview.waiting[0]).to.include({ ticketId: left.ticketId, kind: 'message' });
    expect((await service.claimNext(alice)).ticket).to.include({ id: left.ticketId, kind: 'message' });
    const detail = await service.ticketDetail(alice, left.ticketId);
    expect(detail.messages.map((m) => m.text)).to.deep.equal(['催收一直打我同事电话，我的手机 138****5678，请明天联系我', '补充：是上周五开始的', '还有，他们骂人']);
    expect(notifier.delivered.map((d) => d.event)).to.deep.equal([{ kind: 'joined', ticketId: left.ticketId, agentName: 'Alice', leftMessage: true }]);
  });

  it('says nothing about an opening when a message is left while people are at work', async () => {
    const { service } = setup();
    const left = await service.leaveMessage(request('c1'), '请尽快回复我');
    expect(left).to.deep.equal({ ticketId: left.ticketId, created: true });
  });

  it('queues without agents online when configured not to require them', async () => {
    const { service } = setup({ requireAgentOnline: false });
    expect(await service.requestHandoff(request('c1'))).to.have.property('ticketId');
  });

  it('relays borrower messages only while an agent has the conversation, and stores them from the start', async () => {
    const { service, presence } = setup();
    await presence.touch('alice');
    expect(await service.onBorrowerMessage('c1', { text: 'hi' })).to.deep.equal({ relayed: false, state: undefined });
    const r = await service.requestHandoff(request('c1'));
    const ticketId = 'ticketId' in r ? r.ticketId : '';
    expect(await service.onBorrowerMessage('c1', { text: '还要等多久' })).to.include({ relayed: false, state: 'queued' });
    await service.claimNext(alice);
    expect(await service.onBorrowerMessage('c1', { value: { choice: 'plan' } })).to.include({ relayed: true, state: 'assigned' });
    expect(await service.onBorrowerMessage('c1', { attachments: [{ contentType: 'image/png', name: 'letter.png' }] })).to.include({ relayed: true });
    const detail = await service.ticketDetail(alice, ticketId);
    expect(detail.messages.map((m) => m.text ?? m.value ?? m.attachments?.[0].name)).to.deep.equal(['还要等多久', { choice: 'plan' }, 'letter.png']);
  });

  it('masks phone, ID and card numbers in what the borrower sends before the agent sees it', async () => {
    const { service, presence } = setup();
    await presence.touch('alice');
    const r = await service.requestHandoff(request('c1'));
    const ticketId = 'ticketId' in r ? r.ticketId : '';
    await service.claimNext(alice);
    await service.onBorrowerMessage('c1', { text: '我的手机 13812345678，身份证 11010519491231002X' });
    await service.onBorrowerMessage('c1', { value: { phone: '13912345678', card: 6222021234567890 } });
    const seen = JSON.stringify((await service.ticketDetail(alice, ticketId)).messages);
    for (const raw of ['13812345678', '11010519491231002X', '13912345678', '6222021234567890']) expect(seen).not.to.contain(raw);
    expect(seen).to.contain('138****5678');
  });

  it('turns agent actions into typed borrower events', async () => {
    const { service, presence, notifier } = setup();
    await presence.touch('alice');
    const r = await service.requestHandoff(request('c1'));
    const ticketId = 'ticketId' in r ? r.ticketId : '';
    await service.claimNext(alice);
    await service.typing(alice, ticketId);
    await service.reply(alice, ticketId, '  您好  ');
    await service.close(alice, ticketId, 'resolved', 'done');
    expect(notifier.delivered.map((d) => d.event)).to.deep.equal([
      { kind: 'joined', ticketId, agentName: 'Alice' },
      { kind: 'typing', ticketId },
      { kind: 'message', ticketId, agentName: 'Alice', text: '您好' },
      { kind: 'closed', ticketId, outcome: 'resolved' },
    ]);
    expect(notifier.delivered[0].reference.serviceUrl).to.equal('http://localhost:3978');
    expect(await service.status('c1')).to.deep.include({ state: 'closed', awaitingRating: true, agentName: 'Alice' });
    expect(await service.rate(ticketId, 4)).to.equal(true);
    expect(await service.rate(ticketId, 5)).to.equal(false);
  });

  it('lets the borrower stop waiting', async () => {
    const { service, presence } = setup();
    await presence.touch('alice');
    await service.requestHandoff(request('c1'));
    expect(await service.cancel('c1')).to.include({ cancelled: true });
    expect(await service.status('c1')).to.deep.include({ state: 'cancelled', active: false, awaitingRating: false });
    expect(await service.cancel('c1')).to.include({ cancelled: false });
    expect((await service.claimNext(alice)).ticket).to.equal(undefined);
  });

  it('times out a borrower nobody took in time and tells them', async () => {
    const { service, presence, clock, notifier } = setup();
    await presence.touch('alice');
    const r = await service.requestHandoff(request('c1'));
    clock.advance(14 * 60_000);
    await service.sweep();
    expect(notifier.kinds()).not.to.include('timed_out');
    clock.advance(61_000);
    await service.sweep();
    expect(notifier.delivered.map((d) => d.event)).to.deep.include({ kind: 'timed_out', ticketId: 'ticketId' in r ? r.ticketId : '' });
    expect((await service.status('c1'))?.state).to.equal('timed_out');
  });

  it('tells a waiting borrower when the position improves materially', async () => {
    const { service, presence, notifier, clock } = setup();
    await presence.touch('alice');
    for (let i = 1; i <= 4; i++) {
      await service.requestHandoff(request(`c${i}`));
      clock.advance(1000);
    }
    await presence.touch('alice');
    await service.sweep();
    expect(notifier.kinds()).to.deep.equal([]);
    await service.claimNext(alice); // c1 leaves the queue; c4 moves from 4 to 3
    notifier.delivered.length = 0;
    await service.sweep();
    const updates = notifier.delivered.filter((d) => d.event.kind === 'queued').map((d) => d.event);
    expect(updates).to.have.length(3);
    expect(updates.map((e) => (e.kind === 'queued' ? e.position : 0))).to.deep.equal([1, 2, 3]);
    notifier.delivered.length = 0;
    await service.sweep();
    expect(notifier.kinds()).to.deep.equal([]);
  });

  it('rejects replies to a ticket the agent does not hold', async () => {
    const { service, presence } = setup();
    await presence.touch('alice');
    const r = await service.requestHandoff(request('c1'));
    const ticketId = 'ticketId' in r ? r.ticketId : '';
    let code = '';
    await service.reply(alice, ticketId, 'hi').catch((e: { kind: string }) => (code = e.kind));
    expect(code).to.equal('forbidden');
    await service.claimNext(alice);
    await service.reply(alice, ticketId, '   ').catch((e: { code: string }) => (code = e.code));
    expect(code).to.equal('BAD_INPUT');
  });
});

describe('materialChange', () => {
  it('speaks up when the borrower reaches the top three or halves their position', () => {
    expect(materialChange({ position: 5, wait: 600 }, { position: 3, wait: 590 })).to.equal(true);
    expect(materialChange({ position: 20, wait: 3000 }, { position: 10, wait: 2900 })).to.equal(true);
    expect(materialChange({ position: 20, wait: 3000 }, { position: 19, wait: 2950 })).to.equal(false);
  });
  it('speaks up when the wait estimate moves by two minutes and a quarter', () => {
    expect(materialChange({ position: 8, wait: 600 }, { position: 8, wait: 760 })).to.equal(true);
    expect(materialChange({ position: 8, wait: 600 }, { position: 8, wait: 700 })).to.equal(false);
  });
});
