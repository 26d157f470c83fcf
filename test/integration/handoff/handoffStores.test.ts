import { expect } from 'chai';
import Redis from 'ioredis';
import { ManualClock } from '../../../services/clock';
import { InMemoryAgentSessionStore, RedisAgentSessionStore, type AgentSessionStore } from '../../../services/handoff/agentAuth';
import { InMemoryAgentPresence, RedisAgentPresence, type AgentPresence } from '../../../services/handoff/agentPresence';
import { InMemoryHandoffBus, RedisHandoffBus, type BorrowerEnvelope, type HandoffBus } from '../../../services/handoff/handoffBus';
import { InMemoryTicketMessageStore, RedisTicketMessageStore, type TicketMessageStore } from '../../../services/handoff/ticketMessageStore';
import { InMemoryTranscriptStore, RedisTranscriptStore, type TranscriptStore } from '../../../services/handoff/transcriptStore';
import { silentLogger } from '../../../services/logging/logger';
import { createRedisSubscriber } from '../../../services/redis/redisClient';
import { TEST_REDIS_URL, testRedis } from '../../helpers/redis';

type Backend = { name: string; make: (clock: ManualClock) => { redis?: Redis; prefix?: string; keys?: import('../../../services/redis/keys').RedisKeys; cleanup: () => Promise<void> } };

const backends: Backend[] = [
  { name: 'InMemory', make: () => ({ cleanup: async () => undefined }) },
  {
    name: 'Redis',
    make: () => {
      const t = testRedis('hstores');
      return { redis: t.redis, prefix: t.prefix, keys: t.keys, cleanup: t.cleanup };
    },
  },
];

for (const backend of backends) {
  describe(`${backend.name}TranscriptStore (TranscriptStore contract)`, () => {
    let store: TranscriptStore;
    let clock: ManualClock;
    let env: ReturnType<Backend['make']>;
    beforeEach(() => {
      clock = new ManualClock();
      env = backend.make(clock);
      const options = { clock, ttlMs: 60_000 };
      store = env.redis ? new RedisTranscriptStore(env.redis, env.keys!, options) : new InMemoryTranscriptStore(options);
    });
    afterEach(async () => env.cleanup());

    it('masks mobile, ID card and bank card numbers before storing', async () => {
      await store.append('c1', { from: 'borrower', text: '电话 13812345678，身份证 11010519491231002X，卡号 6222 0212 3456 7890 123' });
      const [turn] = await store.recent('c1');
      expect(turn.text).to.contain('138****5678').and.contain('110***********002X');
      expect(turn.text).not.to.contain('13812345678').and.not.contain('19491231').and.not.contain('3456 7890');
      expect(turn.at).to.equal(clock.now());
      if (env.redis) {
        const raw = await env.redis.lrange(`${env.prefix}:transcript:c1`, 0, -1);
        expect(raw.join()).not.to.contain('13812345678');
      }
    });

    it('keeps the last 30 turns, oldest first', async () => {
      for (let i = 1; i <= 35; i++) {
        await store.append('c1', { from: i % 2 ? 'borrower' : 'bot', text: `turn ${i}` });
        clock.advance(1);
      }
      const turns = await store.recent('c1');
      expect(turns).to.have.length(30);
      expect(turns[0].text).to.equal('turn 6');
      expect(turns[29].text).to.equal('turn 35');
      expect(await store.recent('other')).to.deep.equal([]);
    });

    it('appends a whole turn (the borrower and every reply) in one call, in order, trimmed to 30', async () => {
      await store.append('c1', { from: 'borrower', text: 'turn 0' });
      await store.append('c1', { from: 'borrower', text: '我要分期' }, { from: 'bot', text: 'reply 1' }, { from: 'bot', text: 'reply 2' });
      await store.append('c1');
      expect((await store.recent('c1')).map((t) => `${t.from}:${t.text}`)).to.deep.equal(['borrower:turn 0', 'borrower:我要分期', 'bot:reply 1', 'bot:reply 2']);
      const many = Array.from({ length: 31 }, (_, i) => ({ from: 'bot' as const, text: `r${i}` }));
      await store.append('c1', ...many);
      const turns = await store.recent('c1');
      expect(turns.map((t) => t.text)).to.deep.equal(many.slice(1).map((t) => t.text));
    });

    it('keeps card submits and attachments marked as such', async () => {
      await store.append('c1', { from: 'borrower', text: '{"months":12}', kind: 'card_submit' });
      expect((await store.recent('c1'))[0].kind).to.equal('card_submit');
    });
  });

  describe(`${backend.name}TicketMessageStore (TicketMessageStore contract)`, () => {
    let store: TicketMessageStore;
    let env: ReturnType<Backend['make']>;
    beforeEach(() => {
      const clock = new ManualClock();
      env = backend.make(clock);
      const options = { clock, retentionMs: 60_000 };
      store = env.redis ? new RedisTicketMessageStore(env.redis, env.keys!, options) : new InMemoryTicketMessageStore(options);
    });
    afterEach(async () => env.cleanup());

    it('numbers messages per ticket and lists those after a sequence number', async () => {
      const a = await store.append('T1', { from: 'borrower', text: '你好' });
      const b = await store.append('T1', { from: 'agent', text: '您好', agentName: 'Alice' });
      await store.append('T2', { from: 'borrower', value: { ok: true } });
      expect([a.seq, b.seq]).to.deep.equal([1, 2]);
      expect((await store.list('T1')).map((m) => m.text)).to.deep.equal(['你好', '您好']);
      expect((await store.list('T1', 1)).map((m) => m.seq)).to.deep.equal([2]);
      expect((await store.list('T2'))[0].value).to.deep.equal({ ok: true });
    });

    it('assigns distinct, ordered numbers to concurrent appends', async () => {
      const got = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append('T1', { from: 'borrower', text: String(i) })));
      expect(new Set(got.map((m) => m.seq)).size).to.equal(40);
      const listed = await store.list('T1');
      expect(listed.map((m) => m.seq)).to.deep.equal(Array.from({ length: 40 }, (_, i) => i + 1));
    });
  });

  describe(`${backend.name}AgentPresence (AgentPresence contract)`, () => {
    let presence: AgentPresence;
    let clock: ManualClock;
    let env: ReturnType<Backend['make']>;
    beforeEach(() => {
      clock = new ManualClock();
      env = backend.make(clock);
      const options = { clock, windowMs: 90_000 };
      presence = env.redis ? new RedisAgentPresence(env.redis, env.keys!, options) : new InMemoryAgentPresence(options);
    });
    afterEach(async () => env.cleanup());

    it('counts agents seen within the window and forgets those who left or went quiet', async () => {
      await presence.touch('a');
      clock.advance(60_000);
      await presence.touch('b');
      await presence.touch('c');
      expect(await presence.online()).to.deep.equal(['a', 'b', 'c']);
      await presence.leave('c');
      clock.advance(31_000);
      expect(await presence.online()).to.deep.equal(['b']);
    });
  });

  describe(`${backend.name}AgentSessionStore (AgentSessionStore contract)`, () => {
    let sessions: AgentSessionStore;
    let clock: ManualClock;
    let env: ReturnType<Backend['make']>;
    beforeEach(() => {
      clock = new ManualClock();
      env = backend.make(clock);
      const options = { clock, ttlMs: 3_600_000 };
      sessions = env.redis ? new RedisAgentSessionStore(env.redis, env.keys!, options) : new InMemoryAgentSessionStore(options);
    });
    afterEach(async () => env.cleanup());

    it('creates random sessions that expire and can be deleted', async () => {
      const a = await sessions.create('alice');
      const b = await sessions.create('alice');
      expect(a.token).to.have.length.greaterThan(40);
      expect(a.token).not.to.equal(b.token);
      expect(a.session.csrfToken).not.to.equal(a.token);
      expect((await sessions.get(a.token))?.agentId).to.equal('alice');
      expect(await sessions.get('forged')).to.equal(undefined);
      await sessions.delete(b.token);
      expect(await sessions.get(b.token)).to.equal(undefined);
      clock.advance(3_600_000);
      expect(await sessions.get(a.token)).to.equal(undefined);
    });

    if (backend.name === 'Redis') {
      it('keys sessions by a hash of the token, with a TTL', async () => {
        const { token } = await sessions.create('alice');
        const found: string[] = [];
        let cursor = '0';
        do {
          const [next, keys] = await env.redis!.scan(cursor, 'MATCH', `${env.prefix}:agent-session:*`, 'COUNT', 1000);
          cursor = next;
          found.push(...keys);
        } while (cursor !== '0');
        expect(found).to.have.length(1);
        expect(found[0]).not.to.contain(token);
        expect(await env.redis!.ttl(found[0])).to.be.within(3590, 3600);
      });
    }
  });
}

