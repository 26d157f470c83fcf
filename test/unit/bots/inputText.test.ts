import { expect } from 'chai';
import { asksIfBot, asksToVerifySelf, asksWhenAnswered, clausesOf, MAX_CLAUSES, mentionsFear } from '../../../bots/inputText';
import { fileTwelveMonthPlan, makePlanBot } from '../dialogs/plans/planHarness';
import { t } from '../../../dialogs/messages';
import { botHarness, textOf } from '../../helpers/botHarness';

describe('asking whether the bot is a person', () => {
  it('hears the question in the three languages', () => {
    for (const text of ['你是机器人吗', '你是真人吗', '你是不是机器人', '你是AI吗', '是人工还是机器人', '机器人还是真人啊', '我在跟机器人说话吗', '你是機器人嗎', 'are you a bot', 'Am I talking to a real person?', 'am I chatting with a bot']) {
      expect(asksIfBot(text), text).to.equal(true);
    }
  });

  it('leaves requests for a person and other questions to the recogniser', () => {
    for (const text of ['能转真人吗', '我不想跟机器人说话', '给我找个真人', '我要人工', '人工客服在吗', '你是谁', '你们是哪家公司', 'are you able to help', 'put me through to a real person', '']) {
      expect(asksIfBot(text), text).to.equal(false);
    }
  });
});

describe('fear told beside a task ("…我真的很害怕")', () => {
  it('hears fear, worry or overwhelm named anywhere in a message', () => {
    for (const text of ['每天都有人打电话给我，我真的很害怕', '压力好大，能不能分期', '怕死了', '晚上都睡不着', "I'm scared they will sue me"]) expect(mentionsFear(text), text).to.equal(true);
    for (const text of ['我不怕', '不用担心我', '我想分期', 'scarf', '']) expect(mentionsFear(text), text).to.equal(false);
  });

  it('is acknowledged once a conversation, before the task, unless the task opens with words of its own for it', async () => {
    const bot = await botHarness();
    const first = await bot.say('你好，我借呗逾期三个月了，现在每天都有人打电话给我，我真的很害怕');
    expect(textOf(first.slice(0, 1))).to.equal(t('zh-CN', 'core.fearHeard'));
    expect(textOf(first)).to.contain(t('zh-CN', 'identity.askMobile'));
    await bot.say('取消');
    const again = await bot.say('我很害怕，我还欠多少');
    expect(textOf(again), 'once a conversation').not.to.contain(t('zh-CN', 'core.fearHeard'));
    const complaint = await (await botHarness()).say('催收天天打我家人电话，我好害怕');
    expect(textOf(complaint), 'the complaint intake has its own first words').not.to.contain(t('zh-CN', 'core.fearHeard'));
  });
});

describe('asking to verify one\'s own identity ("我要确认身份")', () => {
  it('is told from checking whether a caller is the lender', () => {
    for (const text of ['我要确认身份', '验证身份', '先验证一下我的身份', '确认身份，看我的账户', '確認身分，看我的帳戶', '我想核实一下身份', 'verify my identity', 'I want to verify my ID', 'Verify and see my account'])
      expect(asksToVerifySelf(text), text).to.equal(true);
    for (const text of ['怎么确认对方的身份', '确认一下这个号码是不是你们的', '他说要验证我的身份，让我发验证码', '身份证后六位是多少', 'verify this caller', ''])
      expect(asksToVerifySelf(text), text).to.equal(false);
  });

  it('starts the verification, for the task whose "verify" button was just offered', async () => {
    const bot = await botHarness();
    try {
      await bot.say('贷后专员电话一直打不通');
      const replies = await bot.say('确认身份，看我的账户');
      expect(textOf(replies)).to.contain(t('zh-CN', 'identity.askMobile'));
      expect(textOf(replies)).not.to.contain(t('zh-CN', 'guidance.scam.askNumber'));
    } finally {
      await bot.close();
    }
  });
});

describe('Han text that is the same in both scripts', () => {
  it('is answered in Traditional for a Traditional client, and in Simplified once the borrower writes Simplified', async () => {
    const bot = await botHarness();
    try {
      expect(textOf(await bot.say({ text: '你好', locale: 'zh-TW' }))).to.contain(t('zh-TW', 'core.greeting'));
      expect(textOf(await bot.say({ text: '我想查一下还款', locale: 'zh-TW' }))).not.to.contain(t('zh-TW', 'core.greeting'));
      expect(textOf(await bot.say({ text: '你好', locale: 'zh-TW' }))).to.contain(t('zh-CN', 'core.greeting'));
      expect(textOf(await (await botHarness()).say({ text: '你好', locale: 'zh-CN' }))).to.contain(t('zh-CN', 'core.greeting'));
    } finally {
      await bot.close();
    }
  });
});

describe('"多久有结果" right after something was filed', () => {
  it('is heard as a bare question of when, not one that names what', () => {
    for (const text of ['多久有结果', '什么时候有结果？', '大概几天能答复', '多久能处理', '什麼時候有結果', 'when will I hear back?', 'how long will it take'])
      expect(asksWhenAnswered(text), text).to.equal(true);
    for (const text of ['我的申请什么时候有结果', '审核要多久', '还款多久到账', '多久', ''])
      expect(asksWhenAnswered(text), text).to.equal(false);
  });

  it('gets the date of the record just filed, with the account and a person offered', async () => {
    const bot = await makePlanBot();
    const reference = /PR-\d{8}-\d{4}/.exec(textOf(await fileTwelveMonthPlan(bot)))![0];
    const [request] = await bot.planRequests('D002');
    const replies = await bot.say('多久有结果');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.answerBy', { reference, answerBy: request.answerBy }));
    const nothingFiled = await makePlanBot();
    expect(textOf(await nothingFiled.say('多久有结果')), 'nothing filed: not this answer').not.to.contain('最晚会在');
  });
});

describe('the clauses of a long message', () => {
  it('keep its first ones and its last ones, where a long story puts its questions', () => {
    const story = '我去年借了两万块，一直按时还的，今年三月公司倒闭了，现在没有收入，已经逾期两个月了，催收每天打电话，还打给我妈，我妈被吓得住院了，能不能让我每个月少还一点，还有会不会被起诉啊';
    const clauses = clausesOf(story);
    expect(clauses).to.have.length(MAX_CLAUSES);
    expect(clauses.slice(0, 2)).to.deep.equal(['我去年借了两万块', '一直按时还的']);
    expect(clauses.slice(-2)).to.deep.equal(['能不能让我每个月少还一点', '会不会被起诉啊']);
  });
});
