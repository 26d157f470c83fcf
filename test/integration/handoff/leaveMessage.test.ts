import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { t } from '../../../dialogs/messages';
import { startApp, type RunningApp } from '../../helpers/app';
import { AGENT_ACCOUNTS, AGENT_PASSWORD, metric, verifyAsD002, waitForBotText, zoneWhereItIs } from '../../helpers/handoff';
import { deleteByPrefix, TEST_REDIS_URL } from '../../helpers/redis';
import { startPageConversation } from '../directline/directLineHttp';
import { AgentClient } from './handoffTestServer';

interface DirectLineActivity {
  type: string;
  text?: string;
  from: { id: string };
  suggestedActions?: { actions: Array<{ title: string }> };
}

describe('leaving a message for a person outside service hours (real Redis, Direct Line, agent API)', function () {
  this.timeout(30000);
  const prefix = `test-leave-${randomUUID().slice(0, 8)}`;
  let app: RunningApp;
  before(async () => {
    // 00:xx local time: outside the default 09:00-21:00 service hours, with the next opening at 09:00.
    app = await startApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, AGENT_ACCOUNTS, TIME_ZONE: zoneWhereItIs(0), HANDOFF_SWEEP_INTERVAL_MS: '200' });
  });
  after(async () => {
    await app?.close();
    const redis = new Redis(TEST_REDIS_URL);
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  /** Wait until the bot has sent `text` `count` times in this conversation. */
  async function waitForCount(borrower: Awaited<ReturnType<typeof startPageConversation>>, text: string, count: number): Promise<void> {
    const deadline = Date.now() + 8000;
    let seen = 0;
    while (Date.now() < deadline) {
      const activities = (await borrower.poll()).body.activities as DirectLineActivity[];
      seen = activities.filter((a) => a.from.id !== borrower.userId && a.text === text).length;
      if (seen >= count) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`"${text}" sent ${seen} times, expected ${count}`);
  }

  async function nightBorrower() {
    const borrower = await startPageConversation(app.url);
    const say = (text: string) => borrower.post({ type: 'message', text, from: { id: borrower.userId } });
    await say('转人工');
    const offer = await waitForBotText(borrower, (x) => x.startsWith('现在不在人工服务时间内'));
    const activities = (await borrower.poll()).body.activities as DirectLineActivity[];
    const buttons = activities.find((a) => a.text === offer)?.suggestedActions?.actions.map((a) => a.title) ?? [];
    return { borrower, say, offer, buttons };
  }

  it('offers a message beside the callback, files what the borrower writes (even "have a person call me") with a reference, and the agent answers it here', async () => {
    const { borrower, say, offer, buttons } = await nightBorrower();
    expect(offer).to.contain('09:00');
    expect(buttons.slice(0, 2)).to.deep.equal([t('zh-CN', 'handoff.leaveMessage'), t('zh-CN', 'handoff.bookCallback')]);

    await say(t('zh-CN', 'handoff.leaveMessage'));
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.askMessage'));
    // Blank text gets the bot's usual answer to it and leaves the question open.
    await say('   ');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'core.emptyInput'));
    // A card submit without text is not a message: asked again.
    await borrower.post({ type: 'message', value: { action: 'plan.choose' }, from: { id: borrower.userId } });
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.askMessageAgain'));
    // Emoji alone is not a message either: asked a second time.
    await say('😡😡😡');
    await waitForCount(borrower, t('zh-CN', 'handoff.askMessageAgain'), 2);
    // A message that reads like "talk to a person" is the message, not a new hand-off request.
    await say('我要找人工客服：催收天天打我家人电话，我的手机 13812345678，请上班后联系我');
    const filed = await waitForBotText(borrower, (x) => x.startsWith('已把您的留言转给人工客服'));
    const reference = /编号 (H-[\w-]+)/.exec(filed)![1];
    expect(filed).to.contain('09:00');
    await say('补充一下：是从上周五开始的');
    // Verifying while the message waits: the ID characters reach neither the ticket nor the transcript.
    await verifyAsD002(borrower);

    const agent = new AgentClient(app.url);
    expect((await agent.signIn('agent1', AGENT_PASSWORD)).status).to.equal(200);
    const queue = await (await agent.get('/agent/api/queue')).json();
    expect(queue.waiting.find((w: { ticketId: string }) => w.ticketId === reference)).to.include({ kind: 'message' });
    const detail = await (await agent.get(`/agent/api/tickets/${reference}`)).json();
    const texts = (detail.messages as Array<{ text?: string }>).map((m) => m.text);
    expect(texts).to.deep.equal([
      '我要找人工客服：催收天天打我家人电话，我的手机 138****5678，请上班后联系我',
      '补充一下：是从上周五开始的',
      '我还欠多少钱',
      '138****0002',
      '[hidden]',
    ]);
    for (const raw of ['13812345678', '13800000002', '234561']) expect(JSON.stringify(detail)).not.to.contain(raw);

    const waitsBefore = await metric(app.url, /^handoff_wait_seconds_count\{kind="message"\} (\d+)$/m);
    expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
    expect(await metric(app.url, /^handoff_wait_seconds_count\{kind="message"\} (\d+)$/m), 'waiting time of a left message, apart from live waits').to.equal(waitsBefore + 1);
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.joinedMessage', { agentName: 'Agent One', reference }));
    expect((await agent.send('POST', `/agent/api/tickets/${reference}/messages`, { text: '您好，看到您的留言了。' })).status).to.equal(201);
    await waitForBotText(borrower, (x) => x === 'Agent One：您好，看到您的留言了。');
    await agent.send('POST', `/agent/api/tickets/${reference}/close`, { outcome: 'resolved', note: 'ok' });
  });

  it('says the message is already there when the borrower asks for a person again, and withdraws it only when asked in words about it', async () => {
    const { borrower, say } = await nightBorrower();
    await say(t('zh-CN', 'handoff.leaveMessage'));
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.askMessage'));
    await say('想申请分期，请联系我');
    const filed = await waitForBotText(borrower, (x) => x.startsWith('已把您的留言转给人工客服'));
    const reference = /编号 (H-[\w-]+)/.exec(filed)![1];
    await say('转人工');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.alreadyLeftMessage', { reference }));
    // A plain "取消" is for the task at hand (here: nothing to cancel), not the message.
    await say('取消');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'core.nothingToCancel'));
    await say('撤回留言');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.messageCancelled'));
    const agent = new AgentClient(app.url);
    await agent.signIn('agent1', AGENT_PASSWORD);
    const queue = await (await agent.get('/agent/api/queue')).json();
    expect(queue.waiting.map((w: { ticketId: string }) => w.ticketId)).not.to.include(reference);
  });
});
