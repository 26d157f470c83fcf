import { expect } from 'chai';
import { SignJWT } from 'jose';
import { t } from '../../../../dialogs/messages';
import { captureLogger } from '../../../../services/logging/logger';
import { botHarness, buttonsOf, textOf } from '../../../helpers/botHarness';

const SECRET = 'a-test-secret-for-signed-borrower-tokens-0123456789';
const MONEY = /¥\d/;

async function signedToken(borrowerId: string, expiresAt: number, secret = SECRET): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(borrowerId)
    .setIssuedAt(Math.floor(expiresAt / 1000) - 600)
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(new TextEncoder().encode(secret));
}

describe('identity verification and account status transcripts', () => {
  const harnesses: Array<{ close(): Promise<void> }> = [];
  after(async () => Promise.all(harnesses.map((h) => h.close())));
  const harness = async (...args: Parameters<typeof botHarness>) => {
    const h = await botHarness(...args);
    harnesses.push(h);
    return h;
  };

  it('verifies with mobile and ID last 6, and only then shows the figures', async () => {
    const bot = await harness();
    const asked = await bot.say('我还欠多少钱');
    expect(textOf(asked)).to.contain(t('zh-CN', 'identity.askMobile')).and.not.match(MONEY);
    const askedId = await bot.say('138 0000 0002');
    expect(textOf(askedId)).to.contain('身份证号码的后6位').and.not.match(MONEY);
    const shown = textOf(await bot.say('234561'));
    expect(shown).to.contain(t('zh-CN', 'identity.verified'));
    expect(shown).to.contain('李四').and.contain('已逾期 5 天').and.contain('¥1,060.00').and.contain('¥9,800.00');
  });

  it('answers the part asked about ("还款日是哪天", "罚息是多少"), before and after verification, not the whole account again', async () => {
    const bot = await harness();
    await bot.say('我的还款日是哪天');
    await bot.say('13800000002');
    const due = textOf(await bot.say('234561'));
    expect(due).to.contain(t('zh-CN', 'identity.verified')).and.to.contain('已逾期 5 天，逾期金额 ¥1,060.00 已经到期').and.to.contain('下次还款日');
    expect(due, 'not the whole account').not.to.contain('剩余本金');
    const penalty = textOf(await bot.say('罚息是多少'));
    expect(penalty).to.contain('罚息 ¥').and.not.to.contain('下次还款日').and.not.to.contain('剩余本金');
    expect(textOf(await bot.say('我还欠多少钱')), 'a general question: the whole account').to.contain('剩余本金');
  });

  it('explains that the mobile number comes first when the answer is not a number at all, and says "wrong format" for a wrong number', async () => {
    const bot = await harness();
    await bot.say('我想分期');
    expect(textOf(await bot.say('每个月只能还800'))).to.contain(t('zh-CN', 'identity.mobileFirst')).and.not.contain(t('zh-CN', 'identity.retryMobile'));
    expect(textOf(await bot.say('1380000000'))).to.contain(t('zh-CN', 'identity.retryMobile')).and.not.contain(t('zh-CN', 'identity.mobileFirst'));
    expect(textOf(await bot.say('13800000002'))).to.contain('身份证号码的后6位');
    // After a failed try the mobile is kept: the ID characters typed again are checked with it.
    const failed = textOf(await bot.say('999999'));
    expect(failed).to.contain(t('zh-CN', 'identity.noMatch', { remaining: 2 })).and.to.contain(t('zh-CN', 'identity.askIdLast6Again'));
    expect(textOf(await bot.say('234561'))).to.contain(t('zh-CN', 'identity.verified'));
  });

  it('says "mobile first, ID next" for ID characters typed at the mobile question', async () => {
    const bot = await harness();
    await bot.say('我想分期');
    expect(textOf(await bot.say('234561'))).to.contain(t('zh-CN', 'identity.mobileBeforeId'));
    // A whole ID number in a sentence: the same, never "wrong format".
    expect(textOf(await bot.say('我的身份证是110101199001012345'))).to.contain(t('zh-CN', 'identity.mobileBeforeId'));
  });

  it('takes the mobile typed again after a try that did not match, then asks for the ID characters, never saying which was wrong', async () => {
    const bot = await harness();
    await bot.say('我还欠多少钱');
    await bot.say('13800000003');
    const failed = textOf(await bot.say('234561'));
    expect(failed).to.contain(t('zh-CN', 'identity.noMatch', { remaining: 2 })).and.not.match(MONEY);
    expect(failed).not.to.contain('手机号不对').and.not.to.contain('身份证不对');
    expect(textOf(await bot.say('13800000002'))).to.contain(t('zh-CN', 'identity.askIdLast6'));
    const shown = textOf(await bot.say('234561'));
    expect(shown).to.contain(t('zh-CN', 'identity.verified')).and.to.contain('李四');
  });

  it('lists what the borrower filed that is still being handled, with its answer date ("how is my complaint doing?")', async () => {
    const bot = await harness();
    await bot.say('我的投诉处理得怎么样了');
    await bot.say('13800000007');
    const shown = textOf(await bot.say('789016'));
    expect(shown).to.contain(t('zh-CN', 'account.open.header'));
    expect(shown).to.match(/投诉 CP-DEMO-0007：已受理，最晚 \d{4}-\d{2}-\d{2} 前答复。/);
    const none = await harness();
    await none.say('我还欠多少钱');
    await none.say('13800000002');
    expect(textOf(await none.say('234561')), 'nothing open: no list').not.to.contain(t('zh-CN', 'account.open.header'));
  });

  it('says what the ID characters are for when asked why (or whether it is safe), then takes them', async () => {
    const bot = await harness();
    await bot.say('我还欠多少钱');
    await bot.say('13800000002');
    const why = textOf(await bot.say('为什么要身份证后六位？安全吗'));
    expect(why).to.equal(t('zh-CN', 'identity.whyIdLast6'));
    expect(textOf(await bot.say('234561'))).to.contain(t('zh-CN', 'identity.verified'));
    const wrong = await harness();
    await wrong.say('我还欠多少钱');
    await wrong.say('13800000002');
    expect(textOf(await wrong.say('12345')), 'a mistyped number gets the plain retry').not.to.contain(t('zh-CN', 'identity.whyIdLast6'));
  });

  it('at the mobile question, says why verification is asked and what never is, when asked why or whether it is a scam', async () => {
    const bot = await harness();
    await bot.say('我还欠多少钱');
    for (const asked of ['为什么要我的身份证', '你们是不是想骗我信息']) expect(textOf(await bot.say(asked)), asked).to.equal(t('zh-CN', 'identity.whyMobile'));
    expect(textOf(await bot.say('为什么要还这么多')), 'another why').to.equal(t('zh-CN', 'identity.mobileFirst'));
    await bot.say('13800000002');
    expect(textOf(await bot.say('234561'))).to.contain(t('zh-CN', 'identity.verified'));
  });

  it('takes the mobile from a sentence, and verifies at once when the same message gives the ID characters', async () => {
    const bot = await harness();
    await bot.say('我还欠多少钱');
    expect(textOf(await bot.say('我的手机号是13800000002'))).to.contain(t('zh-CN', 'identity.askIdLast6'));
    expect(textOf(await bot.say('234561'))).to.contain(t('zh-CN', 'identity.verified'));

    const both = await harness();
    await both.say('我还欠多少钱');
    const shown = textOf(await both.say('我的手机是138-0000-0002，身份证后六位234561'));
    expect(shown).to.contain(t('zh-CN', 'identity.verified')).and.contain('李四').and.not.contain(t('zh-CN', 'identity.askIdLast6'));
  });

  it('takes a mobile number typed after "you can verify to see your account" as the start of that verification', async () => {
    const bot = await harness();
    const hint = await bot.say('他们说明天要上门催收');
    expect(textOf(hint)).to.contain(t('zh-CN', 'guidance.verifyHint'));
    const askedId = textOf(await bot.say('138 0000 0006'));
    expect(askedId).to.contain('身份证号码的后6位').and.not.contain(t('zh-CN', 'identity.askMobile'));
    const shown = textOf(await bot.say('678905'));
    expect(shown).to.contain(t('zh-CN', 'identity.verified')).and.contain('名工作人员');
  });

  it('does the same on a channel without buttons (SMS), where the offer is a numbered line of text', async () => {
    const bot = await harness();
    const hint = textOf(await bot.say({ channelId: 'sms', text: '他们说明天要上门催收' }));
    expect(hint).to.match(/\d\. 确认身份，看我的账户/);
    expect(textOf(await bot.say({ channelId: 'sms', text: '13800000006' }))).to.contain('身份证号码的后6位');
  });

  it('starts verification from the mobile the request gives as the borrower\'s own ("帮我查下欠款，手机…")', async () => {
    const bot = await harness();
    const asked = textOf(await bot.say('我是李四，手机13800000002，帮我查下欠款'));
    expect(asked).to.contain('身份证号码的后6位').and.not.to.contain(t('zh-CN', 'identity.askMobile'));
    expect(textOf(await bot.say('234561'))).to.contain(t('zh-CN', 'identity.verified')).and.to.contain('¥1,060.00');
  });

  it('does not read a bare number as the borrower\'s own without that offer: a fresh conversation, or the scam check\'s caller number', async () => {
    const fresh = await harness();
    expect(textOf(await fresh.say('13800000002'))).not.to.contain('身份证号码的后6位');
    const scam = await harness();
    await scam.say('这个号码是你们的吗');
    const checked = textOf(await scam.say('13800000002'));
    expect(checked).to.contain('138****0002').and.not.contain('身份证号码的后6位');
  });

  it('says how many tries are left after wrong data, locks after three failures and offers a person, and unlocks after 30 minutes', async () => {
    const bot = await harness();
    await bot.say('我还欠多少钱');
    await bot.say('13800000002');
    expect(textOf(await bot.say('999999'))).to.contain(t('zh-CN', 'identity.noMatch', { remaining: 2 }));
    await bot.say('13800000002');
    expect(textOf(await bot.say('888888'))).to.contain(t('zh-CN', 'identity.noMatch', { remaining: 1 }));
    await bot.say('13800000002');
    const locked = await bot.say('777777');
    expect(textOf(locked)).to.contain('身份验证已暂时锁定').and.not.match(MONEY);
    expect(buttonsOf(locked)).to.include(t('zh-CN', 'core.intent.human_agent'));
    // Still locked: even the right answer is not asked for.
    expect(textOf(await bot.say('我还欠多少钱'))).to.contain('身份验证已暂时锁定');
    bot.clock.advance(31 * 60_000);
    await bot.say('我还欠多少钱');
    await bot.say('13800000002');
    expect(textOf(await bot.say('234561'))).to.contain('李四');
  });

  it('asks for verification again once it has expired, and shows no figures until then', async () => {
    const bot = await harness({ IDENTITY_VERIFICATION_TTL_SECONDS: '600' });
    await bot.say('我还欠多少钱');
    await bot.say('13800000002');
    expect(textOf(await bot.say('234561'))).to.contain('李四');
    bot.clock.advance(11 * 60_000);
    const again = textOf(await bot.say('我还欠多少钱'));
    expect(again).to.contain(t('zh-CN', 'identity.askMobile'));
    expect(again).not.to.match(MONEY).and.not.contain('李四').and.not.contain('逾期 5 天');
    const lawsuit = textOf(await bot.say('催收说要起诉我'));
    expect(lawsuit).not.to.match(MONEY).and.not.contain('案号');
  });

  it('accepts a valid signed borrower token from the host page: verified from the start', async () => {
    const bot = await harness({ IDENTITY_TOKEN_HS256_SECRET: SECRET });
    const token = await signedToken('D004', bot.clock.now() + 3600_000);
    const shown = textOf(await bot.say({ text: '我还欠多少钱', channelData: { borrowerToken: token } }));
    expect(shown).to.contain('赵六').and.contain('已逾期 120 天');
    expect(shown).not.to.contain(t('zh-CN', 'identity.askMobile'));
  });

  it('ignores an expired or badly signed token and logs it, asking for verification instead', async () => {
    const { logger, lines } = captureLogger();
    const bot = await harness({ IDENTITY_TOKEN_HS256_SECRET: SECRET }, { logger });
    const expired = await signedToken('D004', bot.clock.now() - 60_000);
    const asked = textOf(await bot.say({ text: '我还欠多少钱', channelData: { borrowerToken: expired } }));
    expect(asked).to.contain(t('zh-CN', 'identity.askMobile')).and.not.match(MONEY);
    expect(lines.join('\n')).to.match(/token/i);

    const forged = await harness({ IDENTITY_TOKEN_HS256_SECRET: SECRET });
    const badSig = await signedToken('D004', forged.clock.now() + 3600_000, 'another-secret-of-enough-length-0123456789');
    expect(textOf(await forged.say({ text: '我还欠多少钱', channelData: { borrowerToken: badSig } }))).to.contain(t('zh-CN', 'identity.askMobile'));
  });

  it('never writes the mobile number or the ID characters unmasked to the log', async () => {
    const { logger, lines } = captureLogger('trace');
    const byId = await harness({ LOG_LEVEL: 'trace' }, { logger });
    await byId.say('我还欠多少钱');
    await byId.say('13800000003');
    expect(textOf(await byId.say('345672'))).to.contain('王五');
    const byCode = await harness({ LOG_LEVEL: 'trace' }, { logger });
    await byCode.say('我还欠多少钱');
    await byCode.say('13800000003');
    await byCode.say('验证码');
    const log = lines.join('\n');
    // The one-time-code path logs the mobile (development SMS sender): only in its masked form.
    expect(log).to.contain('138****0003');
    expect(log).not.to.contain('13800000003');
    expect(log).not.to.contain('345672');
  });

  const cases: Array<{ who: string; mobile: string; id: string; ask: string; expect: string[] }> = [
    { who: 'D001 current', mobile: '13800000001', id: '12345X', ask: '我还欠多少钱', expect: ['张三', '正常还款中', '下次还款日'] },
    { who: 'D003 45 days', mobile: '13800000003', id: '345672', ask: '我逾期多少天了', expect: ['王五', '已逾期 45 天'] },
    { who: 'D004 120 days', mobile: '13800000004', id: '45678x', ask: '罚息是多少', expect: ['已逾期 120 天', '罚息 ¥1,008.00'] }, // the part asked about (no name header)
    { who: 'D007 several loans', mobile: '13800000007', id: '789016', ask: '我还欠多少', expect: ['周九', '3 笔借款', '已结清', '已逾期 30 天'] },
    { who: 'D008 zh-TW', mobile: '13800000008', id: '890127', ask: '我還欠多少錢', expect: ['林測試', '筆借款', '已逾期 20 天', '剩餘本金'] },
    { who: 'D009 English', mobile: '13800000009', id: '90123X', ask: 'how much do I owe?', expect: ['Alex Demo', '10 days overdue', 'outstanding principal'] },
  ];
  for (const c of cases) {
    it(`shows the account status of ${c.who} in the borrower's language`, async () => {
      const bot = await harness();
      expect(textOf(await bot.say(c.ask))).not.to.match(MONEY);
      await bot.say(c.mobile);
      const shown = textOf(await bot.say(c.id));
      for (const part of c.expect) expect(shown).to.contain(part);
      expect(shown).to.match(MONEY);
    });
  }
});

describe('one-time code limits', () => {
  it('sends at most IDENTITY_MAX_CODES_PER_HOUR codes for one mobile, then says when to try again and offers a person', async () => {
    const bot = await botHarness({ IDENTITY_MAX_CODES_PER_HOUR: '2' });
    try {
      for (let i = 0; i < 2; i++) {
        await bot.say('我还欠多少钱');
        await bot.say('13800000002');
        expect(textOf(await bot.say('验证码'))).to.contain('验证码已发送到 138****0002');
        await bot.say('取消');
      }
      await bot.say('我还欠多少钱');
      await bot.say('13800000002');
      const refused = await bot.say('验证码');
      expect(textOf(refused)).to.contain('验证码发送次数已达上限').and.not.contain('已发送到');
      expect(buttonsOf(refused)).to.include(t('zh-CN', 'core.intent.human_agent'));
    } finally {
      await bot.close();
    }
  });
});
