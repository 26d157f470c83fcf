import { expect } from 'chai';
import { clausesOf } from '../../../bots/inputText';
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

  it('routes a clear task in one clause of a message that is otherwise out of scope', async () => {
    expect(textOf(await bot.say('额度能提高吗，还有我还欠多少'))).to.contain(t('zh-CN', 'identity.askMobile'));
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
    expect(clausesOf('第一句话，第二句话，第三句话，第四句话')).to.have.length(3);
  });

  it('takes "…是你们吗" closing a message as a question of its own, not inside a sentence', () => {
    expect(clausesOf('95188打电话给我说要起诉我是你们吗')).to.deep.equal(['95188打电话给我说要起诉我', '是你们吗']);
    expect(clausesOf('有人说要上门这是不是你们')).to.deep.equal(['有人说要上门', '这是不是你们']);
    expect(clausesOf('有個電話說要起訴我是你們嗎')).to.deep.equal(['有個電話說要起訴我', '是你們嗎']);
    expect(clausesOf('是你们吗')).to.deep.equal([]);
    expect(clausesOf('是你们的催收员说要起诉我')).to.deep.equal([]);
  });
});
