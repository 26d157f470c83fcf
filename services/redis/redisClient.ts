import Redis, { type RedisOptions } from 'ioredis';
import { BotError } from '../errors/botError';
import type { Logger } from '../logging/logger';

export type { Redis };

/**
 * Create an ioredis client. Commands issued while Redis is down fail fast (no offline queue growth) so a turn
 * can answer honestly instead of hanging; the client keeps reconnecting in the background.
 * Until the first connection is ready commands are queued (start-up, SUBSCRIBE); after that the offline queue is
 * off: with it on, every command waited for the next reconnect attempt (up to 2 s each, several per turn),
 * measured at 1-8 s per turn with Redis stopped (test/integration/resilience/redisOutage.test.ts).
 * Blocking connections must be separate clients: call this again for them. Subscribers: createRedisSubscriber.
 */
export function createRedis(url: string, logger?: Logger, options: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...options,
  });
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger?.warn({ event: 'redis.error', err: err.message }, 'redis error');
    down = true;
  });
  client.on('ready', () => {
    if (options.enableOfflineQueue === undefined) client.options.enableOfflineQueue = false;
    if (down) logger?.info({ event: 'redis.recovered' }, 'redis connection recovered');
    down = false;
  });
  return client;
}

/**
 * A client for SUBSCRIBE only, without ioredis's ready check. That check (INFO) runs after the connection's CLIENT
 * SETINFO replies; a SUBSCRIBE sent in between puts the connection in subscriber mode, the INFO is refused and the
 * client drops the connection ("Connection in subscriber mode, only subscriber commands may be used", ioredis
 * 5.8.2+, redis/ioredis#2037). It stopped the bot at start-up now and then. Reconnects resubscribe by themselves.
 */
export function createRedisSubscriber(url: string, logger?: Logger): Redis {
  return createRedis(url, logger, { enableReadyCheck: false });
}

/** The URL with its password hidden, for messages. */
export function redactedRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * Start-up: resolves once Redis answers PING. Until then it logs `redis.waiting` every few seconds; after
 * `timeoutMs` it throws BotError('STATE_UNAVAILABLE') saying which Redis did not answer and what to do. Before, a
 * Redis that was down at start-up stopped the process with ioredis's MaxRetriesPerRequestError and a stack trace.
 */
export async function waitForRedis(client: Redis, url: string, timeoutMs: number, logger?: Logger): Promise<void> {
  const started = Date.now();
  // The connection's own error (ECONNREFUSED, NOAUTH …) says more than the failed PING's "max retries".
  let connectionError = '';
  let lastError = '';
  const onError = (err: Error) => (connectionError = err.message);
  client.on('error', onError);
  let lastLog = 0;
  try {
    for (;;) {
      try {
        if ((await client.ping()) === 'PONG') return;
      } catch (err) {
        lastError = connectionError || (err as Error).message;
      }
      const waited = Date.now() - started;
      if (waited >= timeoutMs) {
        throw new BotError(
          'STATE_UNAVAILABLE',
          `Redis at ${redactedRedisUrl(url)} did not answer within ${Math.round(timeoutMs / 1000)} s (${lastError || 'no answer'}). ` +
            'Start Redis there, correct REDIS_URL, or leave REDIS_URL empty to run with in-process state.',
        );
      }
      if (waited - lastLog >= 3000) {
        lastLog = waited;
        logger?.warn({ event: 'redis.waiting', url: redactedRedisUrl(url), waitedMs: waited, err: lastError }, 'waiting for Redis');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    client.off('error', onError);
  }
}
