import { expect } from 'chai';
import { t } from '../../../../dialogs/messages';
import { planTermsAsked, planTermsText, type PlanTerm } from '../../../../dialogs/plans/planTerms';
import { loadPlanPolicy, type PlanPolicy } from '../../../../services/plans/planPolicy';
import { DEMO, makePlanBot, textOf } from './planHarness';

describe('plan terms: questions about what a plan is like, answered from the policy', () => {
  const cases: Array<[string, PlanTerm[]]> = [
    ['分期要手续费吗', ['cost']],
    ['分期收不收费', ['cost']],
    ['分期的话利息怎么算', ['cost']],
    ['最多能分几期', ['length']],
    ['每个月最少还多少', ['length']],
    ['分期审核要多久', ['review']],
    ['多久能批下来', ['review']],
    ['停息挂账是什么意思', ['stopInterest']],
    ['分期會收手續費嗎', ['cost']],
    ['最多可以分幾期', ['length']],
    ['審核要幾天', ['review']],
    ['is there a fee for an installment plan', ['cost']],
    ['how many months can a plan last', ['length']],
    ['how long does the review take', ['review']],
    ['can you stop the interest?', ['stopInterest', 'cost']],
    ['能不能把罚息免了', ['waiver']],
    ['罚息可以减免吗', ['waiver']],
    ['can the penalty be waived?', ['waiver']],
    ['can I get my late fees removed', ['waiver']],
    ['could the penalty interest be reduced?', ['waiver']],
    ['我能不能只还本金', ['reduction']],
    ['欠款能不能减免一部分', ['reduction']],
    ['一次性还清能打个折吗', ['reduction']],
    ['能不能少還一點', ['reduction']],
    ['can you reduce what I owe?', ['reduction']],
    ['我已经在分期了为什么还有人催', ['chased']],
    ['分期审核期间还会催收吗', ['chased']],
    ['why are you still calling me, I have a plan', ['chased']],
    // Not questions about terms: requests, answers to the plan's questions, statements.
    ['我想分期还款', []],
    ['收入减少', []],
    ['每个月一千五', []],
    ['利息太高了', []],
    ['催收为什么天天打电话', []],
    ['我在分期了', []],
    ['我要停息挂账', []],
    ['', []],
  ];
  for (const [text, terms] of cases) {
    it(`"${text}" asks about ${terms.join(' and ') || 'no plan term'}`, () => {
      expect(planTermsAsked(text)).to.deep.equal(terms);
    });
  }

  it('counts 停息挂账 named without a question only where asked to (the message that starts a plan request)', () => {
    expect(planTermsAsked('我要停息挂账', { named: true })).to.deep.equal(['stopInterest']);
    expect(planTermsAsked('x'.repeat(5000) + '手续费吗')).to.deep.equal([]);
  });

  it("answers with the policy's own numbers: lengths, minimum, review days, rate and waiver", () => {
    const policy = loadPlanPolicy();
    expect(planTermsText('zh-CN', ['length'], policy)).to.contain('3、6、9、12、18 或 24 期').and.to.contain('¥100.00');
    expect(planTermsText('en', ['length'], policy)).to.contain('3, 6, 9, 12, 18 or 24 months');
    expect(planTermsText('zh-CN', ['review'], policy)).to.contain('3 个工作日').and.to.contain(t('zh-CN', 'plan.review.collectionPaused'));
    expect(planTermsText('zh-CN', ['cost'], policy)).to.equal(`${t('zh-CN', 'plan.terms.noCost')}\n${t('zh-CN', 'plan.terms.waiver', { percent: 50 })}`);
    expect(planTermsText('zh-CN', ['waiver'], policy)).to.equal(t('zh-CN', 'plan.terms.waiver', { percent: 50 }));
    expect(planTermsText('zh-CN', ['reduction'], policy)).to.equal(
      [t('zh-CN', 'plan.terms.reduction'), t('zh-CN', 'plan.terms.waiver', { percent: 50 }), t('zh-CN', 'plan.terms.reductionNext')].join('\n'),
    );
    const charged: PlanPolicy = { ...policy, annualRateBps: 650, penaltyWaiver: null, installmentCounts: [6, 12] };
    expect(planTermsText('zh-CN', ['waiver'], charged), 'no waiver in the policy: nothing to say').to.equal(undefined);
    expect(planTermsText('zh-CN', ['reduction'], charged), 'no waiver in the policy: no promise, the review, the scam warning').to.equal(
      `${t('zh-CN', 'plan.terms.reduction')}\n${t('zh-CN', 'plan.terms.reductionNext')}`,
    );
    expect(planTermsText('zh-CN', ['cost'], charged)).to.equal(t('zh-CN', 'plan.terms.rate', { rate: '6.5' }));
    expect(planTermsText('zh-TW', ['length'], charged)).to.contain('6 或 12 期');
  });
});

