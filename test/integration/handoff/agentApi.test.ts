import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import type { BorrowerEvent } from '../../../services/handoff/handoffBus';
import { deleteByPrefix, testRedis } from '../../helpers/redis';
import { request } from './fixtures';
import { AgentClient, readEvents, RecordingNotifier, startHandoffServer, type TestServer } from './handoffTestServer';

describe('agent console API over HTTP (Redis)', () => {
  let server: TestServer;
  let notifier: RecordingNotifier;
  let prefix: string;
  let cleanup: () => Promise<void>;
  const clock = new ManualClock(Date.now());

  beforeEach(async () => {
    const t = testRedis('agent-api');
    prefix = t.prefix;
    cleanup = t.cleanup;
    clock.set(Date.now());
    notifier = new RecordingNotifier();
    server = await startHandoffServer({ prefix, notifier, clock, env: { AGENT_SESSION_TTL_SECONDS: '600' } });
  });
  afterEach(async () => {
    await server.close();
    await cleanup();
  });

  it('serves the console page and its assets from our own server with a strict CSP', async () => {
    const page = await fetch(`${server.url}/agent`);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-security-policy')).to.contain("script-src 'self'");
    const html = await page.text();
    expect(html).to.contain('/agent/agent.js');
    expect(html).not.to.match(/https?:\/\//);
    for (const asset of ['/agent/agent.js', '/agent/agent.css']) expect((await fetch(`${server.url}${asset}`)).status, asset).to.equal(200);
  });

  it('answers 401 to every API call without a session', async () => {
    const anon = new AgentClient(server.url);
    for (const path of ['/agent/api/me', '/agent/api/queue', '/agent/api/events', '/agent/api/tickets/H-20260101-0001']) {
      expect((await anon.get(path)).status, path).to.equal(401);
    }
    expect((await anon.send('POST', '/agent/api/claim')).status).to.equal(401);
  });

  it('signs in with the right password only, into an HttpOnly SameSite=Strict session', async () => {
    const agent = new AgentClient(server.url);
    expect((await agent.signIn('alice', 'wrong')).status).to.equal(401);
    expect((await agent.signIn('nobody')).status).to.equal(401);
    const res = await agent.signIn('alice');
    expect(res.status).to.equal(200);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('agent_session='))!;
    expect(session).to.match(/HttpOnly/).and.match(/SameSite=Strict/).and.match(/Path=\/agent/);
    expect(cookies.find((c) => c.startsWith('agent_csrf='))).not.to.match(/HttpOnly/);
    const me = (await (await agent.get('/agent/api/me')).json()) as { agent: { id: string; displayName: string } };
    expect(me.agent).to.deep.include({ id: 'alice', displayName: 'Alice 王' });
    expect(JSON.stringify(me)).not.to.contain('passwordHash');
  });

  it('refuses cross-site requests and requests without the CSRF token', async () => {
    const agent = new AgentClient(server.url);
    await agent.signIn('alice');
    await server.module.service.requestHandoff(request('c1'));
    expect((await agent.send('POST', '/agent/api/claim', undefined, { Origin: 'https://evil.example' })).status).to.equal(403);
    expect((await agent.send('POST', '/agent/api/claim', undefined, { 'Sec-Fetch-Site': 'cross-site' })).status).to.equal(403);
    expect((await agent.send('POST', '/agent/api/claim', undefined, { 'X-CSRF-Token': 'forged' })).status).to.equal(403);
    const signInFromEvil = await fetch(`${server.url}/agent/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ agentId: 'alice', password: 'x' }),
    });
    expect(signInFromEvil.status).to.equal(403);
    const formPost = await fetch(`${server.url}/agent/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'agentId=alice&password=x',
    });
    expect(formPost.status).to.equal(415);
    // Nothing was claimed by the refused requests.
    expect(((await server.module.service.status('c1'))!).state).to.equal('queued');
    expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
  });

  it('ends a session when it expires and after sign-out', async () => {
    const agent = new AgentClient(server.url);
    await agent.signIn('bob');
    expect((await agent.get('/agent/api/me')).status).to.equal(200);
    clock.advance(601_000);
    expect((await agent.get('/agent/api/me')).status).to.equal(401);
    clock.set(Date.now());
    await agent.signIn('bob');
    expect((await agent.send('DELETE', '/agent/api/session')).status).to.equal(200);
    expect((await agent.get('/agent/api/me')).status).to.equal(401);
  });

  it('runs a whole conversation: queue, claim, context, borrower and agent messages, typing, close, rating', async () => {
    const svc = server.module.service;
    await svc.recordTurn('conv-1', { from: 'borrower', text: '我的手机号是13812345678，催收天天打我家人电话' });
    await svc.recordTurn('conv-1', { from: 'bot', text: '我很理解。我来帮你联系人工。' });
    const queued = await svc.requestHandoff(
      request('conv-1', {
        priority: 1,
        intents: [{ intent: 'harassment_complaint', confidence: 0.92 }],
        borrowerId: 'B-77',
        accountSnapshot: { overdueDays: 35 },
        records: [{ kind: 'complaint', reference: 'C-20261122-0007' }],
      }),
    );
    expect(queued).to.include({ position: 1, state: 'queued', created: true });
    const agent = new AgentClient(server.url);
    await agent.signIn('alice');
    const stream = readEvents(await agent.get('/agent/api/events'));
    await stream.next('ready');

    clock.advance(42_000);
    const queue = (await (await agent.get('/agent/api/queue')).json()) as { waiting: { ticketId: string; priority: number; waitingSeconds: number }[] };
    expect(queue.waiting).to.have.length(1);
    expect(queue.waiting[0]).to.deep.include({ priority: 1, waitingSeconds: 42 });
    const ticketId = queue.waiting[0].ticketId;

    const claim = await agent.send('POST', '/agent/api/claim');
    expect(claim.status).to.equal(200);
    expect(((await claim.json()) as { ticket: { id: string } }).ticket.id).to.equal(ticketId);
    expect(await notifier.waitFor((e) => e.kind === 'joined')).to.deep.equal({ kind: 'joined', ticketId, agentName: 'Alice 王' });
    expect(((await (await agent.send('POST', '/agent/api/claim')).json()) as { error: string }).error).to.equal('queue_empty');

    const detail = (await (await agent.get(`/agent/api/tickets/${ticketId}`)).json()) as {
      ticket: Record<string, unknown>;
      transcript: { from: string; text: string }[];
      history: { type: string }[];
    };
    expect(detail.ticket).to.deep.include({ reason: 'harassment_complaint', borrowerId: 'B-77', state: 'assigned' });
    expect(detail.ticket.intents).to.deep.equal([{ intent: 'harassment_complaint', confidence: 0.92 }]);
    expect(detail.ticket.accountSnapshot).to.deep.equal({ overdueDays: 35 });
    expect(detail.ticket.records).to.deep.equal([{ kind: 'complaint', reference: 'C-20261122-0007' }]);
    expect(detail.ticket).not.to.have.property('conversationReference');
    expect(detail.transcript[0].text).to.contain('138****5678').and.not.contain('13812345678');
    expect(detail.history.map((h) => h.type)).to.deep.equal(['queued', 'assigned']);

    const relayed = await svc.onBorrowerMessage('conv-1', { text: '你好，在吗' });
    expect(relayed).to.include({ relayed: true, state: 'assigned' });
    const pushed = (await stream.next('message')) as { message: { text: string; from: string } };
    expect(pushed.message).to.include({ from: 'borrower', text: '你好，在吗' });
    await svc.onBorrowerMessage('conv-1', { value: { action: 'plan', months: 12 } });

    expect((await agent.send('POST', `/agent/api/tickets/${ticketId}/typing`, {})).status).to.equal(202);
    await notifier.waitFor((e) => e.kind === 'typing');
    const reply = await agent.send('POST', `/agent/api/tickets/${ticketId}/messages`, { text: '您好，我是客服Alice，我来处理您的投诉。' });
    expect(reply.status).to.equal(201);
    expect(await notifier.waitFor((e) => e.kind === 'message')).to.deep.include({ text: '您好，我是客服Alice，我来处理您的投诉。', agentName: 'Alice 王' });

    const messages = (await (await agent.get(`/agent/api/tickets/${ticketId}/messages`)).json()) as { messages: { from: string; seq: number; value?: unknown }[] };
    expect(messages.messages.map((m) => m.from)).to.deep.equal(['borrower', 'borrower', 'agent']);
    expect(messages.messages[1].value).to.deep.equal({ action: 'plan', months: 12 });
    const after = (await (await agent.get(`/agent/api/tickets/${ticketId}/messages?after=2`)).json()) as { messages: unknown[] };
    expect(after.messages).to.have.length(1);

    expect((await agent.send('POST', `/agent/api/tickets/${ticketId}/close`, { outcome: 'made_up', note: '' })).status).to.equal(400);
    const close = await agent.send('POST', `/agent/api/tickets/${ticketId}/close`, { outcome: 'follow_up', note: 'complaint escalated to team lead' });
    expect(close.status).to.equal(200);
    expect(await notifier.waitFor((e) => e.kind === 'closed')).to.deep.equal({ kind: 'closed', ticketId, outcome: 'follow_up' });
    expect((await agent.send('POST', `/agent/api/tickets/${ticketId}/messages`, { text: 'late' })).status).to.equal(403);

    const status = await svc.status('conv-1');
    expect(status).to.deep.include({ state: 'closed', active: false, awaitingRating: true, outcome: 'follow_up' });
    expect(await svc.rate(ticketId, 5)).to.equal(true);
    expect((await svc.status('conv-1'))?.awaitingRating).to.equal(false);
    expect(notifier.kinds()).to.deep.equal(['joined', 'typing', 'message', 'closed']);
    await stream.close();
  });

  it('keeps other agents out of an assigned ticket and answers 404 for unknown ones', async () => {
    await server.module.service.requestHandoff(request('c1'));
    const alice = new AgentClient(server.url);
    const bob = new AgentClient(server.url);
    await alice.signIn('alice');
    await bob.signIn('bob');
    const { ticket } = (await (await alice.send('POST', '/agent/api/claim')).json()) as { ticket: { id: string } };
    expect((await bob.get(`/agent/api/tickets/${ticket.id}`)).status).to.equal(403);
    expect((await bob.send('POST', `/agent/api/tickets/${ticket.id}/messages`, { text: 'hi' })).status).to.equal(403);
    expect((await bob.send('POST', `/agent/api/tickets/${ticket.id}/close`, { outcome: 'resolved' })).status).to.equal(403);
    expect((await bob.get('/agent/api/tickets/H-20200101-9999')).status).to.equal(404);
  });

  it('only offers skilled tickets to agents with the skills', async () => {
    await server.module.service.requestHandoff(request('legal', { skills: ['legal'], priority: 1 }));
    const bob = new AgentClient(server.url);
    await bob.signIn('bob');
    const queue = (await (await bob.get('/agent/api/queue')).json()) as { waiting: { claimable: boolean }[] };
    expect(queue.waiting[0].claimable).to.equal(false);
    expect((await bob.send('POST', '/agent/api/claim')).status).to.equal(409);
    const alice = new AgentClient(server.url);
    await alice.signIn('alice');
    expect((await alice.send('POST', '/agent/api/claim')).status).to.equal(200);
  });
});

