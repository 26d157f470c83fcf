import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import { InMemoryAttemptStore, RedisAttemptStore, type AttemptPolicy, type VerificationAttemptStore } from '../../../services/identity/attemptStore';
import { InMemoryVerificationStore, RedisVerificationStore, type ConversationIdentity, type VerificationStore } from '../../../services/identity/verificationStore';
import { testRedis } from '../../helpers/redis';

const POLICY: AttemptPolicy = { maxAttempts: 3, lockMs: 30 * 60_000 };

function attemptStoreContract(name: string, make: (clock: ManualClock) => { store: VerificationAttemptStore; done: () => Promise<void> }) {
  describe(`${name} (VerificationAttemptStore contract)`, () => {
    let clock: ManualClock;
    let store: VerificationAttemptStore;
    let done: () => Promise<void>;
    beforeEach(() => {
      clock = new ManualClock();
      ({ store, done } = make(clock));
    });
    afterEach(async () => done());

    it('counts failures and locks at the third for 30 minutes', async () => {
      expect(await store.recordFailure('conv:a')).to.deep.equal({ failures: 1 });
      expect(await store.recordFailure('conv:a')).to.deep.equal({ failures: 2 });
      expect(await store.recordFailure('conv:a')).to.deep.equal({ failures: 3, lockedUntil: clock.now() + POLICY.lockMs });
      expect(await store.get('conv:a')).to.deep.equal({ failures: 3, lockedUntil: clock.now() + POLICY.lockMs });
    });

    it('does not extend a lock with failures recorded while locked', async () => {
      for (let i = 0; i < 3; i++) await store.recordFailure('conv:a');
      const until = (await store.get('conv:a')).lockedUntil;
      clock.advance(60_000);
      expect((await store.recordFailure('conv:a')).lockedUntil).to.equal(until);
    });

    it('unlocks and starts counting again when the lock has passed', async () => {
      for (let i = 0; i < 3; i++) await store.recordFailure('conv:a');
      clock.advance(POLICY.lockMs);
      expect(await store.get('conv:a')).to.deep.equal({ failures: 0 });
      expect(await store.recordFailure('conv:a')).to.deep.equal({ failures: 1 });
    });

    it('forgets old failures after the window', async () => {
      await store.recordFailure('conv:a');
      await store.recordFailure('conv:a');
      clock.advance(POLICY.lockMs + 1);
      expect(await store.get('conv:a')).to.deep.equal({ failures: 0 });
      expect(await store.recordFailure('conv:a')).to.deep.equal({ failures: 1 });
    });

    it('keeps subjects apart and resets one on success', async () => {
      await store.recordFailure('conv:a');
      await store.recordFailure('conv:b');
      await store.reset('conv:a');
      expect(await store.get('conv:a')).to.deep.equal({ failures: 0 });
      expect(await store.get('conv:b')).to.deep.equal({ failures: 1 });
    });

    it('counts concurrent failures exactly', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => store.recordFailure('conv:c')));
      expect(results.map((r) => r.failures).sort()).to.deep.equal([1, 2, 3, 3, 3]);
    });
  });
}

function verificationStoreContract(name: string, make: (clock: ManualClock) => { store: VerificationStore; done: () => Promise<void> }) {
  describe(`${name} (VerificationStore contract)`, () => {
    let clock: ManualClock;
    let store: VerificationStore;
    let done: () => Promise<void>;
    beforeEach(() => {
      clock = new ManualClock();
      ({ store, done } = make(clock));
    });
    afterEach(async () => done());

    const verified = (clockNow: number, ttlMs = 30 * 60_000): ConversationIdentity => ({
      state: 'verified',
      borrowerId: 'D001',
      method: 'id_last6',
      language: 'zh-CN',
      verifiedAt: new Date(clockNow).toISOString(),
      expiresAt: new Date(clockNow + ttlMs).toISOString(),
    });

    it('round-trips an identity per conversation', async () => {
      await store.set('conv/1:中文', verified(clock.now()));
      expect(await store.get('conv/1:中文')).to.deep.equal(verified(clock.now()));
      expect(await store.get('conv/2')).to.equal(undefined);
    });

    it('forgets an identity when it expires', async () => {
      await store.set('c', verified(clock.now()));
      clock.advance(30 * 60_000);
      expect(await store.get('c')).to.equal(undefined);
    });

    it('replaces and deletes', async () => {
      await store.set('c', verified(clock.now()));
      await store.set('c', { ...verified(clock.now()), borrowerId: 'D002' });
      expect((await store.get('c'))?.borrowerId).to.equal('D002');
      await store.delete('c');
      expect(await store.get('c')).to.equal(undefined);
    });
  });
}

attemptStoreContract('InMemoryAttemptStore', (clock) => ({ store: new InMemoryAttemptStore(POLICY, clock), done: async () => undefined }));
attemptStoreContract('RedisAttemptStore', (clock) => {
  const t = testRedis('attempts');
  return { store: new RedisAttemptStore(t.redis, t.keys, POLICY, clock), done: t.cleanup };
});
verificationStoreContract('InMemoryVerificationStore', (clock) => ({ store: new InMemoryVerificationStore(clock), done: async () => undefined }));
verificationStoreContract('RedisVerificationStore', (clock) => {
  const t = testRedis('verif');
  return { store: new RedisVerificationStore(t.redis, t.keys, clock), done: t.cleanup };
});

describe('Redis identity keys', () => {
  it('expire: attempts after the lock, verifications at their expiry', async () => {
    const t = testRedis('idttl');
    try {
      const clock = new ManualClock(Date.now());
      await new RedisAttemptStore(t.redis, t.keys, POLICY, clock).recordFailure('conv:x');
      await new RedisVerificationStore(t.redis, t.keys, clock).set('x', {
        state: 'verified',
        borrowerId: 'D001',
        method: 'token',
        verifiedAt: new Date(clock.now()).toISOString(),
        expiresAt: new Date(clock.now() + 60_000).toISOString(),
      });
      const attemptsTtl = await t.redis.pttl(t.keys.key('verify-attempts', 'conv:x'));
      const verificationTtl = await t.redis.pttl(t.keys.key('verification', 'x'));
      expect(attemptsTtl).to.be.within(POLICY.lockMs - 5000, POLICY.lockMs);
      expect(verificationTtl).to.be.within(55_000, 60_000);
    } finally {
      await t.cleanup();
    }
  });
});
