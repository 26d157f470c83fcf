import { expect } from 'chai';
import { t } from '../../../../dialogs/messages';
import type { HandoffService } from '../../../../services/handoff/handoffService';
import { botHarness, buttonsOf, textOf } from '../../../helpers/botHarness';

// The harness clock is 2026-11-20 02:00 UTC: 22:00 in Etc/GMT+4, after the default 09:00-21:00 service hours.
const NIGHT = { TIME_ZONE: 'Etc/GMT+4' };

function handoffServiceOf(bot: Awaited<ReturnType<typeof botHarness>>): HandoffService {
  return (bot.app.bot as unknown as { deps: { handoffRelay: { handoff: HandoffService } } }).deps.handoffRelay.handoff;
}

describe('leaving a message for a person (dialog transcripts)', () => {
  it('takes the message in English and says when people are back, with a reference and the callback still offered', async () => {
    const bot = await botHarness(NIGHT);
    try {
      const offer = await bot.say('I want to talk to a person');
      expect(buttonsOf(offer).slice(0, 2)).to.deep.equal([t('en', 'handoff.leaveMessage'), t('en', 'handoff.bookCallback')]);
      expect(textOf(await bot.say(t('en', 'handoff.leaveMessage')))).to.equal(t('en', 'handoff.askMessage'));
      const left = await bot.say('Please call me about a payment plan, I lost my job');
      const text = textOf(left);
      expect(text).to.match(/reference H-\d{8}-\d{4}/).and.to.contain('09:00');
      expect(buttonsOf(left)[0]).to.equal(t('en', 'handoff.bookCallback'));
    } finally {
      await bot.close();
    }
  });

  it('takes "留言" or "leave a message for a person" typed instead of pressing the button', async () => {
    for (const [opening, typed, locale] of [['转人工', '我要留言', 'zh-CN'], ['转人工', '留言', 'zh-CN'], ['talk to a person', 'Leave a message for a person', 'en']] as const) {
      const bot = await botHarness(NIGHT);
      try {
        await bot.say(opening);
        expect(textOf(await bot.say(typed)), typed).to.equal(t(locale, 'handoff.askMessage'));
      } finally {
        await bot.close();
      }
    }
  });

  it('books the callback when "明天给我回个电话吧" is typed after the offer, with the day it names', async () => {
    const bot = await botHarness(NIGHT);
    try {
      await bot.say('转人工');
      expect(textOf(await bot.say('那你们明天给我回个电话吧'))).to.contain(t('zh-CN', 'identity.askMobile'));
      await bot.say('13800000002');
      const booked = textOf(await bot.say('234561'));
      // "明天" named only the day: booked for that day's service hours, without asking to confirm a change.
      expect(booked).to.contain(t('zh-CN', 'identity.verified')).and.to.match(/编号 CB-\d{8}-\d{4}/).and.to.contain('09:00–21:00');
      expect(booked).not.to.contain('不全在回电服务时间内');
    } finally {
      await bot.close();
    }
  });

  it('says plainly that the message was not saved when the queue fails, offers the callback, and files nothing', async () => {
    const bot = await botHarness(NIGHT);
    try {
      const service = handoffServiceOf(bot);
      service.leaveMessage = async () => {
        throw new Error('queue unavailable');
      };
      await bot.say('转人工');
      await bot.say(t('zh-CN', 'handoff.leaveMessage'));
      const failed = await bot.say('请上班后联系我');
      expect(textOf(failed)).to.equal(t('zh-CN', 'handoff.messageFailed'));
      expect(buttonsOf(failed)[0]).to.equal(t('zh-CN', 'handoff.bookCallback'));
      expect(await service.status('test/Convo1')).to.equal(undefined);
    } finally {
      await bot.close();
    }
  });
});
