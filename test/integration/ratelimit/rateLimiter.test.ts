import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import { InMemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../../services/ratelimit/rateLimiter';
import { testRedis } from '../../helpers/redis';

function rateLimiterContract(name: string, make: () => { limiter: RateLimiter; wait: (ms: number) => Promise<void>; done: () => Promise<void> }) {
  describe(`${name} (RateLimiter contract)`, () => {
    it('allows up to the limit in a window, refuses beyond it, and allows again in the next window', async () => {
      const { limiter, wait, done } = make();
      try {
        const limit = { limit: 3, windowMs: 300 };
        const decisions = [];
        for (let i = 0; i < 5; i++) decisions.push(await limiter.hit('conv-a', limit));
        expect(decisions.map((d) => d.allowed)).to.deep.equal([true, true, true, false, false]);
        expect(decisions[3].count).to.equal(4);
        expect(decisions[3].retryAfterMs).to.be.within(1, 300);
        expect((await limiter.hit('conv-b', limit)).allowed, 'other keys are independent').to.equal(true);
        await wait(350);
        expect((await limiter.hit('conv-a', limit)).allowed).to.equal(true);
      } finally {
        await done();
      }
    });

    it('counts several keys with their own limits and windows in one call, decisions in order', async () => {
      const { limiter, wait, done } = make();
      try {
        const conv = { limit: 2, windowMs: 300 };
        const user = { limit: 5, windowMs: 60_000 };
        const rounds = [];
        for (let i = 0; i < 3; i++) rounds.push(await limiter.hitMany([{ key: 'c:1', limit: conv }, { key: 'u:1', limit: user }]));
        expect(rounds.map((r) => r.map((d) => d.allowed))).to.deep.equal([[true, true], [true, true], [false, true]]);
        expect(rounds[2].map((d) => d.count)).to.deep.equal([3, 3]);
        expect(rounds[2][1].retryAfterMs).to.be.above(300);
        expect((await limiter.hit('u:1', user)).count, 'hit and hitMany share counters').to.equal(4);
        expect(await limiter.hitMany([])).to.deep.equal([]);
        await wait(350);
        const [c, u] = await limiter.hitMany([{ key: 'c:1', limit: conv }, { key: 'u:1', limit: user }]);
        expect([c.allowed, c.count, u.allowed, u.count]).to.deep.equal([true, 1, true, 5]);
      } finally {
        await done();
      }
    });
  });
}

rateLimiterContract('InMemoryRateLimiter', () => {
  const clock = new ManualClock();
  return { limiter: new InMemoryRateLimiter(clock), wait: async (ms) => clock.advance(ms), done: async () => undefined };
});
rateLimiterContract('RedisRateLimiter', () => {
  const r = testRedis('rate');
  return { limiter: new RedisRateLimiter(r.redis, r.keys), wait: (ms) => new Promise((res) => setTimeout(res, ms)), done: r.cleanup };
});