describe('plan terms in the plan flow (transcripts)', () => {
  it('answers a fee question that starts the request, then asks for the mobile', async () => {
    const bot = await makePlanBot();
    const replies = textOf(await bot.say('分期要手续费吗'));
    expect(replies).to.contain(t('zh-CN', 'plan.terms.noCost'));
    expect(replies.indexOf(t('zh-CN', 'plan.terms.noCost'))).to.be.below(replies.indexOf(t('zh-CN', 'identity.askMobile')));
  });

  it('tells someone who asks for 停息挂账 that it is not a right and warns of paid agents, then goes on to a plan', async () => {
    const bot = await makePlanBot();
    const replies = textOf(await bot.say('我要停息挂账'));
    expect(replies).to.contain('不是法律规定的权利').and.to.contain('骗局').and.to.contain(t('zh-CN', 'identity.askMobile'));
  });

  it('answers a question asked at the verification and plan steps, then asks that step again; the flow goes on', async () => {
    const bot = await makePlanBot();
    await bot.say('我想分期还款');
    await bot.say(DEMO.D002[0]);
    const atId = textOf(await bot.say('最多能分几期'));
    expect(atId).to.contain('3、6、9、12、18 或 24 期').and.to.contain(t('zh-CN', 'core.helpResume'));
    expect(atId).to.contain(t('zh-CN', 'identity.askIdLast6'));
    expect(textOf(await bot.say(DEMO.D002[1]))).to.contain(t('zh-CN', 'plan.askReason'));
    const atReason = textOf(await bot.say('审核通过要几天'));
    expect(atReason).to.contain(t('zh-CN', 'plan.terms.review', { days: 3 })).and.to.contain(t('zh-CN', 'plan.askReason'));
    expect(textOf(await bot.say('失业'))).to.contain(t('zh-CN', 'plan.askAmount'));
    const atAmount = textOf(await bot.say('分期要另外交钱吗'));
    expect(atAmount).to.contain(t('zh-CN', 'plan.terms.noCost')).and.to.contain(t('zh-CN', 'plan.askAmount'));
    expect(textOf(await bot.say('一千五'))).to.contain('3 个方案');
    expect(await bot.planRequests('D002')).to.have.length(0);
  });

  it('keeps a monthly amount said at the mobile question and does not ask for it again', async () => {
    const bot = await makePlanBot();
    await bot.say('我想分期还款');
    expect(textOf(await bot.say('我每个月只能还一千五'))).to.contain(t('zh-CN', 'identity.mobileFirst'));
    await bot.say(DEMO.D002[0]);
    expect(textOf(await bot.say(DEMO.D002[1]))).to.contain(t('zh-CN', 'plan.askReason'));
    const proposals = textOf(await bot.say('失业'));
    expect(proposals).not.to.contain(t('zh-CN', 'plan.askAmount'));
    expect(proposals).to.contain('3 个方案');
  });

  it('answers "多久能审核完" after filing with the request and its answer date; before anything was asked, it is not understood', async () => {
    const bot = await makePlanBot();
    await bot.say('我想分期还款');
    await bot.say(DEMO.D002[0]);
    await bot.say(DEMO.D002[1]);
    await bot.say('失业');
    await bot.say('一千五');
    await bot.say('1');
    const filed = textOf(await bot.say('确认'));
    const reference = /PR-\d{8}-\d{4}/.exec(filed)?.[0];
    expect(reference).to.be.a('string');
    const [request] = await bot.planRequests('D002');
    const asked = textOf(await bot.say('多久能审核完'));
    expect(asked).to.contain(t('zh-CN', 'account.open.plan', { reference: reference!, status: t('zh-CN', 'account.open.status.submitted'), answerBy: request.answerBy }));
    expect(asked).not.to.contain(t('zh-CN', 'core.none'));

    expect(textOf(await (await makePlanBot()).say('多久能审核完'))).to.contain(t('zh-CN', 'core.none'));
  });

  it('answers "我已经在分期了为什么还有人催" with the policy on collection during review and the complaint; verified, with the request too', async () => {
    const unverified = await makePlanBot();
    const replies = await unverified.say('我已经在分期了为什么还有人催');
    expect(textOf(replies)).to.contain(t('zh-CN', 'plan.review.collectionPaused')).and.to.contain(t('zh-CN', 'plan.terms.chased'));
    expect(textOf(replies)).not.to.contain(t('zh-CN', 'core.clarify'));
    expect(replies.flatMap((a) => a.suggestedActions?.actions ?? []).map((a) => a.title)).to.include(t('zh-CN', 'core.intent.harassment_complaint'));

    const bot = await makePlanBot();
    for (const step of ['我想分期还款', DEMO.D002[0], DEMO.D002[1], '失业', '一千五', '1', '确认']) await bot.say(step);
    const [request] = await bot.planRequests('D002');
    const asked = textOf(await bot.say('我已经在分期了为什么还有人催'));
    expect(asked).to.contain(request.reference).and.to.contain(t('zh-CN', 'plan.terms.chased'));
  });

  it('answers in English and Traditional Chinese', async () => {
    const en = await makePlanBot();
    expect(textOf(await en.say({ text: 'how many months can a plan last', locale: 'en-US' }))).to.contain('3, 6, 9, 12, 18 or 24 months');
    const tw = await makePlanBot();
    expect(textOf(await tw.say({ text: '分期會收手續費嗎', locale: 'zh-TW' }))).to.contain(t('zh-TW', 'plan.terms.noCost'));
  });
});

