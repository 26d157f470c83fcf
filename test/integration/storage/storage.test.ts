import { expect } from 'chai';
import { MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { LeanConversationState } from '../../../bots/leanConversationState';
import { RedisStorage } from '../../../services/storage/redisStorage';
import { InMemoryTurnLock, RedisTurnLock, type TurnLock } from '../../../services/storage/turnLock';
import { testRedis } from '../../helpers/redis';

/** One contract for every botbuilder Storage the bot may run on. */
function storageContract(name: string, make: () => Promise<{ storage: Storage; done: () => Promise<void> }>) {
  describe(`${name} (Storage contract)`, () => {
    let storage: Storage;
    let done: () => Promise<void>;
    beforeEach(async () => ({ storage, done } = await make()));
    afterEach(async () => done());

    it('leaves unknown keys out of reads', async () => {
      await storage.write({ a: { v: 1 } });
      const items = await storage.read(['a', 'missing']);
      expect(Object.keys(items)).to.deep.equal(['a']);
      expect(items.a.v).to.equal(1);
      expect(items.a.eTag).to.be.a('string').and.not.equal('');
    });

    it('accepts an empty write', async () => {
      await storage.write({});
      expect(await storage.read([])).to.deep.equal({});
    });

    it('rejects a write with a stale eTag and keeps the stored value', async () => {
      await storage.write({ k: { v: 1 } });
      const first = (await storage.read(['k'])).k;
      await storage.write({ k: { v: 2, eTag: first.eTag } });
      let failed = false;
      try {
        await storage.write({ k: { v: 3, eTag: first.eTag } });
      } catch {
        failed = true;
      }
      expect(failed, 'stale write must be rejected').to.equal(true);
      expect((await storage.read(['k'])).k.v).to.equal(2);
    });

    it('overwrites whatever is stored when the eTag is *', async () => {
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2 } });
      await storage.write({ k: { v: 9, eTag: '*' } });
      expect((await storage.read(['k'])).k.v).to.equal(9);
    });

    it('deletes items and ignores unknown keys on delete', async () => {
      await storage.write({ k: { v: 1 } });
      await storage.delete(['k', 'never-there']);
      expect(await storage.read(['k'])).to.deep.equal({});
    });

    it('round-trips keys with odd characters and nested JSON', async () => {
      const key = 'emulator/conversations/a:b c|中文/😀/../x';
      await storage.write({ [key]: { nested: { list: [1, 'two', null], text: '逾期 "quoted" \\ back' } } });
      const items = await storage.read([key]);
      expect(items[key].nested).to.deep.equal({ list: [1, 'two', null], text: '逾期 "quoted" \\ back' });
    });

    it('lets exactly one of two concurrent writes with the same eTag win', async () => {
      await storage.write({ k: { v: 0 } });
      const { eTag } = (await storage.read(['k'])).k;
      const results = await Promise.allSettled([
        storage.write({ k: { v: 'A', eTag } }),
        storage.write({ k: { v: 'B', eTag } }),
      ]);
      const wins = results.filter((r) => r.status === 'fulfilled');
      expect(wins).to.have.length(1);
      const winner = results[0].status === 'fulfilled' ? 'A' : 'B';
      expect((await storage.read(['k'])).k.v).to.equal(winner);
    });
  });
}

storageContract('MemoryStorage', async () => ({ storage: new MemoryStorage(), done: async () => undefined }));

storageContract('RedisStorage', async () => {
  const r = testRedis('storage');
  return { storage: new RedisStorage(r.redis, r.keys, { ttlSeconds: 60 }), done: r.cleanup };
});

