import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../clock';
import type { RedisKeys } from '../redis/keys';
import { accountSchema, type Account } from './accountSchemas';

/** What the cache holds for a borrower: the account as last read, or the fact that there is none. */
export type CachedAccountValue = { kind: 'account'; account: Account; asOf: string } | { kind: 'not_found'; asOf: string };

export interface AccountCacheRead {
  /** Fresh value, if any. */
  value?: CachedAccountValue;
  /** Invalidation counter at read time; pass it back to `fill` so a fill that raced a write is dropped. */
  generation: number;
}

export interface AccountCacheTtls {
  /** Lifetime of a fetched account (ACCOUNT_CACHE_TTL_SECONDS). */
  freshMs: number;
  /** Lifetime of a "not found" (ACCOUNT_CACHE_NEGATIVE_TTL_SECONDS). */
  negativeMs: number;
  /** Lifetime of the last known state kept for the stale fallback (ACCOUNT_CACHE_STALE_TTL_SECONDS). */
  staleMs: number;
}

/**
 * Storage behind CachedAccountService. Implementations: InMemoryAccountCacheStore (embedded mode, one
 * process) and RedisAccountCacheStore (shared by all instances). One contract suite covers both.
 */
export interface AccountCacheStore {
  read(borrowerId: string): Promise<AccountCacheRead>;
  /**
   * Store a fetched value (fresh for its TTL; an account also becomes the last known state) unless the
   * borrower was invalidated after `generation` was read. Resolves whether it was stored.
   */
  fill(borrowerId: string, generation: number, value: CachedAccountValue): Promise<boolean>;
  /** The last known account, kept longer than the fresh value, for the stale fallback. */
  lastKnown(borrowerId: string): Promise<{ account: Account; asOf: string } | undefined>;
  /** Drop the fresh value and bump the generation (the bot wrote something for this borrower). */
  invalidate(borrowerId: string): Promise<void>;
  /** Take the short fill lock; resolves an owner token, or undefined when someone else holds it. */
  tryLock(borrowerId: string, leaseMs: number): Promise<string | undefined>;
  /** Release the lock if `token` still owns it. */
  unlock(borrowerId: string, token: string): Promise<void>;
}

/** Parse a cached value; anything unreadable (e.g. written by an older deployment) counts as absent. */
function decode(raw: string | null | undefined): CachedAccountValue | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as CachedAccountValue;
    if (v.kind === 'not_found' && typeof v.asOf === 'string') return v;
    if (v.kind === 'account' && typeof v.asOf === 'string') {
      const account = accountSchema.safeParse(v.account);
      return account.success ? { kind: 'account', account: account.data, asOf: v.asOf } : undefined;
    }
  } catch {
    // fall through
  }
  return undefined;
}

/** In-process cache for the embedded mode. Expiry by the injected clock. */
export class InMemoryAccountCacheStore implements AccountCacheStore {
  private readonly fresh = new Map<string, { raw: string; until: number }>();
  private readonly last = new Map<string, { raw: string; until: number }>();
  private readonly generations = new Map<string, number>();
  private readonly locks = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly ttls: AccountCacheTtls,
    private readonly clock: Clock = systemClock,
  ) {}

  async read(borrowerId: string): Promise<AccountCacheRead> {
    return { value: decode(this.live(this.fresh, borrowerId)), generation: this.generations.get(borrowerId) ?? 0 };
  }

  async fill(borrowerId: string, generation: number, value: CachedAccountValue): Promise<boolean> {
    if ((this.generations.get(borrowerId) ?? 0) !== generation) return false;
    const now = this.clock.now();
    const raw = JSON.stringify(value);
    this.fresh.set(borrowerId, { raw, until: now + (value.kind === 'account' ? this.ttls.freshMs : this.ttls.negativeMs) });
    if (value.kind === 'account') this.last.set(borrowerId, { raw, until: now + this.ttls.staleMs });
    return true;
  }

  async lastKnown(borrowerId: string): Promise<{ account: Account; asOf: string } | undefined> {
    const v = decode(this.live(this.last, borrowerId));
    return v?.kind === 'account' ? { account: v.account, asOf: v.asOf } : undefined;
  }

  async invalidate(borrowerId: string): Promise<void> {
    this.generations.set(borrowerId, (this.generations.get(borrowerId) ?? 0) + 1);
    this.fresh.delete(borrowerId);
  }

  async tryLock(borrowerId: string, leaseMs: number): Promise<string | undefined> {
    const held = this.locks.get(borrowerId);
    if (held && held.until > this.clock.now()) return undefined;
    const token = randomUUID();
    this.locks.set(borrowerId, { token, until: this.clock.now() + leaseMs });
    return token;
  }

  async unlock(borrowerId: string, token: string): Promise<void> {
    if (this.locks.get(borrowerId)?.token === token) this.locks.delete(borrowerId);
  }

  private live(map: Map<string, { raw: string; until: number }>, id: string): string | undefined {
    const entry = map.get(id);
    if (!entry) return undefined;
    if (entry.until <= this.clock.now()) {
      map.delete(id);
      return undefined;
    }
    return entry.raw;
  }
}