describe('a plan asked for out of hardship', () => {
  it('meets "还不起了怎么办" with a calm word before the verification', async () => {
    const bot = await makePlanBot();
    const replies = textOf(await bot.say('还不起了怎么办'));
    expect(replies).to.contain(t('zh-CN', 'plan.hardshipHeard'));
    expect(replies.indexOf(t('zh-CN', 'plan.hardshipHeard'))).to.be.below(replies.indexOf(t('zh-CN', 'identity.askMobile')));
    for (const said of ['我老公住院了，我一个人带孩子，实在没办法还', '我失业了', 'I was laid off and have no income']) {
      const locale = said.startsWith('I') ? 'en' : 'zh-CN';
      const told = textOf(await (await makePlanBot()).say(said));
      expect(told, said).to.contain(t(locale, 'plan.hardshipHeard')).and.to.contain(t(locale, 'identity.askMobile'));
    }
    const plain = await makePlanBot();
    expect(textOf(await plain.say('我想分期还款'))).not.to.contain(t('zh-CN', 'plan.hardshipHeard'));
  });

  it('takes the hardship told in the request as the reason and does not ask for one', async () => {
    const bot = await makePlanBot();
    const said = '我被裁员了，房贷车贷都要还，实在还不上了，想分期';
    await bot.say(said);
    await bot.say(DEMO.D002[0]);
    const verified = textOf(await bot.say(DEMO.D002[1]));
    expect(verified).not.to.contain(t('zh-CN', 'plan.askReason'));
    expect(verified).to.contain(t('zh-CN', 'plan.askAmount'));
    await bot.say('一千五');
    await bot.say('1');
    await bot.say('确认提交');
    expect((await bot.planRequests('D002'))[0]).to.include({ reason: said });
  });

  it('does not take the income, the rent or the debt told in the request for the monthly amount: it asks for that', async () => {
    for (const said of ['我每个月工资只有三千，房租一千五，还要养孩子，实在还不起，能少还点吗', '我借了两万，现在失业了，能不能分期']) {
      const bot = await makePlanBot();
      await bot.say(said);
      await bot.say(DEMO.D002[0]);
      const verified = textOf(await bot.say(DEMO.D002[1]));
      expect(verified, said).to.contain(t('zh-CN', 'plan.askAmount'));
      expect(verified, said).not.to.match(/按每月/);
    }
    const told = await makePlanBot();
    await told.say('我借了两万，每个月只能还一千，能分期吗');
    await told.say(DEMO.D002[0]);
    expect(textOf(await told.say(DEMO.D002[1]))).to.contain(t('zh-CN', 'plan.askReason'));
    expect(textOf(await told.say('跳过')), 'the amount to pay beside them is taken').to.contain('按每月 ¥1,000.00');
  });
});
