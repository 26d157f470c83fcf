import { expect } from 'chai';
import { t } from '../../../../dialogs/messages';
import { toneViolations } from '../../../../dialogs/messages/toneRules';
import { expressesDistress, speaksOfDanger } from '../../../../services/recognizer/distress';
import type { HandoffQueue } from '../../../../services/handoff/handoffQueue';
import { botHarness, textOf } from '../../../helpers/botHarness';
import { makePlanBot, verifyAs } from '../plans/planHarness';

/** D002, verified, in the middle of a plan request, says `text`: the bot (hand-off on) and its replies. */
async function saidMidPlan(text: string) {
  const bot = await makePlanBot({ handoff: true });
  await bot.say('我想分期还款');
  await verifyAs(bot, 'D002');
  return { bot, replies: await bot.say(text) };
}

describe('words of wanting to die', () => {
  it('are heard in Simplified and Traditional Chinese and in English, whatever else the message says', () => {
    for (const text of [
      '我真的活不下去了',
      '为什么不能分期！！！你们就是想逼死我',
      '欠这么多钱，我不想活了',
      '有时候想一死了之',
      '我想自杀',
      '我真的活不下去了，每天都被催',
      '我不想活了',
      '真的想跳樓',
      '我活不下去了',
      'I want to kill myself',
      "honestly I don't want to live anymore",
      'I feel like ending it all',
      'sometimes I think I am better off dead',
      '实在撑不下去了，想一了百了',
      '我想从楼上跳下去',
      '真的走投无路了',
    ])
      expect(expressesDistress(text), text).to.equal(true);
    for (const text of ['我想分期', '催收说要起诉我', '他们天天打电话骂我', '我还欠多少钱', 'I want a payment plan', 'they said I will go to jail', '', '😭😭😭'])
      expect(expressesDistress(text), text).to.equal(false);
  });

  it('get care and 110 first, then a person at once at P1 with the reason, also in the middle of a task', async () => {
    const { bot, replies } = await saidMidPlan('我真的活不下去了');
    const texts = replies.map((a) => a.text ?? '');
    expect(texts[0]).to.equal(t('zh-CN', 'core.distress'));
    expect(texts[0]).to.contain('110');
    expect(textOf(replies)).to.contain('H-20261120-0001');
    expect(bot.handoffRequests).to.have.length(1);
    expect(bot.handoffRequests[0]).to.include({ priority: 1, reason: t('zh-CN', 'handoff.reason.distress'), borrowerId: 'D002' });
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(toneViolations(t(locale, 'core.distress')), locale).to.deep.equal([]);
  });

  it('in English, with nothing else under way', async () => {
    const bot = await makePlanBot({ handoff: true });
    const replies = await bot.say("I can't pay and honestly I don't want to live anymore");
    expect(replies[0].text).to.equal(t('en', 'core.distress'));
    expect(bot.handoffRequests[0]).to.include({ priority: 1, language: 'en' });
  });
});

describe('words of wanting to die while waiting for a person', () => {
  it('move the waiting ticket up to P1 with the reason, and still get care and 110', async () => {
    // The harness clock is Friday 2026-11-20 10:00 in Shanghai: within service hours.
    const bot = await botHarness({ HANDOFF_REQUIRE_AGENT_ONLINE: 'false' });
    try {
      expect(textOf(await bot.say('转人工'))).to.contain('H-20261120-0001');
      const replies = await bot.say('等了这么久，我真的不想活了');
      expect(replies[0].text).to.equal(t('zh-CN', 'core.distress'));
      const service = (bot.app.bot as unknown as { deps: { handoffRelay: { handoff: { deps: { queue: HandoffQueue } } } } }).deps.handoffRelay.handoff;
      const ticket = await service.deps.queue.latestFor('test/Convo1');
      expect(ticket).to.include({ id: 'H-20261120-0001', priority: 1, reason: t('zh-CN', 'handoff.reason.distress'), state: 'queued' });
    } finally {
      await bot.close();
    }
  });
});

describe('danger now (held, or violence threatened or done)', () => {
  it('is heard in Simplified and Traditional Chinese and in English, and not in ordinary collection complaints', () => {
    for (const text of [
      '有两个人到我公司楼下堵我，不让我走',
      '催收员在电话里骂我，还说要弄死我全家',
      '催收威胁要打断我的腿，我要找真人',
      '他們說要殺了我',
      '催收的人动手打了我',
      "two men are outside and won't let me leave",
      'the collector threatened to kill my family',
    ])
      expect(speaksOfDanger(text), text).to.equal(true);
    for (const text of ['催收天天打我电话', '他们打我家人电话', '打死我也还不上这么多', '催收说要上门', 'they keep calling my work', '', '😡'])
      expect(speaksOfDanger(text), text).to.equal(false);
  });

  it('gets 110 first, then a person at once at P1 with the reason, also in the middle of a task', async () => {
    const { bot, replies } = await saidMidPlan('有两个人到我公司楼下堵我，不让我走');
    expect(replies[0].text).to.equal(t('zh-CN', 'core.danger'));
    expect(replies[0].text).to.contain('110');
    expect(textOf(replies)).to.contain('H-20261120-0001');
    expect(bot.handoffRequests[0]).to.include({ priority: 1, reason: t('zh-CN', 'handoff.reason.danger'), borrowerId: 'D002' });
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(toneViolations(t(locale, 'core.danger')), locale).to.deep.equal([]);
  });
});

describe('leaving the queue after something urgent', () => {
  it('gets a gentle check that the borrower is safe, not the cheerful menu line', async () => {
    const bot = await botHarness({ HANDOFF_REQUIRE_AGENT_ONLINE: 'false' });
    try {
      expect((await bot.say('欠了这么多钱还不上，我真的不想活了'))[0].text).to.equal(t('zh-CN', 'core.distress'));
      const replies = await bot.say('不等了');
      expect(textOf(replies)).to.contain(t('zh-CN', 'handoff.waitCancelledUrgent'));
      expect(textOf(replies)).not.to.contain(t('zh-CN', 'handoff.waitCancelled'));
    } finally {
      await bot.close();
    }
  });
});
