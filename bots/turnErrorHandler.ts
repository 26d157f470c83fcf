import { MessageFactory, type ConversationState, type TurnContext } from 'botbuilder';
import { errorCode } from '../services/errors/botError';
import type { Logger } from '../services/logging/logger';
import { detectLanguage, localeOf as localeOfLanguage } from '../services/recognizer/language';
import { intentLabel } from '../dialogs/menu';
import { t, type MessageKey } from '../dialogs/messages';
import { turnInfoOrUndefined } from '../dialogs/turnInfo';

/**
 * The one turn error handler: logs with the conversation id and error code, tells the borrower something honest
 * in their language and offers a person. It never throws. After an unexpected error it clears the dialog stack
 * (so the same broken step is not replayed), but never the rest of conversation state: hand-off tickets and
 * filed records live outside it and are untouched.
 */
export function createTurnErrorHandler(deps: { logger: Logger; conversationState: ConversationState }) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const code = errorCode(error);
    const conversationId = context.activity?.conversation?.id;
    deps.logger.error({ event: 'turn.failed', code, conversationId, err: error }, 'turn failed');

    const info = turnInfoOrUndefined(context);
    const locale = info?.locale ?? localeOfLanguage(detectLanguage(typeof context.activity?.text === 'string' ? context.activity.text : ''));
    const key: MessageKey = code === 'LOCK_TIMEOUT' ? 'core.busy' : code === 'STATE_UNAVAILABLE' ? 'core.stateUnavailable' : 'core.error';
    // Without state the in-bot hand-off cannot work (its queue is in Redis): the message names the official app instead.
    const actions = code === 'STATE_UNAVAILABLE' ? [] : [intentLabel(locale, 'human_agent')];
    try {
      await context.sendActivity(MessageFactory.suggestedActions(actions, t(locale, key)));
      if (context.activity?.channelId === 'emulator') {
        await context.sendTraceActivity('turn error', { code, message: error?.message }, 'https://borrower-bot/schemas/error', 'Turn error');
      }
    } catch (sendError) {
      deps.logger.error({ event: 'turn.error_reply_failed', conversationId, err: sendError }, 'could not send error reply');
    }
    if (code === 'INTERNAL') {
      try {
        const dialogState = deps.conversationState.createProperty('dialogState');
        await dialogState.delete(context);
        await deps.conversationState.saveChanges(context, true);
      } catch (stateError) {
        deps.logger.warn({ event: 'turn.reset_failed', conversationId, err: stateError }, 'could not reset dialog state');
      }
    }
  };
}
