import { expect } from 'chai';
import { clausesOf, MAX_CLAUSES } from '../../../bots/inputText';
import { intentLabel } from '../../../dialogs/menu';
import { t } from '../../../dialogs/messages';
import type { HandoffService } from '../../../services/handoff/handoffService';
import { botHarness, textOf } from '../../helpers/botHarness';

describe('a message that asks two things', () => {
  let bot: Awaited<ReturnType<typeof botHarness>>;
  beforeEach(async () => (bot = await botHarness()));
  afterEach(async () => bot.close());

  it('answers the factual question, then starts the task the other clause asks for', async () => {
    const text = textOf(await bot.say('我想申请分期，另外会不会上征信'));
    expect(text).to.contain(t('zh-CN', 'guidance.credit.intro'));
    expect(text, 'the credit answer without its closing line').not.to.contain(t('zh-CN', 'guidance.credit.next'));
    expect(text).not.to.contain(t('zh-CN', 'guidance.verifyHint'));
    expect(text.indexOf(t('zh-CN', 'guidance.credit.intro'))).to.be.lessThan(text.indexOf(t('zh-CN', 'identity.askMobile')));
    await bot.say('13800000003');
    expect(textOf(await bot.say('345672'))).to.contain(t('zh-CN', 'plan.askReason'));
  });

  it('shows the agent both needs: the second one is among the ticket intents', async () => {
    await bot.say('我想申请分期，另外会不会上征信');
    // Nobody is online in the harness: the borrower leaves a message, which is a ticket with the same context.
    await bot.say('转人工');
    await bot.say('留言');
    await bot.say('请上班后联系我');
    const service = (bot.app.bot as unknown as { deps: { handoffRelay: { handoff: HandoffService } } }).deps.handoffRelay.handoff;
    const queue = (service as unknown as { deps: { queue: { latestFor(id: string): Promise<{ intents: Array<{ intent: string }> } | undefined> } } }).deps.queue;
    const ticket = await queue.latestFor('test/Convo1');
    expect(ticket?.intents.map((i) => i.intent)).to.include.members(['credit_report', 'installment_plan']);
  });

  it('hands over first when one clause asks for a person in so many words, with the complaint as the ticket\'s reason', async () => {
    const asked = await botHarness({ HANDOFF_REQUIRE_AGENT_ONLINE: 'false' });
    try {
      expect(textOf(await asked.say('催收天天骂我，我要找真人'))).to.contain('H-20261120-0001').and.not.to.contain(t('zh-CN', 'complaints.askWhen'));
      const service = (asked.app.bot as unknown as { deps: { handoffRelay: { handoff: HandoffService } } }).deps.handoffRelay.handoff;
      const queue = (service as unknown as { deps: { queue: { latestFor(id: string): Promise<{ reason: string; intents: Array<{ intent: string }> } | undefined> } } }).deps.queue;
      const ticket = await queue.latestFor('test/Convo1');
      expect(ticket?.reason).to.equal(intentLabel('zh-CN', 'harassment_complaint'));
      expect(ticket?.intents.map((i) => i.intent)).to.include.members(['harassment_complaint', 'human_agent']);
    } finally {
      await asked.close();
    }
  });

  it('takes a long story\'s closing request as the second task, not a clause that only tells of the account, and answers its third question', async () => {
    const story = '你好，我去年在你们这借了两万块，一直按时还的，今年三月份公司倒闭了，现在没有收入，已经逾期两个月了。催收每天打电话，还打给我妈，我妈身体不好被吓得住院了。能不能让我每个月少还一点，还有会不会被起诉啊';
    const text = textOf(await bot.say(story));
    expect(text).to.contain(t('zh-CN', 'core.alsoLater', { first: intentLabel('zh-CN', 'harassment_complaint'), task: intentLabel('zh-CN', 'installment_plan') }));
    // Its third question ("会不会被起诉") is answered first, aside, not dropped.
    expect(text).to.contain(t('zh-CN', 'guidance.lawsuit.facts'));
    expect(text.indexOf(t('zh-CN', 'guidance.lawsuit.facts'))).to.be.below(text.indexOf(t('zh-CN', 'core.alsoLater', { first: intentLabel('zh-CN', 'harassment_complaint'), task: intentLabel('zh-CN', 'installment_plan') })));
  });

  it('answers two factual questions in one message', async () => {
    const text = textOf(await bot.say('逾期会上征信吗？会不会被起诉'));
    expect(text).to.contain(t('zh-CN', 'guidance.credit.intro')).and.to.contain('律师函不是法院文书');
  });

  it('answers a threat and checks the caller when the message asks both, without asking which one was meant', async () => {
    for (const message of ['021-12345678打电话说要起诉我，是你们吗', '021-12345678打电话给我说要起诉我是你们吗']) {
      await bot.say('取消');
      const text = textOf(await bot.say(message));
      expect(text, message).to.contain('律师函不是法院文书');
      expect(text, message).to.contain(t('zh-CN', 'guidance.scam.notLenderOfficial', { number: '021-12345678' }));
      expect(text, message).not.to.contain(t('zh-CN', 'core.clarify'));
    }
  });

  it('does not ask "which one?" when the message is torn between two tasks and its one clear clause names one of them', async () => {
    const text = textOf(await bot.say('昨天有个自称律师的人打电话说已经立案了，让我今天必须还清'));
    expect(text).to.contain('律师函不是法院文书');
    expect(text).not.to.contain(t('zh-CN', 'core.clarify'));
  });

  it('routes a clear task in one clause of a message that is otherwise out of scope', async () => {
    expect(textOf(await bot.say('额度能提高吗，还有我还欠多少'))).to.contain(t('zh-CN', 'identity.askMobile'));
  });

  it('says it has noted two tasks asked at once, does the first, then offers the second with a person', async () => {
    const message = '催收每天打几十个电话，还打到我公司去，领导都知道了，我不是不还，是现在真的没钱，能不能让我分几个月还';
    const opening = textOf(await bot.say(message));
    const complaint = intentLabel('zh-CN', 'harassment_complaint');
    const plan = intentLabel('zh-CN', 'installment_plan');
    expect(opening).to.contain(t('zh-CN', 'core.alsoLater', { first: complaint, task: plan }));
    expect(opening).to.contain(t('zh-CN', 'complaints.askWhen'));
    await bot.say('昨天');
    await bot.say('不知道号码');
    await bot.say('好，现在验证');
    await bot.say('13800000003');
    const filed = await bot.say('345672');
    expect(textOf(filed)).to.match(/CP-\d{8}-\d{4}/);
    const last = filed.at(-1)!;
    expect(last.text).to.equal(t('zh-CN', 'core.laterNow', { task: plan }));
    expect(last.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([plan, intentLabel('zh-CN', 'human_agent')]);
    expect(textOf(await bot.say(plan))).to.contain(t('zh-CN', 'plan.askReason'));
  });

  it('keeps the most urgent of the other tasks for later: the harassment, not the balance an earlier clause mentions', async () => {
    const message = '我借了两万，现在逾期三个月了，每天十几个电话打给我，还打给我老婆，我现在失业了真的还不起，能不能给我分期还';
    const opening = textOf(await bot.say(message));
    const plan = intentLabel('zh-CN', 'installment_plan');
    expect(opening).to.contain(t('zh-CN', 'core.alsoLater', { first: plan, task: intentLabel('zh-CN', 'harassment_complaint') }));
    expect(opening).not.to.contain(intentLabel('zh-CN', 'account_status'));
  });

  it('answers a doorstep visit told beside a lawsuit threat, though neither clause is a question', async () => {
    const text = textOf(await bot.say('催收说下周要上门，还要起诉我'));
    expect(text).to.contain('不让对方进门').and.to.contain('律师函不是法院文书');
    expect(text.indexOf('不让对方进门'), 'in the order told').to.be.lessThan(text.indexOf('律师函不是法院文书'));
  });

  it('answers a clause that says what the borrower wants ("我想一次性还清") beside the task of the other one', async () => {
    const text = textOf(await bot.say('我想一次性还清，要还多少'));
    expect(text).to.contain(t('zh-CN', 'guidance.repay.early')).and.to.contain(t('zh-CN', 'identity.askMobile'));
    expect(text.indexOf(t('zh-CN', 'guidance.repay.early'))).to.be.lessThan(text.indexOf(t('zh-CN', 'identity.askMobile')));
  });

  it('does not answer a clause that only reports what was said ("一直叫我全额还清") as a question of its own', async () => {
    const text = textOf(await bot.say('催收不同意我分期，一直叫我全额还清'));
    expect(text).to.contain(t('zh-CN', 'identity.askMobile'));
    expect(text).not.to.contain(t('zh-CN', 'guidance.repay.channels'));
    expect(text).not.to.contain(t('zh-CN', 'core.alsoLater', { first: intentLabel('zh-CN', 'negotiation_refused'), task: intentLabel('zh-CN', 'repayment_howto') }));
  });

  it('does not take a quoted text message\'s "contact 139… to settle it" for a request for a person, and checks the number', async () => {
    const text = textOf(await bot.say('我收到一条短信：【某某法院】您的借款逾期已被立案，请在24小时内联系13912345678处理，否则将强制执行。这是真的吗'));
    expect(text).to.contain('律师函不是法院文书');
    expect(text).to.contain(t('zh-CN', 'guidance.scam.notLenderOfficial', { number: '139****5678' }));
    // No hand-off: nothing about queues, service hours or leaving a message.
    expect(text).not.to.match(/排队|人工服务时间|留言/);
  });

  it('follows a complaint told at the plan\'s amount question; a hardship or an amount told there stays in the plan', async () => {
    for (const said of ['我失业了', '我每个月只能还一千']) {
      const stays = await botHarness();
      await stays.say('我想分期');
      await stays.say('13800000002');
      await stays.say('234561');
      expect(textOf(await stays.say('跳过'))).to.contain(t('zh-CN', 'plan.askAmount'));
      expect(textOf(await stays.say(said)), said).not.to.contain(t('zh-CN', 'complaints.empathy'));
      await stays.close();
    }
    await bot.say('我想分期');
    await bot.say('13800000002');
    await bot.say('234561');
    await bot.say('跳过');
    const switched = textOf(await bot.say('等一下，催收刚才又打电话骂我了'));
    expect(switched).to.contain(t('zh-CN', 'complaints.empathy')).and.not.to.contain(t('zh-CN', 'plan.retryAmount'));
  });

  it('offers nothing later when the first task is cancelled', async () => {
    await bot.say('催收每天打几十个电话，还打到我公司去，能不能让我分几个月还');
    const cancelled = textOf(await bot.say('取消'));
    expect(cancelled).not.to.contain(t('zh-CN', 'core.laterNow', { task: intentLabel('zh-CN', 'installment_plan') }));
  });

  it('leaves a one-clause message and small talk around a task as they were', async () => {
    expect(textOf(await bot.say('你好，我想分期'))).to.contain(t('zh-CN', 'identity.askMobile')).and.not.to.contain(t('zh-CN', 'guidance.credit.intro'));
  });
});

describe('clauses of a message', () => {
  it('splits on punctuation and on 另外 / 还有 / also, keeping clauses of three characters or more', () => {
    expect(clausesOf('我想分期，会上征信吗')).to.deep.equal(['我想分期', '会上征信吗']);
    expect(clausesOf('我想分期另外会上征信吗')).to.deep.equal(['我想分期', '会上征信吗']);
    expect(clausesOf('I want a plan, and also will it hurt my credit?')).to.deep.equal(['I want a plan', 'will it hurt my credit']);
    expect(clausesOf('我想分期')).to.deep.equal([]);
    expect(clausesOf('好的，谢谢')).to.deep.equal([]);
    expect(clausesOf('一，二，三，四，五，六').length).to.equal(0);
    expect(clausesOf('第一句话，第二句话，第三句话，第四句话，第五句话，第六句话，第七句话，第八句话，第九句话')).to.have.length(MAX_CLAUSES);
  });

  it('takes "…是你们吗" closing a message as a question of its own, not inside a sentence', () => {
    expect(clausesOf('95188打电话给我说要起诉我是你们吗')).to.deep.equal(['95188打电话给我说要起诉我', '是你们吗']);
    expect(clausesOf('有人说要上门这是不是你们')).to.deep.equal(['有人说要上门', '这是不是你们']);
    expect(clausesOf('有個電話說要起訴我是你們嗎')).to.deep.equal(['有個電話說要起訴我', '是你們嗎']);
    expect(clausesOf('是你们吗')).to.deep.equal([]);
    expect(clausesOf('是你们的催收员说要起诉我')).to.deep.equal([]);
  });
});

describe('"那我该怎么办" right after an answer', () => {
  let bot: Awaited<ReturnType<typeof botHarness>>;
  beforeEach(async () => (bot = await botHarness()));
  afterEach(async () => bot.close());

  it("gets that answer's next steps, not the list of everything the bot does", async () => {
    await bot.say('他们说要起诉我');
    const replies = await bot.say('那我该怎么办');
    expect(textOf(replies)).to.equal(t('zh-CN', 'guidance.lawsuit.next'));
    expect(textOf(replies)).not.to.contain(t('zh-CN', 'core.help'));
    expect(textOf(await bot.say({ text: 'what should I do now?', locale: 'en-US' }))).to.equal(t('en', 'guidance.lawsuit.next'));
  });

  it('gets the help answer when nothing was answered before', async () => {
    expect(textOf(await bot.say('我该怎么办'))).to.contain(t('zh-CN', 'core.help'));
  });
});
