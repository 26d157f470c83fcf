import type { TurnContext } from 'botbuilder';
import type { Entity, Intent } from '../services/recognizer/intentRecognizer';
import type { MessageKey } from './messages';

/** What the main dialog passes when it starts a task. */
export interface RouteOptions {
  intent?: Intent;
  entities?: Entity[];
  /** The message the route answers when it started from "did you mean…?" (this turn's text is only the button's). */
  asked?: string;
}

/**
 * A routed dialog that also answers its intent's question beside another task, which then goes on: asked at one of
 * that task's questions ("会上征信吗" at the amount question, "罚息是多少" once verified).
 */
export interface AsideAnswer {
  /** The answer without its closing buttons; false when it has none here (account details before verification), and nothing was sent. */
  answerAside(context: TurnContext, options: RouteOptions): Promise<boolean>;
}

export function answersAside(dialog: unknown): dialog is AsideAnswer {
  return typeof (dialog as Partial<AsideAnswer> | undefined)?.answerAside === 'function';
}

/**
 * A task dialog that answers some questions itself at any of its steps ("审核要几天" in a plan request): while it is
 * under way those go to it, not to another dialog's aside answer or a new task.
 */
export interface OwnQuestions {
  answersOwnQuestion(context: TurnContext): boolean;
}

export function hasOwnQuestions(dialog: unknown): dialog is OwnQuestions {
  return typeof (dialog as Partial<OwnQuestions> | undefined)?.answersOwnQuestion === 'function';
}

/** What the main dialog does for an intent: start a dialog, or answer with a message followed by the menu. */
export type Route = { dialog: string } | { reply: MessageKey };

/** Intent → route. Intents missing from the table take the "none" path. */
export type RouteTable = Partial<Record<Intent, Route>>;

/** Routes of the small-talk intents; task areas add theirs in index.ts. */
export const coreRoutes: RouteTable = {
  greeting: { reply: 'core.greeting' },
  help: { reply: 'core.help' },
  thanks: { reply: 'core.thanks' },
  goodbye: { reply: 'core.goodbye' },
  cancel: { reply: 'core.nothingToCancel' },
};
