import Redis, { type RedisOptions } from 'ioredis';
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
