import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { t } from '../../../dialogs/messages';
import { startApp, type RunningApp } from '../../helpers/app';
import { deleteByPrefix, TEST_REDIS_URL } from '../../helpers/redis';
import { startPageConversation } from '../directline/directLineHttp';
import { AgentClient, readEvents } from './handoffTestServer';
import { AGENT_ACCOUNTS, AGENT_PASSWORD, metric, waitForBotActivity, waitForBotText, zoneWhereItIsNoon, type BotActivity } from '../../helpers/handoff';

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
    const waitingNow = queue.waiting.length as number;
    expect(await queueDepth(a.url), 'queue depth on /metrics, from the shared Redis').to.equal(waitingNow);
    const claimedBefore = await metric(b.url, /^handoff_wait_seconds_count\{kind="live"\} (\d+)$/m);
    const claimed = await agent.send('POST', '/agent/api/claim');
    expect(claimed.status).to.equal(200);
    expect((await claimed.json()).ticket.id).to.equal(reference);
    expect(await queueDepth(a.url)).to.equal(waitingNow - 1);
    expect(await metric(b.url, /^handoff_wait_seconds_count\{kind="live"\} (\d+)$/m), 'waiting time observed on the claiming instance').to.equal(claimedBefore + 1);
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
    // ID characters typed when nothing asked for them: told where they belong, and hidden too.
    await say('345672');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'core.secretOutOfPlace'));
    // The mobile and the ID characters in the request itself: verified at once, and the whole message is hidden (the
    // same at the mobile question: leaveMessage.test.ts).
    await say('我的手机是138-0000-0002，身份证后六位234561，帮我查一下欠多少');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'identity.verified'));
    await say('转人工');
    const queued = await waitForBotText(borrower, (x) => /编号 H-/.test(x));
    const reference = /编号 (H-[\w-]+)/.exec(queued)![1];
    expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
    const detail = await (await agent.get(`/agent/api/tickets/${reference}`)).json();
    const transcript = JSON.stringify(detail.transcript);
    const said = (detail.transcript as Array<{ from: string; text: string }>).filter((e) => e.from === 'borrower').map((e) => e.text);
    expect(said, 'both messages with ID characters hidden whole').to.deep.equal(['[hidden]', '[hidden]', '转人工']);
    expect(transcript).not.to.contain('234561').and.not.to.contain('345672');
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

  /** A borrower on instance A who asked for a person: the conversation and the ticket reference. */
  async function queuedBorrower() {
    const borrower = await startPageConversation(a.url);
    const say = (text: string) => borrower.post({ type: 'message', text, from: { id: borrower.userId } });
    expect((await say('转人工')).status).to.equal(200);
    const queued = await waitForBotText(borrower, (x) => /编号 H-/.test(x));
    return { borrower, say, reference: /编号 (H-[\w-]+)/.exec(queued)![1] };
  }

  /** Leave nothing behind for the next test, whatever state the ticket reached: close it if claimed, else stop waiting. */
  async function release(agent: AgentClient, queued: Awaited<ReturnType<typeof queuedBorrower>>) {
    const closed = await agent.send('POST', `/agent/api/tickets/${queued.reference}/close`, { outcome: 'resolved', note: '' });
    // Wait for the proactive "closed" message: an app closing mid-delivery waits on its own loopback call.
    if (closed.status === 200) await waitForBotText(queued.borrower, (x) => x === t('zh-CN', 'handoff.closed'));
    else await queued.say('不等了');
  }

  it('lets a waiting borrower stop waiting with 取消', async () => {
    const agent = new AgentClient(b.url);
    await agent.signIn('agent1', AGENT_PASSWORD);
    const { borrower, say, reference } = await queuedBorrower();
    await say('取消');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.waitCancelled'));
    const queue = await (await agent.get('/agent/api/queue')).json();
    expect(queue.waiting.map((w: { ticketId: string }) => w.ticketId)).not.to.include(reference);
  });

  it('tells a waiting borrower their new position when the one ahead is taken', async () => {
    const agent = new AgentClient(b.url);
    await agent.signIn('agent1', AGENT_PASSWORD);
    const first = await queuedBorrower();
    const second = await queuedBorrower();
    try {
      expect((await (await agent.send('POST', '/agent/api/claim')).json()).ticket.id).to.equal(first.reference);
      // The wait estimate varies with handling times: match the update up to its minutes.
      // Now next in line: "您是下一位", not "您前面还有 0 位".
      const [head, tail] = t('zh-CN', 'handoff.positionNext', { minutes: '\u0000' }).split('\u0000');
      const update = await waitForBotText(second.borrower, (x) => x.startsWith(head) && x.endsWith(tail));
      expect(Number(update.slice(head.length, update.length - tail.length))).to.be.at.least(1);
    } finally {
      await release(agent, first);
      await release(agent, second);
    }
  });

  it('shows each side the other typing while the agent has the conversation', async () => {
    const agent = new AgentClient(b.url);
    await agent.signIn('agent1', AGENT_PASSWORD);
    const feed = readEvents(await agent.get('/agent/api/events'));
    const ready = feed.next('ready');
    const queued = await queuedBorrower();
    const { borrower, reference } = queued;
    try {
      await ready;
      expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
      await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.joined', { agentName: 'Agent One' }));

      // Agent on B types: the borrower on A gets a typing activity from the bot.
      expect((await agent.send('POST', `/agent/api/tickets/${reference}/typing`, {})).status).to.equal(202);
      await waitForBotActivity(borrower, (x) => x.type === 'typing');

      // Borrower on A types: the agent's console on B is told, and the bot answers nothing.
      const typing = feed.next('borrower_typing', 5000);
      const messagesBefore = (await borrower.poll()).body.activities.filter((x: BotActivity) => x.type === 'message').length;
      expect((await borrower.post({ type: 'typing', from: { id: borrower.userId } })).status).to.equal(200);
      expect(await typing).to.deep.include({ ticketId: reference, agentId: 'agent1' });
      const messagesAfter = (await borrower.poll()).body.activities.filter((x: BotActivity) => x.type === 'message').length;
      expect(messagesAfter, 'no bot message for a typing activity').to.equal(messagesBefore);
    } finally {
      await feed.close();
      await release(agent, queued);
    }
  });

  it('relays a message longer than MAX_MESSAGE_CHARS to the agent whole, without the bot asking to shorten it', async () => {
    const agent = new AgentClient(b.url);
    await agent.signIn('agent1', AGENT_PASSWORD);
    const queued = await queuedBorrower();
    const { borrower, say, reference } = queued;
    try {
      expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
      await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.joined', { agentName: 'Agent One' }));
      const letter = `${'我把情况从头说一遍：去年失业后收入中断，之后一直在找工作。'.repeat(200)}以上就是全部情况。`;
      expect(letter.length).to.be.greaterThan(a.app.config.MAX_MESSAGE_CHARS);
      const before = (await borrower.poll()).body.activities.length;
      expect((await say(letter)).status).to.equal(200);
      const after = (await borrower.poll()).body.activities as BotActivity[];
      expect(after.slice(before).filter((x) => x.from.id !== borrower.userId), 'bot silent').to.deep.equal([]);
      const detail = await (await agent.get(`/agent/api/tickets/${reference}`)).json();
      const texts = detail.messages.map((m: { text?: string }) => m.text);
      expect(texts).to.include(letter);
    } finally {
      await release(agent, queued);
    }
  });
});

/** A number from the instance's /metrics (0 when the series is not there yet). */
/** Waiting tickets, all priorities, as /metrics reports them. */
async function queueDepth(url: string): Promise<number> {
  const body = await (await fetch(`${url}/metrics`)).text();
  return [...body.matchAll(/^handoff_queue_depth\{priority="P[123]"\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}