// Store a fill only if no invalidation happened since the reader saw `generation`.
// KEYS: fresh, last, gen   ARGV: generation, value, freshTtlMs, isAccount ('1'/'0'), staleTtlMs
const FILL_SCRIPT = `
local g = redis.call('GET', KEYS[3]) or '0'
if g ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
if ARGV[4] == '1' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[5]) end
return 1
`;

// Drop the fresh value and bump the generation, atomically.  KEYS: fresh, gen   ARGV: genTtlMs
const INVALIDATE_SCRIPT = `
redis.call('DEL', KEYS[1])
local g = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return g
`;

// Delete the lock only if we still own it.
const UNLOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface RedisWithAccountCacheCommands extends Redis {
  bsbAccountFill(fresh: string, last: string, gen: string, generation: number, value: string, freshMs: number, isAccount: string, staleMs: number): Promise<number>;
  bsbAccountInvalidate(fresh: string, gen: string, genTtlMs: number): Promise<number>;
  bsbAccountUnlock(lock: string, token: string): Promise<number>;
}

/**
 * Account cache on Redis, shared by every instance. Keys (all with a TTL):
 * `account:<id>` fresh value (fresh or negative TTL), `account:<id>:last` last known state (stale TTL),
 * `account:<id>:gen` invalidation counter (stale TTL, refreshed on every write), `account:<id>:lock` fill lock (lease).
 */
export class RedisAccountCacheStore implements AccountCacheStore {
  private readonly redis: RedisWithAccountCacheCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttls: AccountCacheTtls,
  ) {
    if (!('bsbAccountFill' in redis)) {
      redis.defineCommand('bsbAccountFill', { numberOfKeys: 3, lua: FILL_SCRIPT });
      redis.defineCommand('bsbAccountInvalidate', { numberOfKeys: 2, lua: INVALIDATE_SCRIPT });
      redis.defineCommand('bsbAccountUnlock', { numberOfKeys: 1, lua: UNLOCK_SCRIPT });
    }
    this.redis = redis as RedisWithAccountCacheCommands;
  }

  async read(borrowerId: string): Promise<AccountCacheRead> {
    const [raw, gen] = await this.redis.mget(this.keys.key('account', borrowerId), this.keys.key('account', borrowerId, 'gen'));
    return { value: decode(raw), generation: Number(gen ?? 0) };
  }

  async fill(borrowerId: string, generation: number, value: CachedAccountValue): Promise<boolean> {
    const isAccount = value.kind === 'account';
    const stored = await this.redis.bsbAccountFill(
      this.keys.key('account', borrowerId),
      this.keys.key('account', borrowerId, 'last'),
      this.keys.key('account', borrowerId, 'gen'),
      generation,
      JSON.stringify(value),
      isAccount ? this.ttls.freshMs : this.ttls.negativeMs,
      isAccount ? '1' : '0',
      this.ttls.staleMs,
    );
    return stored === 1;
  }

  async lastKnown(borrowerId: string): Promise<{ account: Account; asOf: string } | undefined> {
    const v = decode(await this.redis.get(this.keys.key('account', borrowerId, 'last')));
    return v?.kind === 'account' ? { account: v.account, asOf: v.asOf } : undefined;
  }

  async invalidate(borrowerId: string): Promise<void> {
    await this.redis.bsbAccountInvalidate(this.keys.key('account', borrowerId), this.keys.key('account', borrowerId, 'gen'), this.ttls.staleMs);
  }

  async tryLock(borrowerId: string, leaseMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const ok = await this.redis.set(this.keys.key('account', borrowerId, 'lock'), token, 'PX', leaseMs, 'NX');
    return ok === 'OK' ? token : undefined;
  }

  async unlock(borrowerId: string, token: string): Promise<void> {
    await this.redis.bsbAccountUnlock(this.keys.key('account', borrowerId, 'lock'), token);
  }
}
