import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { BotError } from '../errors/botError';
import type { RedisKeys } from '../redis/keys';

/**
 * Serialises the turns of one conversation. botbuilder's BotState writes with eTag `*` (last writer wins), so
 * two turns of one conversation running at once (two instances, a double-clicked button) would lose each
 * other's changes; holding this lock from state load to state save prevents that.
 */
export interface TurnLock {
  /** Run `work` while holding the conversation's lock. Throws BotError('LOCK_TIMEOUT') if it cannot be had in time. */
  withLock<T>(conversationKey: string, work: () => Promise<T>): Promise<T>;
}

export interface TurnLockOptions {
  /** How long to wait for the lock. */
  waitMs: number;
  /**
   * How long a held lock lives if its holder dies. The Redis lock renews the lease every third of it while the
   * turn runs, so it may be much shorter than a slow turn: it bounds how long a killed instance blocks the conversation.
   */
  leaseMs: number;
}

/** In-process lock: a promise chain per conversation. */
export class InMemoryTurnLock implements TurnLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly options: TurnLockOptions) {}

  async withLock<T>(conversationKey: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationKey) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(conversationKey, tail);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.waitMs);
    });
    try {
      const got = await Promise.race([previous.then(() => 'ok' as const), timedOut]);
      if (got === 'timeout') throw new BotError('LOCK_TIMEOUT', `turn lock wait exceeded ${this.options.waitMs} ms`);
      return await work();
    } finally {
      clearTimeout(timer);
      release();
      if (this.tails.get(conversationKey) === tail) this.tails.delete(conversationKey);
    }
  }
}

// Delete the lock only if we still own it.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

// Extend the lease only if we still own the lock.
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

interface RedisWithLockCommands extends Redis {
  bsbLockRelease(key: string, token: string): Promise<number>;
  bsbLockRenew(key: string, token: string, leaseMs: number): Promise<number>;
}

/** Redis lock (SET NX PX with an owner token; released by a compare-and-delete script), shared by all instances. */
export class RedisTurnLock implements TurnLock {
  private readonly redis: RedisWithLockCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: TurnLockOptions & { retryMs?: number },
  ) {
    if (!('bsbLockRelease' in redis)) redis.defineCommand('bsbLockRelease', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    if (!('bsbLockRenew' in redis)) redis.defineCommand('bsbLockRenew', { numberOfKeys: 1, lua: RENEW_SCRIPT });
    this.redis = redis as RedisWithLockCommands;
  }

  async withLock<T>(conversationKey: string, work: () => Promise<T>): Promise<T> {
    const key = this.keys.key('lock', conversationKey);
    const token = randomUUID();
    const deadline = Date.now() + this.options.waitMs;
    let delay = this.options.retryMs ?? 5;
    // Lease TTL: the lock disappears by itself if this process dies mid-turn.
    const tryAcquire = () =>
      this.redis.set(key, token, 'PX', this.options.leaseMs, 'NX').catch((err: unknown) => {
        throw new BotError('STATE_UNAVAILABLE', 'turn lock unavailable', { cause: err });
      });
    while ((await tryAcquire()) !== 'OK') {
      if (Date.now() >= deadline) throw new BotError('LOCK_TIMEOUT', `turn lock wait exceeded ${this.options.waitMs} ms`);
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
      delay = Math.min(delay * 2, 50);
    }
    const renew = setInterval(() => {
      this.redis.bsbLockRenew(key, token, this.options.leaseMs).catch(() => undefined);
    }, Math.max(50, Math.floor(this.options.leaseMs / 3)));
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await this.redis.bsbLockRelease(key, token).catch(() => undefined);
    }
  }
}
