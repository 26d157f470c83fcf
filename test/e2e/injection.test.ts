import { existsSync } from 'node:fs';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { t } from '../../dialogs/messages';
import { startApp, type RunningApp } from '../helpers/app';
import { AGENT_ACCOUNTS, AGENT_PASSWORD, zoneWhereItIsNoon } from '../helpers/handoff';
import { RedisProcess } from '../helpers/processes';

// Borrower text through the real bot into both web pages, and agent text back: never interpreted as HTML.
// Web chat (public/chat) → bot → hand-off queue and transcript → agent console (public/agent) → relay → web chat.

const CHROMIUM = '/usr/bin/chromium';
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const LINK = '[点我](javascript:window.__pwned=3)';

describe('no HTML injection through the web chat and the agent console (browser, real bot)', function () {
  this.timeout(120_000);
  let redis: RedisProcess | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let chat: Page;
  let agent: Page;
  const problems: string[] = [];

  before(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`).to.equal(true);
    redis = await RedisProcess.start();
    app = await startApp({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'injection',
      AGENT_ACCOUNTS,
      TIME_ZONE: zoneWhereItIsNoon(),
      HANDOFF_REQUIRE_AGENT_ONLINE: 'false',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    chat = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    for (const [name, page] of [['chat', chat], ['agent', agent]] as const) {
      page.on('pageerror', (err) => problems.push(`${name} pageerror: ${err.message}`));
      page.on('dialog', (d) => {
        problems.push(`${name} dialog: ${d.message()}`);
        void d.dismiss();
      });
    }
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  const injectedElements = (page: Page) => page.evaluate(() => document.querySelectorAll('img[src="x"], a[href^="javascript:"], script:not([src])').length);
  const type = async (text: string) => {
    const input = chat.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press('Enter');
  };
  const chatShows = (text: string) => chat.getByText(text).first().waitFor({ timeout: 20_000 });
  async function textOf(page: Page, selector: string, contains: string, timeout = 10_000): Promise<string> {
    const end = Date.now() + timeout;
    let last = '';
    while (Date.now() < end) {
      last = await page.locator(selector).innerText().catch(() => '');
      if (last.includes(contains)) return last;
      await page.waitForTimeout(100);
    }
    throw new Error(`${selector}: expected to contain ${contains}, got "${last}"`);
  }

  it('shows borrower and agent text literally on both pages and never runs it', async () => {
    await chat.goto(`${app!.url}/chat/`);
    await chatShows(t('zh-CN', 'core.welcome'));

    // The borrower's own markup, shown back to them in the web chat.
    await type(IMG);
    await chatShows(IMG);
    await type(`${SCRIPT} ${LINK}`);
    await chatShows(SCRIPT);

    // Queue for a person: the transcript (with the markup) goes to the agent console.
    await type('我要找真人客服');
    await chatShows('已为您转接人工客服');

    await agent.goto(`${app!.url}/agent`);
    await agent.locator('#signin').waitFor();
    await agent.fill('#agent-id', 'agent1');
    await agent.fill('#password', AGENT_PASSWORD);
    await agent.click('#signin-button');
    await agent.locator('#queue li').first().waitFor({ timeout: 10_000 });
    await agent.click('#claim');
    await textOf(agent, '#transcript', IMG);
    await textOf(agent, '#transcript', SCRIPT);

    // While the agent has the conversation, borrower text is relayed live to the console.
    await type(`还在吗 ${IMG}`);
    await textOf(agent, '#messages', `还在吗 ${IMG}`);

    // Agent text to the borrower: the web chat renders it as text too.
    await agent.fill('#reply-text', `请看 ${IMG} ${LINK}`);
    await agent.click('#reply-button');
    await chatShows(`请看 ${IMG}`);
    await agent.waitForTimeout(500); // give any onerror handler its chance to run

    for (const page of [chat, agent]) {
      expect(await pwned(page), 'window.__pwned').to.equal(undefined);
      expect(await injectedElements(page), 'injected elements').to.equal(0);
    }
    expect(problems).to.deep.equal([]);
  });
});
