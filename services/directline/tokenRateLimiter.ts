import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import type { RedisKeys } from '../redis/keys';

export interface RateDecision {
  allowed: boolean;
  /** When not allowed: seconds until the next window opens (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Fixed-window rate limit per client key (the page's token endpoint: one key per client address).
 * In-memory for one process, Redis to share the count between instances.
 */
export interface TokenRateLimiter {
  hit(clientKey: string): Promise<RateDecision>;
}

export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

function decide(count: number, now: number, options: RateLimitOptions): RateDecision {
  const windowEnd = (Math.floor(now / options.windowMs) + 1) * options.windowMs;
  return count <= options.limit
    ? { allowed: true, retryAfterSeconds: 0 }
    : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
}

export class InMemoryTokenRateLimiter implements TokenRateLimiter {
  private window = -1;
  private counts = new Map<string, number>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: Clock,
  ) {}

  async hit(clientKey: string): Promise<RateDecision> {
    const now = this.clock.now();
    const window = Math.floor(now / this.options.windowMs);
    // A new window forgets every count of the old one: memory stays bounded by one window's clients.
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(clientKey) ?? 0) + 1;
    this.counts.set(clientKey, count);
    return decide(count, now, this.options);
  }
}

// Count a hit; the key lives one window (TTL set with the first hit).
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`;

interface RedisWithRateCommands extends Redis {
  bsbDlRateHit(key: string, ttlMs: number): Promise<number>;
}

export class RedisTokenRateLimiter implements TokenRateLimiter {
  private readonly redis: RedisWithRateCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    if (!('bsbDlRateHit' in redis)) redis.defineCommand('bsbDlRateHit', { numberOfKeys: 1, lua: HIT });
    this.redis = redis as RedisWithRateCommands;
  }

  async hit(clientKey: string): Promise<RateDecision> {
    const now = this.clock.now();
    const window = Math.floor(now / this.options.windowMs);
    // TTL: one window, so stale counters disappear by themselves.
    const count = await this.redis.bsbDlRateHit(this.keys.key('dlrate', `${clientKey}@${window}`), this.options.windowMs);
    return decide(count, now, this.options);
  }
}
