import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import type { RedisKeys } from '../redis/keys';

export interface RateLimit {
  /** Most hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Hits counted in the current window, including this one. */
  count: number;
  /** When the window resets (ms from now). */
  retryAfterMs: number;
}

/** Fixed-window rate limiting per key (a conversation, a user). */
export interface RateLimiter {
  hit(key: string, limit: RateLimit): Promise<RateDecision>;
}

export class InMemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  async hit(key: string, { limit, windowMs }: RateLimit): Promise<RateDecision> {
    const now = this.clock.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
    }
    w.count++;
    return { allowed: w.count <= limit, count: w.count, retryAfterMs: w.start + windowMs - now };
  }

  private sweep(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}

// INCR the window counter; the first hit sets its expiry. Returns [count, pttl].
const HIT_SCRIPT = `
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { c, redis.call('PTTL', KEYS[1]) }
`;

interface RedisWithRateCommands extends Redis {
  bsbRateHit(key: string, windowMs: number): Promise<[number, number]>;
}

/** Shared by all instances; counters expire with their window. */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: RedisWithRateCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    if (!('bsbRateHit' in redis)) redis.defineCommand('bsbRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as RedisWithRateCommands;
  }

  async hit(key: string, { limit, windowMs }: RateLimit): Promise<RateDecision> {
    const [count, pttl] = await this.redis.bsbRateHit(this.keys.key('rate', `${windowMs}`, key), windowMs);
    return { allowed: count <= limit, count, retryAfterMs: Math.max(0, pttl) };
  }
}
