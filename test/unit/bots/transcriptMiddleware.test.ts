import { expect } from 'chai';
import { ConversationState, MemoryStorage, MessageFactory, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { ChannelRenderingMiddleware } from '../../../bots/channelRendering';
import { TranscriptMiddleware, type TranscriptRecorder } from '../../../bots/transcriptMiddleware';
import type { TranscriptTurn } from '../../../services/handoff/transcriptStore';
import { silentLogger } from '../../../services/logging/logger';

describe('transcript middleware', () => {
  it('records a bare list number on a text-only channel as typed and as read, and other messages as typed', async () => {
    const recorded: Array<Omit<TranscriptTurn, 'at'>> = [];
    const recorder: TranscriptRecorder = { recordTurn: async (_conversation, ...turns) => void recorded.push(...turns) };
    const conversationState = new ConversationState(new MemoryStorage());
    const bot = async (context: TurnContext) => {
      if (context.activity.text === 'menu') await context.sendActivity(MessageFactory.suggestedActions(['查询欠款', '申请分期还款'], '请选择：'));
      else await context.sendActivity(`收到：${context.activity.text}`);
      await conversationState.saveChanges(context, false);
    };
    const adapter = new TestAdapter(bot, { channelId: 'sms' } as Partial<Activity>);
    const rendering = new ChannelRenderingMiddleware({ numberedList: conversationState.createProperty('numberedList'), conversationState });
    adapter.use(rendering);
    adapter.use(rendering.numberReplies);
    adapter.use(new TranscriptMiddleware(recorder, silentLogger()));

    await adapter.send('menu').assertReply(() => undefined).send('2').assertReply('收到：申请分期还款').send('3').assertReply('收到：3').startTest();

    expect(recorded.filter((t) => t.from === 'borrower').map((t) => t.text)).to.deep.equal(['menu', '2 → 申请分期还款', '3']);
    expect(recorded.filter((t) => t.from === 'bot').map((t) => t.text)).to.deep.equal(['请选择：\n1. 查询欠款\n2. 申请分期还款', '收到：申请分期还款', '收到：3']);
  });
});
