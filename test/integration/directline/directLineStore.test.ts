import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import { isBotError } from '../../../services/errors/botError';
import { InMemoryDirectLineStore, type DirectLineStore } from '../../../services/directline/directLineStore';
import { RedisDirectLineStore } from '../../../services/directline/redisDirectLineStore';
import { InMemoryTokenRateLimiter, RedisTokenRateLimiter, type TokenRateLimiter } from '../../../services/directline/tokenRateLimiter';
import { testRedis } from '../../helpers/redis';

const OPTIONS = { ttlMs: 60_000, maxActivities: 5 };

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** One contract for every DirectLineStore. */
function storeContract(name: string, make: () => Promise<{ store: DirectLineStore; done: () => Promise<void> }>) {
  describe(`${name} (DirectLineStore contract)`, () => {
    let store: DirectLineStore;
    let done: () => Promise<void>;
    beforeEach(async () => ({ store, done } = await make()));
    afterEach(async () => done());

    it('keeps a conversation with its borrower token and forgets nothing else', async () => {
      await store.create({ id: 'c1', userId: 'dl_u', createdAt: 1, locale: 'zh-CN', borrowerToken: 'jwt' });
      expect(await store.get('c1')).to.deep.equal({ id: 'c1', userId: 'dl_u', createdAt: 1, locale: 'zh-CN', borrowerToken: 'jwt' });
      expect(await store.get('missing')).to.equal(undefined);
    });

    it('starts a conversation exactly once', async () => {
      await store.create({ id: 'c1', userId: 'u', createdAt: 1 });
      const results = await Promise.all([store.markStarted('c1'), store.markStarted('c1'), store.markStarted('c1')]);
      expect(results.filter(Boolean)).to.have.length(1);
      expect(isBotError(await rejection(store.markStarted('missing')), 'BAD_INPUT')).to.equal(true);
    });

    it('appends in order with positional ids and pages by watermark', async () => {
      await store.create({ id: 'c1', userId: 'u', createdAt: 1 });
      const positions = await Promise.all(['a', 'b', 'c', 'd'].map((text) => store.append('c1', { type: 'message', text })));
      expect([...positions].sort()).to.deep.equal([0, 1, 2, 3]);
      const first = (await store.list('c1', 0, 3))!;
      expect(first.activities.map((a) => a.id)).to.deep.equal(['c1|0000000', 'c1|0000001', 'c1|0000002']);
      expect(first.watermark).to.equal('3');
      const rest = (await store.list('c1', 3, 3))!;
      expect(rest.activities).to.have.length(1);
      expect(rest.watermark).to.equal('4');
      expect(await store.list('c1', 9, 3)).to.deep.equal({ activities: [], watermark: '4' });
      expect(await store.list('missing', 0, 3)).to.equal(undefined);
    });

    it('gives an activity the id of its position whatever id it was stored with', async () => {
      await store.create({ id: 'c1', userId: 'u', createdAt: 1 });
      await store.append('c1', { type: 'message', id: 'client-chosen' });
      expect((await store.list('c1', 0, 10))!.activities[0].id).to.equal('c1|0000000');
    });

    it('refuses appends to an unknown conversation and to a full one', async () => {
      expect(isBotError(await rejection(store.append('missing', { type: 'message' })), 'BAD_INPUT')).to.equal(true);
      await store.create({ id: 'c1', userId: 'u', createdAt: 1 });
      for (let i = 0; i < OPTIONS.maxActivities; i++) await store.append('c1', { type: 'message' });
      expect(isBotError(await rejection(store.append('c1', { type: 'message' })), 'RATE_LIMITED')).to.equal(true);
    });

    it('keeps Unicode text and nested arrays as they were', async () => {
      await store.create({ id: 'c1', userId: 'u', createdAt: 1 });
      const activity = { type: 'message', text: '三千五百元 🙏', attachments: [], entities: [{ type: 'x', list: [1, 2] }] };
      await store.append('c1', activity);
      expect((await store.list('c1', 0, 1))!.activities[0]).to.deep.equal({ ...activity, id: 'c1|0000000' });
    });
  });
}

storeContract('InMemoryDirectLineStore', async () => ({
  store: new InMemoryDirectLineStore(OPTIONS, new ManualClock()),
  done: async () => undefined,
}));

storeContract('RedisDirectLineStore', async () => {
  const r = testRedis('dlstore');
  return { store: new RedisDirectLineStore(r.redis, r.keys, OPTIONS), done: r.cleanup };
});

describe('DirectLineStore expiry', () => {
  it('forgets an in-memory conversation a TTL after its last write', async () => {
    const clock = new ManualClock();
    const store = new InMemoryDirectLineStore(OPTIONS, clock);
    await store.create({ id: 'c1', userId: 'u', createdAt: 1 });
    clock.advance(50_000);
    await store.append('c1', { type: 'message' });
    clock.advance(50_000);
    expect(await store.get('c1')).to.not.equal(undefined);
    clock.advance(10_001);
    expect(await store.get('c1')).to.equal(undefined);
  });

  it('gives both Redis keys of a conversation the TTL, refreshed by each append', async () => {
    const r = testRedis('dlttl');
    try {
      const store = new RedisDirectLineStore(r.redis, r.keys, OPTIONS);
      await store.create({ id: 'c1', userId: 'u', createdAt: 1 });
      await r.redis.pexpire(r.keys.key('dlconv', 'c1'), 1000);
      await store.append('c1', { type: 'message' });
      for (const key of [r.keys.key('dlconv', 'c1'), r.keys.key('dlconv', 'c1', 'activities')]) {
        expect(await r.redis.pttl(key), key).to.be.within(50_000, 60_000);
      }
    } finally {
      await r.cleanup();
    }
  });
});

/** One contract for every TokenRateLimiter. */
function rateLimiterContract(name: string, make: (clock: ManualClock) => Promise<{ limiter: TokenRateLimiter; done: () => Promise<void> }>) {
  describe(`${name} (TokenRateLimiter contract)`, () => {
    let clock: ManualClock;
    let limiter: TokenRateLimiter;
    let done: () => Promise<void>;
    beforeEach(async () => {
      clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 15));
      ({ limiter, done } = await make(clock));
    });
    afterEach(async () => done());

    it('allows the limit per window, then says how long to wait', async () => {
      expect((await limiter.hit('1.2.3.4')).allowed).to.equal(true);
      expect((await limiter.hit('1.2.3.4')).allowed).to.equal(true);
      const third = await limiter.hit('1.2.3.4');
      expect(third).to.deep.equal({ allowed: false, retryAfterSeconds: 45 });
    });

    it('counts each client separately and starts afresh in the next window', async () => {
      await limiter.hit('a');
      await limiter.hit('a');
      expect((await limiter.hit('b')).allowed).to.equal(true);
      clock.advance(45_000);
      expect((await limiter.hit('a')).allowed).to.equal(true);
    });
  });
}

rateLimiterContract('InMemoryTokenRateLimiter', async (clock) => ({
  limiter: new InMemoryTokenRateLimiter({ limit: 2, windowMs: 60_000 }, clock),
  done: async () => undefined,
}));

rateLimiterContract('RedisTokenRateLimiter', async (clock) => {
  const r = testRedis('dlrate');
  return { limiter: new RedisTokenRateLimiter(r.redis, r.keys, { limit: 2, windowMs: 60_000 }, clock), done: r.cleanup };
});
