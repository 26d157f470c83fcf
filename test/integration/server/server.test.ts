import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { t } from '../../../dialogs/messages';
import { messageActivity, sendExpectReplies, startApp, textsOf, type RunningApp } from '../../helpers/app';
import { deleteByPrefix, TEST_REDIS_URL } from '../../helpers/redis';
import Redis from 'ioredis';

const ROOT = path.resolve(__dirname, '../../..');

describe('bot server over HTTP', () => {
  const prefix = `test-server-${randomUUID().slice(0, 8)}`;
  const redisEnv = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const running: RunningApp[] = [];
  after(async () => {
    await Promise.all(running.map((r) => r.close()));
    const redis = new Redis(TEST_REDIS_URL);
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('answers a message with no configuration at all, in zh-CN, through expectReplies', async () => {
    const app = await startApp();
    running.push(app);
    const replies = await sendExpectReplies(app.url, messageActivity('c-noconf', '你好'));
    expect(textsOf(replies)).to.include(t('zh-CN', 'core.greeting'));
  });

  it('sends each recognition as a trace on the Emulator channel only', async () => {
    const app = await startApp();
    running.push(app);
    const post = async (channelId: string) => {
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deliveryMode: 'expectReplies', ...messageActivity(`c-trace-${channelId}`, '我每个月只能还一千五，能分12期吗', { channelId }) }),
      });
      return ((await res.json()) as { activities: Array<{ type: string; name?: string; value?: Record<string, unknown> }> }).activities;
    };
    const trace = (await post('emulator')).find((a) => a.type === 'trace' && a.name === 'recognizer');
    expect(trace?.value).to.include({ text: '我每个月只能还一千五，能分12期吗', intent: 'installment_plan' });
    expect(trace?.value?.scores).to.have.property('installment_plan');
    const entities = trace?.value?.entities as Array<{ type: string; fen?: number; months?: number }>;
    expect(entities.find((e) => e.type === 'money')?.fen).to.equal(150000);
    expect(entities.find((e) => e.type === 'installments')?.months).to.equal(12);
    expect((await post('directline')).filter((a) => a.type === 'trace')).to.deep.equal([]);
  });

  it('reports health and readiness', async () => {
    const app = await startApp(redisEnv);
    running.push(app);
    expect((await fetch(`${app.url}/healthz`)).status).to.equal(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.include({ status: 'ready' });
  });

  it('continues a conversation after a restart when state is in Redis', async () => {
    const conversationId = `c-${randomUUID()}`;
    // Latin letters with no English word keep the conversation's language (Chinese by default).
    const first = await startApp(redisEnv);
    const turn1 = await sendExpectReplies(first.url, messageActivity(conversationId, 'qwzx plmn'));
    expect(textsOf(turn1)).to.deep.equal([t('zh-CN', 'core.none')]);
    await first.close();

    const second = await startApp(redisEnv);
    running.push(second);
    // The miss counter survived the restart: a second miss in a row offers a person.
    const turn2 = await sendExpectReplies(second.url, messageActivity(conversationId, 'zzkv wqpt'));
    expect(textsOf(turn2)).to.deep.equal([t('zh-CN', 'core.secondMiss')]);
  });

  it('continues identity verification after a restart mid-dialog and shows the account figures', async () => {
    const conversationId = `c-${randomUUID()}`;
    const first = await startApp(redisEnv);
    const asked = await sendExpectReplies(first.url, messageActivity(conversationId, '我还欠多少钱'));
    expect(textsOf(asked)).to.include(t('zh-CN', 'identity.askMobile'));
    // Stopped while the bot waits for the mobile number: the dialog stack is all that remembers the question.
    await first.close();

    const second = await startApp(redisEnv);
    running.push(second);
    const mobile = await sendExpectReplies(second.url, messageActivity(conversationId, '13800000002'));
    expect(textsOf(mobile), 'the restarted bot takes the number as the answer to its question').to.include(t('zh-CN', 'identity.askIdLast6'));
    const figures = textsOf(await sendExpectReplies(second.url, messageActivity(conversationId, '234561')));
    expect(figures).to.include(t('zh-CN', 'identity.verified'));
    const all = figures.join('\n');
    expect(all).to.contain('李四');
    expect(all).to.contain('逾期金额 ¥1,060.00').and.contain('剩余本金 ¥9,800.00');
  });

  it('loses no state when two turns of one conversation reach two instances at once', async () => {
    const a = await startApp(redisEnv);
    const b = await startApp(redisEnv);
    running.push(a, b);
    for (let round = 0; round < 5; round++) {
      const conversationId = `c-${randomUUID()}`;
      const [ra, rb] = await Promise.all([
        sendExpectReplies(a.url, messageActivity(conversationId, 'qwzx plmn')),
        sendExpectReplies(b.url, messageActivity(conversationId, 'zzkv wqpt')),
      ]);
      // Serialised turns: one is the first miss, the other sees it and is the second miss.
      expect([...textsOf(ra), ...textsOf(rb)].sort()).to.deep.equal([t('zh-CN', 'core.none'), t('zh-CN', 'core.secondMiss')].sort());
    }
  });

  it('rejects a serviceUrl outside the allowlist in anonymous mode', async () => {
    const app = await startApp();
    running.push(app);
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('c-evil', 'hi', { serviceUrl: 'https://attacker.example.com/' })),
    });
    expect(res.status).to.equal(403);
  });

  it('requires a Bot Framework token when an app id is configured', async () => {
    const app = await startApp({
      MicrosoftAppId: randomUUID(),
      MicrosoftAppPassword: 'not-a-real-secret',
      // Production (an app id) requires real agent accounts.
      AGENT_ACCOUNTS: 'a1:Agent One:s1$16384$8$1$P6EVAosJp_Lc9e8gXpEMmQ$gfo7Wt5XCtHYKzlq8aMlDqsMlyqmLkH0Wp723LENpV8',
    });
    running.push(app);
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('c-noauth', 'hi', { channelId: 'directline', serviceUrl: 'https://directline.botframework.com/' })),
    });
    expect(res.status).to.equal(401);
  });

  it('answers malformed JSON with 400 and keeps serving', async () => {
    const app = await startApp();
    running.push(app);
    const bad = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(bad.status).to.equal(400);
    const replies = await sendExpectReplies(app.url, messageActivity('c-after-bad', 'hello'));
    expect(textsOf(replies)).to.include(t('en', 'core.greeting'));
  });

  it('exposes Prometheus metrics with turns by channel and intents', async () => {
    const app = await startApp();
    running.push(app);
    await sendExpectReplies(app.url, messageActivity('c-metrics', '你好'));
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).to.equal(200);
    const body = await res.text();
    expect(body).to.match(/bot_turns_total\{channel="emulator",type="message"\} 1/);
    expect(body).to.match(/bot_intents_total\{intent="greeting",source="\w+"\} 1/);
    expect(body).to.contain('bot_turn_duration_seconds_bucket');
    await sendExpectReplies(app.url, messageActivity('c-metrics', '我真的活不下去了'));
    expect(await (await fetch(`${app.url}/metrics`)).text()).to.match(/bot_urgent_messages_total\{reason="distress"\} 1/);
  });

  it('asks a conversation that sends too fast to slow down, once, and drops the rest of the burst', async () => {
    const app = await startApp({ ...redisEnv, RATE_LIMIT_CONVERSATION_PER_MINUTE: '3' });
    running.push(app);
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(textsOf(await sendExpectReplies(app.url, messageActivity('c-burst', '你好'))));
    expect(replies.slice(0, 3)).to.deep.equal([[t('zh-CN', 'core.greeting')], [t('zh-CN', 'core.greeting')], [t('zh-CN', 'core.greeting')]]);
    expect(replies[3]).to.have.length(1);
    expect(replies[3][0]).to.match(/秒后再发/);
    expect(replies[4]).to.deep.equal([]);
  });

  it('answers an over-long message with a request to shorten it', async () => {
    const app = await startApp({ MAX_MESSAGE_CHARS: '1000' });
    running.push(app);
    const replies = await sendExpectReplies(app.url, messageActivity('c-long', '逾期'.repeat(10_000)));
    expect(textsOf(replies), JSON.stringify(textsOf(replies))).to.deep.equal([t('zh-CN', 'core.tooLong', { max: 1000 })]);
  });

  it('stops with a readable message naming the bad variable when configuration is invalid', function () {
    this.timeout(30000);
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['index.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'not-a-port', REDIS_URL: 'nope' },
      encoding: 'utf8',
      timeout: 25000,
    });
    expect(result.status).to.equal(1);
    expect(result.stderr).to.match(/Invalid configuration/);
    expect(result.stderr).to.match(/PORT/);
    expect(result.stderr).to.match(/REDIS_URL/);
  });
});
