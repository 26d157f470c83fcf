import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { t } from '../../../dialogs/messages';
import { startApp, type RunningApp } from '../../helpers/app';
import { deleteByPrefix, TEST_REDIS_URL } from '../../helpers/redis';
import { startPageConversation } from '../directline/directLineHttp';
import { AgentClient } from './handoffTestServer';
import { AGENT_ACCOUNTS, AGENT_PASSWORD, waitForBotText, zoneWhereItIsNoon } from '../../helpers/handoff';

describe('hand-off relay across two bot instances sharing Redis', function () {
  this.timeout(40000);
  const prefix = `test-relay-${randomUUID().slice(0, 8)}`;
  const env = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    AGENT_ACCOUNTS,
    TIME_ZONE: zoneWhereItIsNoon(),
    HANDOFF_SWEEP_INTERVAL_MS: '200',
  };
  let a: RunningApp;
  let b: RunningApp;
  before(async () => {
    a = await startApp(env);
    b = await startApp(env);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const redis = new Redis(TEST_REDIS_URL);
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('queues the borrower, stays silent while the agent has the conversation, relays both ways, and takes back after the rating', async () => {
    const agent = new AgentClient(b.url);
    expect((await agent.signIn('agent1', AGENT_PASSWORD)).status).to.equal(200);

    // Borrower on instance A, through the built-in Direct Line.
    const borrower = await startPageConversation(a.url);
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'core.welcome'));
    expect((await borrower.post({ type: 'message', text: '我要找真人客服', from: { id: borrower.userId } })).status).to.equal(200);
    const queued = await waitForBotText(borrower, (x) => /编号 H-/.test(x));
    const reference = /编号 (H-[\w-]+)/.exec(queued)![1];

    // Agent on instance B sees the ticket with its context and claims it.
    const queue = await (await agent.get('/agent/api/queue')).json();
    expect(queue.waiting.map((w: { ticketId: string }) => w.ticketId)).to.include(reference);
    const claimed = await agent.send('POST', '/agent/api/claim');
    expect(claimed.status).to.equal(200);
    expect((await claimed.json()).ticket.id).to.equal(reference);
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.joined', { agentName: 'Agent One' }));

    // While assigned the bot is silent; text and card submits go to the agent.
    const before = (await borrower.poll()).body.activities.length;
    await borrower.post({ type: 'message', text: '我手机号是13812345678，想问问分期', from: { id: borrower.userId } });
    await borrower.post({ type: 'message', value: { action: 'plan.choose', proposalId: 'EI12' }, from: { id: borrower.userId } });
    const afterRelay = (await borrower.poll()).body.activities as Array<{ from: { id: string } }>;
    expect(afterRelay.slice(before).filter((x) => x.from.id !== borrower.userId), 'bot silent').to.deep.equal([]);
    const detail = await (await agent.get(`/agent/api/tickets/${reference}`)).json();
    const relayed = JSON.stringify(detail.messages);
    expect(relayed).to.contain('想问问分期').and.contain('plan.choose');
    expect(relayed, 'mobile masked in the agent view').not.to.contain('13812345678');
    expect(JSON.stringify(detail.transcript)).to.contain('我要找真人客服');

    // Agent replies from B; the borrower on A receives it.
    expect((await agent.send('POST', `/agent/api/tickets/${reference}/messages`, { text: '您好，我来帮您看看分期。' })).status).to.equal(201);
    await waitForBotText(borrower, (x) => x === 'Agent One：您好，我来帮您看看分期。');

    // Agent closes; the borrower is asked for a rating, rates, and the bot is back in charge.
    expect((await agent.send('POST', `/agent/api/tickets/${reference}/close`, { outcome: 'resolved', note: '已解释分期流程' })).status).to.equal(200);
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.outcome.resolved'));
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.closed'));
    await borrower.post({ type: 'message', text: '5', from: { id: borrower.userId } });
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.rated'));
    const rated = await (await agent.get(`/agent/api/tickets/${reference}`)).json();
    expect(rated.ticket.rating).to.equal(5);
    await borrower.post({ type: 'message', text: '你好', from: { id: borrower.userId } });
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'core.greeting'));
  });

  it('shows the agent the transcript with secrets hidden and numbers masked', async () => {
    const agent = new AgentClient(b.url);
    await agent.signIn('agent1', AGENT_PASSWORD);
    const borrower = await startPageConversation(a.url);
    const say = (text: string) => borrower.post({ type: 'message', text, from: { id: borrower.userId } });
    await say('我还欠多少钱');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'identity.askMobile'));
    await say('13800000002');
    await waitForBotText(borrower, (x) => x.startsWith('请输入您身份证号码的后6位'));
    await say('234561');
    await waitForBotText(borrower, (x) => x.startsWith('李四'));
    await say('转人工');
    const queued = await waitForBotText(borrower, (x) => /编号 H-/.test(x));
    const reference = /编号 (H-[\w-]+)/.exec(queued)![1];
    expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
    const detail = await (await agent.get(`/agent/api/tickets/${reference}`)).json();
    const transcript = JSON.stringify(detail.transcript);
    expect(transcript).to.contain('[hidden]').and.contain('138****0002');
    expect(transcript).not.to.contain('234561');
    expect(transcript).not.to.contain('13800000002');
    expect(detail.ticket.borrowerId).to.equal('D002');
    await agent.send('POST', `/agent/api/tickets/${reference}/close`, { outcome: 'resolved', note: 'ok' });
  });

  it('lets a waiting borrower stop waiting', async () => {
    const agent = new AgentClient(b.url);
    await agent.signIn('agent1', AGENT_PASSWORD);
    const borrower = await startPageConversation(a.url);
    await borrower.post({ type: 'message', text: '转人工', from: { id: borrower.userId } });
    const queued = await waitForBotText(borrower, (x) => /编号 H-/.test(x));
    const reference = /编号 (H-[\w-]+)/.exec(queued)![1];
    await borrower.post({ type: 'message', text: '不等了', from: { id: borrower.userId } });
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.waitCancelled'));
    const queue = await (await agent.get('/agent/api/queue')).json();
    expect(queue.waiting.map((w: { ticketId: string }) => w.ticketId)).not.to.include(reference);
  });
});
