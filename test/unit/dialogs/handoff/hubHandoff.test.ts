import { expect } from 'chai';
import { t } from '../../../../dialogs/messages';
import { botHarness, textOf } from '../../../helpers/botHarness';

describe('hand-off to an external agent hub (HANDOFF_MODE=hub)', () => {
  it('emits handoff.initiate with the context and transcript, then acts on handoff.status events', async () => {
    const bot = await botHarness({ HANDOFF_MODE: 'hub' });
    try {
      await bot.say('催收天天打电话骚扰我家人');
      const replies = await bot.say('转人工');
      const initiate = replies.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
      expect(initiate, 'handoff.initiate event').to.not.equal(undefined);
      const value = initiate!.value as { priority: string; intents: Array<{ intent: string }>; reason: string };
      expect(value.priority).to.equal('P1');
      expect(value.intents.map((i) => i.intent)).to.include('harassment_complaint');
      const transcript = initiate!.attachments?.find((a) => a.contentType === 'application/json' && a.name === 'Transcript');
      expect(JSON.stringify(transcript?.content)).to.contain('催收天天打电话骚扰我家人');
      expect(textOf(replies)).to.contain(t('zh-CN', 'handoff.hubRequested'));

      const accepted = await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });
      expect(textOf(accepted)).to.contain(t('zh-CN', 'handoff.hubAccepted'));
      const failed = await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'failed', message: 'no agents' } });
      expect(textOf(failed)).to.contain(t('zh-CN', 'handoff.hubFailed'));
      const completed = await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
      expect(textOf(completed)).to.contain(t('zh-CN', 'handoff.hubCompleted'));
    } finally {
      await bot.close();
    }
  });
});
