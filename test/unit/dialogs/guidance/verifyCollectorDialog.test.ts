import { expect } from 'chai';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import { BORROWERS, allText, button, makeHarness, titlesOf } from './harness';

describe('VerifyCollectorDialog transcripts', () => {
  it('confirms an official number given in the message for a verified borrower (D005), with the active agency', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    const replies = await h.say('这个号码是你们的吗 400-000-0002');
    const text = allText(replies);
    expect(text).to.contain('个人账户').and.to.contain('验证码').and.to.contain('110').and.to.contain('96110');
    expect(text).to.contain('"演示催收服务有限公司"（我们委托的催收机构）负责催收');
    expect(text).to.contain('400-000-0002 是负责您账户的"演示催收服务有限公司"的官方号码');
    expect(titlesOf(replies)).to.include(intentLabel('zh-CN', 'human_agent'));
  });

  it('asks for the number when none was given, retries on a non-number, and flags an unknown number (masked)', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    const asked = await h.say('这个号码是你们的吗');
    expect(allText(asked)).to.contain(t('zh-CN', 'guidance.scam.askNumber'));
    expect(titlesOf(asked)).to.deep.equal([t('zh-CN', 'guidance.scam.noNumber')]);
    expect(allText(await h.say('我也不知道'))).to.contain(t('zh-CN', 'guidance.scam.retryNumber'));
    const text = allText(await h.say('139 1234 5678'));
    expect(text).to.contain('139****5678 不是负责您账户的团队的官方号码').and.to.contain('400-000-0002、021-00000002').and.to.contain('96110');
    expect(text).not.to.contain('13912345678');
  });

  it('for an unverified borrower, checks a number only after verification, and says so when they decline', async () => {
    const declined = await makeHarness();
    await declined.say('这个号码是你们的吗');
    const ask = await declined.say('021-00000002');
    expect(allText(ask)).to.contain(t('zh-CN', 'guidance.scam.needVerify'));
    const no = await declined.say(t('zh-CN', 'guidance.scam.no'));
    expect(allText(no)).to.contain(t('zh-CN', 'guidance.scam.cannotCheck'));
    expect(allText(no)).not.to.contain('官方号码：');

    const verified = await makeHarness();
    await verified.say('这个号码是你们的吗');
    await verified.say('021-00000002');
    await verified.say(t('zh-CN', 'guidance.scam.yes'));
    await verified.say(BORROWERS.D005[0]);
    const result = allText(await verified.say(BORROWERS.D005[1]));
    expect(result).to.contain('021-00000002 是负责您账户的"演示催收服务有限公司"的官方号码');
  });

  it('tells a verified borrower without a collection assignment (D001) that the number is not ours for them', async () => {
    const h = await makeHarness();
    await h.verifyAs('D001');
    const text = allText(await h.say('这个号码是你们的吗 400-000-0002'));
    expect(text).to.contain(t('zh-CN', 'guidance.scam.noAssignment'));
    expect(text).to.contain('没有分配催收团队，所以 400-000-0002 不是我们为您安排的催收号码');
  });

  it('ends cleanly with "no number", offering a complaint about the caller and a person', async () => {
    const h = await makeHarness();
    await h.say('这个号码是你们的吗');
    const replies = await h.say(t('zh-CN', 'guidance.scam.noNumber'));
    expect(titlesOf(replies)).to.deep.equal([t('zh-CN', 'guidance.button.complaintCaller'), intentLabel('zh-CN', 'human_agent'), t('zh-CN', 'guidance.button.verify')]);
    // "Verify and see my account" shows the collection assignment once verified.
    await h.press(button(replies, t('zh-CN', 'guidance.button.verify')));
    await h.say(BORROWERS.D006[0]);
    expect(allText(await h.say(BORROWERS.D006[1]))).to.contain('"演示催收服务有限公司"（我们委托的催收机构）负责催收');
  });

  it('answers in Traditional Chinese and in English', async () => {
    const tw = await makeHarness();
    await tw.verifyAs('D005');
    expect(allText(await tw.say('這個號碼是你們的嗎 13912345678'))).to.contain('139****5678 不是負責您帳戶的團隊的官方號碼');
    const en = await makeHarness();
    await en.verifyAs('D005');
    expect(allText(await en.say('Is this number really you? 021-00000002'))).to.contain('021-00000002 is an official number of "演示催收服务有限公司"');
  });

  it('leaves the caller check on cancel at the number question, and a number sent afterwards is not checked', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    expect(allText(await h.say('这个号码是你们的吗'))).to.contain(t('zh-CN', 'guidance.scam.askNumber'));
    const cancelled = await h.say('取消');
    expect(allText(cancelled)).to.equal(t('zh-CN', 'core.cancelled'));
    const after = allText(await h.say('400-000-0002'));
    expect(after).not.to.contain('官方号码').and.not.to.contain(t('zh-CN', 'guidance.scam.retryNumber'));
    expect(allText(await h.say('你好'))).to.equal(t('zh-CN', 'core.greeting'));
  });

  it('answers help at the number question, asks for the number again, then checks it', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    await h.say('这个号码是你们的吗');
    const help = await h.say('帮助');
    expect(allText(help)).to.equal([t('zh-CN', 'core.help'), t('zh-CN', 'core.helpResume'), t('zh-CN', 'guidance.scam.askNumber')].join('\n'));
    expect(titlesOf(help)).to.include(t('zh-CN', 'guidance.scam.noNumber'));
    const text = allText(await h.say('400-000-0002'));
    expect(text).to.contain('400-000-0002 是负责您账户的"演示催收服务有限公司"的官方号码');
  });

  it('answers help at the verify question of an unverified borrower, asks it again, then verifies and checks', async () => {
    const h = await makeHarness();
    await h.say('这个号码是你们的吗');
    expect(allText(await h.say('021-00000002'))).to.contain(t('zh-CN', 'guidance.scam.needVerify'));
    const help = allText(await h.say('帮助'));
    expect(help).to.contain(t('zh-CN', 'core.help')).and.to.contain(t('zh-CN', 'core.helpResume')).and.to.contain(t('zh-CN', 'guidance.scam.needVerify'));
    await h.say(t('zh-CN', 'guidance.scam.yes'));
    await h.say(BORROWERS.D005[0]);
    expect(allText(await h.say(BORROWERS.D005[1]))).to.contain('021-00000002 是负责您账户的"演示催收服务有限公司"的官方号码');
  });
});
