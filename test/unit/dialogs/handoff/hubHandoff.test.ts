import { expect } from 'chai';
import { t } from '../../../../dialogs/messages';
import { botHarness, buttonsOf, textOf } from '../../../helpers/botHarness';

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

  it('stays silent while the hub has the conversation, and answers again once the hub completes', async () => {
    const bot = await botHarness({ HANDOFF_MODE: 'hub' });
    try {
      await bot.say('转人工');
      const accepted = await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });
      expect(textOf(accepted)).to.contain(t('zh-CN', 'handoff.hubAccepted'));
      expect(buttonsOf(accepted), 'no menu to tap while a person has the conversation').to.deep.equal([]);

      expect(await bot.say('你好'), 'a greeting').to.deep.equal([]);
      expect(await bot.say('我想办分期'), 'a task request').to.deep.equal([]);
      expect(await bot.say('很长的说明。'.repeat(1000)), 'a message over MAX_MESSAGE_CHARS').to.deep.equal([]);
      expect(await bot.say({ value: { intent: 'account_status' } }), 'a card submit').to.deep.equal([]);

      const completed = await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
      expect(textOf(completed)).to.contain(t('zh-CN', 'handoff.hubCompleted'));
      expect(textOf(await bot.say('你好'))).to.contain(t('zh-CN', 'core.greeting'));
    } finally {
      await bot.close();
    }
  });

  it('tells the borrower plainly when the hub fails, offers a callback, and is back in charge', async () => {
    const bot = await botHarness({ HANDOFF_MODE: 'hub' });
    try {
      await bot.say('转人工');
      await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });
      expect(await bot.say('还在吗')).to.deep.equal([]);

      const failed = await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'failed', message: 'routing rule R17 found no queue' } });
      expect(textOf(failed)).to.contain(t('zh-CN', 'handoff.hubFailed'));
      expect(textOf(failed), "the hub's reason is for the log").not.to.contain('R17');
      const buttons = buttonsOf(failed);
      expect(buttons[0]).to.equal(t('zh-CN', 'handoff.bookCallback'));
      expect(buttons).not.to.include(t('zh-CN', 'core.menu.person'));

      expect(textOf(await bot.say('你好'))).to.contain(t('zh-CN', 'core.greeting'));
    } finally {
      await bot.close();
    }
  });

  it('ignores handoff.status in queue mode: a client cannot silence its own conversation', async () => {
    const bot = await botHarness({ HANDOFF_MODE: 'queue' });
    try {
      expect(await bot.say({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } })).to.deep.equal([]);
      expect(textOf(await bot.say('你好'))).to.contain(t('zh-CN', 'core.greeting'));
    } finally {
      await bot.close();
    }
  });
});
