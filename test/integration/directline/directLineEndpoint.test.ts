import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import { testRedis } from '../../helpers/redis';
import { call, startPageConversation } from './directLineHttp';
import { startDirectLineServer, TEST_SECRET, type TestServer } from './directLineTestServer';
import { EchoBotEndpoint } from './echoBotEndpoint';

const texts = (activities: Array<{ text?: string }>) => activities.map((a) => a.text ?? '');

describe('built-in Direct Line endpoint (over HTTP)', () => {
  let server: TestServer;
  let bot: EchoBotEndpoint;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock();
    bot = new EchoBotEndpoint();
    server = await startDirectLineServer({ bot, clock, pageSize: 3, env: { DIRECTLINE_BOT_TIMEOUT_MS: '1000' } });
  });
  afterEach(async () => server.close());

  describe('starting a conversation', () => {
    it('answers 201 with the conversation, a token and an empty streamUrl, and greets once', async () => {
      const conv = await startPageConversation(server.url, { locale: 'zh-TW' });
      expect(conv.started.status).to.equal(201);
      expect(conv.started.body).to.include({ conversationId: conv.conversationId, expires_in: 1800, streamUrl: '' });
      expect(conv.started.body.token).to.be.a('string');

      const update = bot.received.find((a) => a.type === 'conversationUpdate')!;
      expect(update.channelId).to.equal('directline');
      expect(update.serviceUrl).to.equal(server.url);
      expect(update.locale).to.equal('zh-TW');
      expect(update.membersAdded!.map((m) => m.id)).to.deep.equal([update.recipient.id, conv.userId]);

      const again = await call(server.url, 'POST', '/v3/directline/conversations', { bearer: conv.token, body: {} });
      expect(again.status).to.equal(200);
      expect(bot.received.filter((a) => a.type === 'conversationUpdate')).to.have.length(1);

      const page = await conv.poll();
      expect(texts(page.body.activities)).to.deep.equal(['您好，我是在线客服助手。请问有什么可以帮您？']);
    });

    it('starts a conversation for a holder of the secret, under the user it names', async () => {
      const started = await call(server.url, 'POST', '/v3/directline/conversations', { bearer: TEST_SECRET, body: { user: { id: 'lender-app-42' } } });
      expect(started.status).to.equal(201);
      expect(bot.received.at(-1)!.membersAdded!.map((m) => m.id)).to.include('lender-app-42');
    });

    it('generates a token with the secret and refuses tokens/generate without it', async () => {
      const generated = await call(server.url, 'POST', '/v3/directline/tokens/generate', { bearer: TEST_SECRET, body: { user: { id: 'u1' } } });
      expect(generated.status).to.equal(200);
      expect(generated.body).to.have.keys('conversationId', 'token', 'expires_in');
      const started = await call(server.url, 'POST', '/v3/directline/conversations', { bearer: generated.body.token });
      expect(started.body.conversationId).to.equal(generated.body.conversationId);

      expect((await call(server.url, 'POST', '/v3/directline/tokens/generate')).status).to.equal(401);
      const withToken = await call(server.url, 'POST', '/v3/directline/tokens/generate', { bearer: generated.body.token });
      expect(withToken.status).to.equal(403);
    });
  });

  describe('activities', () => {
    it("echoes the user's activity with an id and the same clientActivityID, then the bot's reply", async () => {
      const conv = await startPageConversation(server.url);
      const first = await conv.poll();
      const posted = await conv.post({
        type: 'message',
        text: '催收说要起诉我',
        from: { id: 'r_fake', name: '张三', role: 'user' },
        channelData: { clientActivityID: 'client-1', clientTimestamp: '2026-11-20T02:00:00.000Z' },
      });
      expect(posted.status).to.equal(200);
      expect(posted.body.id).to.equal(`${conv.conversationId}|0000001`);

      const page = await conv.poll(first.body.watermark);
      const [echo, reply] = page.body.activities;
      expect(echo).to.deep.include({ id: posted.body.id, type: 'message', text: '催收说要起诉我', channelId: 'directline' });
      expect(echo.channelData.clientActivityID).to.equal('client-1');
      expect(echo.from).to.deep.equal({ id: conv.userId, name: '张三', role: 'user' });
      expect(reply).to.deep.include({ text: '收到：催收说要起诉我', replyToId: posted.body.id });
      expect(page.body.watermark).to.equal('3');
    });

    it('pages through activities with watermarks', async () => {
      const conv = await startPageConversation(server.url);
      for (const text of ['一', '二', '三']) await conv.post({ type: 'message', text });
      // greeting + 3 × (echo, reply) = 7 activities, pages of 3.
      const seen: string[] = [];
      const watermarks: string[] = [];
      let watermark = '';
      for (let i = 0; i < 4; i++) {
        const page = await conv.poll(watermark);
        expect(page.body.activities.length).to.be.at.most(3);
        seen.push(...texts(page.body.activities));
        watermark = page.body.watermark;
        watermarks.push(watermark);
      }
      expect(watermarks).to.deep.equal(['3', '6', '7', '7']);
      expect(seen).to.deep.equal(['您好，我是在线客服助手。请问有什么可以帮您？', '一', '收到：一', '二', '收到：二', '三', '收到：三']);
      expect((await conv.poll('abc')).status).to.equal(400);
    });

    it('forwards the borrower token to the bot but never shows it to the client', async () => {
      const conv = await startPageConversation(server.url, { borrowerToken: 'signed.borrower.jwt' });
      await conv.post({ type: 'message', text: '我还欠多少', channelData: { clientActivityID: 'c', borrowerToken: 'forged' } });
      const toBot = bot.received.filter((a) => a.conversation.id === conv.conversationId);
      expect(toBot.map((a) => a.channelData?.borrowerToken)).to.deep.equal(['signed.borrower.jwt', 'signed.borrower.jwt']);
      const page = await conv.poll();
      expect(JSON.stringify(page.body)).to.not.contain('borrower.jwt').and.not.contain('forged');
    });

    it('answers 502 when the bot fails or does not answer in time', async () => {
      const conv = await startPageConversation(server.url);
      const failed = await conv.post({ type: 'message', text: '出错' });
      expect(failed.status).to.equal(502);
      expect(failed.body.error.code).to.equal('BotError');

      bot.stallMs = 1500;
      const slow = await conv.post({ type: 'message', text: '慢' });
      expect(slow.status).to.equal(502);
      expect(slow.body.error.code).to.equal('BotTimeout');
    });

    it('refuses activities without a type, and types a client may not send', async () => {
      const conv = await startPageConversation(server.url);
      expect((await conv.post({ text: 'no type' })).status).to.equal(400);
      expect((await conv.post({ type: 'conversationUpdate' })).status).to.equal(400);
    });
  });

  describe('authorisation and unknown conversations', () => {
    it('answers 401 without an Authorization header and 403 for a forged token', async () => {
      const conv = await startPageConversation(server.url);
      const path = `/v3/directline/conversations/${conv.conversationId}/activities`;
      expect((await call(server.url, 'GET', path)).status).to.equal(401);
      expect((await call(server.url, 'GET', path, { headers: { Authorization: 'Basic abc' } })).status).to.equal(401);
      const [h, p] = conv.token.split('.');
      const forged = await call(server.url, 'GET', path, { bearer: `${h}.${p}.${'A'.repeat(43)}` });
      expect(forged.status).to.equal(403);
      expect(forged.body.error.code).to.equal('BadArgument');
    });

    it("answers 403 for a token of another conversation", async () => {
      const mine = await startPageConversation(server.url);
      const other = await startPageConversation(server.url);
      expect((await mine.poll('', other.token)).status).to.equal(403);
      expect((await mine.post({ type: 'message', text: 'x' }, other.token)).status).to.equal(403);
      expect((await call(server.url, 'GET', `/v3/directline/conversations/${mine.conversationId}`, { bearer: other.token })).status).to.equal(403);
    });

    it('answers 404 for an unknown conversation', async () => {
      const path = '/v3/directline/conversations/no-such-conversation/activities';
      expect((await call(server.url, 'GET', path, { bearer: TEST_SECRET })).status).to.equal(404);
      expect((await call(server.url, 'POST', path, { bearer: TEST_SECRET, body: { type: 'message', text: 'x' } })).status).to.equal(404);
    });

    it('answers 404 once the conversation has expired', async () => {
      const conv = await startPageConversation(server.url);
      clock.advance(24 * 3600 * 1000 + 1000);
      const refreshed = await call(server.url, 'POST', '/v3/directline/conversations', { bearer: TEST_SECRET, body: {} });
      expect(refreshed.status).to.equal(201);
      expect((await conv.poll('', TEST_SECRET)).status).to.equal(404);
    });
  });

  describe('token lifetime', () => {
    it('expires a token (403 TokenExpired) and keeps the conversation with a refreshed one', async () => {
      const conv = await startPageConversation(server.url);
      clock.advance(20 * 60 * 1000);
      const refreshed = await call(server.url, 'POST', '/v3/directline/tokens/refresh', { bearer: conv.token });
      expect(refreshed.status).to.equal(200);
      expect(refreshed.body).to.include({ conversationId: conv.conversationId, expires_in: 1800 });

      clock.advance(11 * 60 * 1000); // 31 minutes after the first token
      const expired = await conv.poll();
      expect(expired.status).to.equal(403);
      expect(expired.body.error.code).to.equal('TokenExpired');
      expect((await call(server.url, 'POST', '/v3/directline/tokens/refresh', { bearer: conv.token })).status).to.equal(403);

      const page = await conv.poll('', refreshed.body.token);
      expect(page.status).to.equal(200);
      expect(page.body.activities).to.have.length(1);
    });

    it('reconnects (GET conversation) with a fresh token', async () => {
      const conv = await startPageConversation(server.url);
      clock.advance(60 * 1000);
      const again = await call(server.url, 'GET', `/v3/directline/conversations/${conv.conversationId}?watermark=1`, { bearer: conv.token });
      expect(again.status).to.equal(200);
      expect(again.body).to.include({ conversationId: conv.conversationId, streamUrl: '' });
      expect(again.body.token).to.not.equal(conv.token);
    });
  });

  describe('Bot Connector routes', () => {
    it('accepts a reply to an unknown activity id (a proactive message)', async () => {
      const conv = await startPageConversation(server.url);
      const posted = await call(server.url, 'POST', `/v3/conversations/${conv.conversationId}/activities/${encodeURIComponent('random-id')}`, {
        body: { type: 'message', text: '客服小王已接入', from: { id: 'bot', role: 'bot' } },
      });
      expect(posted.status).to.equal(200);
      const page = await conv.poll('1');
      expect(page.body.activities[0]).to.deep.include({ id: posted.body.id, text: '客服小王已接入', replyToId: 'random-id' });
    });

    it('answers 404 for a reply to an unknown conversation', async () => {
      const posted = await call(server.url, 'POST', '/v3/conversations/nope/activities', { body: { type: 'message', text: 'x' } });
      expect(posted.status).to.equal(404);
    });

    it('refuses replies that came through a proxy', async () => {
      const conv = await startPageConversation(server.url);
      const posted = await call(server.url, 'POST', `/v3/conversations/${conv.conversationId}/activities`, {
        body: { type: 'message', text: '假冒的消息' },
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      });
      expect(posted.status).to.equal(401);
      expect(texts((await conv.poll()).body.activities)).to.not.include('假冒的消息');
    });
  });

  describe('the page token endpoint', () => {
    it('limits tokens per client address per minute and says when to retry', async () => {
      await server.close();
      server = await startDirectLineServer({ bot, clock, env: { WEBCHAT_TOKEN_RATE_PER_MINUTE: '2' } });
      expect((await call(server.url, 'POST', '/api/webchat/token', { body: {} })).status).to.equal(200);
      expect((await call(server.url, 'POST', '/api/webchat/token', { body: {} })).status).to.equal(200);
      const limited = await call(server.url, 'POST', '/api/webchat/token', { body: {} });
      expect(limited.status).to.equal(429);
      expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 60);
      clock.advance(60 * 1000);
      expect((await call(server.url, 'POST', '/api/webchat/token', { body: {} })).status).to.equal(200);
    });

    it('refuses a bad locale and an oversized borrower token', async () => {
      expect((await call(server.url, 'POST', '/api/webchat/token', { body: { locale: 'fr-FR' } })).status).to.equal(400);
      expect((await call(server.url, 'POST', '/api/webchat/token', { body: { borrowerToken: 'x'.repeat(9000) } })).status).to.equal(400);
    });
  });
});

