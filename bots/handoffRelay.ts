import { MessageFactory, type TurnContext } from 'botbuilder';
import type { HandoffService } from '../services/handoff/handoffService';
import type { Logger } from '../services/logging/logger';
import { queuePlaceText } from '../dialogs/handoff/queuePlace';
import { menuActions } from '../dialogs/menu';
import { asksAboutWait } from './inputText';
import { t, type Locale } from '../dialogs/messages';
import { conversationKey, type ConversationProfile } from '../dialogs/turnInfo';

/** "不等了" and its variants ("算了不等了", "太久了，我不等了", "不用转人工了"), in a short message. */
const STOP_WAITING =
  /^(取消|cancel|算了)$|不(想|要|用)?等了|^不等$|不(想|要|用)?排(队|隊)?了|取消排(队|隊)|不(用|要)?(转|轉)人工了|不(找|要)人工了|\b(stop waiting|leave (the )?queue|(do not|don'?t) want to wait( any ?more)?|won'?t wait|never ?mind|forget it)\b/i;
/** "算了，我还是等着吧": staying in the queue after all. */
const KEEPS_WAITING = /(还是等|還是等|继续等|繼續等|再等|等着吧|等著吧|I'?ll wait|keep waiting)/i;
// A left message waits for hours while the borrower may use the bot for other things: a plain "取消" there is meant
// for the task at hand, so only words about the message itself withdraw it.
const WITHDRAW_MESSAGE = /^(撤回留言|取消留言|不留言了|不用留言了|删除留言|刪除留言|withdraw (my )?message|cancel (my )?message|delete (my )?message)$/i;
const RATING = /^\s*([1-5１-５一二三四五])\s*(分|星|stars?|points?)?\s*$/i;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

export interface BorrowerInput {
  text: string;
  value?: Record<string, unknown>;
  attachments?: { contentType: string; name?: string; contentUrl?: string }[];
}

function stopsWaiting(text: string): boolean {
  const bare = text.trim().replace(/[\s\p{P}]+$/u, '');
  return bare.length <= 40 && STOP_WAITING.test(bare) && !KEEPS_WAITING.test(bare);
}

function ratingOf(text: string): number | undefined {
  const m = RATING.exec(text);
  if (!m) return undefined;
  const c = m[1];
  return CN_DIGITS[c] ?? Number(String.fromCharCode(c.charCodeAt(0) >= 0xff10 ? c.charCodeAt(0) - 0xfee0 : c.charCodeAt(0)));
}

/**
 * The hand-off gate, run before the bot's own understanding (and its length limit) on every message of a
 * conversation with an open ticket: while an agent has the conversation the bot stays silent and relays everything
 * to the agent, and the borrower's typing shows in the agent's console; while
 * queued the borrower may stop waiting; after the agent closes, the next message may be the 1–5 rating.
 * Conversations without a ticket cost nothing (the ticket id lives in the conversation profile).
 */
export class HandoffRelay {
  constructor(
    private readonly handoff: HandoffService,
    private readonly logger: Logger,
  ) {}

  /** "还要等多久" while queued: where the ticket is now (the same line as the sweep's updates). */
  private async tellPosition(context: TurnContext, conversationId: string, locale: Locale): Promise<boolean> {
    const status = await this.handoff.status(conversationId);
    if (status?.position === undefined || status.estimatedWaitSeconds === undefined) return false;
    await context.sendActivity(queuePlaceText(locale, 'handoff.position', { position: status.position, waitSeconds: status.estimatedWaitSeconds }));
    return true;
  }

  /** True when the gate dealt with the message and the bot must not answer it itself. */
  async intercept(context: TurnContext, profile: ConversationProfile, input: BorrowerInput, locale: Locale): Promise<boolean> {
    if (!profile.handoffTicket) return false;
    const conversationId = conversationKey(context);
    const relay = await this.handoff.onBorrowerMessage(conversationId, input);
    if (relay.relayed) return true;
    if (relay.state === 'queued') {
      if (relay.kind !== 'message' && asksAboutWait(input.text)) return this.tellPosition(context, conversationId, locale);
      if (!(relay.kind === 'message' ? WITHDRAW_MESSAGE.test(input.text.trim()) : stopsWaiting(input.text))) return false;
      await this.handoff.cancel(conversationId);
      profile.handoffTicket = undefined;
      await context.sendActivity(MessageFactory.suggestedActions(menuActions(locale), t(locale, relay.kind === 'message' ? 'handoff.messageCancelled' : profile.urgent ? 'handoff.waitCancelledUrgent' : 'handoff.waitCancelled')));
      return true;
    }
    const status = await this.handoff.status(conversationId);
    if (status?.awaitingRating) {
      const rating = ratingOf(input.text);
      profile.handoffTicket = undefined;
      if (rating !== undefined) {
        // Thank only for a rating that was stored; otherwise say so and move on (the ticket is not asked again).
        const stored = await this.handoff.rate(status.ticketId, rating).catch((err: unknown) => {
          this.logger.warn({ event: 'handoff.rate_failed', ticketId: status.ticketId, err }, 'hand-off rating failed');
          return false;
        });
        if (!stored) this.logger.info({ event: 'handoff.rating_not_stored', ticketId: status.ticketId, rating }, 'hand-off rating not stored');
        await context.sendActivity(MessageFactory.suggestedActions(menuActions(locale), t(locale, stored ? 'handoff.rated' : 'handoff.ratingNotStored')));
        return true;
      }
      return false;
    }
    if (!status?.active) profile.handoffTicket = undefined;
    return false;
  }

  /** The borrower is typing: the assigned agent's console shows it (nothing while queued or without a ticket). */
  async typing(context: TurnContext, profile: ConversationProfile): Promise<void> {
    if (!profile.handoffTicket) return;
    try {
      await this.handoff.onBorrowerTyping(conversationKey(context));
    } catch (err) {
      // A lost typing indicator is not worth failing the turn (and telling the borrower about an error).
      this.logger.warn({ event: 'handoff.typing_failed', err: (err as Error).message }, 'borrower typing not relayed');
    }
  }
}
