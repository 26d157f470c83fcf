import { expect } from 'chai';
import Redis from 'ioredis';
import { ManualClock } from '../../../services/clock';
import { BotError, isBotError } from '../../../services/errors/botError';
import { captureLogger } from '../../../services/logging/logger';
import { InMemoryAccountCacheStore, RedisAccountCacheStore, type AccountCacheTtls } from '../../../services/accounts/accountCacheStore';
import { CachedAccountService, type AccountCacheEvent } from '../../../services/accounts/cachedAccountService';
import { FixtureAccountService, loadFixtureFile } from '../../../services/accounts/fixtureAccountService';
import type { AccountService } from '../../../services/accounts/accountService';
import { TEST_REDIS_URL, testRedis } from '../../helpers/redis';
import { DEMO_FIXTURE, httpClient, startLender } from './lenderHarness';

const TTLS: AccountCacheTtls = { freshMs: 200, negativeMs: 200, staleMs: 60000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return isBotError(err) ? err.code : String(err);
  }
}

describe('CachedAccountService on Redis in front of the lender API over HTTP', () => {
  let lender: Awaited<ReturnType<typeof startLender>>;
  let redis: ReturnType<typeof testRedis>;
  let clock: ManualClock;
  const extraClients: Redis[] = [];

  const cached = (options: { client?: Redis; metrics?: (e: AccountCacheEvent) => void; logger?: ReturnType<typeof captureLogger>['logger'] } = {}) =>
    new CachedAccountService({
      backend: httpClient(lender.url, { retryAttempts: 1, clock }),
      store: new RedisAccountCacheStore(options.client ?? redis.redis, redis.keys, TTLS),
      lockLeaseMs: 2000,
      pollIntervalMs: 5,
      clock,
      metrics: options.metrics,
      logger: options.logger,
    });

  beforeEach(async () => {
    clock = new ManualClock(Date.parse('2026-11-20T06:05:00Z'));
    lender = await startLender({ latencyMs: 30, clock });
    redis = testRedis('acct');
  });
  afterEach(async () => {
    for (const c of extraClients.splice(0)) c.disconnect();
    await redis.cleanup();
    await lender.close();
  });

  it('answers a second read from the cache without calling the lender', async () => {
    const service = cached();
    const first = await service.getAccount('D003');
    const second = await service.getAccount('D003');
    expect(second).to.deep.equal(first);
    expect(lender.stats.getAccount).to.equal(1);
    expect(service.counters).to.include({ hits: 1, misses: 1, backendCalls: 1 });
  });

  it('reads through to the lender again once the TTL has passed', async () => {
    const service = cached();
    await service.getAccount('D003');
    await sleep(TTLS.freshMs + 50);
    await service.getAccount('D003');
    expect(lender.stats.getAccount).to.equal(2);
  });

  it('makes one lender call for 100 concurrent reads of a cold borrower in one instance', async () => {
    const service = cached();
    const results = await Promise.all(Array.from({ length: 100 }, () => service.getAccount('D004')));
    expect(new Set(results.map((r) => r.account.borrower.id))).to.deep.equal(new Set(['D004']));
    expect(lender.stats.getAccount).to.equal(1);
  });

  it('makes one lender call for concurrent cold reads from two instances sharing Redis', async () => {
    const other = new Redis(TEST_REDIS_URL);
    extraClients.push(other);
    const a = cached();
    const b = cached({ client: other });
    const reads = Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).getAccount('D006'));
    const results = await Promise.all(reads);
    expect(results.every((r) => r.account.collection?.scheduledVisits.length === 1)).to.equal(true);
    expect(lender.stats.getAccount).to.equal(1);
    expect(a.counters.backendCalls + b.counters.backendCalls).to.equal(1);
  });

  it('remembers an unknown borrower and answers ACCOUNT_NOT_FOUND from the cache', async () => {
    const service = cached();
    expect(await errorCodeOf(service.getAccount('NOBODY'))).to.equal('ACCOUNT_NOT_FOUND');
    expect(await errorCodeOf(service.getAccount('NOBODY'))).to.equal('ACCOUNT_NOT_FOUND');
    expect(lender.stats.getAccount).to.equal(1);
    expect(service.counters.negativeHits).to.equal(1);
  });

  for (const [write, run] of [
    ['a complaint', (s: AccountService) => s.createComplaint('D007', { idempotencyKey: 'inv-complaint-1', category: 'harassment', description: '骂人' })],
    ['a plan request', (s: AccountService) => s.createPlanRequest('D007', { idempotencyKey: 'inv-plan-0001', loanId: 'L007-2', type: 'installment', installments: 6, monthlyAmountFen: 220000 })],
    ['a callback', (s: AccountService) => s.createCallback('D007', { idempotencyKey: 'inv-callback-1', windowStart: '2026-11-21T10:00:00+08:00', windowEnd: '2026-11-21T11:00:00+08:00', topic: 'plan' })],
    ['a hardship review', (s: AccountService) => s.createHardshipReview('D007', { idempotencyKey: 'inv-hardship-1', loanIds: ['L007-2'], reason: 'illness' })],
  ] as const) {
    it(`shows ${write} the bot filed on the next read`, async () => {
      const service = cached();
      const before = (await service.getAccount('D007')).account;
      const record = await run(service);
      const after = (await service.getAccount('D007')).account;
      const references = [...after.complaints, ...after.planRequests, ...after.callbacks, ...after.hardshipReviews].map((r) => r.reference);
      expect(references).to.include(record.reference);
      expect(references.length).to.equal(before.complaints.length + before.planRequests.length + before.callbacks.length + before.hardshipReviews.length + 1);
      expect(lender.stats.getAccount).to.equal(2);
    });
  }

  it('reads the account again in the background after a write, so the next read is a cache hit', async () => {
    const service = cached();
    await service.getAccount('D007');
    const record = await service.createComplaint('D007', { idempotencyKey: 'refresh-complaint-1', category: 'harassment', description: '骂人' });
    for (let i = 0; i < 100 && lender.stats.getAccount < 2; i++) await sleep(10);
    await sleep(20); // the refresh stores what it read
    const hitsBefore = service.counters.hits;
    const after = await service.getAccount('D007');
    expect(after.account.complaints.map((c) => c.reference)).to.include(record.reference);
    expect(service.counters.hits).to.equal(hitsBefore + 1);
    expect(lender.stats.getAccount).to.equal(2);
  });

  it('keeps a write that succeeded when the refresh after it fails, and reads the lender on the next turn', async () => {
    const { logger, lines } = captureLogger();
    const fixture = new FixtureAccountService(loadFixtureFile(DEMO_FIXTURE));
    let lenderDown = true;
    const backend: AccountService = Object.assign(Object.create(fixture), {
      getAccount: async (id: string) => {
        if (lenderDown) throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', 'lender down');
        return fixture.getAccount(id);
      },
    });
    const service = new CachedAccountService({ backend, store: new RedisAccountCacheStore(redis.redis, redis.keys, TTLS), lockLeaseMs: 2000, logger });
    const record = await service.createComplaint('D002', { idempotencyKey: 'refresh-fails-1', category: 'fees', description: '费用不清楚' });
    for (let i = 0; i < 100 && !lines.join('').includes('account_cache.refresh_failed'); i++) await sleep(5);
    expect(lines.join('')).to.contain('account_cache.refresh_failed');
    lenderDown = false;
    const after = await service.getAccount('D002');
    expect(after.account.complaints.map((c) => c.reference)).to.deep.equal([record.reference]);
  });

  it('does not cache an account read that raced a write', async () => {
    // The read takes its snapshot before the write and lands after the write's invalidation.
    const fixture = new FixtureAccountService(loadFixtureFile(DEMO_FIXTURE));
    const slowBackend: AccountService = Object.assign(Object.create(fixture), {
      getAccount: async (id: string) => {
        const snapshot = await fixture.getAccount(id);
        await sleep(50);
        return snapshot;
      },
    });
    const service = new CachedAccountService({ backend: slowBackend, store: new RedisAccountCacheStore(redis.redis, redis.keys, TTLS), lockLeaseMs: 2000 });
    const slowRead = service.getAccount('D002');
    await sleep(10);
    const record = await service.createComplaint('D002', { idempotencyKey: 'race-complaint-1', category: 'fees', description: '费用不清楚' });
    expect((await slowRead).account.complaints).to.have.length(0);
    const after = await service.getAccount('D002');
    expect(after.account.complaints.map((c) => c.reference)).to.deep.equal([record.reference]);
  });

  it('serves the last known state, marked stale with its time, when the lender fails', async () => {
    const { logger, lines } = captureLogger();
    const service = cached({ logger });
    const fresh = await service.getAccount('D005');
    expect(fresh).to.include({ stale: false, asOf: '2026-11-20T06:05:00.000Z' });
    clock.advance(10 * 60_000);
    await sleep(TTLS.freshMs + 50);
    lender.inject({ kind: 'status500' }, 5);
    const stale = await service.getAccount('D005');
    expect(stale.stale).to.equal(true);
    expect(stale.asOf).to.equal('2026-11-20T06:05:00.000Z'); // 14:05 in Asia/Shanghai
    expect(stale.account).to.deep.equal(fresh.account);
    expect(service.counters).to.include({ stale: 1, backendErrors: 1 });
    expect(lines.join('')).to.contain('account_cache.stale_served');
  });

  it('fails honestly when the lender fails and nothing is known yet', async () => {
    const service = cached();
    lender.inject({ kind: 'status500' }, 5);
    expect(await errorCodeOf(service.getAccount('D001'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
    expect(service.counters.stale).to.equal(0);
  });

  it('reports hits, misses and backend latency to the metrics callback', async () => {
    const events: AccountCacheEvent[] = [];
    const service = cached({ metrics: (e) => events.push(e) });
    await service.getAccount('D001');
    await service.getAccount('D001');
    const types = events.map((e) => e.type);
    expect(types).to.include.members(['miss', 'backend', 'hit']);
    const backend = events.find((e) => e.type === 'backend') as Extract<AccountCacheEvent, { type: 'backend' }>;
    expect(backend.outcome).to.equal('ok');
    expect(backend.ms).to.be.at.least(25);
    expect(service.counters.backendMsMax).to.be.at.least(25);
  });

  it('keeps answering from the lender when Redis is unreachable', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on('error', () => undefined);
    extraClients.push(dead);
    const service = cached({ client: dead });
    expect((await service.getAccount('D001')).account.borrower.id).to.equal('D001');
    expect(service.counters.storeErrors).to.be.greaterThan(0);
  });
});

describe('CachedAccountService in embedded mode (in-memory store over the fixture backend)', () => {
  it('makes one backend call for concurrent cold reads and caches not-found', async () => {
    const fixture = new FixtureAccountService(loadFixtureFile(DEMO_FIXTURE));
    let calls = 0;
    const counting: AccountService = Object.assign(Object.create(fixture), {
      getAccount: async (id: string) => {
        calls++;
        await sleep(20);
        return fixture.getAccount(id);
      },
    });
    const service = new CachedAccountService({ backend: counting, store: new InMemoryAccountCacheStore(TTLS), lockLeaseMs: 1000 });
    await Promise.all(Array.from({ length: 20 }, () => service.getAccount('D008')));
    expect(calls).to.equal(1);
    expect((await service.getAccount('D008')).account.borrower.language).to.equal('zh-TW');
    expect(await errorCodeOf(service.getAccount('NOBODY'))).to.equal('ACCOUNT_NOT_FOUND');
    expect(await errorCodeOf(service.getAccount('NOBODY'))).to.equal('ACCOUNT_NOT_FOUND');
    expect(calls).to.equal(2);
  });
});
