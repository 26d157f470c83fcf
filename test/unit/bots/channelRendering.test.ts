import { expect } from 'chai';
import { CardFactory, ConversationState, MemoryStorage, MessageFactory, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { bareNumber, ChannelRenderingMiddleware, numberedChoice, renderForChannel, type NumberedList } from '../../../bots/channelRendering';

const card = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: '方案 1：12 期，每期 ¥1,500.00\n方案 2：6 期，每期 ¥3,000.00',
  body: [{ type: 'TextBlock', text: '请选择一个方案' }],
  actions: [{ type: 'Action.Submit', title: '方案 1', data: { action: 'plan.choose', proposalId: 'p1' } }],
});

describe('channel rendering', () => {
  it('keeps an Adaptive Card on channels that render cards', () => {
    const activity = { ...MessageFactory.attachment(card), text: '为您找到 2 个方案' } as Partial<Activity>;
    const out = renderForChannel(activity, 'directline');
    expect(out.attachments).to.have.length(1);
  });

  it('renders a card as its fallback text on a channel without cards', () => {
    const activity = { ...MessageFactory.attachment(card), text: '为您找到 2 个方案' } as Partial<Activity>;
    for (const channel of ['sms', 'telegram', 'slack', 'facebook', 'line', 'some-new-channel']) {
      const out = renderForChannel(activity, channel);
      expect(out.attachments, channel).to.equal(undefined);
      expect(out.text, channel).to.contain('为您找到 2 个方案').and.contain('方案 2：6 期，每期 ¥3,000.00');
    }
  });

  it('turns suggested actions into a numbered list where the channel shows none or fewer', () => {
    const titles = Array.from({ length: 12 }, (_, i) => `选项${i + 1}`);
    const activity = MessageFactory.suggestedActions(titles, '请选择：') as Partial<Activity>;
    const sms = renderForChannel(activity, 'sms');
    expect(sms.suggestedActions).to.equal(undefined);
    expect(sms.text).to.contain('1. 选项1').and.contain('12. 选项12');
    const facebook = renderForChannel(activity, 'facebook');
    expect(facebook.suggestedActions, 'facebook shows at most 10').to.equal(undefined);
    const telegram = renderForChannel(activity, 'telegram');
    expect(telegram.suggestedActions?.actions).to.have.length(12);
  });

  it('leaves non-message activities alone', () => {
    const typing = { type: 'typing' } as Partial<Activity>;
    expect(renderForChannel(typing, 'sms')).to.equal(typing);
  });

  it('keeps up to three suggested actions on Teams and puts more on a hero card as buttons, never a numbered list', () => {
    const three = MessageFactory.suggestedActions(['查询欠款', '申请分期还款', '转人工'], '请选择：') as Partial<Activity>;
    expect(renderForChannel(three, 'msteams').suggestedActions?.actions).to.have.length(3);
    const menu = MessageFactory.suggestedActions(['查询欠款', '申请分期还款', '投诉催收行为', '被说要起诉我', '核实来电真假', '转人工'], '请选择：') as Partial<Activity>;
    const teams = renderForChannel(menu, 'msteams');
    expect(teams.text).to.equal('请选择：');
    expect(teams.suggestedActions).to.equal(undefined);
    const hero = teams.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.hero');
    const buttons = (hero?.content as { buttons: Array<{ type: string; value: string }> }).buttons;
    expect(buttons.map((b) => [b.type, b.value])).to.deep.equal(menu.suggestedActions!.actions.map((a) => ['imBack', a.value]));
  });

  it('bullets the list instead of numbering it when asked to', () => {
    const activity = MessageFactory.suggestedActions(['转人工'], '出了点问题') as Partial<Activity>;
    expect(renderForChannel(activity, 'sms', { numbered: false }).text).to.equal('出了点问题\n- 转人工');
  });

  it('says "reply" where a message says "tap" on a channel where nothing can be tapped, and only there', () => {
    const activity = MessageFactory.suggestedActions(['没有号码'], '请发号码给我；没有就点“没有号码”。别点陌生链接。') as Partial<Activity>;
    expect(renderForChannel(activity, 'sms').text).to.equal('请发号码给我；没有就回复“没有号码”。别点陌生链接。\n1. 没有号码');
    expect(renderForChannel(activity, 'webchat').text).to.equal('请发号码给我；没有就点“没有号码”。别点陌生链接。');
    const en = MessageFactory.suggestedActions(['No number'], 'Otherwise tap "No number".') as Partial<Activity>;
    expect(renderForChannel(en, 'sms').text).to.equal('Otherwise reply "No number".\n1. No number');
  });

  it('bullets the buttons of a card that numbers its own items, and says the card\'s reply hint once', () => {
    const hint = '也可以回复编号（例如“1 2”）';
    const checklist = CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', fallbackText: `需要的材料\n1. 离职证明\n2. 银行流水\n${hint}`, body: [] });
    const activity = { ...MessageFactory.suggestedActions(['全部能提供', '暂时没有'], hint), attachments: [checklist] } as Partial<Activity>;
    expect(renderForChannel(activity, 'sms').text).to.equal(`需要的材料\n1. 离职证明\n2. 银行流水\n${hint}\n- 全部能提供\n- 暂时没有`);
  });
});

