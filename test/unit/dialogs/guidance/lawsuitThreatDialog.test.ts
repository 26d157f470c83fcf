import { expect } from 'chai';
import { parseConfig } from '../../../../services/config/config';
import { silentLogger } from '../../../../services/logging/logger';
import { createRecognizer } from '../../../../services/recognizer/createRecognizer';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import { BORROWERS, allText, button, makeHarness, titlesOf } from './harness';

describe('LawsuitThreatDialog transcripts', () => {
  it('gives the general facts to an unverified borrower, with plan, person and "verify" as next steps', async () => {
    const h = await makeHarness();
    const replies = await h.say('催收说要起诉我');
    const text = allText(replies);
    expect(text).to.contain('12368').and.to.contain('人民法院在线服务').and.to.contain('我的案件').and.to.contain('律师函不是法院文书');
    expect(text).to.contain('一般属于民事纠纷');
    expect(text).not.to.contain('案号');
    expect(text, 'no jail named: not answered').not.to.contain(t('zh-CN', 'guidance.lawsuit.criminal'));
    // Asked again right after: how to check for a real case, not the whole answer.
    const again = allText(await h.say('催收说要起诉我'));
    expect(again).to.contain(t('zh-CN', 'guidance.stillAppliesMost')).and.to.contain(t('zh-CN', 'guidance.lawsuit.check'));
    expect(again).not.to.contain(t('zh-CN', 'guidance.lawsuit.facts'));
    expect(titlesOf(replies)).to.deep.equal([intentLabel('zh-CN', 'installment_plan'), intentLabel('zh-CN', 'human_agent'), t('zh-CN', 'guidance.button.verify')]);
  });

  it('verifies on request and then states the real legal stage: D005 has a filed case with its number', async () => {
    const h = await makeHarness();
    const first = await h.say('催收说要起诉我');
    const prompt = await h.press(button(first, t('zh-CN', 'guidance.button.verify')));
    expect(allText(prompt)).to.contain(t('zh-CN', 'identity.askMobile'));
    await h.say(BORROWERS.D005[0]);
    const replies = await h.say(BORROWERS.D005[1]);
    const text = allText(replies);
    expect(text).to.contain(t('zh-CN', 'identity.verified'));
    expect(text).to.contain('演示市演示区人民法院').and.to.contain('(2026)演0101民初00001号').and.to.contain('12368');
    // The facts are not repeated, and the verify button is gone once verified.
    expect(text).not.to.contain('先别慌');
    expect(titlesOf(replies)).to.include(intentLabel('zh-CN', 'human_agent')).and.not.to.include(t('zh-CN', 'guidance.button.verify'));
  });

  it('tells an already verified borrower in good standing (D001) that nothing legal is on the account', async () => {
    const h = await makeHarness();
    await h.verifyAs('D001');
    const text = allText(await h.say('催收说要起诉我'));
    expect(text).to.contain(t('zh-CN', 'guidance.lawsuit.stage.none'));
    expect(text).not.to.match(/案号|起诉记录：|判决/);
  });

  it('offers a complaint when the borrower says a collector threatened criminal consequences, and files it as a threat', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    const replies = await h.say('催收说我不还钱就要坐牢');
    expect(allText(replies)).to.contain(t('zh-CN', 'guidance.lawsuit.threat'));
    // Jail named: whether not paying can send one to prison is answered first (civil; the criminal exceptions).
    expect(allText(replies).indexOf(t('zh-CN', 'guidance.lawsuit.criminal'))).to.equal(0);
    expect(allText(replies)).to.contain('贷款诈骗').and.to.contain('拒不执行');
    const fraud = allText(await (await makeHarness()).say('我收到短信说我涉嫌诈骗要被起诉'));
    expect(fraud.indexOf(t('zh-CN', 'guidance.lawsuit.criminal')), 'a fraud accusation is answered the same way').to.equal(0);
    expect(titlesOf(replies)[0]).to.equal(t('zh-CN', 'guidance.button.complaintThreat'));
    const intake = await h.press(button(replies, t('zh-CN', 'guidance.button.complaintThreat')));
    expect(allText(intake)).to.contain(t('zh-CN', 'complaints.empathy'));
    await h.say('他说我再不还就让我去坐牢');
    await h.say('今天');
    await h.say(t('zh-CN', 'complaints.channel.phone'));
    await h.say(t('zh-CN', 'complaints.who.self'));
    const filed = allText(await h.say(t('zh-CN', 'complaints.numberUnknown')));
    expect(filed).to.match(/CP-\d{8}-\d{4}/);
    const complaint = (await h.accounts.getAccount('D005')).account.complaints.at(-1)!;
    expect(complaint.category).to.equal('threat');
    expect(complaint.priority).to.equal('high');
  });

  it('warns of a scam and gives 110 when the caller posed as a court or the police; hears "被關" as a criminal threat', async () => {
    const h = await makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    const posed = allText(await h.say('自称法院的人说要起诉我，不还就抓我去坐牢'));
    expect(posed).to.contain(t('zh-CN', 'guidance.lawsuit.impersonation')).and.to.contain(t('zh-CN', 'guidance.lawsuit.threat'));
    const plain = allText(await (await makeHarness()).say('催收说要起诉我'));
    expect(plain).not.to.contain(t('zh-CN', 'guidance.lawsuit.impersonation'));
    const tw = allText(await (await makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) })).say('催收說我不還錢就要把我告上法院，還說會被關'));
    expect(tw).to.contain(t('zh-TW', 'guidance.lawsuit.threat'));
  });

  it('tells someone whose court papers arrived to check them and not to ignore real ones; a payment order gets its 15 days', async () => {
    const real = () => makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    const papers = allText(await (await real()).say('我被起诉了，法院传票都到了，怎么办'));
    expect(papers).to.contain(t('zh-CN', 'guidance.lawsuit.facts')).and.to.contain(t('zh-CN', 'guidance.lawsuit.papers'));
    expect(papers.indexOf(t('zh-CN', 'guidance.lawsuit.facts')), 'how to check comes first').to.be.below(papers.indexOf(t('zh-CN', 'guidance.lawsuit.papers')));
    expect(papers).not.to.contain(t('zh-CN', 'guidance.lawsuit.paymentOrder'));
    const summons = allText(await (await real()).say('I got a summons from the court'));
    expect(summons).to.contain(t('en', 'guidance.lawsuit.papers'));
    expect(summons, 'papers "from the court" are no caller posing as one').not.to.contain(t('en', 'guidance.lawsuit.impersonation'));
    const order = allText(await (await real()).say('法院寄来了支付令，说我要被起诉'));
    expect(order).to.contain(t('zh-CN', 'guidance.lawsuit.paymentOrder'));
    const threat = allText(await (await makeHarness()).say('催收说要起诉我'));
    expect(threat, 'a threat is no papers').not.to.contain(t('zh-CN', 'guidance.lawsuit.papers'));
  });

  it('answers a call from a "mediation centre" with the lawsuit facts and that pre-litigation mediation is real and can be checked, and shows the stage once verified (D004)', async () => {
    const h = await makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    const said = allText(await h.say('有个金融纠纷调解中心打电话说要诉前调解，是不是骗子'));
    expect(said).to.contain(t('zh-CN', 'guidance.lawsuit.facts')).and.to.contain(t('zh-CN', 'guidance.lawsuit.mediation'));
    expect(t('zh-CN', 'guidance.lawsuit.mediation')).to.contain('12368').and.to.contain('30 天');
    const verified = await makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    await verified.verifyAs('D004');
    expect(allText(await verified.say('调解员联系我说要调解我的借款'))).to.contain('诉前调解').and.to.contain(t('zh-CN', 'guidance.lawsuit.mediation'));
    expect(allText(await (await makeHarness()).say('催收说要起诉我')), 'no mediation named').not.to.contain(t('zh-CN', 'guidance.lawsuit.mediation'));
  });

  it('answers threats of the defaulter list, restricted consumption or the children\'s schooling with what those are and where to check', async () => {
    const real = () => makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    const said = allText(await (await real()).say('催收说我再不还就上失信黑名单，以后孩子不能考公务员、不能上好学校，是真的吗'));
    expect(said).to.contain(t('zh-CN', 'guidance.lawsuit.lists'));
    expect(t('zh-CN', 'guidance.lawsuit.lists')).to.contain('zxgk.court.gov.cn').and.to.contain('强制执行');
    expect(allText(await (await real()).say('催收说我要做牢')), 'the typo of 坐牢').to.contain(t('zh-CN', 'guidance.lawsuit.criminal'));
    expect(allText(await (await makeHarness()).say('催收说要起诉我'))).not.to.contain(t('zh-CN', 'guidance.lawsuit.lists'));
  });

  it('answers in Traditional Chinese and in English', async () => {
    const tw = await makeHarness();
    const twText = allText(await tw.say('催收說要起訴我'));
    expect(twText).to.equal([t('zh-TW', 'guidance.lawsuit.facts'), t('zh-TW', 'guidance.verifyHint'), t('zh-TW', 'guidance.lawsuit.next')].join('\n'));
    const en = await makeHarness();
    await en.verifyAs('D005');
    const replies = await en.say('A collector says they will sue me');
    expect(allText(replies)).to.contain("A lawyer's letter is not a court document").and.to.contain('(2026)演0101民初00001号');
    expect(titlesOf(replies)).to.include(intentLabel('en', 'installment_plan'));
  });
});
