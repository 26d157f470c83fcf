import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { createRedis, createRedisSubscriber } from '../../../services/redis/redisClient';
import { RedisProcess, waitFor } from '../../helpers/processes';
import { TEST_REDIS_URL } from '../../helpers/redis';

/**
 * SUBSCRIBE sent as soon as the connection is up (the moment index.ts's start-up can reach it): what happens to the
 * connection. ioredis 5.8.2+ sends its ready check (INFO) after CLIENT SETINFO, so a SUBSCRIBE in between made the
 * check fail and the client drop the connection (redis/ioredis#2037).
 */
async function subscribeOnConnect(client: Redis, channel: string): Promise<{ errors: string[]; received: string[] }> {
  const errors: string[] = [];
  const received: string[] = [];
  client.on('error', (err: Error) => errors.push(err.message));
  client.on('message', (_channel: string, message: string) => received.push(message));
  await new Promise<void>((resolve, reject) => client.once('connect', () => client.subscribe(channel).then(() => resolve(), reject)));
  await new Promise((r) => setTimeout(r, 100));
  return { errors, received };
}

describe('Redis subscriber client', () => {
  const clients: Redis[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });

  it('subscribes on connect without a failed ready check, and receives', async () => {
    const publisher = createRedis(TEST_REDIS_URL);
    clients.push(publisher);
    for (let i = 0; i < 5; i++) {
      const channel = `test-subscriber-${process.pid}-${i}`;
      const subscriber = createRedisSubscriber(TEST_REDIS_URL);
      clients.push(subscriber);
      const seen = await subscribeOnConnect(subscriber, channel);
      expect(await publisher.publish(channel, 'hello')).to.equal(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.errors).to.deep.equal([]);
      expect(seen.received).to.deep.equal(['hello']);
    }
  });

  it('subscribes again by itself when Redis comes back (own redis-server, killed and restarted)', async function () {
    this.timeout(30_000);
    const server = await RedisProcess.start();
    try {
      const subscriber = createRedisSubscriber(server.url);
      const publisher = createRedis(server.url);
      clients.push(subscriber, publisher);
      const seen = await subscribeOnConnect(subscriber, 'test-resubscribe');
      await server.kill();
      await server.restart();
      await waitFor('the subscriber is back on its channel', async () => (await publisher.publish('test-resubscribe', 'back').catch(() => 0)) === 1, 10_000, 100);
      await waitFor('the message arrives', async () => seen.received.includes('back'), 2_000);
    } finally {
      await server.stop();
    }
  });

  it('(the failure it avoids) an ordinary client that subscribes on connect fails its ready check', async () => {
    const ordinary = createRedis(TEST_REDIS_URL);
    clients.push(ordinary);
    const seen = await subscribeOnConnect(ordinary, `test-subscriber-${process.pid}-ordinary`);
    expect(seen.errors.join(' ')).to.match(/subscriber mode|only \(P\|S\)SUBSCRIBE/);
  });
});
