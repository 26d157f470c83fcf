import { expect } from 'chai';
import { parseConfig } from '../../../../services/config/config';
import { silentLogger } from '../../../../services/logging/logger';
import { createRecognizer } from '../../../../services/recognizer/createRecognizer';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import { toneViolations } from '../../../../dialogs/messages/toneRules';
import { allText, button, makeHarness, titlesOf } from './harness';

describe('DoorstepVisitDialog transcripts', () => {
  it('explains what a proper visit looks like and the borrower\'s rights, without calling visits unlawful', async () => {
    const h = await makeHarness();
    const replies = await h.say('他们说明天要上门催收');
    const text = allText(replies);
    expect(text).to.contain('不是执法人员').and.to.contain('至少两人').and.to.contain('22:00').and.to.contain('08:00').and.to.contain('110');
    expect(text).to.contain('不让对方进门');
    expect(toneViolations(text)).to.deep.equal([]);
    expect(titlesOf(replies)).to.deep.equal([
      t('zh-CN', 'guidance.button.complaintVisit'),
      intentLabel('zh-CN', 'installment_plan'),
      intentLabel('zh-CN', 'human_agent'),
      t('zh-CN', 'guidance.button.verify'),
    ]);
  });

  it('tells a verified borrower with a scheduled visit (D006) when, where and how many staff', async () => {
    const h = await makeHarness();
    await h.verifyAs('D006');
    const text = allText(await h.say('他们说明天要上门催收'));
    // Fixture: @today+2dT10:00 with the manual clock on 2026-11-20.
    expect(text).to.contain('2026-11-22 10:00').and.to.contain('住所').and.to.contain('2 名工作人员').and.to.contain('演示催收服务有限公司');
  });

  it('tells a verified borrower without a visit (D001) that none is scheduled', async () => {
    const h = await makeHarness();
    await h.verifyAs('D001');
    const text = allText(await h.say('他们说明天要上门催收'));
    expect(text).to.contain(t('zh-CN', 'guidance.visit.none'));
    expect(text).not.to.contain('名工作人员');
  });

  it('does not repeat the same facts in full when asked again right after, and still gives the verified borrower their part', async () => {
    const h = await makeHarness();
    expect(allText(await h.say('他们说明天要上门催收'))).to.contain(t('zh-CN', 'guidance.visit.facts'));
    const again = allText(await h.say('他们说明天要上门催收'));
    // Said to still apply, with what the borrower can do at the door said again ("如果他们真来了怎么办").
    expect(again).to.contain(t('zh-CN', 'guidance.stillAppliesMost')).and.to.contain(t('zh-CN', 'guidance.visit.rights')).and.to.contain(t('zh-CN', 'guidance.verifyHint'));
    expect(again).not.to.contain(t('zh-CN', 'guidance.visit.facts'));
    await h.say('你好');
    expect(allText(await h.say('他们说明天要上门催收')), 'after another answer: in full again').to.contain(t('zh-CN', 'guidance.visit.facts'));

    const verified = await makeHarness();
    await verified.verifyAs('D006');
    await verified.say('他们说明天要上门催收');
    const personal = allText(await verified.say('他们说明天要上门催收'));
    expect(personal).to.contain(t('zh-CN', 'guidance.stillAppliesMost')).and.to.contain('2026-11-22 10:00');
  });

  it('says that posting notices in public is forbidden when the message speaks of notices; not otherwise', async () => {
    const posted = allText(await (await makeHarness()).say('他们说要去我老家贴告示'));
    expect(posted).to.contain(t('zh-CN', 'guidance.visit.posting')).and.to.contain(t('zh-CN', 'guidance.visit.rights'));
    expect(allText(await (await makeHarness()).say('他们说明天要上门催收'))).not.to.contain(t('zh-CN', 'guidance.visit.posting'));
  });

  it('says what collectors may and may not tell people at the workplace or in the family when the visit is to them; not otherwise', async () => {
    const real = () => makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    for (const said of ['他们说明天要派人上门催收，还要去我单位找领导', '催收说明天就到我老家找我爸妈']) {
      expect(allText(await (await real()).say(said)), said).to.contain(t('zh-CN', 'guidance.visit.thirdParty'));
    }
    expect(allText(await (await makeHarness()).say('他们说明天要上门催收'))).not.to.contain(t('zh-CN', 'guidance.visit.thirdParty'));
  });

  it('starts a complaint about visitors with the channel already known (no channel question)', async () => {
    const h = await makeHarness();
    await h.verifyAs('D006');
    const replies = await h.say('他们说明天要上门催收');
    await h.press(button(replies, t('zh-CN', 'guidance.button.complaintVisit')));
    await h.say('两个人在我家门口大声喊，不肯走');
    const next = await h.say('昨天');
    expect(allText(next)).to.contain(t('zh-CN', 'complaints.askWho'));
    await h.say(t('zh-CN', 'complaints.who.family'));
    await h.say(t('zh-CN', 'complaints.numberUnknown'));
    const complaint = (await h.accounts.getAccount('D006')).account.complaints.at(-1)!;
    expect(complaint).to.include({ channel: 'visit', occurredOn: '2026-11-19', category: 'third_party_contact', priority: 'high' });
  });

  it('answers in Traditional Chinese and in English', async () => {
    const tw = await makeHarness();
    await tw.verifyAs('D006');
    const twText = allText(await tw.say('他們說明天要上門催收'));
    expect(twText).to.contain('不是執法人員').and.to.contain('2026-11-22 10:00').and.to.contain('北京時間');
    const en = await makeHarness();
    const enReplies = await en.say('They say they will visit my home tomorrow');
    expect(allText(enReplies)).to.contain('not law enforcement').and.to.contain('at least two staff').and.to.contain('110');
    expect(titlesOf(enReplies)).to.include(t('en', 'guidance.button.verify'));
  });
});
