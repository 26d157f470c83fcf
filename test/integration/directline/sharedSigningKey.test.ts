import { expect } from 'chai';
import { startApp, type RunningApp } from '../../helpers/app';
import { TEST_REDIS_URL, testRedis } from '../../helpers/redis';
import { call, startPageConversation } from './directLineHttp';

describe('Direct Line signing key with no DIRECTLINE_TOKEN_SIGNING_KEY configured', () => {
  const running: RunningApp[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.close()));
  });

  it('shares one key through Redis: a token from one instance works on another', async () => {
    const redis = testRedis('dl-key');
    try {
      const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redis.prefix };
      const [a, b] = await Promise.all([startApp(env), startApp(env)]);
      running.push(a, b);
      expect(a.app.config.DIRECTLINE_TOKEN_SIGNING_KEY).to.equal(undefined);

      // Token and conversation from A; polling and posting on B (as after a restart, or behind a load balancer).
      const conv = await startPageConversation(a.url);
      expect(conv.started.status).to.equal(201);
      const polledOnB = await call(b.url, 'GET', `/v3/directline/conversations/${conv.conversationId}/activities`, { bearer: conv.token });
      expect(polledOnB.status, JSON.stringify(polledOnB.body)).to.equal(200);
      const posted = await call(b.url, 'POST', `/v3/directline/conversations/${conv.conversationId}/activities`, {
        bearer: conv.token,
        body: { type: 'message', text: '你好', from: { id: conv.userId }, channelData: { clientActivityID: 'on-b' } },
      });
      expect(posted.status, JSON.stringify(posted.body)).to.equal(200);
      const seenOnA = await conv.poll();
      expect(seenOnA.status).to.equal(200);
      expect(seenOnA.body.activities.map((x: { text?: string }) => x.text)).to.include('你好');
      // And the other way round: B's refreshed token works on A.
      const refreshed = await call(b.url, 'POST', '/v3/directline/tokens/refresh', { bearer: conv.token });
      expect(refreshed.status).to.equal(200);
      expect((await conv.poll('', refreshed.body.token)).status).to.equal(200);

      // One key, kept without a TTL (it must outlive the tokens it signed).
      const key = `${redis.prefix}:directline:signing-key`;
      expect(await redis.redis.ttl(key)).to.equal(-1);
      expect((await redis.redis.get(key))?.length).to.be.at.least(32);
    } finally {
      await redis.cleanup();
    }
  });

  it('keeps a random per-process key in-process (no Redis): another process refuses the token', async () => {
    const [a, b] = await Promise.all([startApp(), startApp()]);
    running.push(a, b);
    const conv = await startPageConversation(a.url);
    expect((await conv.poll()).status).to.equal(200);
    const onB = await call(b.url, 'POST', '/v3/directline/tokens/refresh', { bearer: conv.token });
    expect(onB.status).to.equal(403);
  });
});
