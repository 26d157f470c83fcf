import { expect } from 'chai';
import { t } from '../../../dialogs/messages';
import { intentLabel } from '../../../dialogs/menu';
import { botHarness, buttonsOf, textOf } from '../../helpers/botHarness';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';

describe('changing the subject in the middle of a task', () => {
  let bot: Awaited<ReturnType<typeof botHarness>>;
  beforeEach(async () => (bot = await botHarness()));
  afterEach(async () => bot.close());
  /** The steps of a flow up to the question under test, one message each. */
  const sayAll = async (...texts: string[]) => {
    for (const text of texts) await bot.say(text);
  };

  it('follows a confident request for another task asked at a closed question instead of repeating the question', async () => {
    const asked = textOf(await bot.say('is this number yours 13912345678'));
    expect(asked).to.contain('Verify now?');
    const switched = textOf(await bot.say('I want to file a complaint about a collector'));
    expect(switched).to.contain(t('en', 'complaints.askWhat')).and.not.contain('Verify now?');
  });

  it('answers a factual question asked at a closed question, then asks that question again', async () => {
    expect(textOf(await bot.say('is this number yours 13912345678'))).to.contain('Verify now?');
    const replies = await bot.say('how do I repay?');
    const texts = replies.map((a) => a.text ?? '');
    expect(texts.join('\n')).to.contain('official channels');
    expect(texts.at(-2)).to.equal(t('en', 'core.helpResume'));
    expect(texts.at(-1)).to.contain('Verify now?');
    expect(textOf(await bot.say('Yes, verify now')), 'the question is still open').to.contain(t('en', 'identity.askMobile'));
  });

  it('answers a question asked where digits were expected (the mobile prompt), then asks for the mobile again', async () => {
    expect(textOf(await bot.say('我还欠多少钱'))).to.contain(t('zh-CN', 'identity.askMobile'));
    const aside = textOf(await bot.say('逾期会不会上征信'));
    expect(aside).to.contain('征信').and.to.contain(t('zh-CN', 'core.helpResume')).and.to.contain(t('zh-CN', 'identity.askMobile'));
    expect(aside).not.to.contain(t('zh-CN', 'identity.retryMobile'));
    expect(textOf(await bot.say('13800000002'))).to.contain(t('zh-CN', 'identity.askIdLast6'));
  });

  it('answers "不还会怎么样" at the mobile question of a plan request (a question with no question mark), then asks for the mobile again', async () => {
    expect(textOf(await bot.say('我想分期'))).to.contain(t('zh-CN', 'identity.askMobile'));
    const aside = textOf(await bot.say('不还会怎么样'));
    expect(aside).to.contain(t('zh-CN', 'guidance.credit.consequences')).and.to.contain(t('zh-CN', 'core.helpResume')).and.to.contain(t('zh-CN', 'identity.askMobile'));
    expect(textOf(await bot.say('13800000002'))).to.contain(t('zh-CN', 'identity.askIdLast6'));
  });

  it('answers a question asked at a free-text step of a plan request (the reason), then goes on with the plan', async () => {
    await bot.say('我想分期还款');
    await bot.say('13800000003');
    expect(textOf(await bot.say('345672'))).to.contain(t('zh-CN', 'plan.askReason'));
    const aside = textOf(await bot.say('律师函是真的吗'));
    expect(aside).to.contain('律师函不是法院文书').and.to.contain(t('zh-CN', 'plan.askReason'));
    expect(textOf(await bot.say('失业了'))).to.contain(t('zh-CN', 'plan.askAmount'));
  });

  it('answers a threat told without a question ("他们说要去我老家找我父母") at the plan confirmation, then asks to confirm again', async () => {
    await sayAll('我想分期还款', '13800000002', '234561', '我失业了', '500');
    expect(textOf(await bot.say('1'))).to.contain(t('zh-CN', 'plan.confirm.ask'));
    const replies = await bot.say('他们说要去我老家找我父母');
    const texts = replies.map((a) => a.text ?? '');
    expect(texts.join('\n')).to.contain(t('zh-CN', 'guidance.visit.facts')).and.to.contain(t('zh-CN', 'guidance.visit.rights'));
    expect(texts.at(-2)).to.equal(t('zh-CN', 'core.helpResume'));
    expect(texts.at(-1)).to.equal(t('zh-CN', 'plan.confirm.ask'));
    expect(textOf(await bot.say('确认提交')), 'the confirmation is still open').to.match(/PR-\d{8}-\d{4}/);
  });

  it('keeps a complaint told at the plan choice ("催收昨天还打电话骂我") for when the plan is done, and asks for the choice again', async () => {
    await sayAll('我想分期还款', '13800000003', '345672', '收入减少', '1000');
    const kept = await bot.say('催收昨天还打电话骂我');
    const texts = kept.map((a) => a.text ?? '');
    expect(texts[0]).to.equal(t('zh-CN', 'core.alsoLater', { first: intentLabel('zh-CN', 'installment_plan'), task: intentLabel('zh-CN', 'harassment_complaint') }));
    expect(textOf(kept)).not.to.contain(t('zh-CN', 'plan.choose.retryOne'));
    expect(textOf(await bot.say('1'))).to.contain(t('zh-CN', 'plan.confirm.ask'));
    const filed = await bot.say('确认提交');
    expect(textOf(filed)).to.match(/PR-\d{8}-\d{4}/).and.to.contain(t('zh-CN', 'core.laterNow', { task: intentLabel('zh-CN', 'harassment_complaint') }));
    expect(buttonsOf(filed)).to.include(intentLabel('zh-CN', 'harassment_complaint'));
  });

  it('names a hardship review as such ("申请困难情况审核") when another task is kept for after its confirmation', async () => {
    await sayAll('我想申请困难审核', '13800000005', '567894', '失业', '跳过', '跳过');
    expect(textOf(await bot.say('暂时没有'))).to.contain(t('zh-CN', 'hardship.confirm.ask'));
    const kept = textOf(await bot.say('我要投诉催收天天骂我'));
    expect(kept).to.contain(t('zh-CN', 'core.alsoLater', { first: t('zh-CN', 'plan.hardshipButton'), task: intentLabel('zh-CN', 'harassment_complaint') }));
    expect(kept).to.contain(t('zh-CN', 'hardship.confirm.ask'));
  });

  it('answers help at the mobile question of a task (verification nested in it), then asks for the mobile again', async () => {
    expect(textOf(await bot.say('我还欠多少钱'))).to.contain(t('zh-CN', 'identity.askMobile'));
    const help = textOf(await bot.say('你能帮我做什么'));
    // Before: the re-ask looked for the verification dialog in the task's own set and the turn failed.
    expect(help).to.contain(t('zh-CN', 'core.help')).and.to.contain(t('zh-CN', 'core.helpResume')).and.to.contain(t('zh-CN', 'identity.askMobile'));
    expect(help).not.to.contain(t('zh-CN', 'core.error'));
    expect(textOf(await bot.say('13800000002'))).to.contain(t('zh-CN', 'identity.askIdLast6'));
  });

  it('says it is a bot when asked at a task question, then asks that question again', async () => {
    await bot.say('我还欠多少钱');
    const aside = textOf(await bot.say('你是机器人吗'));
    expect(aside).to.contain(t('zh-CN', 'core.iAmABotAside')).and.to.contain(t('zh-CN', 'identity.askMobile'));
    expect(aside).not.to.contain(t('zh-CN', 'identity.mobileFirst'));
    expect(textOf(await bot.say('13800000002'))).to.contain(t('zh-CN', 'identity.askIdLast6'));
  });

  it('takes a question as written where the borrower tells what happened (a complaint)', async () => {
    await bot.say('投诉催收行为');
    const next = textOf(await bot.say('他们说下周要起诉我，是真的吗'));
    expect(next).to.contain('这是什么时候发生的').and.not.to.contain(t('zh-CN', 'core.helpResume'));
  });

  it('keeps a free-text answer inside its task even when it sounds like another task', async () => {
    await bot.say('投诉催收行为');
    const next = textOf(await bot.say('他们还说要去法院起诉我，让我坐牢'));
    expect(next).to.contain('这是什么时候发生的');
  });

  // Given scores, so that the first message is a middle-confidence guess between two tasks whatever the model says.
  const scripted = () =>
    new ScriptedRecognizer({
      家里人被吓到了: ['harassment_complaint', 0.45, 'doorstep_visit'],
      逾期会不会上征信: ['credit_report', 0.97],
      他们说的是真的吗: ['lawsuit_threat', 0.5, 'verify_collector'],
    });

  it('follows a clear new question asked at "did you mean A or B?" instead of answering it aside and asking again', async () => {
    const wide = await botHarness({}, { recognizer: scripted() });
    try {
      expect(textOf(await wide.say('家里人被吓到了'))).to.contain(t('zh-CN', 'core.clarify'));
      const answer = textOf(await wide.say('逾期会不会上征信'));
      expect(answer).to.contain('征信').and.not.to.contain(t('zh-CN', 'core.helpResume')).and.not.to.contain(t('zh-CN', 'core.clarify'));
    } finally {
      await wide.close();
    }
  });

  it('does not read a sentence sharing one character with a choice as that choice', async () => {
    const wide = await botHarness({}, { recognizer: scripted() });
    try {
      expect(textOf(await wide.say('家里人被吓到了'))).to.contain(t('zh-CN', 'core.clarify'));
      // Before: "是" matched "都不是", and the bot said it had misunderstood.
      expect(textOf(await wide.say('他们说的是真的吗'))).not.to.equal(t('zh-CN', 'core.clarifiedNeither'));
    } finally {
      await wide.close();
    }
  });

  it('still takes an answer that is one of the choices', async () => {
    await bot.say('is this number yours 13912345678');
    expect(textOf(await bot.say('Yes, verify now'))).to.contain(t('en', 'identity.askMobile'));
  });
});
