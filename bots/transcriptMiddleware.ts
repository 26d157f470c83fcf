import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../services/logging/logger';
import type { TranscriptTurn } from '../services/handoff/transcriptStore';
import { conversationKey, HIDDEN_TEXT, isSensitiveInput } from '../dialogs/turnInfo';
import { typedText } from './channelRendering';

/** Where turns are recorded (the hand-off service keeps the last 30, masked, for the agent). */
export interface TranscriptRecorder {
  /** The turns of one bot turn, in order (one write). */
  recordTurn(conversationId: string, ...turns: Omit<TranscriptTurn, 'at'>[]): Promise<void>;
}


/**
 * Records each message turn (the borrower's message and the bot's text replies) for the agent's transcript. A bare list
 * number on a text-only channel is recorded as typed and as read ("2 → 申请分期还款").
 * Secrets the dialogs mark (ID characters, one-time codes) are recorded as [hidden]; the store masks phone, ID and
 * card numbers in everything else. Recording failures never fail the turn.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(
    private readonly recorder: TranscriptRecorder,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const incoming = context.activity;
    if (incoming.type !== ActivityTypes.Message) return next();
    const replies: string[] = [];
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      for (const a of activities) if (a.type === ActivityTypes.Message && a.text) replies.push(a.text);
      return nextSend();
    });
    await next();
    const conversationId = conversationKey(context);
    // A bare list number the bot read as its entry is recorded as both: what was typed and what it meant.
    const typed = typedText(context);
    const text = typed !== undefined && incoming.text ? `${typed} → ${incoming.text}` : incoming.text;
    const borrower: Omit<TranscriptTurn, 'at'> = text
      ? { from: 'borrower', text: isSensitiveInput(context) ? HIDDEN_TEXT : text.slice(0, 2000), kind: 'text' }
      : incoming.value
        ? { from: 'borrower', text: JSON.stringify(incoming.value).slice(0, 500), kind: 'card_submit' }
        : { from: 'borrower', text: (incoming.attachments ?? []).map((a) => a.name ?? a.contentType).join(', '), kind: 'attachment' };
    try {
      await this.recorder.recordTurn(conversationId, borrower, ...replies.map((text) => ({ from: 'bot' as const, text: text.slice(0, 2000) })));
    } catch (err) {
      this.logger.warn({ event: 'transcript.record_failed', conversationId, err }, 'could not record transcript turn');
    }
  }
}
