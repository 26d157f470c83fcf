import { expect } from 'chai';
import Redis from 'ioredis';
import { ManualClock } from '../../../services/clock';
import { estimateWaitSeconds, InMemoryHandoffQueue, type HandoffQueue, type HandoffQueueOptions } from '../../../services/handoff/handoffQueue';
import { RedisHandoffQueue } from '../../../services/handoff/redisHandoffQueue';
import { TEST_REDIS_URL, testRedis } from '../../helpers/redis';
import { request } from './fixtures';

const agent = (id: string, skills: ('legal' | 'negotiation' | 'complaints')[] = []) => ({ id, displayName: `Agent ${id}`, skills });

interface Made {
  queue: HandoffQueue;
  clock: ManualClock;
  /** A second queue object over new connections (another instance, or the same one after a restart). */
  another?: () => HandoffQueue;
  done: () => Promise<void>;
}

function queueContract(name: string, make: (options: Omit<HandoffQueueOptions, 'clock'>, clock: ManualClock) => Promise<Made>) {
  describe(`${name} (HandoffQueue contract)`, () => {
    let queue: HandoffQueue;
    let clock: ManualClock;
    let made: Made;
    beforeEach(async () => {
      clock = new ManualClock(Date.UTC(2026, 10, 22, 2, 0, 0));
      made = await make({ timeZone: 'Asia/Shanghai', retentionMs: 86_400_000, maxTicketsPerAgent: 3 }, clock);
      ({ queue } = made);
    });
    afterEach(async () => made.done());

    it('gives tickets a human-readable reference for the local day', async () => {
      const a = (await queue.enqueue(request('c1'))).ticket;
      const b = (await queue.enqueue(request('c2'))).ticket;
      expect(a.id).to.equal('H-20261122-0001');
      expect(b.id).to.equal('H-20261122-0002');
      expect(a.state).to.equal('queued');
      expect((await queue.get(a.id))?.conversationReference.serviceUrl).to.equal('http://localhost:3978');
    });

    it('serves P1 before P2 before P3, oldest first within a priority', async () => {
      const order: [string, 1 | 2 | 3][] = [['p3-old', 3], ['p2-old', 2], ['p1-old', 1], ['p2-new', 2], ['p1-new', 1], ['p3-new', 3]];
      for (const [c, p] of order) {
        await queue.enqueue(request(c, { priority: p }));
        clock.advance(1000);
      }
      const claimed: string[] = [];
      for (let i = 0; i < order.length; i++) {
        const r = await queue.claimNext({ ...agent(`a${i}`) });
        claimed.push(r.ticket!.conversationId);
      }
      expect(claimed).to.deep.equal(['p1-old', 'p1-new', 'p2-old', 'p2-new', 'p3-old', 'p3-new']);
      expect((await queue.claimNext(agent('late'))).ticket).to.equal(undefined);
    });

    it('moves a waiting ticket up to a higher priority with its new reason, never down, and only while it waits', async () => {
      for (const [c, p] of [['p1-old', 1], ['p3-old', 3], ['p2', 2], ['p3-new', 3]] as const) {
        await queue.enqueue(request(c, { priority: p, reason: 'before' }));
        clock.advance(1000);
      }
      const p3old = (await queue.latestFor('p3-old'))!;
      const raised = await queue.escalate(p3old.id, 1, 'urgent');
      expect(raised.ok && raised.ticket).to.include({ priority: 1, reason: 'urgent', state: 'queued' });
      expect((await queue.get(p3old.id))!.reason).to.equal('urgent');
      // A P1 ticket queued at its own time: after the older P1, before everything else.
      expect((await queue.waiting()).map((w) => w.ticket.conversationId)).to.deep.equal(['p1-old', 'p3-old', 'p2', 'p3-new']);
      expect(await queue.position(p3old.id)).to.equal(2);
      expect((await queue.depthByPriority())[1]).to.equal(2);
      expect((await queue.history(p3old.id)).map((e) => e.type)).to.deep.equal(['queued', 'escalated']);

      const p2 = (await queue.latestFor('p2'))!;
      const lower = await queue.escalate(p2.id, 3, 'not urgent');
      expect(lower.ok && lower.ticket, 'never down').to.include({ priority: 2, reason: 'before' });
      await queue.claimNext(agent('a1'));
      const claimed = (await queue.latestFor('p1-old'))!;
      expect(await queue.escalate(claimed.id, 1, 'x')).to.deep.equal({ ok: false, reason: 'not_active' });
      expect(await queue.escalate('H-20261122-9999', 1, 'x')).to.deep.equal({ ok: false, reason: 'not_found' });
    });

    it('returns the active ticket instead of queueing a conversation twice', async () => {
      const first = await queue.enqueue(request('c1'));
      const again = await queue.enqueue(request('c1', { priority: 1 }));
      expect(again.created).to.equal(false);
      expect(again.ticket.id).to.equal(first.ticket.id);
      expect(await queue.waiting()).to.have.length(1);
    });

    it('gives a ticket needing skills only to an agent who has them all', async () => {
      await queue.enqueue(request('legal', { skills: ['legal'], priority: 1 }));
      clock.advance(10);
      await queue.enqueue(request('plain', { priority: 3 }));
      expect((await queue.claimNext(agent('generalist'))).ticket?.conversationId).to.equal('plain');
      expect((await queue.claimNext(agent('negotiator', ['negotiation']))).ticket).to.equal(undefined);
      const r = await queue.claimNext(agent('lawyer', ['legal', 'complaints']));
      expect(r.ticket?.conversationId).to.equal('legal');
      expect(r.ticket?.agentName).to.equal('Agent lawyer');
      expect(r.ticket?.state).to.equal('assigned');
    });

    it('never hands one ticket to two of many concurrent claimers', async () => {
      for (let i = 0; i < 20; i++) {
        await queue.enqueue(request(`c${i}`, { priority: ((i % 3) + 1) as 1 | 2 | 3 }));
        clock.advance(1);
      }
      const queues = Array.from({ length: 10 }, () => made.another?.() ?? queue);
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => queues[i % queues.length].claimNext(agent(`agent${i}`))),
      );
      const ids = results.map((r) => r.ticket?.id).filter((id): id is string => !!id);
      expect(ids).to.have.length(20);
      expect(new Set(ids).size).to.equal(20);
      expect(await queue.waiting()).to.have.length(0);
    });

    it('stops an agent at the configured number of tickets', async () => {
      for (let i = 0; i < 5; i++) await queue.enqueue(request(`c${i}`));
      for (let i = 0; i < 3; i++) expect((await queue.claimNext(agent('busy'))).ticket).to.not.equal(undefined);
      expect(await queue.claimNext(agent('busy'))).to.deep.equal({ atCapacity: true });
      expect(await queue.assignedTo('busy')).to.have.length(3);
    });

    it('cancels a waiting ticket so nobody can claim it, and keeps it readable', async () => {
      const { ticket } = await queue.enqueue(request('c1'));
      clock.advance(5000);
      const r = await queue.cancel(ticket.id);
      expect(r.ok).to.equal(true);
      expect((await queue.get(ticket.id))?.state).to.equal('cancelled');
      expect((await queue.get(ticket.id))?.closedAt).to.equal(clock.now());
      expect((await queue.claimNext(agent('a'))).ticket).to.equal(undefined);
      expect(await queue.cancel(ticket.id)).to.deep.equal({ ok: false, reason: 'not_active' });
      expect(await queue.position(ticket.id)).to.equal(undefined);
    });

    it('cancels an assigned ticket and frees the agent', async () => {
      const { ticket } = await queue.enqueue(request('c1'));
      await queue.claimNext(agent('a'));
      expect((await queue.cancel(ticket.id)).ok).to.equal(true);
      expect(await queue.assignedTo('a')).to.deep.equal([]);
      const h = await queue.history(ticket.id);
      expect(h.map((e) => e.type)).to.deep.equal(['queued', 'assigned', 'cancelled']);
      expect(h[2].detail).to.deep.equal({ from: 'assigned' });
    });

    it('lets only the assigned agent close, with outcome and note', async () => {
      const { ticket } = await queue.enqueue(request('c1'));
      expect(await queue.close(ticket.id, 'a', 'resolved', '')).to.deep.equal({ ok: false, reason: 'not_assigned' });
      await queue.claimNext(agent('a'));
      expect(await queue.close(ticket.id, 'b', 'resolved', '')).to.deep.equal({ ok: false, reason: 'not_yours' });
      clock.advance(240_000);
      const r = await queue.close(ticket.id, 'a', 'follow_up', 'plan request sent');
      expect(r.ok).to.equal(true);
      const t = await queue.get(ticket.id);
      expect([t?.state, t?.outcome, t?.note]).to.deep.equal(['closed', 'follow_up', 'plan request sent']);
      expect(await queue.recentHandleSeconds()).to.deep.equal([240]);
      expect(await queue.assignedTo('a')).to.deep.equal([]);
      expect(await queue.close('H-nope', 'a', 'resolved', '')).to.deep.equal({ ok: false, reason: 'not_found' });
    });

    it('stores one 1–5 rating on a closed ticket', async () => {
      const { ticket } = await queue.enqueue(request('c1'));
      expect(await queue.rate(ticket.id, 5)).to.deep.equal({ ok: false, reason: 'not_closed' });
      await queue.claimNext(agent('a'));
      await queue.close(ticket.id, 'a', 'resolved', '');
      let threw = false;
      await queue.rate(ticket.id, 6).catch(() => (threw = true));
      expect(threw).to.equal(true);
      expect((await queue.rate(ticket.id, 4)).ok).to.equal(true);
      expect(await queue.rate(ticket.id, 1)).to.deep.equal({ ok: false, reason: 'already_rated' });
      expect((await queue.get(ticket.id))?.rating).to.equal(4);
    });

    it('times out tickets that waited longer than allowed, and only those', async () => {
      const old = (await queue.enqueue(request('old'))).ticket;
      clock.advance(10 * 60_000);
      const fresh = (await queue.enqueue(request('fresh'))).ticket;
      const assigned = (await queue.enqueue(request('assigned', { priority: 1 }))).ticket;
      await queue.claimNext(agent('a'));
      clock.advance(6 * 60_000);
      const expired = await queue.expireWaiting(clock.now() - 15 * 60_000);
      expect(expired.map((t) => t.id)).to.deep.equal([old.id]);
      expect(expired[0].state).to.equal('timed_out');
      expect((await queue.get(fresh.id))?.state).to.equal('queued');
      expect((await queue.get(assigned.id))?.state).to.equal('assigned');
      expect(await queue.expireWaiting(clock.now() - 15 * 60_000)).to.deep.equal([]);
      expect((await queue.history(old.id)).map((e) => e.type)).to.deep.equal(['queued', 'timed_out']);
    });

    it('reports positions across priorities', async () => {
      const p3 = (await queue.enqueue(request('p3', { priority: 3 }))).ticket;
      const p2 = (await queue.enqueue(request('p2', { priority: 2 }))).ticket;
      const p1 = (await queue.enqueue(request('p1', { priority: 1 }))).ticket;
      expect(await queue.position(p1.id)).to.equal(1);
      expect(await queue.position(p2.id)).to.equal(2);
      expect(await queue.position(p3.id)).to.equal(3);
      expect((await queue.waiting()).map((w) => [w.ticket.id, w.position])).to.deep.equal([[p1.id, 1], [p2.id, 2], [p3.id, 3]]);
      await queue.claimNext(agent('a'));
      expect(await queue.position(p3.id)).to.equal(2);
    });

    it('counts waiting tickets per priority, leaving claimed and cancelled ones out', async () => {
      expect(await queue.depthByPriority()).to.deep.equal({ 1: 0, 2: 0, 3: 0 });
      await queue.enqueue(request('a', { priority: 1 }));
      await queue.enqueue(request('b', { priority: 3 }));
      await queue.enqueue(request('c', { priority: 3 }));
      const d = (await queue.enqueue(request('d', { priority: 2 }))).ticket;
      expect(await queue.depthByPriority()).to.deep.equal({ 1: 1, 2: 1, 3: 2 });
      await queue.claimNext(agent('a'));
      await queue.cancel(d.id);
      expect(await queue.depthByPriority()).to.deep.equal({ 1: 0, 2: 0, 3: 2 });
    });

    it('records each ticket’s history with timestamps', async () => {
      const { ticket } = await queue.enqueue(request('c1'));
      const t0 = clock.now();
      clock.advance(1000);
      await queue.claimNext(agent('a'));
      clock.advance(1000);
      await queue.close(ticket.id, 'a', 'resolved', 'ok');
      clock.advance(1000);
      await queue.rate(ticket.id, 5);
      const h = await queue.history(ticket.id);
      expect(h.map((e) => [e.type, e.at - t0, e.by])).to.deep.equal([
        ['queued', 0, 'borrower'],
        ['assigned', 1000, 'a'],
        ['closed', 2000, 'a'],
        ['rated', 3000, 'borrower'],
      ]);
    });

    it('finds a conversation’s latest ticket and remembers its instance', async () => {
      const { ticket } = await queue.enqueue(request('c1'), 'instance-a');
      expect((await queue.latestFor('c1'))?.instanceId).to.equal('instance-a');
      await queue.setInstance(ticket.id, 'instance-b');
      expect((await queue.latestFor('c1'))?.instanceId).to.equal('instance-b');
      await queue.cancel(ticket.id);
      const next = await queue.enqueue(request('c1'));
      expect(next.created).to.equal(true);
      expect((await queue.latestFor('c1'))?.id).to.equal(next.ticket.id);
      expect(await queue.latestFor('unknown')).to.equal(undefined);
    });

    it('never times out a message left for a person, and serves it in priority and age order like the rest', async () => {
      const message = (await queue.enqueue(request('night', { kind: 'message', priority: 3 }))).ticket;
      clock.advance(60_000);
      const live = (await queue.enqueue(request('live', { priority: 3 }))).ticket;
      clock.advance(12 * 3600_000);
      const expired = await queue.expireWaiting(clock.now() - 15 * 60_000);
      expect(expired.map((t) => t.id)).to.deep.equal([live.id]);
      expect(await queue.get(message.id)).to.deep.include({ state: 'queued', kind: 'message' });
      expect((await queue.waiting()).map((w) => w.ticket.id)).to.deep.equal([message.id]);
      expect((await queue.claimNext(agent('morning'))).ticket).to.deep.include({ id: message.id, kind: 'message', state: 'assigned' });
    });

    it('round-trips every ticket field', async () => {
      const req = request('c1', {
        skills: ['legal', 'complaints'],
        borrowerId: 'B-1',
        accountSnapshot: { loans: [{ id: 'L1', overdueFen: 120000 }] },
        records: [{ kind: 'complaint', reference: 'C-1' }],
        intents: [{ intent: 'lawsuit_threat', confidence: 0.81 }, { intent: 'installment_plan', confidence: 0.11 }],
        language: 'zh-TW',
        kind: 'message',
      });
      const { ticket } = await queue.enqueue(req);
      const got = await queue.get(ticket.id);
      expect(got).to.deep.include({ ...req, id: ticket.id, state: 'queued', createdAt: clock.now() });
    });
  });
}