describe('RedisStorage', () => {
  it('applies the configured TTL to every item it writes', async () => {
    const r = testRedis('storage-ttl');
    try {
      const storage = new RedisStorage(r.redis, r.keys, { ttlSeconds: 120 });
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      const ttlA = await r.redis.ttl(r.keys.key('state', 'a'));
      const ttlB = await r.redis.ttl(r.keys.key('state', 'b'));
      expect(ttlA).to.be.within(110, 120);
      expect(ttlB).to.be.within(110, 120);
    } finally {
      await r.cleanup();
    }
  });

  it('hands LeanConversationState the JSON it read: an unchanged turn writes nothing, a change is written once', async () => {
    const r = testRedis('storage-lean');
    try {
      const storage = new RedisStorage(r.redis, r.keys, { ttlSeconds: 60 });
      let writes = 0;
      const counting: Storage = {
        read: (keys) => storage.read(keys),
        write: async (changes) => {
          writes++;
          await storage.write(changes);
        },
        delete: (keys) => storage.delete(keys),
      };
      const state = new LeanConversationState(counting);
      const profile = state.createProperty<{ language: string; seen: number[]; 名字?: string }>('profile');
      const turn = () =>
        new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1' } as never, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' } });

      let ctx = turn();
      await profile.get(ctx, { language: 'zh-Hans', seen: [1, 2], 名字: '张三' });
      await state.saveChanges(ctx);
      expect(writes, 'a new state is written').to.equal(1);

      ctx = turn();
      expect(await profile.get(ctx)).to.deep.equal({ language: 'zh-Hans', seen: [1, 2], 名字: '张三' });
      await state.saveChanges(ctx);
      expect(writes, 'read back and unchanged: not written again').to.equal(1);

      ctx = turn();
      (await profile.get(ctx))!.seen.push(3);
      await state.saveChanges(ctx);
      expect(writes, 'a change deep inside is written').to.equal(2);

      ctx = turn();
      expect((await profile.get(ctx))!.seen).to.deep.equal([1, 2, 3]);
    } finally {
      await r.cleanup();
    }
  });

  it('writes nothing when one item of a multi-item write is stale', async () => {
    const r = testRedis('storage-atomic');
    try {
      const storage = new RedisStorage(r.redis, r.keys, { ttlSeconds: 60 });
      await storage.write({ a: { v: 1 } });
      const stale = (await storage.read(['a'])).a.eTag;
      await storage.write({ a: { v: 2 } });
      let failed = false;
      await storage.write({ b: { v: 'new' }, a: { v: 3, eTag: stale } }).catch(() => (failed = true));
      expect(failed).to.equal(true);
      expect(await storage.read(['b'])).to.deep.equal({});
    } finally {
      await r.cleanup();
    }
  });
});

function lockContract(name: string, make: () => Promise<{ lock: TurnLock; done: () => Promise<void> }>) {
  describe(`${name} (TurnLock contract)`, () => {
    it('runs the turns of one conversation one after the other', async () => {
      const { lock, done } = await make();
      try {
        let inside = 0;
        let maxInside = 0;
        const order: number[] = [];
        await Promise.all(
          [1, 2, 3, 4, 5].map((n) =>
            lock.withLock('conv-1', async () => {
              inside++;
              maxInside = Math.max(maxInside, inside);
              await new Promise((r) => setTimeout(r, 10));
              order.push(n);
              inside--;
            }),
          ),
        );
        expect(maxInside).to.equal(1);
        expect(order).to.have.length(5);
      } finally {
        await done();
      }
    });

    it('lets different conversations run at the same time', async () => {
      const { lock, done } = await make();
      try {
        let inside = 0;
        let maxInside = 0;
        await Promise.all(
          ['a', 'b', 'c'].map((c) =>
            lock.withLock(c, async () => {
              inside++;
              maxInside = Math.max(maxInside, inside);
              await new Promise((r) => setTimeout(r, 30));
              inside--;
            }),
          ),
        );
        expect(maxInside).to.equal(3);
      } finally {
        await done();
      }
    });

    it('gives up with LOCK_TIMEOUT when the lock is held too long, and releases after an error', async () => {
      const { lock, done } = await make();
      try {
        const holder = lock.withLock('conv-2', () => new Promise((r) => setTimeout(r, 400)));
        await new Promise((r) => setTimeout(r, 20));
        const err = await lock.withLock('conv-2', async () => 'x').catch((e: { code?: string }) => e);
        expect((err as { code?: string }).code).to.equal('LOCK_TIMEOUT');
        await holder;
        await lock.withLock('conv-3', async () => {
          throw new Error('boom');
        }).catch(() => undefined);
        expect(await lock.withLock('conv-3', async () => 'free')).to.equal('free');
      } finally {
        await done();
      }
    });
  });
}

lockContract('InMemoryTurnLock', async () => ({ lock: new InMemoryTurnLock({ waitMs: 150, leaseMs: 5000 }), done: async () => undefined }));
lockContract('RedisTurnLock', async () => {
  const r = testRedis('lock');
  return { lock: new RedisTurnLock(r.redis, r.keys, { waitMs: 150, leaseMs: 5000 }), done: r.cleanup };
});
