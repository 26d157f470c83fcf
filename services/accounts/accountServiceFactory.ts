import type { Redis } from 'ioredis';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { RedisKeys } from '../redis/keys';
import { systemClock, type Clock } from '../clock';
import { FixtureAccountService } from './fixtureAccountService';
import { HttpAccountService } from './httpAccountService';
import { InMemoryAccountCacheStore, RedisAccountCacheStore } from './accountCacheStore';
import { CachedAccountService, type AccountCacheEvent } from './cachedAccountService';

export interface AccountServiceFactoryDeps {
  /** The shared command client; absent in embedded mode (REDIS_URL unset). */
  redis?: Redis;
  keys?: RedisKeys;
  logger: Logger;
  clock?: Clock;
  metrics?: (event: AccountCacheEvent) => void;
}

export interface BuiltAccountService {
  /** What dialogs get: the cache in front of the backend. */
  accounts: CachedAccountService;
  /** The backend itself (HttpAccountService exposes circuitState() for readiness). */
  backend: HttpAccountService | FixtureAccountService;
  mode: 'http' | 'embedded';
  /**
   * The lender-wide official numbers for the caller check: LENDER_OFFICIAL_PHONES when set; else, in embedded demo
   * mode, the demo fixture's collection team numbers (so the demo works unconfigured); else (HTTP lender) none.
   */
  officialPhones: string[];
}

/**
 * Wiring for index.ts: HTTP client when LENDER_API_URL is set, else the embedded fixture backend; Redis cache
 * when a Redis client is given, else the in-memory cache.
 */
export function buildAccountService(config: Config, deps: AccountServiceFactoryDeps): BuiltAccountService {
  const clock = deps.clock ?? systemClock;
  const backend = config.LENDER_API_URL
    ? new HttpAccountService({
        baseUrl: config.LENDER_API_URL,
        apiToken: config.LENDER_API_TOKEN,
        timeoutMs: config.LENDER_TIMEOUT_MS,
        retryAttempts: config.LENDER_RETRY_ATTEMPTS,
        budgetMs: config.LENDER_BUDGET_MS,
        breakerFailures: config.LENDER_BREAKER_FAILURES,
        breakerHalfOpenMs: config.LENDER_BREAKER_HALF_OPEN_MS,
        logger: deps.logger,
        clock,
      })
    : FixtureAccountService.fromFile(config.LENDER_FIXTURE_PATH, clock);
  const ttls = {
    freshMs: config.ACCOUNT_CACHE_TTL_SECONDS * 1000,
    negativeMs: config.ACCOUNT_CACHE_NEGATIVE_TTL_SECONDS * 1000,
    staleMs: config.ACCOUNT_CACHE_STALE_TTL_SECONDS * 1000,
  };
  if (deps.redis && !deps.keys) throw new Error('buildAccountService: keys are required with redis');
  const store = deps.redis ? new RedisAccountCacheStore(deps.redis, deps.keys!, ttls) : new InMemoryAccountCacheStore(ttls, clock);
  const accounts = new CachedAccountService({
    backend,
    store,
    lockLeaseMs: config.ACCOUNT_CACHE_LOCK_MS,
    clock,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  const officialPhones = config.LENDER_OFFICIAL_PHONES.length > 0 ? [...config.LENDER_OFFICIAL_PHONES] : backend instanceof FixtureAccountService ? backend.officialPhones() : [];
  return { accounts, backend, mode: config.LENDER_API_URL ? 'http' : 'embedded', officialPhones };
}
