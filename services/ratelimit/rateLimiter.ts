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
  /** Count one hit on each key at once (one round trip on Redis); decisions in the same order. */
  hitMany(hits: ReadonlyArray<{ key: string; limit: RateLimit }>): Promise<RateDecision[]>;
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

  async hitMany(hits: ReadonlyArray<{ key: string; limit: RateLimit }>): Promise<RateDecision[]> {
    return Promise.all(hits.map((h) => this.hit(h.key, h.limit)));
  }

  private sweep(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}

// For each key: INCR the window counter; the first hit sets its expiry (ARGV[i] is that key's window).
// Returns { count1, pttl1, count2, pttl2, ... }.
const HIT_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local c = redis.call('INCR', key)
  if c == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
  out[#out + 1] = c
  out[#out + 1] = redis.call('PTTL', key)
end
return out
`;

interface RedisWithRateCommands extends Redis {
  bsbRateHit(numberOfKeys: number, ...keysThenWindows: Array<string | number>): Promise<number[]>;
}

/** Shared by all instances; counters expire with their window. */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: RedisWithRateCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    if (!('bsbRateHit' in redis)) redis.defineCommand('bsbRateHit', { lua: HIT_SCRIPT });
    this.redis = redis as RedisWithRateCommands;
  }

  async hit(key: string, limit: RateLimit): Promise<RateDecision> {
    const [decision] = await this.hitMany([{ key, limit }]);
    return decision;
  }

  async hitMany(hits: ReadonlyArray<{ key: string; limit: RateLimit }>): Promise<RateDecision[]> {
    if (!hits.length) return [];
    const keys = hits.map((h) => this.keys.key('rate', `${h.limit.windowMs}`, h.key));
    const out = await this.redis.bsbRateHit(hits.length, ...keys, ...hits.map((h) => h.limit.windowMs));
    return hits.map((h, i) => {
      const count = out[2 * i];
      return { allowed: count <= h.limit.limit, count, retryAfterMs: Math.max(0, out[2 * i + 1]) };
    });
  }
}
