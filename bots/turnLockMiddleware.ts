import type { Middleware, TurnContext } from 'botbuilder';
import type { TurnLock } from '../services/storage/turnLock';

/** Holds the conversation's turn lock around the whole turn (state load → dialogs → state save). */
export class TurnLockMiddleware implements Middleware {
  constructor(private readonly lock: TurnLock) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { channelId, conversation } = context.activity;
    if (!conversation?.id) return next();
    await this.lock.withLock(`${channelId}/${conversation.id}`, next);
  }
}
