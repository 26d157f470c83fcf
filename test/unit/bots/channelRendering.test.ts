import { expect } from 'chai';
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { renderForChannel } from '../../../bots/channelRendering';

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
});
