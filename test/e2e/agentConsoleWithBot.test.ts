import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import Redis from 'ioredis';
import { chromium, type Browser, type Page } from 'playwright-core';
import { t } from '../../dialogs/messages';
import { startApp, type RunningApp } from '../helpers/app';
import { deleteByPrefix, TEST_REDIS_URL } from '../helpers/redis';
import { startPageConversation } from '../integration/directline/directLineHttp';
import { AGENT_ACCOUNTS, verifyAsD002, waitForBotText, zoneWhereItIsNoon } from '../helpers/handoff';

// The whole loop with the real bot: a borrower created over HTTP (built-in Direct Line) asks for a person; an agent
// in Debian's Chromium signs in to /agent, claims, replies, closes; the borrower receives the reply and rates.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

describe('agent console with the real bot (browser)', function () {
  this.timeout(120_000);
  const prefix = `test-agent-bot-${randomUUID().slice(0, 8)}`;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`).to.equal(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, AGENT_ACCOUNTS, TIME_ZONE: zoneWhereItIsNoon() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    const redis = new Redis(TEST_REDIS_URL);
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('an agent signs in, claims the waiting borrower, replies, closes, and the borrower rates', async () => {
    // The agent signs in first (agents online is a condition for queueing).
    await page.goto(`${app.url}/agent`);
    await page.fill('#agent-id', 'agent1');
    await page.fill('#password', 'test-agent-password');
    await page.click('#signin-button');
    await page.locator('#app').waitFor();

    const borrower = await startPageConversation(app.url);
    await verifyAsD002(borrower);
    await borrower.post({ type: 'message', text: '催收天天打电话骚扰我家人，还骂人', from: { id: borrower.userId } });
    await borrower.post({ type: 'message', text: '转人工', from: { id: borrower.userId } });
    const queued = await waitForBotText(borrower, (x) => /编号 H-/.test(x));
    const reference = /编号 (H-[\w-]+)/.exec(queued)![1];

    await page.locator(`#queue li[data-ticket="${reference}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator('#agents-online').innerText()).to.equal('1 agent online');
    await page.screenshot({ path: join(ARTIFACTS, 'agent-bot-1-queue.png'), fullPage: true });
    await page.click('#claim');
    await page.locator('#ticket-title', { hasText: reference }).waitFor({ timeout: 15_000 });
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.joined', { agentName: 'Agent One' }));
    expect(await page.locator('#transcript').innerText()).to.contain('催收天天打电话骚扰我家人');
    // The account as lines an agent reads, amounts in yuan (the snapshot itself keeps fen).
    const account = await page.locator('#ticket-account').innerText();
    expect(account).to.contain('李四 · 138****0002 · D002');
    expect(account).to.contain('消费分期 (L002-1): overdue, 5 days overdue · overdue ¥1,060.00 · principal left ¥9,800.00');
    expect(account).to.contain('Collection: none assigned');
    expect(account).not.to.contain('Fen');
    // The transcript opens at its latest turns (the hand-off request), not at the start of the conversation.
    const scrolled = await page.locator('#transcript').evaluate((list) => list.scrollHeight <= list.clientHeight || list.scrollTop + list.clientHeight >= list.scrollHeight - 2);
    expect(scrolled, 'transcript scrolled to its end').to.equal(true);

    await page.fill('#reply-text', '您好，我已经看到您的情况，我们会核实催收人员的行为。');
    await page.click('#reply-button');
    await waitForBotText(borrower, (x) => x === 'Agent One：您好，我已经看到您的情况，我们会核实催收人员的行为。');
    await page.screenshot({ path: join(ARTIFACTS, 'agent-bot-2-chat.png'), fullPage: true });

    await page.selectOption('#close-outcome', 'follow_up');
    await page.fill('#close-note', '已记录投诉，待催收机构回复');
    await page.click('#close-button');
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.outcome.follow_up'));
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.closed'));
    await borrower.post({ type: 'message', text: '4', from: { id: borrower.userId } });
    await waitForBotText(borrower, (x) => x === t('zh-CN', 'handoff.rated'));
    await page.screenshot({ path: join(ARTIFACTS, 'agent-bot-3-closed.png'), fullPage: true });
  });
});