queueContract('InMemoryHandoffQueue', async (options, clock) => ({
  queue: new InMemoryHandoffQueue({ ...options, clock }),
  clock,
  done: async () => undefined,
}));

queueContract('RedisHandoffQueue', async (options, clock) => {
  const t = testRedis('hq');
  const extra: Redis[] = [];
  const another = () => {
    const r = new Redis(TEST_REDIS_URL);
    extra.push(r);
    return new RedisHandoffQueue(r, t.keys, { ...options, clock });
  };
  return {
    queue: new RedisHandoffQueue(t.redis, t.keys, { ...options, clock }),
    clock,
    another,
    done: async () => {
      extra.forEach((r) => r.disconnect());
      await t.cleanup();
    },
  };
});

describe('RedisHandoffQueue on a restart', () => {
  it('shows the same tickets, order and history to new client objects', async () => {
    const t = testRedis('hq-restart');
    const clock = new ManualClock();
    const options = { clock, timeZone: 'Asia/Shanghai', retentionMs: 3_600_000, maxTicketsPerAgent: 3 };
    try {
      const before = new RedisHandoffQueue(t.redis, t.keys, options);
      const a = (await before.enqueue(request('a', { priority: 3 }))).ticket;
      clock.advance(1);
      const b = (await before.enqueue(request('b', { priority: 1 }))).ticket;
      await before.claimNext(agent('x'));
      // Simulated restart: a brand-new connection and queue object.
      const redis2 = new Redis(TEST_REDIS_URL);
      try {
        const after = new RedisHandoffQueue(redis2, t.keys, options);
        expect((await after.get(b.id))?.state).to.equal('assigned');
        expect((await after.assignedTo('x')).map((x) => x.id)).to.deep.equal([b.id]);
        expect(await after.position(a.id)).to.equal(1);
        expect((await after.get(a.id))?.conversationReference).to.deep.equal(a.conversationReference);
        expect((await after.history(b.id)).map((e) => e.type)).to.deep.equal(['queued', 'assigned']);
        // Every per-ticket key carries a TTL; only the collections live forever.
        for (const key of [`${t.prefix}:handoff-ticket:${a.id}`, `${t.prefix}:handoff-ticket:${a.id}:history`, `${t.prefix}:handoff-conv:a`]) {
          const ttl = await redis2.ttl(key);
          expect(ttl, key).to.be.greaterThan(0).and.at.most(3600);
        }
      } finally {
        redis2.disconnect();
      }
    } finally {
      await t.cleanup();
    }
  });
});

describe('estimateWaitSeconds', () => {
  it('uses the default handling time until times are recorded', () => {
    expect(estimateWaitSeconds(1, 1, [], 300)).to.equal(150);
  });
  it('shrinks with more agents online and grows with position', () => {
    expect(estimateWaitSeconds(4, 2, [120, 240], 300)).to.equal(270);
    expect(estimateWaitSeconds(4, 4, [120, 240], 300)).to.equal(90);
    expect(estimateWaitSeconds(8, 4, [120, 240], 300)).to.equal(270);
  });
  it('counts no agents online as one', () => {
    expect(estimateWaitSeconds(2, 0, [100], 300)).to.equal(150);
  });
});
