import { expect } from 'chai';
import { asksWhereThePersonIs, isAcknowledgement, isClosing } from '../../../bots/inputText';
import { t } from '../../../dialogs/messages';
import { detectLanguage } from '../../../services/recognizer/language';
import { botHarness, buttonsOf, textOf } from '../../helpers/botHarness';

describe('"好的" / "ok" after an answer', () => {
  it('knows an acknowledgement from a message that says something', () => {
    for (const text of ['好的', '好的。', '嗯嗯', '哦', '行', '知道了', '收到！', '好吧', 'ok', 'OK', 'Okay!', 'got it', 'Got it.', 'alright', 'k', '瞭解'])
      expect(isAcknowledgement(text), text).to.equal(true);
    for (const text of ['好的我要分期', '不好', '不行', 'ok I want a plan', 'not ok', '好的谢谢再见', '可以分期吗', '13800000002', ''])
      expect(isAcknowledgement(text), text).to.equal(false);
  });

  it('knows "没有了" (nothing more to ask) from a message that says something', () => {
    for (const text of ['没有了', '没有了，谢谢', '暂时没有了', '沒有了', "That's all", 'nothing else']) expect(isClosing(text), text).to.equal(true);
    for (const text of ['没有了吗', '没有额度了', '钱没有了', 'no', 'that is all I can pay', '']) expect(isClosing(text), text).to.equal(false);
  });

  it('knows "人呢" / "怎么没人回我" (waiting for a person) from a message about someone else', () => {
    for (const text of ['人呢', '人呢？', '怎么没人回我！', '沒人理我嗎', 'Is anyone there?']) expect(asksWhereThePersonIs(text), text).to.equal(true);
    for (const text of ['我家人呢', '催收的人呢', '有人吗', '人呢我要分期', 'anyone']) expect(asksWhereThePersonIs(text), text).to.equal(false);
  });

  it('keeps the conversation\'s language for "ok"', () => {
    expect(detectLanguage('ok', 'zh-Hans')).to.equal('zh-Hans');
    expect(detectLanguage('OK!', 'zh-Hant')).to.equal('zh-Hant');
    expect(detectLanguage('ok', 'en')).to.equal('en');
    expect(detectLanguage('ok thanks', 'zh-Hans')).to.equal('en');
  });

  describe('in a conversation', () => {
    let bot: Awaited<ReturnType<typeof botHarness>>;
    beforeEach(async () => (bot = await botHarness()));
    afterEach(async () => bot.close());

    it('answers with "anything else?" and the menu, never "outside what I can help with", and never as a miss', async () => {
      await bot.say('催收员电话一直打不通');
      for (const ack of ['好的', 'ok', '嗯']) {
        const replies = await bot.say(ack);
        expect(textOf(replies), ack).to.equal(t('zh-CN', 'core.acknowledged'));
        expect(buttonsOf(replies), ack).to.include(t('zh-CN', 'core.menu.account'));
      }
    });

    it('takes "人呢" to a person (here: none free, so a message or a callback), not "outside what I can help with"', async () => {
      const replies = await bot.say('人呢');
      expect(textOf(replies)).not.to.contain(t('zh-CN', 'core.none'));
      expect(buttonsOf(replies)).to.include(t('zh-CN', 'handoff.leaveMessage'));
    });

    it('answers "没有了" with a goodbye, not "outside what I can help with"', async () => {
      await bot.say('谢谢');
      const replies = await bot.say('没有了');
      expect(textOf(replies)).not.to.contain(t('zh-CN', 'core.none'));
      expect(textOf(replies)).to.equal(t('zh-CN', 'core.goodbye'));
    });

    it('keeps the last answer\'s offer: the mobile typed after "ok" still starts verification', async () => {
      expect(buttonsOf(await bot.say('催收员电话一直打不通'))).to.include(t('zh-CN', 'guidance.button.verify'));
      await bot.say('ok');
      expect(textOf(await bot.say('13800000002'))).to.contain(t('zh-CN', 'identity.askIdLast6'));
      expect(textOf(await bot.say('234561'))).to.contain(t('zh-CN', 'identity.verified'));
    });

    it('asks whose a mobile number typed on its own is: the borrower\'s own goes to verification and the account', async () => {
      await bot.say('你好');
      const asked = await bot.say('13800000002');
      expect(textOf(asked)).to.equal(t('zh-CN', 'core.whoseNumber', { number: '138****0002' }));
      const [mine, caller] = asked[0].suggestedActions?.actions ?? [];
      expect(mine.title).to.equal(t('zh-CN', 'core.whoseNumber.mine'));
      expect(caller.title).to.equal(t('zh-CN', 'core.whoseNumber.caller'));
      expect(textOf(await bot.say({ text: mine.text, value: mine.value }))).to.contain(t('zh-CN', 'identity.askIdLast6'));
      const account = textOf(await bot.say('234561'));
      expect(account).to.contain(t('zh-CN', 'identity.verified')).and.to.contain('¥1,060.00');
    });

    it('takes a typed yes to "shall I connect you to a person?" as that button, and a no as no', async () => {
      for (const [yes, queued] of [['好的', true], ['要', true], ['ok', true], ['不用了', false]] as const) {
        const two = await botHarness({ HANDOFF_REQUIRE_AGENT_ONLINE: 'false' });
        try {
          await two.say('额度怎么提高');
          const offered = await two.say('花呗怎么开通');
          expect(textOf(offered), 'two misses: a person offered').to.equal(t('zh-CN', 'core.secondMiss'));
          const reply = textOf(await two.say(yes));
          if (queued) expect(reply, yes).to.contain('H-20261120-0001');
          else expect(reply, yes).not.to.contain('H-20261120');
        } finally {
          await two.close();
        }
      }
    });

    it('takes "my number is …" on its own as asking to be verified, from that number', async () => {
      for (const said of ['my number is 13800000002', '我的手机号是13800000002']) {
        const fresh = await botHarness();
        try {
          expect(textOf(await fresh.say(said)), said).to.contain(t(said.startsWith('my') ? 'en' : 'zh-CN', 'identity.askIdLast6'));
        } finally {
          await fresh.close();
        }
      }
    });

    it('checks a number typed on its own right after a scam check, without asking whose it is', async () => {
      await bot.say('这个号码是你们的吗');
      await bot.say('13912345678');
      await bot.say(t('zh-CN', 'guidance.scam.no'));
      const next = textOf(await bot.say('13700000001'));
      expect(next).to.contain(t('zh-CN', 'guidance.scam.notLenderOfficial', { number: '137****0001' }));
      expect(next).not.to.contain(t('zh-CN', 'core.whoseNumber', { number: '137****0001' }));
    });

    it('and a caller\'s number goes to the scam check of that number', async () => {
      const asked = await bot.say('13912345678');
      const caller = asked[0].suggestedActions?.actions?.[1];
      const checked = textOf(await bot.say({ text: caller?.text, value: caller?.value }));
      expect(checked).to.contain(t('zh-CN', 'guidance.scam.notLenderOfficial', { number: '139****5678' }));
      expect(checked).not.to.contain(t('zh-CN', 'guidance.scam.askNumber'));
    });
  });
});