describe('built-in Direct Line on Redis (over HTTP)', () => {
  it('continues a conversation after a server restart: same token, same watermark', async () => {
    const redis = testRedis('dl-restart');
    let server = await startDirectLineServer({ redis: { client: redis.redis, prefix: redis.prefix } });
    try {
      const conv = await startPageConversation(server.url);
      await conv.post({ type: 'message', text: '第一条' });
      const before = await conv.poll();
      expect(before.body.watermark).to.equal('3');
      await server.close();

      // A new process on the same Redis prefix and signing key (another instance behaves the same).
      const restartedBot = new EchoBotEndpoint();
      server = await startDirectLineServer({ bot: restartedBot, redis: { client: redis.redis, prefix: redis.prefix } });
      const base = server.url;
      const poll = (watermark: string) =>
        call(base, 'GET', `/v3/directline/conversations/${conv.conversationId}/activities?watermark=${watermark}`, { bearer: conv.token });

      expect((await poll(before.body.watermark)).body).to.deep.equal({ activities: [], watermark: '3' });
      const posted = await call(base, 'POST', `/v3/directline/conversations/${conv.conversationId}/activities`, {
        bearer: conv.token,
        body: { type: 'message', text: '重启后还在吗', channelData: { clientActivityID: 'after-restart' } },
      });
      expect(posted.body.id).to.equal(`${conv.conversationId}|0000003`);
      const after = await poll(before.body.watermark);
      expect(texts(after.body.activities)).to.deep.equal(['重启后还在吗', '收到：重启后还在吗']);
      expect(after.body.watermark).to.equal('5');
      // No second greeting: the restarted server knows the conversation was started.
      const again = await call(base, 'POST', '/v3/directline/conversations', { bearer: conv.token });
      expect(again.status).to.equal(200);
      expect(restartedBot.received.map((a) => a.type)).to.deep.equal(['message']);

      const ttl = await redis.redis.pttl(`${redis.prefix}:dlconv:${conv.conversationId}:activities`);
      expect(ttl).to.be.within(1, 24 * 3600 * 1000);
    } finally {
      await server.close();
      await redis.cleanup();
    }
  });
});
