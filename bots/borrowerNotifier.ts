import { MessageFactory, type CloudAdapter, type ConversationReference, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { BorrowerEvent, BorrowerNotifier } from '../services/handoff/handoffBus';
import { localeOf } from '../services/recognizer/language';
import { queuePlaceText } from '../dialogs/handoff/queuePlace';
import { t, type Locale, type MessageKey } from '../dialogs/messages';
import { defaultProfile, type ConversationProfile } from '../dialogs/turnInfo';

export interface AdapterBorrowerNotifierDeps {
  /** The adapter (and the app id it must use) that can reach a conversation. */
  adapterFor(reference: Partial<ConversationReference>): { adapter: CloudAdapter; appId: string };
  conversationState: ConversationState;
  profile: StatePropertyAccessor<ConversationProfile>;
}

/** Renders a hand-off event in the borrower's language. */
export async function sendBorrowerEvent(context: TurnContext, event: BorrowerEvent, locale: Locale): Promise<void> {
  switch (event.kind) {
    case 'typing':
      await context.sendActivity({ type: 'typing' });
      return;
    case 'joined':
      await context.sendActivity(
        event.leftMessage ? t(locale, 'handoff.joinedMessage', { agentName: event.agentName, reference: event.ticketId }) : t(locale, 'handoff.joined', { agentName: event.agentName }),
      );
      return;
    case 'message':
      await context.sendActivity(t(locale, 'handoff.agentMessage', { agentName: event.agentName, text: event.text }));
      return;
    case 'queued':
      await context.sendActivity(queuePlaceText(locale, 'handoff.position', { position: event.position, waitSeconds: event.estimatedWaitSeconds }));
      return;
    case 'closed':
      await context.sendActivity(t(locale, `handoff.outcome.${event.outcome}` as MessageKey));
      await context.sendActivity(MessageFactory.suggestedActions(['1', '2', '3', '4', '5'], t(locale, 'handoff.closed')));
      return;
    case 'timed_out':
      await context.sendActivity(MessageFactory.suggestedActions([t(locale, 'handoff.leaveMessage'), t(locale, 'handoff.bookCallback')], t(locale, 'handoff.timedOut')));
      return;
  }
}

/**
 * Delivers agent events to the borrower as proactive messages through the adapter, in the conversation's
 * language (read from conversation state; this turn never writes state).
 */
export class AdapterBorrowerNotifier implements BorrowerNotifier {
  constructor(private readonly deps: AdapterBorrowerNotifierDeps) {}

  async deliver(reference: Partial<ConversationReference>, event: BorrowerEvent): Promise<void> {
    const { adapter, appId } = this.deps.adapterFor(reference);
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      await this.deps.conversationState.load(context);
      const profile = await this.deps.profile.get(context, defaultProfile());
      await sendBorrowerEvent(context, event, localeOf(profile.language));
    });
  }
}