function busContract(name: string, make: () => { a: HandoffBus; b: HandoffBus; done: () => Promise<void> }) {
  describe(`${name} (HandoffBus contract)`, () => {
    it('delivers borrower events only to the named instance and says how many received them', async () => {
      const { a, b, done } = make();
      try {
        const gotA: BorrowerEnvelope[] = [];
        const gotB: BorrowerEnvelope[] = [];
        await a.subscribeBorrower('A', (e) => gotA.push(e));
        await b.subscribeBorrower('B', (e) => gotB.push(e));
        const env: BorrowerEnvelope = { conversationId: 'c', reference: { serviceUrl: 'http://x' }, event: { kind: 'typing', ticketId: 'T' }, sentAt: 1 };
        expect(await b.publishToBorrower('A', env)).to.equal(1);
        expect(await b.publishToBorrower('nobody', env)).to.equal(0);
        await waitUntil(() => gotA.length === 1);
        expect(gotA[0]).to.deep.equal(env);
        expect(gotB).to.deep.equal([]);
      } finally {
        await done();
      }
    });

    it('broadcasts agent feed events to every instance', async () => {
      const { a, b, done } = make();
      try {
        const got: string[] = [];
        await a.subscribeAgents((e) => got.push(`a:${e.type}`));
        await b.subscribeAgents((e) => got.push(`b:${e.type}`));
        await a.publishToAgents({ type: 'queue_changed' });
        await waitUntil(() => got.length === 2);
        expect(got.sort()).to.deep.equal(['a:queue_changed', 'b:queue_changed']);
      } finally {
        await done();
      }
    });
  });
}

async function waitUntil(cond: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

busContract('InMemoryHandoffBus', () => {
  const bus = new InMemoryHandoffBus();
  return { a: bus, b: bus, done: () => bus.close() };
});

busContract('RedisHandoffBus', () => {
  const t = testRedis('hbus');
  const clients = [createRedisSubscriber(TEST_REDIS_URL), new Redis(TEST_REDIS_URL), createRedisSubscriber(TEST_REDIS_URL)];
  const logger = silentLogger();
  const a = new RedisHandoffBus({ publisher: t.redis, subscriber: clients[0], keys: t.keys, logger });
  const b = new RedisHandoffBus({ publisher: clients[1], subscriber: clients[2], keys: t.keys, logger });
  return {
    a,
    b,
    done: async () => {
      await a.close();
      await b.close();
      clients[1].disconnect();
      await t.cleanup();
    },
  };
});
