import { ActionTypes, MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import type { AffordableAmount } from '../../services/plans/planEngine';
import type { Intent } from '../../services/recognizer/intentRecognizer';
import { intentLabel } from '../menu';
import { t, type Locale, type MessageKey } from '../messages';

/**
 * What a next-step button carries besides its label. The bot routes `intent` exactly (BorrowerBot reads
 * `value.intent`), and the started dialog reads the rest: verify first, book straight away, or file a complaint
 * with its category or channel already known.
 */
export interface NextActionValue {
  intent: Intent;
  action?: 'verify' | 'book';
  category?: 'threat' | 'impersonation' | 'harassment';
  channel?: 'visit' | 'phone';
  /** With `action: 'verify'`: the mobile number the borrower already typed (verification starts from it). */
  mobile?: string;
  /** With `intent: 'verify_collector'`: the caller's number the borrower already typed (the check starts from it). */
  number?: string;
  /**
   * With `intent: 'negotiation_refused'` from a plan request: the reason and the monthly amount told there, so the hardship
   * review does not ask for them again.
   */
  told?: { reason?: string; affordable?: AffordableAmount };
}

/** A button that starts `value.intent` with extra context (messageBack: the label is shown as the borrower's message). */
export function nextAction(title: string, value: NextActionValue): CardAction {
  return { type: ActionTypes.MessageBack, title, text: title, displayText: title, value };
}

/** The plain intent buttons (exact labels, routed without guessing). */
export function intentActions(locale: Locale, intents: Intent[]): CardAction[] {
  return intents.map((i) => {
    const title = intentLabel(locale, i);
    return { type: ActionTypes.ImBack, title, value: title };
  });
}

/** The next-step value of this turn's button press, if the borrower pressed one of ours. */
export function nextActionValueOf(context: TurnContext): NextActionValue | undefined {
  const v = context.activity.value as Partial<NextActionValue> | undefined;
  return v && typeof v === 'object' && typeof v.intent === 'string' ? (v as NextActionValue) : undefined;
}

/** "Verify and see my account" for an answer of `intent`. */
export function verifyAction(locale: Locale, intent: Intent): CardAction {
  return nextAction(t(locale, 'guidance.button.verify'), { intent, action: 'verify' });
}

/** Send the closing line of an answer with its next-step buttons. */
export async function sendNext(context: TurnContext, locale: Locale, key: MessageKey, actions: CardAction[]): Promise<void> {
  await context.sendActivity(MessageFactory.suggestedActions(actions, t(locale, key)));
}
