import { expect } from 'chai';
import { ScriptedRecognizer } from '../../../helpers/scriptedRecognizer';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import { parseConfig } from '../../../../services/config/config';
import { silentLogger } from '../../../../services/logging/logger';
import { createRecognizer } from '../../../../services/recognizer/createRecognizer';
import { allText, makeHarness, titlesOf } from './harness';

describe('RepaymentHowtoDialog transcripts', () => {
  it('names only the official app and never a personal account; answers the failed auto-debit asked about', async () => {
    const h = await makeHarness();
    const replies = await h.say('自动扣款失败了怎么办');
    const text = allText(replies);
    expect(text).to.contain('官方 App').and.to.contain('个人账户').and.to.contain(t('zh-CN', 'guidance.repay.autodebit'));
    expect(text).not.to.contain(t('zh-CN', 'guidance.repay.early'));
    expect(titlesOf(replies)).to.include(intentLabel('zh-CN', 'human_agent'));
    const failed = allText(await (await makeHarness()).say('还款失败了怎么办'));
    expect(failed, 'a repayment that failed').to.contain(t('zh-CN', 'guidance.repay.autodebit'));
    expect(failed).not.to.contain(t('zh-CN', 'guidance.repay.early')).and.not.to.contain(t('zh-CN', 'guidance.repay.notPosted'));
  });

  it('answers "我想提前把剩下的都还了" (a wish to pay off early) with early repayment, not a payment not yet showing', async () => {
    const wish = '我想提前把剩下的都还了';
    const text = allText(await (await makeHarness({ recognizer: new ScriptedRecognizer({ [wish]: ['repayment_howto', 0.95] }) })).say(wish));
    expect(text).to.contain(t('zh-CN', 'guidance.repay.early')).and.not.to.contain(t('zh-CN', 'guidance.repay.notPosted'));
    const paid = allText(await (await makeHarness({ recognizer: new ScriptedRecognizer({ 我都还了还显示逾期: ['repayment_howto', 0.95] }) })).say('我都还了还显示逾期'));
    expect(paid, 'paid, and still shown overdue').to.contain(t('zh-CN', 'guidance.repay.notPosted'));
  });

  it('for a payment not yet showing: keep the receipt, do not pay twice, a person checks; no posting time promised', async () => {
    const h = await makeHarness();
    const text = allText(await h.say('还了显示没还'));
    expect(text).to.contain('付款凭证').and.to.contain('不要重复还款').and.to.contain('转人工');
    expect(text).not.to.match(/\d+\s*(小时|个工作日|分钟)内到账/);
  });

  it('answers "I have paid, why does it still show overdue" and a later "paid yesterday" with the payment-not-showing part only', async () => {
    const h = await makeHarness();
    const first = allText(await h.say('我已经还了为什么还显示逾期'));
    expect(first).to.contain(t('zh-CN', 'guidance.repay.notPosted'));
    expect(first).not.to.contain(t('zh-CN', 'guidance.repay.early')).and.not.to.contain(t('zh-CN', 'guidance.repay.autodebit'));
    expect(first.indexOf(t('zh-CN', 'guidance.repay.notPosted')), 'the answer to what was asked comes first').to.be.below(first.indexOf(t('zh-CN', 'guidance.repay.channels')));
    // The same part again right after: said to still apply, not repeated in full, and no other part.
    const later = allText(await h.say('昨天还的'));
    expect(later).to.contain(t('zh-CN', 'guidance.stillApplies'));
    expect(later).not.to.contain(t('zh-CN', 'guidance.repay.early')).and.not.to.contain(t('zh-CN', 'guidance.repay.autodebit'));
    const alone = allText(await (await makeHarness()).say('昨天还的'));
    expect(alone, 'on its own').to.contain(t('zh-CN', 'guidance.repay.notPosted'));
    const en = allText(await h.say('I already paid yesterday but it still shows overdue'));
    expect(en).to.contain(t('en', 'guidance.repay.notPosted')).and.not.to.contain(t('en', 'guidance.repay.early'));
  });

  it('answers how long a payment takes to show with the app\'s page (no time of its own), and a verified borrower what is still overdue (D002)', async () => {
    const real = () => makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    const h = await real();
    const text = allText(await h.say('还款一般多久到账'));
    expect(text).to.contain(t('zh-CN', 'guidance.repay.postingTime')).and.not.to.contain(t('zh-CN', 'guidance.repay.early'));
    expect(text).not.to.match(/\d+\s*(小时|个工作日|分钟)内到账/);
    const verified = await real();
    await verified.verifyAs('D002');
    const shown = allText(await verified.say('我昨天还了，怎么还显示逾期'));
    expect(shown).to.contain(t('zh-CN', 'guidance.repay.stillOverdue', { product: '消费分期', amount: '¥1,060.00' }));
    const general = await real();
    await general.verifyAs('D002');
    expect(allText(await general.say('怎么还款'))).to.contain(t('zh-CN', 'guidance.repay.overdueNow', { product: '消费分期', amount: '¥1,060.00' }));
    expect(allText(await (await real()).say({ text: "my payment isn't showing up", locale: 'en-US' }))).to.contain(t('en', 'guidance.repay.notPosted'));
  });

  it('answers a repayment taken twice with the keep-the-records part only, not the failed auto-debit', async () => {
    const h = await makeHarness();
    for (const said of ['还款的时候重复扣款了怎么办', '自动还款扣了两次']) {
      const text = allText(await (await makeHarness()).say(said));
      expect(text, said).to.contain(t('zh-CN', 'guidance.repay.doubleCharged')).and.to.contain(t('zh-CN', 'guidance.repay.channels'));
      expect(text, said).not.to.contain(t('zh-CN', 'guidance.repay.autodebit')).and.not.to.contain(t('zh-CN', 'guidance.repay.notPosted'));
    }
    expect(allText(await h.say('The auto-debit charged me twice'))).to.contain(t('en', 'guidance.repay.doubleCharged')).and.not.to.contain(t('en', 'guidance.repay.autodebit'));
    expect(allText(await h.say('怎么还款')), 'a general question').not.to.contain(t('zh-CN', 'guidance.repay.doubleCharged'));
  });

  it('answers an app that will not open with that part only: no other channel, try later or update, a person if urgent', async () => {
    for (const said of ['我想还钱但是app打不开', 'The app won\'t open and I need to pay']) {
      const text = allText(await (await makeHarness()).say(said));
      const locale = said.startsWith('我') ? 'zh-CN' : 'en';
      expect(text, said).to.contain(t(locale, 'guidance.repay.appDown')).and.to.contain(t(locale, 'guidance.repay.channels'));
      expect(text, said).not.to.contain(t(locale, 'guidance.repay.early')).and.not.to.contain(t(locale, 'guidance.repay.notPosted'));
    }
    expect(allText(await (await makeHarness()).say('怎么还款')), 'a general question').not.to.contain(t('zh-CN', 'guidance.repay.appDown'));
  });

  it('answers a way of paying asked about ("能用微信还吗") with where the ways are shown and the official channel only', async () => {
    for (const said of ['能用微信还吗', '还款能用信用卡吗']) {
      const text = allText(await (await makeHarness()).say(said));
      expect(text, said).to.contain(t('zh-CN', 'guidance.repay.methods')).and.to.contain(t('zh-CN', 'guidance.repay.channels'));
      expect(text, said).not.to.contain(t('zh-CN', 'guidance.repay.early')).and.not.to.contain(t('zh-CN', 'guidance.repay.autodebit'));
    }
    const failed = allText(await (await makeHarness()).say('自动扣款失败了，能用支付宝还吗'));
    expect(failed, 'a topic named beside it is answered instead').to.contain(t('zh-CN', 'guidance.repay.autodebit')).and.not.to.contain(t('zh-CN', 'guidance.repay.methods'));
  });

  it('answers paying everything off at once with the early-repayment part only', async () => {
    for (const said of ['我想一次性还清', '能不能提前结清']) {
      const h = await makeHarness();
      const text = allText(await h.say(said));
      expect(text, said).to.contain(t('zh-CN', 'guidance.repay.early'));
      expect(text, said).not.to.contain(t('zh-CN', 'guidance.repay.autodebit')).and.not.to.contain(t('zh-CN', 'guidance.repay.notPosted'));
    }
  });

  it('gives every topic to a general question, and the next due date to a verified borrower (D002)', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const replies = await h.say('怎么还款');
    const text = allText(replies);
    for (const key of ['guidance.repay.early', 'guidance.repay.autodebit', 'guidance.repay.notPosted'] as const) expect(text).to.contain(t('zh-CN', key));
    expect(text.startsWith(t('zh-CN', 'guidance.repay.channels')), 'a general question: the official channels first').to.equal(true);
    expect(text).to.match(/下次还款日 \d{4}-\d{2}-\d{2}，应还 ¥[\d,]+\.\d{2}/);
    expect(titlesOf(replies)).not.to.include(t('zh-CN', 'guidance.button.verify'));
  });

  it('answers in English', async () => {
    const h = await makeHarness();
    const text = allText(await h.say('How do I repay? The auto-debit failed'));
    expect(text).to.contain('official app').and.to.contain('never ask you to transfer money to any personal account').and.to.contain('Auto-debit or repayment failed');
  });

  it('answers in Traditional Chinese: official app only, the topic asked about, and the next due date once verified (D008)', async () => {
    const h = await makeHarness();
    const replies = await h.say('自動扣款失敗了怎麼辦');
    const text = allText(replies);
    expect(text).to.contain(t('zh-TW', 'guidance.repay.channels')).and.to.contain(t('zh-TW', 'guidance.repay.autodebit'));
    expect(text).to.contain('官方 App').and.to.contain('個人帳戶');
    expect(text).not.to.contain(t('zh-TW', 'guidance.repay.early'));
    expect(text).not.to.contain('个人账户');
    expect(titlesOf(replies)).to.include(intentLabel('zh-TW', 'human_agent'));

    const notPosted = allText(await h.say('還了顯示沒還'));
    expect(notPosted).to.contain(t('zh-TW', 'guidance.repay.notPosted')).and.to.contain('不要重複還款');

    const verified = await makeHarness();
    await verified.verifyAs('D008');
    const all = allText(await verified.say('怎麼還款'));
    for (const key of ['guidance.repay.early', 'guidance.repay.autodebit', 'guidance.repay.notPosted'] as const) expect(all).to.contain(t('zh-TW', key));
    expect(all).to.match(/下次還款日 \d{4}-\d{2}-\d{2}，應還 ¥[\d,]+\.\d{2}/);
  });
});
