import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { t } from '../../dialogs/messages';
import { startApp, type RunningApp } from '../helpers/app';

// The real bot behind the web chat page, with no configuration but the lender's look (embedded state and demo
// lender data), in Debian's Chromium on a phone-sized screen.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const SEND_FAILED = /Send failed|发送失败|傳送失敗|無法傳送|无法发送/;
// Not the defaults (示例消费金融, #0B5CAD): what the page shows must come from configuration.
const LENDER_NAME = '青禾消费金融';
const BRAND_COLOR = '#8A2BE2';
const BRAND_RGB = 'rgb(138, 43, 226)';

describe('web chat with the real bot (browser)', function () {
  this.timeout(120_000);
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`).to.equal(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startApp({ WEBCHAT_LENDER_NAME: LENDER_NAME, WEBCHAT_BRAND_COLOR: BRAND_COLOR });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Web Chat renders each text twice (visible and for screen readers): wait for the first whose text contains `text`. */
  const seen = (text: string, timeout = 20_000) => page.getByText(text).first().waitFor({ timeout });
  const type = async (text: string) => {
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press('Enter');
  };
  const click = (title: string) => page.locator('.webchat__suggested-actions__button', { hasText: title }).last().click();

  it('greets in Chinese, verifies a demo borrower, shows account figures, and follows a suggested action', async () => {
    await page.goto(`${app.url}/chat/`);
    await seen(t('zh-CN', 'core.welcome'));

    await type('我还欠多少钱？逾期了好几天了');
    await seen(t('zh-CN', 'identity.askMobile'));
    await type('13800000002');
    await seen('请输入您身份证号码的后6位');
    await type('234561');
    await seen(t('zh-CN', 'identity.verified'));
    await seen('李四，您名下共有 1 笔借款');
    await seen('已逾期 5 天');
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-bot-account-zh-CN.png'), fullPage: true });

    // A suggested action under the latest message starts a plan; the proposals come as an Adaptive Card.
    await click(t('zh-CN', 'core.intent.installment_plan'));
    await seen('可以说说还款困难的主要原因吗');
    await click('收入减少');
    await seen('您每个月大概能还多少钱');
    await type('每个月最多一千五');
    await page.locator('.ac-adaptiveCard').last().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-bot-plan-card.png'), fullPage: true });
    // Submit the card: the first proposal's Action.Submit button.
    await page.locator('.ac-adaptiveCard button', { hasText: '选择方案1' }).last().click();
    await seen('确认提交这个分期申请吗');
    await click('确认提交');
    await seen('已提交您的分期申请，编号 PR-');
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-bot-plan-filed.png'), fullPage: true });

    const body = await page.locator('body').innerText();
    expect(body).not.to.match(SEND_FAILED);
    expect(problems).to.deep.equal([]);
  });

  it("shows the configured lender's name and brand colour", async () => {
    await page.locator('#lender-name', { hasText: LENDER_NAME }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#lender-name').textContent()).to.equal(LENDER_NAME);
    expect(await page.title()).to.contain(LENDER_NAME);
    const background = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    // The widget header, and Web Chat's own styling (the borrower's bubbles) from the same configuration.
    expect(await background('.widget__header')).to.equal(BRAND_RGB);
    expect(await background('.webchat__bubble--from-user .webchat__bubble__content')).to.equal(BRAND_RGB);
  });

  it('switches to 繁體 and answers in Traditional Chinese', async () => {
    await page.getByRole('button', { name: '繁體' }).click();
    await seen(t('zh-TW', 'core.menuPrompt'));
    expect(await page.locator('#webchat').evaluate(() => document.documentElement.lang)).to.match(/^zh-(TW|Hant)/);
    await type('我還欠多少錢？');
    // Verified earlier in this conversation: the figures come straight away, in Traditional characters.
    await seen('李四，您名下共有 1 筆借款');
    await seen('已逾期 5 天。逾期金額 ¥1,060.00');
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-bot-account-zh-TW.png'), fullPage: true });
    expect(await page.locator('body').innerText()).not.to.match(SEND_FAILED);
    expect(problems).to.deep.equal([]);
  });

  it('switches to English and answers in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await seen(t('en', 'core.menuPrompt'));
    await type('how much do I owe?');
    await seen('you have 1 loan with us');
    await seen('5 days overdue');
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-bot-account-en.png'), fullPage: true });
    expect(await page.locator('body').innerText()).not.to.match(SEND_FAILED);
    expect(problems).to.deep.equal([]);
  });
});