describe('bare list numbers', () => {
  it('reads a reply made only of a list number', () => {
    for (const text of ['2', ' 2 ', '２', '2.', '2、', '第2个', '第２个', '第二个', '第 2 项', '二', '两', '#2', 'No. 2']) {
      expect(bareNumber(text), text).to.equal(2);
    }
    expect(bareNumber('十二')).to.equal(12);
    expect(bareNumber('12')).to.equal(12);
  });

  it('does not read numbers inside a sentence, amounts or phone numbers as list numbers', () => {
    for (const text of ['13800000002', '234561', '2000', '我要分2期', '2个月', '1 2', 'two', '', '第', 'no']) {
      expect(bareNumber(text), text).to.equal(undefined);
    }
  });

  it('maps a number in range to its entry, and leaves out-of-range numbers and typed entries alone', () => {
    const list: NumberedList = { values: ['查询欠款', '申请分期还款', '转人工'] };
    expect(numberedChoice('２', list)).to.equal('申请分期还款');
    expect(numberedChoice('3', list)).to.equal('转人工');
    expect(numberedChoice('4', list)).to.equal(undefined);
    expect(numberedChoice('0', list)).to.equal(undefined);
    expect(numberedChoice('2', undefined)).to.equal(undefined);
    // A rating list: "4" is the entry "4", not the fourth entry.
    expect(numberedChoice('4', { values: ['5', '4', '3', '2', '1'] })).to.equal(undefined);
  });
});

