import type { Redis } from 'ioredis';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { RedisKeys } from '../redis/keys';
import { systemClock, type Clock } from '../clock';
import type { AccountService } from '../accounts/accountService';
import { InMemoryAttemptStore, RedisAttemptStore } from './attemptStore';
import { InMemoryVerificationStore, RedisVerificationStore } from './verificationStore';
import { BorrowerTokenVerifier } from './borrowerTokenVerifier';
import { DevelopmentSmsSender, type SmsSender } from './smsSender';
import { VerificationService } from './verificationService';
import type { RateLimiter } from '../ratelimit/rateLimiter';

export interface VerificationServiceFactoryDeps {
  accounts: Pick<AccountService, 'lookupBorrower'>;
  /** The shared command client; absent in embedded mode. */
  redis?: Redis;
  keys?: RedisKeys;
  logger: Logger;
  /** Default: DevelopmentSmsSender (logs the code, mobile masked). */
  sms?: SmsSender;
  clock?: Clock;
  /** Counts one-time codes sent (per mobile and per conversation); without it codes are not limited. */
  codeLimiter?: RateLimiter;
}

/** Wiring for index.ts: Redis stores when a client is given, else in-memory; token path when a key is configured. */
export async function buildVerificationService(config: Config, deps: VerificationServiceFactoryDeps): Promise<VerificationService> {
  const clock = deps.clock ?? systemClock;
  const attemptPolicy = { maxAttempts: config.IDENTITY_MAX_ATTEMPTS, lockMs: config.IDENTITY_LOCK_SECONDS * 1000 };
  if (deps.redis && !deps.keys) throw new Error('buildVerificationService: keys are required with redis');
  const tokens = BorrowerTokenVerifier.fromConfig(config, clock);
  await tokens?.init(); // a bad public key stops start-up here
  return new VerificationService({
    accounts: deps.accounts,
    attempts: deps.redis ? new RedisAttemptStore(deps.redis, deps.keys!, attemptPolicy, clock) : new InMemoryAttemptStore(attemptPolicy, clock),
    verifications: deps.redis ? new RedisVerificationStore(deps.redis, deps.keys!, clock) : new InMemoryVerificationStore(clock),
    sms: deps.sms ?? new DevelopmentSmsSender(deps.logger),
    tokens,
    policy: {
      maxAttempts: config.IDENTITY_MAX_ATTEMPTS,
      verificationTtlMs: config.IDENTITY_VERIFICATION_TTL_SECONDS * 1000,
      codeTtlMs: config.IDENTITY_CODE_TTL_SECONDS * 1000,
    },
    codeLimits: deps.codeLimiter ? { limiter: deps.codeLimiter, perHour: config.IDENTITY_MAX_CODES_PER_HOUR } : undefined,
    clock,
    logger: deps.logger,
  });
}
