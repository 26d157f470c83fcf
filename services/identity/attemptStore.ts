import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../clock';
import type { RedisKeys } from '../redis/keys';

export interface AttemptPolicy {
  /** Failures that lock (IDENTITY_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Lock duration, and how long a failure is remembered (IDENTITY_LOCK_SECONDS). */
  lockMs: number;
}

export interface AttemptState {
  /** Failures counted in the current window. */
  failures: number;
  /** Epoch ms until which verification is locked; absent when not locked. */
  lockedUntil?: number;
}

/**
 * Failed-verification counters per subject (a conversation, a mobile number). Reaching `maxAttempts` locks the
 * subject for `lockMs`; after the lock, or `lockMs` after the first failure, the count starts again.
 * Implementations: InMemoryAttemptStore, RedisAttemptStore (shared by all instances). One contract suite.
 */
export interface VerificationAttemptStore {
  /** Count one failure (atomically) and return the state after it. A locked subject is not counted further. */
  recordFailure(subject: string): Promise<AttemptState>;
  get(subject: string): Promise<AttemptState>;
  /** Forget the subject's failures (after a success). */
  reset(subject: string): Promise<void>;
}

type Stored = { f: number; u: number; s: number };

/** The one rule, shared by both implementations' reads. */
function current(stored: Stored, now: number, lockMs: number): Stored {
  if (stored.u > 0 && now >= stored.u) return { f: 0, u: 0, s: 0 };
  if (stored.u === 0 && stored.s > 0 && now - stored.s >= lockMs) return { f: 0, u: 0, s: 0 };
  return stored;
}

const toState = (s: Stored, now: number): AttemptState => (s.u > now ? { failures: s.f, lockedUntil: s.u } : { failures: s.f });

export class InMemoryAttemptStore implements VerificationAttemptStore {
  private readonly subjects = new Map<string, Stored>();

  constructor(
    private readonly policy: AttemptPolicy,
    private readonly clock: Clock = systemClock,
  ) {}

  async recordFailure(subject: string): Promise<AttemptState> {
    const now = this.clock.now();
    const s = current(this.subjects.get(subject) ?? { f: 0, u: 0, s: 0 }, now, this.policy.lockMs);
    if (s.u > now) return toState(s, now);
    const next: Stored = { f: s.f + 1, u: 0, s: s.f === 0 ? now : s.s };
    if (next.f >= this.policy.maxAttempts) next.u = now + this.policy.lockMs;
    this.subjects.set(subject, next);
    return toState(next, now);
  }

  async get(subject: string): Promise<AttemptState> {
    const now = this.clock.now();
    return toState(current(this.subjects.get(subject) ?? { f: 0, u: 0, s: 0 }, now, this.policy.lockMs), now);
  }

  async reset(subject: string): Promise<void> {
    this.subjects.delete(subject);
  }
}

// Count a failure atomically. Hash fields: f failures, u locked-until (ms), s window start (ms).
// Time comes from the caller's clock (ARGV), so tests can move it; the key's TTL (real time) only cleans up.
// KEYS: attempts   ARGV: now, maxAttempts, lockMs
const RECORD_FAILURE_SCRIPT = `
local now = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local lockMs = tonumber(ARGV[3])
local v = redis.call('HMGET', KEYS[1], 'f', 'u', 's')
local f, u, s = tonumber(v[1] or '0'), tonumber(v[2] or '0'), tonumber(v[3] or '0')
if u > 0 and now < u then return {f, u} end
if (u > 0 and now >= u) or (u == 0 and s > 0 and now - s >= lockMs) then f, u, s = 0, 0, 0 end
if f == 0 then s = now end
f = f + 1
if f >= max then u = now + lockMs end
redis.call('HSET', KEYS[1], 'f', f, 'u', u, 's', s)
redis.call('PEXPIRE', KEYS[1], lockMs)
return {f, u}
`;

interface RedisWithAttemptCommands extends Redis {
  bsbVerifyRecordFailure(key: string, now: number, max: number, lockMs: number): Promise<[number, number]>;
}

/** Attempt counters in Redis: `verify-attempts:<subject>` hashes, TTL = the lock duration. */
export class RedisAttemptStore implements VerificationAttemptStore {
  private readonly redis: RedisWithAttemptCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly policy: AttemptPolicy,
    private readonly clock: Clock = systemClock,
  ) {
    if (!('bsbVerifyRecordFailure' in redis)) redis.defineCommand('bsbVerifyRecordFailure', { numberOfKeys: 1, lua: RECORD_FAILURE_SCRIPT });
    this.redis = redis as RedisWithAttemptCommands;
  }

  async recordFailure(subject: string): Promise<AttemptState> {
    const now = this.clock.now();
    const [f, u] = await this.redis.bsbVerifyRecordFailure(this.key(subject), now, this.policy.maxAttempts, this.policy.lockMs);
    return toState({ f: Number(f), u: Number(u), s: 0 }, now);
  }

  async get(subject: string): Promise<AttemptState> {
    const now = this.clock.now();
    const [f, u, s] = await this.redis.hmget(this.key(subject), 'f', 'u', 's');
    return toState(current({ f: Number(f ?? 0), u: Number(u ?? 0), s: Number(s ?? 0) }, now, this.policy.lockMs), now);
  }

  async reset(subject: string): Promise<void> {
    await this.redis.del(this.key(subject));
  }

  private key(subject: string): string {
    return this.keys.key('verify-attempts', subject);
  }
}