describe('numbered replies on a text-only channel', () => {
  const MENU = ['查询欠款', '申请分期还款', '投诉催收行为', '被说要起诉我', '核实来电真假', '转人工'];

  /** A bot that shows the menu on "menu", asks an open question on "ask", and otherwise echoes what it read. */
  function harness(channelId = 'sms') {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const seen: string[] = [];
    const bot = async (context: TurnContext) => {
      const text = context.activity.text ?? '';
      seen.push(text);
      if (text === 'menu') await context.sendActivity(MessageFactory.suggestedActions(MENU, '请选择：'));
      else if (text === 'ask') await context.sendActivity('每月能还多少？');
      else if (text === 'silent') return; // a turn with no reply leaves the list as it was
      else await context.sendActivity(`收到：${text}`);
      await conversationState.saveChanges(context, false);
    };
    const adapter = new TestAdapter(bot, { channelId } as Partial<Activity>);
    const rendering = new ChannelRenderingMiddleware({ numberedList: conversationState.createProperty('numberedList'), conversationState });
    adapter.use(rendering);
    adapter.use(rendering.numberReplies);
    return { adapter, seen, storage, conversationState, rendering };
  }

  it('maps a bare number to the entry of the last numbered list before the bot reads it', async () => {
    const { adapter, seen } = harness();
    await adapter
      .send('menu')
      .assertReply((a) => expect(a.text).to.contain('2. 申请分期还款'))
      .send('２')
      .assertReply('收到：申请分期还款')
      .send('第6个')
      .assertReply('收到：第6个') // the echo carried no list: nothing to map to any more
      .send('menu')
      .assertReply(() => undefined)
      .send('第6个')
      .assertReply('收到：转人工')
      .startTest();
    expect(seen).to.deep.equal(['menu', '申请分期还款', '第6个', 'menu', '转人工']);
  });

  it('posts the value of a button with one (a messageBack) when its number is the reply, as a tap would', async () => {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const seen: unknown[] = [];
    const verify = { type: 'messageBack', title: '确认身份，看我的账户', text: '确认身份，看我的账户', value: { intent: 'cannot_reach_collector', action: 'verify' } };
    const adapter = new TestAdapter(async (context: TurnContext) => {
      seen.push([context.activity.text, context.activity.value]);
      if (context.activity.text === 'menu') await context.sendActivity(MessageFactory.suggestedActions([{ type: 'imBack', title: '转人工', value: '转人工' }, verify], '您可以：'));
      else await context.sendActivity('好的');
      await conversationState.saveChanges(context, false);
    }, { channelId: 'sms' } as Partial<Activity>);
    const rendering = new ChannelRenderingMiddleware({ numberedList: conversationState.createProperty('numberedList'), conversationState });
    adapter.use(rendering);
    adapter.use(rendering.numberReplies);
    await adapter.send('menu').assertReply((a) => expect(a.text).to.contain('2. 确认身份，看我的账户')).send('2').assertReply('好的').startTest();
    expect(seen[1]).to.deep.equal(['确认身份，看我的账户', { intent: 'cannot_reach_collector', action: 'verify' }]);
    await adapter.send('menu').assertReply(() => undefined).send('1').assertReply('好的').startTest();
    expect(seen[3]).to.deep.equal(['转人工', undefined]);
  });

  it('leaves numbers alone once a later message carried no list, and out of range', async () => {
    const { adapter, seen } = harness();
    await adapter
      .send('menu')
      .assertReply(() => undefined)
      .send('7')
      .assertReply('收到：7')
      .send('menu')
      .assertReply(() => undefined)
      .send('silent')
      .send('1')
      .assertReply('收到：查询欠款')
      .send('ask')
      .assertReply('每月能还多少？')
      .send('3')
      .assertReply('收到：3')
      .startTest();
    expect(seen).to.deep.equal(['menu', '7', 'menu', 'silent', '查询欠款', 'ask', '3']);
  });

  it('does nothing on a channel that shows the buttons', async () => {
    const { adapter } = harness('directline');
    await adapter
      .send('menu')
      .assertReply((a) => expect(a.suggestedActions?.actions).to.have.length(6))
      .send('2')
      .assertReply('收到：2')
      .startTest();
  });

  it('keeps the list of a turn the bot does not save (a proactive message) in conversation state', async () => {
    const { adapter, storage, conversationState } = harness();
    // The rating question after a hand-off arrives proactively (a ContinueConversation event through the whole
    // middleware pipeline, like AdapterBorrowerNotifier's); nothing in that turn saves state.
    await adapter.processActivity({ type: 'event', name: 'ContinueConversation' }, async (context) => {
      await conversationState.load(context);
      await context.sendActivity(MessageFactory.suggestedActions(['满意', '一般', '不满意'], '请为本次服务评分：'));
    });
    expect(adapter.getNextReply()?.text).to.contain('3. 不满意');
    const key = `sms/conversations/${adapter.conversation.conversation.id}/`;
    const stored = await storage.read([key]);
    expect((stored[key] as { numberedList?: NumberedList } | undefined)?.numberedList).to.deep.equal({ values: ['满意', '一般', '不满意'] });
    await adapter.send('3').assertReply('收到：不满意').startTest();
  });

  it('bullets a list sent outside the remembering turn (the turn error handler), so nobody answers with a stale number', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const failing = new TestAdapter(async () => {
      throw new Error('boom');
    }, { channelId: 'sms' } as Partial<Activity>);
    const rendering = new ChannelRenderingMiddleware({ numberedList: conversationState.createProperty('numberedList'), conversationState });
    failing.use(rendering);
    failing.use(rendering.numberReplies);
    failing.onTurnError = async (context) => {
      await context.sendActivity(MessageFactory.suggestedActions(['转人工'], '出了点问题'));
    };
    await failing.send('hello').assertReply((a) => expect(a.text).to.equal('出了点问题\n- 转人工')).startTest();
  });
});
