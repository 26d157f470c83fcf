import { mkdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDirectLineServer, type TestServer } from '../integration/directline/directLineTestServer';
import { EchoBotEndpoint } from '../integration/directline/echoBotEndpoint';

// The page with Web Chat in Debian's Chromium, against our Direct Line routes and an echo bot over HTTP.
// The full-bot journey (cards, verification, account figures) is added once index.ts wires the real bot.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const SEND_FAILED = /Send failed|发送失败|傳送失敗/;

describe('web chat page over the built-in Direct Line (browser)', function () {
  this.timeout(90_000);
  let server: TestServer;
  let bot: EchoBotEndpoint;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`).to.equal(true);
    expect(existsSync(join(__dirname, '..', '..', 'public', 'vendor', 'webchat', 'webchat.js')), 'run node scripts/fetchWebChat.mjs').to.equal(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    bot = new EchoBotEndpoint();
    server = await startDirectLineServer({ bot });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // A phone-sized screen.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    // Report every CSP violation (also those a try/catch in the bundle would swallow) as a console error.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const transcript = () => page.locator('[role="log"], .webchat__basic-transcript').first();
  // Web Chat renders each text twice (visible and for screen readers): take the first exact match.
  const seen = (text: string, timeout = 15_000) => page.getByText(text, { exact: true }).first().waitFor({ timeout });

  it('greets, answers typed Chinese and a suggested action, and never shows "Send failed"', async () => {
    await page.goto(`${server.url}/chat/#borrowerToken=host-signed-borrower-jwt`);
    await seen('您好，我是在线客服助手。请问有什么可以帮您？', 20_000);

    // The fragment is gone from the address bar; the bot got the borrower token and the language at the start.
    expect(page.url()).to.not.contain('borrowerToken');
    const start = bot.received.find((a) => a.type === 'conversationUpdate');
    expect(start?.channelData?.borrowerToken).to.equal('host-signed-borrower-jwt');
    expect(start?.locale).to.equal('zh-CN');
    expect(await page.locator('#lender-name').textContent()).to.equal('示例消费金融');

    // Suggested actions belong to the latest bot message: click before typing.
    await page.locator('.webchat__suggested-actions__button', { hasText: '查询欠款' }).click();
    await seen('收到：查询欠款', 15_000);

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('我想分期还款，每个月只能还一千');
    await input.press('Enter');
    await seen('收到：我想分期还款，每个月只能还一千', 15_000);

    const message = bot.received.find((a) => a.type === 'message' && a.text?.startsWith('我想分期还款'));
    expect(message?.channelId).to.equal('directline');
    expect(message?.channelData?.borrowerToken).to.equal('host-signed-borrower-jwt');
    expect(message?.channelData?.clientActivityID).to.be.a('string');

    // Web Chat marks a message failed 20 s after sending if its echo never came; wait out part of that.
    await page.waitForTimeout(2000);
    expect(await transcript().innerText()).to.not.match(SEND_FAILED);
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-zh-CN.png'), fullPage: true });
  });

  it('switches to English: Web Chat texts change and the bot is told the language', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await seen('language:en-US', 15_000);
    expect(await page.locator('[data-id="webchat-sendbox-input"]').getAttribute('placeholder')).to.match(/message/i);
    expect(await page.locator('#subtitle').textContent()).to.equal('Customer support');

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('How much do I owe?');
    await input.press('Enter');
    await seen('收到：How much do I owe?', 15_000);
    const last = bot.received.filter((a) => a.type === 'message').at(-1);
    expect(last?.locale).to.equal('en-US');
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-en-US.png'), fullPage: true });
  });

  it('continues the same conversation after a page reload', async () => {
    const starts = bot.received.filter((a) => a.type === 'conversationUpdate').length;
    await page.reload();
    await seen('收到：How much do I owe?', 20_000);
    expect(bot.received.filter((a) => a.type === 'conversationUpdate').length).to.equal(starts);

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('还在吗');
    await input.press('Enter');
    await seen('收到：还在吗', 15_000);
    await page.waitForTimeout(1500);
    expect(await transcript().innerText()).to.not.match(SEND_FAILED);
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-reloaded.png'), fullPage: true });
  });

  it('runs under the page CSP without violations or script errors', () => {
    expect(problems).to.deep.equal([]);
  });
});
