import type { Activity } from 'botbuilder';
import type { BotEndpoint } from '../../../services/directline/botEndpoint';

/**
 * A test bot behind the BotEndpoint port that replies like a real bot: over HTTP, to the activity's
 * serviceUrl (`/v3/conversations/:id/activities/:replyToId`). Greets on conversationUpdate (with suggested
 * actions), echoes messages, confirms a language switch, fails on "出错" and stalls on "慢".
 */
export class EchoBotEndpoint implements BotEndpoint {
  readonly received: Activity[] = [];
  stallMs = 0;

  async process(activity: Activity): Promise<void> {
    this.received.push(activity);
    if (activity.type === 'conversationUpdate') {
      const botId = activity.recipient.id;
      if ((activity.membersAdded ?? []).some((m) => m.id !== botId)) {
        await this.reply(activity, {
          text: '您好，我是在线客服助手。请问有什么可以帮您？',
          suggestedActions: {
            to: [activity.from.id],
            actions: [
              { type: 'imBack', title: '查询欠款', value: '查询欠款' },
              { type: 'imBack', title: '转人工', value: '转人工' },
            ],
          },
        });
      }
      return;
    }
    if (activity.type === 'event' && activity.name === 'webchat/language') {
      await this.reply(activity, { text: `language:${String(activity.value)}` });
      return;
    }
    if (activity.type !== 'message') return;
    if (activity.text === '出错') throw new Error('bot failure on purpose');
    if (activity.text === '慢') await new Promise((r) => setTimeout(r, this.stallMs));
    await this.reply(activity, { text: `收到：${activity.text ?? ''}` });
  }

  private async reply(to: Activity, fields: Record<string, unknown>): Promise<void> {
    const url = `${to.serviceUrl}/v3/conversations/${encodeURIComponent(to.conversation.id)}/activities/${encodeURIComponent(to.id ?? '')}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        type: 'message',
        from: to.recipient,
        recipient: to.from,
        conversation: to.conversation,
        replyToId: to.id,
        locale: to.locale,
        ...fields,
      }),
    });
    if (!response.ok) throw new Error(`reply failed: ${response.status} ${await response.text()}`);
  }
}