describe('two bot instances sharing Redis', () => {
  it('delivers the agent’s reply on instance B to the borrower held by instance A', async () => {
    const { prefix, redis } = testRedis('two-inst');
    const notifierA = new RecordingNotifier();
    const notifierB = new RecordingNotifier();
    const a = await startHandoffServer({ prefix, notifier: notifierA, instanceId: 'instance-a' });
    const b = await startHandoffServer({ prefix, notifier: notifierB, instanceId: 'instance-b' });
    try {
      const queued = await a.module.service.requestHandoff(request('conv-x'));
      const agent = new AgentClient(b.url);
      await agent.signIn('alice');
      const ticketId = 'ticketId' in queued ? queued.ticketId : '';
      expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
      await agent.send('POST', `/agent/api/tickets/${ticketId}/messages`, { text: '来自B实例的回复' });
      const got = (await notifierA.waitFor((e) => e.kind === 'message')) as Extract<BorrowerEvent, { kind: 'message' }>;
      expect(got.text).to.equal('来自B实例的回复');
      expect(notifierA.delivered.find((d) => d.event.kind === 'message')?.reference.serviceUrl).to.equal('http://localhost:3978');
      expect(notifierB.delivered).to.deep.equal([]);
      // The borrower's answer, arriving at instance A, reaches the agent's console on instance B.
      const res = await agent.get(`/agent/api/events`);
      const reader = res.body!.getReader();
      await a.module.service.onBorrowerMessage('conv-x', { text: '收到' });
      let text = '';
      while (!text.includes('收到')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
    } finally {
      await a.close();
      await b.close();
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    }
  });

  it('delivers from the agent’s instance when the borrower’s instance is gone', async () => {
    const { prefix, redis } = testRedis('inst-gone');
    const notifierB = new RecordingNotifier();
    const a = await startHandoffServer({ prefix, notifier: new RecordingNotifier(), instanceId: 'instance-a' });
    const b = await startHandoffServer({ prefix, notifier: notifierB, instanceId: 'instance-b' });
    try {
      await a.module.service.requestHandoff(request('conv-y'));
      await a.close();
      const agent = new AgentClient(b.url);
      await agent.signIn('alice');
      expect((await agent.send('POST', '/agent/api/claim')).status).to.equal(200);
      expect(await notifierB.waitFor((e) => e.kind === 'joined')).to.include({ agentName: 'Alice 王' });
    } finally {
      await b.close();
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    }
  });
});
