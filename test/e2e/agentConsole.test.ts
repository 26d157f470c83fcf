import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { BorrowerEvent } from '../../services/handoff/handoffBus';
import { deleteByPrefix, testRedis } from '../helpers/redis';
import { request } from '../integration/handoff/fixtures';
import { AGENT_PASSWORD, RecordingNotifier, startHandoffServer, type TestServer } from '../integration/handoff/handoffTestServer';

// The agent console in Debian's Chromium against the agent routes on the real Redis. The borrower side is the
// HandoffService (what the hand-off dialog calls) and a recording BorrowerNotifier (what the bot layer implements).

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

describe('agent console in the browser', function () {
  this.timeout(90_000);
  let server: TestServer;
  let notifier: RecordingNotifier;
  let browser: Browser;
  let page: Page;
  let prefix: string;
  let redis: ReturnType<typeof testRedis>['redis'];
  const problems: string[] = [];

  before(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`).to.equal(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ prefix, redis } = testRedis('agent-e2e'));
    notifier = new RecordingNotifier();
    server = await startHandoffServer({ prefix, notifier });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.on('console', (msg) => {
      // A 401 from /me before sign-in is expected; anything else is a problem.
      if ((msg.type() === 'error' && !/401/.test(msg.text())) || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (redis) {
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    }
  });

  it('signs in, sees the waiting borrower, claims, reads the context, chats, closes, and the borrower rates', async () => {
    const svc = server.module.service;
    await svc.recordTurn('conv-e2e', { from: 'borrower', text: '催收天天打我家人电话，我的号码是13912345678' });
    await svc.recordTurn('conv-e2e', { from: 'bot', text: '我很理解您的感受。我已为您记录投诉，并为您转接人工。' });
    const queued = await svc.requestHandoff(
      request('conv-e2e', {
        priority: 1,
        skills: ['complaints'],
        reason: 'harassment_complaint',
        intents: [{ intent: 'harassment_complaint', confidence: 0.94 }],
        accountSnapshot: { loans: [{ id: 'L-1', overdueDays: 35 }] },
        records: [{ kind: 'complaint', reference: 'C-20261122-0003' }],
      }),
    );
    expect(queued).to.have.property('ticketId');
    const ticketId = 'ticketId' in queued ? queued.ticketId : '';

    await page.goto(`${server.url}/agent`);
    await page.locator('#signin').waitFor();
    await page.fill('#agent-id', 'alice');
    await page.fill('#password', 'wrong password');
    await page.click('#signin-button');
    await expect_text('#signin-error', /wrong agent id or password/);
    await page.fill('#password', AGENT_PASSWORD);
    await page.click('#signin-button');
    await page.locator('#app').waitFor();
    await expect_text('#agent-name', /Alice 王/);
    await page.locator(`#queue li[data-ticket="${ticketId}"]`).waitFor();
    await expect_text('#live-status', /live/);
    await page.screenshot({ path: join(ARTIFACTS, 'agent-console-1-queue.png'), fullPage: true });

    await page.click('#claim');
    await expect_text('#ticket-title', new RegExp(ticketId));
    expect(await notifier.waitFor((e) => e.kind === 'joined')).to.deep.equal({ kind: 'joined', ticketId, agentName: 'Alice 王' });
    await expect_text('#ticket-reason', /harassment_complaint/);
    await expect_text('#ticket-intents', /harassment complaint 94%/);
    await expect_text('#ticket-records', /complaint: C-20261122-0003/);
    await expect_text('#ticket-account', /overdueDays/);
    const transcript = await page.locator('#transcript').innerText();
    expect(transcript).to.contain('139****5678').and.not.contain('13912345678');

    // Borrower text arrives live and is shown as text, never as HTML.
    await svc.onBorrowerMessage('conv-e2e', { text: '<img src=x onerror="window.__pwned=1">你好，在吗？' });
    await expect_text('#messages', /<img src=x onerror="window.__pwned=1">你好，在吗？/);
    expect(await page.locator('#messages img').count()).to.equal(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).to.equal(undefined);

    await page.fill('#reply-text', '您好，我是Alice。我已经看到您的投诉，会在今天内联系催收机构核实。');
    await page.click('#reply-button');
    const reply = (await notifier.waitFor((e) => e.kind === 'message')) as Extract<BorrowerEvent, { kind: 'message' }>;
    expect(reply.text).to.equal('您好，我是Alice。我已经看到您的投诉，会在今天内联系催收机构核实。');
    await page.locator('#messages li.from-agent').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'agent-console-2-chat.png'), fullPage: true });

    await page.selectOption('#close-outcome', 'follow_up');
    await page.fill('#close-note', 'complaint forwarded to the collection agency manager');
    await page.click('#close-button');
    expect(await notifier.waitFor((e) => e.kind === 'closed')).to.deep.equal({ kind: 'closed', ticketId, outcome: 'follow_up' });
    await expect_text('#ticket-state', /closed \(follow_up\)/);
    await page.screenshot({ path: join(ARTIFACTS, 'agent-console-3-closed.png'), fullPage: true });

    // The borrower rates; the bot is back in charge.
    expect(await svc.rate(ticketId, 5)).to.equal(true);
    expect(await svc.status('conv-e2e')).to.deep.include({ state: 'closed', active: false, awaitingRating: false });
    expect((await server.module.queue.get(ticketId))?.rating).to.equal(5);
    expect(problems).to.deep.equal([]);

    await page.click('#signout');
    await page.locator('#signin').waitFor();
  });

  it('marks a message left while nobody was available, in the queue and on the ticket, with the message to read', async () => {
    const svc = server.module.service;
    const left = await svc.leaveMessage(request('conv-e2e-message', { priority: 3, reason: 'human_agent' }), '请上班后联系我，我想申请分期');
    await page.fill('#agent-id', 'alice');
    await page.fill('#password', AGENT_PASSWORD);
    await page.click('#signin-button');
    await page.locator('#app').waitFor();
    await expect_text(`#queue li[data-ticket="${left.ticketId}"]`, /left a message/);
    await page.click('#claim');
    await expect_text('#ticket-title', new RegExp(left.ticketId));
    await expect_text('#ticket-reason', /left a message while nobody was available/);
    await expect_text('#messages', /请上班后联系我，我想申请分期/);
    expect(problems).to.deep.equal([]);
  });

  async function expect_text(selector: string, pattern: RegExp, timeout = 5000): Promise<void> {
    const end = Date.now() + timeout;
    let last = '';
    while (Date.now() < end) {
      last = await page.locator(selector).innerText().catch(() => '');
      if (pattern.test(last)) return;
      await page.waitForTimeout(50);
    }
    throw new Error(`${selector}: expected ${pattern}, got "${last}"`);
  }
});
