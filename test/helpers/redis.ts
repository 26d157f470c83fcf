import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RedisKeys } from '../../services/redis/keys';

/** The machine's shared Redis for integration tests (CI starts one if missing). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A real Redis connection with a key prefix unique to this test. `cleanup()` deletes every key under the
 * prefix (SCAN, never KEYS) and closes the client.
 */
export function testRedis(label = 't'): { redis: Redis; prefix: string; keys: RedisKeys; cleanup: () => Promise<void> } {
  const prefix = `test-${label}-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
  return {
    redis,
    prefix,
    keys: new RedisKeys(prefix),
    cleanup: async () => {
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    },
  };
}

export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (found.length) await redis.del(...found);
  } while (cursor !== '0');
}
