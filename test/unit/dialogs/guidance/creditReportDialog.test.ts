import { expect } from 'chai';
import { asksWhatIfNotPaid } from '../../../../dialogs/guidance/creditReportDialog';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import { ScriptedRecognizer } from '../../../helpers/scriptedRecognizer';
import { allText, makeHarness, titlesOf } from './harness';

describe('CreditReportDialog transcripts', () => {
  it('states the credit-report rules from the domain facts and warns about paid "repair"', async () => {
    const h = await makeHarness();
    const replies = await h.say('逾期会上征信吗');
    const text = allText(replies);
    expect(text).to.contain('先通知您').and.to.contain('5 年').and.to.contain('2 次').and.to.contain('ipcrs.pbccrc.org.cn').and.to.contain('20 天');
    expect(text).to.contain('骗局');
    expect(text).not.to.match(/可以删除|能删除|保证/);
    expect(titlesOf(replies)).to.deep.equal([
      intentLabel('zh-CN', 'account_status'),
      intentLabel('zh-CN', 'installment_plan'),
      intentLabel('zh-CN', 'human_agent'),
      t('zh-CN', 'guidance.button.verify'),
    ]);
  });

  it('answers a request to delete a record, and the one-time repair, first and without a promise', async () => {
    const deleted = '能不能帮我把记录删掉，我马上还清';
    const repair = '听说有一次性信用修复，我能用吗';
    const h = () => makeHarness({ recognizer: new ScriptedRecognizer({ [deleted]: ['credit_report', 0.95], [repair]: ['credit_report', 0.95], 'can you delete it if i pay today': ['credit_report', 0.9] }) });
    const del = allText(await (await h()).say(deleted));
    expect(del.startsWith(t('zh-CN', 'guidance.credit.noDeletion')), 'the answer to what was asked comes first').to.equal(true);
    const rep = allText(await (await h()).say(repair));
    expect(rep.startsWith(t('zh-CN', 'guidance.credit.oneTimeRepair'))).to.equal(true);
    expect(t('zh-CN', 'guidance.credit.oneTimeRepair')).to.contain('2026 年 3 月 31 日').and.to.contain('不收费').and.to.contain('没法判断或承诺');
    expect(allText(await (await h()).say({ text: 'can you delete it if i pay today', locale: 'en-US' }))).to.contain(t('en', 'guidance.credit.noDeletion'));
    expect(allText(await (await makeHarness()).say('逾期会上征信吗'))).not.to.contain(t('zh-CN', 'guidance.credit.noDeletion'));
    const when = '预期了会上征信吗？多久能消除';
    const both = allText(await (await makeHarness({ recognizer: new ScriptedRecognizer({ [when]: ['credit_report', 0.95] }) })).say(when));
    expect(both, 'how long, not a deletion asked for').not.to.contain(t('zh-CN', 'guidance.credit.noDeletion'));
    expect(both, 'whether it is reported, beside how long').to.contain(t('zh-CN', 'guidance.credit.notice')).and.to.contain(t('zh-CN', 'guidance.credit.retention'));
  });

  it('answers "what happens if I am overdue" with the consequences first (civil, no arrest), then the credit rules', async () => {
    const h = await makeHarness({ recognizer: new ScriptedRecognizer({ 逾期了会怎么样: ['credit_report', 0.9], 'what happens if I do not pay': ['credit_report', 0.95] }) });
    const text = allText(await h.say('逾期了会怎么样'));
    expect(text).to.contain(t('zh-CN', 'guidance.credit.consequences')).and.to.contain(t('zh-CN', 'guidance.credit.notice'));
    expect(text.indexOf(t('zh-CN', 'guidance.credit.consequences'))).to.be.below(text.indexOf(t('zh-CN', 'guidance.credit.intro')));
    expect(allText(await h.say({ text: 'what happens if I do not pay', locale: 'en-US' }))).to.contain(t('en', 'guidance.credit.consequences'));
    expect(allText(await (await makeHarness()).say('逾期一天有影响吗'))).to.contain(t('zh-CN', 'guidance.credit.consequences'));
    expect(allText(await (await makeHarness()).say('逾期会上征信吗')), 'not asked: not said').not.to.contain(t('zh-CN', 'guidance.credit.consequences'));
  });

  it('answers "要是一直不还会怎么样" (a lawsuit to the recogniser) with the consequences', async () => {
    for (const text of ['要是一直不还会怎么样', '不还款有什么后果', '如果不還錢會怎麼樣', "what happens if I don't pay", '如果我这周还不上会怎样', '晚几天还有什么后果', "what happens if I can't pay", 'what happens if I miss a payment']) expect(asksWhatIfNotPaid(text), text).to.equal(true);
    for (const text of ['如果我不还钱会坐牢吗', '不还会被起诉吗', '以后还不上怎么办', '不还会怎么样，能分期吗', '我会还的', '']) expect(asksWhatIfNotPaid(text), text).to.equal(false);
    // The harness's recogniser knows none of these texts: what they get comes from reading them before recognition.
    const h = await makeHarness();
    const text = allText(await h.say('要是一直不还会怎么样'));
    expect(text).to.contain(t('zh-CN', 'guidance.credit.consequences')).and.not.to.contain(t('zh-CN', 'core.none'));
  });

  it('answers the part asked about: how long a record stays, how to get a report, what to do about an error', async () => {
    const retention = allText(await (await makeHarness()).say('逾期记录多久才能从征信上消掉'));
    expect(retention).to.contain(t('zh-CN', 'guidance.credit.retention')).and.to.contain('骗局');
    expect(retention).not.to.contain('20 天').and.not.to.contain('2 次');

    const access = allText(await (await makeHarness()).say('怎么查征信'));
    expect(access).to.contain(t('zh-CN', 'guidance.credit.access')).and.to.contain('ipcrs.pbccrc.org.cn');
    expect(access).not.to.contain('5 年').and.not.to.contain('骗局');

    const dispute = allText(await (await makeHarness()).say('徵信紀錄有誤怎麼辦'));
    expect(dispute).to.contain(t('zh-TW', 'guidance.credit.dispute'));
    expect(dispute).not.to.contain('5 年');

    const en = allText(await (await makeHarness()).say('How do I get a copy of my credit report?'));
    expect(en).to.contain('2 free reports').and.not.to.contain('5 years');

    // Paid off and still shown: the record outlives the debt, or it is wrong.
    const paidOff = allText(await (await makeHarness()).say('我已经还清了为什么征信还显示逾期'));
    expect(paidOff).to.contain(t('zh-CN', 'guidance.credit.retention')).and.to.contain(t('zh-CN', 'guidance.credit.dispute'));
    expect(paidOff).not.to.contain(t('zh-CN', 'guidance.credit.access'));
  });

  it('tells a verified overdue borrower (D005) how many loans are overdue and what stops new records', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    const text = allText(await h.say('逾期会上征信吗'));
    expect(text).to.contain('1 笔借款逾期').and.to.contain('210 天').and.to.contain('还款方案');
  });

  it('tells a verified borrower in good standing (D001) that nothing is overdue', async () => {
    const h = await makeHarness();
    await h.verifyAs('D001');
    const text = allText(await h.say('逾期会上征信吗'));
    expect(text).to.contain(t('zh-CN', 'guidance.credit.current'));
  });

  it('answers in Traditional Chinese and in English', async () => {
    const tw = await makeHarness();
    expect(allText(await tw.say('逾期會上徵信嗎'))).to.contain('徵信').and.to.contain('20 天');
    const en = await makeHarness();
    await en.verifyAs('D009');
    const text = allText(await en.say('Will this go on my credit report?'));
    expect(text).to.contain('5 years').and.to.contain('2 free reports').and.to.contain('1 loan is overdue now (up to 10 days; ¥950.00 overdue in all)');
  });
});
