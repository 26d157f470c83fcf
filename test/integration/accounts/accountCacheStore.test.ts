import { expect } from 'chai';
import { InMemoryAccountCacheStore, RedisAccountCacheStore, type AccountCacheStore, type AccountCacheTtls } from '../../../services/accounts/accountCacheStore';
import { loadFixtureFile } from '../../../services/accounts/fixtureAccountService';
import { testRedis } from '../../helpers/redis';
import { DEMO_FIXTURE } from './lenderHarness';

const account = loadFixtureFile(DEMO_FIXTURE)[0].account;
const TTLS: AccountCacheTtls = { freshMs: 150, negativeMs: 80, staleMs: 60000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const value = (asOf = '2026-11-20T02:00:00.000Z') => ({ kind: 'account' as const, account, asOf });

/** One contract for both account cache stores. TTLs run on real time (both follow the system clock here). */
function accountCacheStoreContract(name: string, make: () => { store: AccountCacheStore; done: () => Promise<void> }) {
  describe(`${name} (AccountCacheStore contract)`, () => {
    let store: AccountCacheStore;
    let done: () => Promise<void>;
    beforeEach(() => ({ store, done } = make()));
    afterEach(async () => done());

    it('misses an unknown borrower with generation 0', async () => {
      expect(await store.read('D001')).to.deep.equal({ value: undefined, generation: 0 });
    });

    it('returns a filled account until its TTL passes', async () => {
      expect(await store.fill('D001', 0, value())).to.equal(true);
      const read = await store.read('D001');
      expect(read.value).to.deep.equal(value());
      await sleep(TTLS.freshMs + 40);
      expect((await store.read('D001')).value).to.equal(undefined);
    });

    it('keeps the last known account after the fresh value expires', async () => {
      await store.fill('D001', 0, value('2026-11-20T06:05:00.000Z'));
      await sleep(TTLS.freshMs + 40);
      expect(await store.lastKnown('D001')).to.deep.equal({ account, asOf: '2026-11-20T06:05:00.000Z' });
    });

    it('remembers not-found for the shorter negative TTL and does not make it the last known state', async () => {
      await store.fill('X', 0, { kind: 'not_found', asOf: '2026-11-20T02:00:00.000Z' });
      expect((await store.read('X')).value?.kind).to.equal('not_found');
      expect(await store.lastKnown('X')).to.equal(undefined);
      await sleep(TTLS.negativeMs + 40);
      expect((await store.read('X')).value).to.equal(undefined);
    });

    it('drops the fresh value and bumps the generation on invalidate', async () => {
      await store.fill('D001', 0, value());
      await store.invalidate('D001');
      expect(await store.read('D001')).to.deep.equal({ value: undefined, generation: 1 });
      expect(await store.lastKnown('D001')).to.not.equal(undefined);
    });

    it('refuses a fill whose generation is older than the last invalidation', async () => {
      const before = await store.read('D001');
      await store.invalidate('D001');
      expect(await store.fill('D001', before.generation, value())).to.equal(false);
      expect((await store.read('D001')).value).to.equal(undefined);
      expect(await store.fill('D001', before.generation + 1, value())).to.equal(true);
    });

    it('gives the lock to one holder at a time and frees it on unlock or lease end', async () => {
      const token = await store.tryLock('D001', 100);
      expect(token).to.be.a('string');
      expect(await store.tryLock('D001', 100)).to.equal(undefined);
      await store.unlock('D001', 'not-the-owner');
      expect(await store.tryLock('D001', 100)).to.equal(undefined);
      await store.unlock('D001', token!);
      const second = await store.tryLock('D001', 60);
      expect(second).to.be.a('string');
      await sleep(90);
      expect(await store.tryLock('D001', 60)).to.be.a('string');
    });

    it('treats an unreadable cached value as a miss', async () => {
      await store.fill('D001', 0, { kind: 'account', account: { ...account, loans: 'broken' } as never, asOf: 'x' });
      expect((await store.read('D001')).value).to.equal(undefined);
    });
  });
}

accountCacheStoreContract('InMemoryAccountCacheStore', () => ({ store: new InMemoryAccountCacheStore(TTLS), done: async () => undefined }));

accountCacheStoreContract('RedisAccountCacheStore', () => {
  const t = testRedis('acache');
  return { store: new RedisAccountCacheStore(t.redis, t.keys, TTLS), done: t.cleanup };
});

describe('RedisAccountCacheStore keys', () => {
  it('puts a TTL on every key it writes', async () => {
    const t = testRedis('acache-ttl');
    try {
      const store = new RedisAccountCacheStore(t.redis, t.keys, { freshMs: 60000, negativeMs: 30000, staleMs: 86400000 });
      await store.fill('D001', 0, value());
      await store.invalidate('D001');
      await store.fill('D001', 1, value());
      await store.tryLock('D001', 3000);
      const [, keys] = await t.redis.scan('0', 'MATCH', `${t.prefix}:*`, 'COUNT', 1000);
      expect(keys.sort()).to.deep.equal([`${t.prefix}:account:D001`, `${t.prefix}:account:D001:gen`, `${t.prefix}:account:D001:last`, `${t.prefix}:account:D001:lock`]);
      for (const key of keys) expect(await t.redis.pttl(key), key).to.be.greaterThan(0);
    } finally {
      await t.cleanup();
    }
  });
});
