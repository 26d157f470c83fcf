import { expect } from 'chai';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import { ScriptedRecognizer } from '../../../helpers/scriptedRecognizer';
import { BORROWERS, CONVERSATION, allText, button, makeHarness, titlesOf } from './harness';

describe('VerifyCollectorDialog transcripts', () => {
  it('confirms an official number given in the message for a verified borrower (D005), with the active agency', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    const replies = await h.say('这个号码是你们的吗 400-000-0002');
    const text = allText(replies);
    expect(text).to.contain('个人账户').and.to.contain('验证码').and.to.contain('110').and.to.contain('96110');
    expect(text).to.contain('“演示催收服务有限公司”（我们委托的催收机构）负责催收');
    expect(text).to.contain('400-000-0002 是负责您账户的“演示催收服务有限公司”的官方号码');
    expect(titlesOf(replies)).to.include(intentLabel('zh-CN', 'human_agent'));
  });

  it('asks for the number when none was given, retries on a non-number, and flags an unknown number (masked)', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    const asked = await h.say('这个号码是你们的吗');
    expect(allText(asked)).to.contain(t('zh-CN', 'guidance.scam.askNumber'));
    expect(titlesOf(asked)).to.deep.equal([t('zh-CN', 'guidance.scam.noNumber')]);
    expect(allText(await h.say('他们说话很凶'))).to.contain(t('zh-CN', 'guidance.scam.retryNumber'));
    const text = allText(await h.say('139 1234 5678'));
    expect(text).to.contain('139****5678 不是负责您账户的团队的官方号码').and.to.contain('400-000-0002、021-00000002').and.to.contain('96110');
    expect(text).not.to.contain('13912345678');
  });

  it('says courts and the police do not ask for transfers when the caller posed as one, then asks for the number', async () => {
    const posed = allText(await (await makeHarness()).say('自称法院的人给我打电话'));
    expect(posed).to.contain(t('zh-CN', 'guidance.lawsuit.impersonation')).and.to.contain(t('zh-CN', 'guidance.scam.askNumber'));
    const plain = allText(await (await makeHarness()).say('这个号码是你们的吗'));
    expect(plain).not.to.contain(t('zh-CN', 'guidance.lawsuit.impersonation'));
  });

  it('follows a complaint told at the number question instead of asking for the number again', async () => {
    const h = await makeHarness();
    await h.say('这个号码是你们的吗');
    const complaint = allText(await h.say('催收天天打我家人电话'));
    expect(complaint).not.to.contain(t('zh-CN', 'guidance.scam.retryNumber'));
    expect(complaint).to.contain('催收天天打我家人电话');
    expect(complaint).to.contain(t('zh-CN', 'complaints.askWhen'));
  });

  it('confirms a lender-wide official number for an unverified borrower without asking to verify', async () => {
    const h = await makeHarness();
    await h.say('这个号码是你们的吗');
    const replies = await h.say('02100000002');
    const text = allText(replies);
    expect(text).to.contain('021-00000002 是我们的官方号码之一').and.to.contain('只通过官方 App 还款').and.to.contain('个人账户');
    expect(text).not.to.contain(t('zh-CN', 'guidance.scam.needVerify')).and.not.to.contain(t('zh-CN', 'guidance.scam.offerVerify'));
    // Which team holds the account stays behind verification, offered as a button.
    expect(titlesOf(replies)).to.include(t('zh-CN', 'guidance.button.verify'));
    expect(await h.verification.verifiedBorrowerId(CONVERSATION)).to.equal(undefined);
  });

  it('says an official number that asked for a transfer to a personal account is not us all the same (numbers can be faked)', async () => {
    const asked = '有个自称你们客服的人打给我，让我把钱转到一个个人账户就能停息挂账，是真的吗';
    const h = await makeHarness({ recognizer: new ScriptedRecognizer({ [asked]: ['verify_collector', 0.95] }) });
    await h.say(asked);
    const text = allText(await h.say('02100000002'));
    expect(text).to.contain('021-00000002 是我们的官方号码之一').and.to.contain(t('zh-CN', 'guidance.scam.spoofed'));
    const plain = await makeHarness();
    await plain.say('这个号码是你们的吗');
    expect(allText(await plain.say('02100000002')), 'no transfer asked for').not.to.contain(t('zh-CN', 'guidance.scam.spoofed'));
  });

  it('tells an unverified borrower an unknown number is not on the list, offers to verify, and says what it cannot check when they decline', async () => {
    const h = await makeHarness();
    await h.say('这个号码是你们的吗');
    const ask = allText(await h.say('139 1234 5678'));
    expect(ask).to.contain('139****5678 不在我们的官方号码名单上').and.to.contain('110').and.to.contain('96110');
    expect(ask).to.contain(t('zh-CN', 'guidance.scam.offerVerify')).and.not.to.contain('13912345678');
    const no = allText(await h.say(t('zh-CN', 'guidance.scam.no')));
    expect(no).to.contain(t('zh-CN', 'guidance.scam.cannotCheck'));
    expect(no).not.to.contain('官方号码：');
  });

  it('after "not on our list", verifies and checks the number against the team assigned to the account', async () => {
    // The configured lender-wide list holds only the internal team's number, so the agency's line is not on it.
    const h = await makeHarness({ env: { LENDER_OFFICIAL_PHONES: '400-000-0001' } });
    await h.say('这个号码是你们的吗');
    expect(allText(await h.say('021-00000002'))).to.contain('021-00000002 不在我们的官方号码名单上').and.to.contain(t('zh-CN', 'guidance.scam.offerVerify'));
    await h.say(t('zh-CN', 'guidance.scam.yes'));
    await h.say(BORROWERS.D005[0]);
    const result = allText(await h.say(BORROWERS.D005[1]));
    expect(result).to.contain('021-00000002 是负责您账户的“演示催收服务有限公司”的官方号码');

    const unknown = await makeHarness();
    await unknown.say('这个号码是你们的吗');
    await unknown.say('139 1234 5678');
    await unknown.say(t('zh-CN', 'guidance.scam.yes'));
    await unknown.say(BORROWERS.D005[0]);
    const team = allText(await unknown.say(BORROWERS.D005[1]));
    expect(team).to.contain('139****5678 不是负责您账户的团队的官方号码').and.to.contain('400-000-0002、021-00000002');
  });

  it('asks an unverified borrower to verify first when there is no lender-wide list (HTTP lender, key unset)', async () => {
    const h = await makeHarness({ officialPhones: [] });
    await h.say('这个号码是你们的吗');
    const ask = allText(await h.say('021-00000002'));
    expect(ask).to.contain(t('zh-CN', 'guidance.scam.needVerify'));
    expect(ask).not.to.contain('官方号码之一').and.not.to.contain('名单');
  });

  it('tells a verified borrower without a collection assignment (D001) that a lender number is ours but not a collection line for them', async () => {
    const h = await makeHarness();
    await h.verifyAs('D001');
    const text = allText(await h.say('这个号码是你们的吗 400-000-0002'));
    expect(text).to.contain(t('zh-CN', 'guidance.scam.noAssignment'));
    expect(text).to.contain('400-000-0002 是我们的官方号码之一，但您的账户目前没有分配催收团队，所以它不是我们为您安排的催收号码');
    const unknown = await makeHarness();
    await unknown.verifyAs('D001');
    await unknown.say('这个号码是你们的吗');
    expect(allText(await unknown.say('13912345678'))).to.contain('没有分配催收团队，所以 139****5678 不是我们为您安排的催收号码');
  });

  it("tells a verified borrower a lender number that is not their team's apart from their team's own", async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    await h.say('这个号码是你们的吗');
    const text = allText(await h.say('4000000001'));
    expect(text).to.contain('400-000-0001 是我们的官方号码之一，但不是负责您账户的团队的号码').and.to.contain('400-000-0002、021-00000002');
  });

  it('ends cleanly with "no number", offering a complaint about the caller and a person', async () => {
    const h = await makeHarness();
    await h.say('这个号码是你们的吗');
    const replies = await h.say(t('zh-CN', 'guidance.scam.noNumber'));
    expect(titlesOf(replies)).to.deep.equal([t('zh-CN', 'guidance.button.complaintCaller'), intentLabel('zh-CN', 'human_agent'), t('zh-CN', 'guidance.button.verify')]);
    // "Verify and see my account" shows the collection assignment once verified.
    await h.press(button(replies, t('zh-CN', 'guidance.button.verify')));
    await h.say(BORROWERS.D006[0]);
    expect(allText(await h.say(BORROWERS.D006[1]))).to.contain('“演示催收服务有限公司”（我们委托的催收机构）负责催收');
  });

  it('takes "没有" or "I don\'t have the number" typed at the number question as no number', async () => {
    for (const [ask, none, locale] of [['这个号码是你们的吗', '没有', 'zh-CN'], ['这个号码是你们的吗', "I don't have the number", 'en']] as const) {
      const h = await makeHarness();
      await h.say(ask);
      const replies = await h.say(none);
      expect(titlesOf(replies), none).to.include(t(locale, 'guidance.button.complaintCaller'));
    }
  });

  it('checks an unverified borrower\'s number in Traditional Chinese and in English', async () => {
    const tw = await makeHarness();
    const ask = allText(await tw.say('這個號碼是你們的嗎 13912345678'));
    expect(ask).to.contain('139****5678 不在我們的官方號碼名單上').and.to.contain(t('zh-TW', 'guidance.scam.offerVerify'));
    await tw.say(t('zh-TW', 'guidance.scam.yes'));
    await tw.say(BORROWERS.D005[0]);
    expect(allText(await tw.say(BORROWERS.D005[1]))).to.contain('139****5678 不是負責您帳戶的團隊的官方號碼');
    const en = await makeHarness();
    const text = allText(await en.say('Is this number really you? 021-00000002'));
    expect(text).to.contain('021-00000002 is one of our official numbers').and.to.contain('personal account');
    expect(text).not.to.contain(t('en', 'guidance.scam.offerVerify'));
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
    expect(text).to.contain('400-000-0002 是负责您账户的“演示催收服务有限公司”的官方号码');
  });

  it('answers help at the verify question of an unverified borrower, asks it again, then verifies and checks', async () => {
    const h = await makeHarness({ env: { LENDER_OFFICIAL_PHONES: '400-000-0001' } });
    await h.say('这个号码是你们的吗');
    expect(allText(await h.say('021-00000002'))).to.contain(t('zh-CN', 'guidance.scam.offerVerify'));
    const help = allText(await h.say('帮助'));
    expect(help).to.contain(t('zh-CN', 'core.help')).and.to.contain(t('zh-CN', 'core.helpResume')).and.to.contain(t('zh-CN', 'guidance.scam.offerVerify'));
    await h.say(t('zh-CN', 'guidance.scam.yes'));
    await h.say(BORROWERS.D005[0]);
    expect(allText(await h.say(BORROWERS.D005[1]))).to.contain('021-00000002 是负责您账户的“演示催收服务有限公司”的官方号码');
  });
});
