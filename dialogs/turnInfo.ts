import type { TurnContext } from 'botbuilder';
import type { Intent, RecognitionResult } from '../services/recognizer/intentRecognizer';
import type { Urgency } from '../services/recognizer/distress';
import type { Locale } from './messages';

/** What the bot worked out about this turn before any dialog runs: kept in turn state, read by dialogs. */
/** One clause of a message that asks more than one thing, and what the recogniser makes of it alone. */
export interface ClauseIntent {
  text: string;
  intent: Intent;
  score: number;
}

export interface TurnInfo {
  locale: Locale;
  recognition: RecognitionResult;
  /**
   * A new request in two or more clauses ("我想分期，会上征信吗"): each clause's top intent, in order. The whole
   * message's recognition names one need; these let the main dialog see a second one.
   */
  clauseIntents?: ReadonlyArray<ClauseIntent>;
  /** The message asks whether the bot is a person ("你是机器人吗", "are you a bot"). */
  asksIfBot?: boolean;
  /** A digest of the general facts the bot's previous answer gave, if it gave some (ConversationProfile.lastFacts). */
  factsBefore?: string;
  /** A digest of the general facts this turn's answer gives: set by the information answers, kept for the next turn. */
  factsSent?: string;
}

const TURN_INFO = Symbol('turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (!info) throw new Error('turn info missing: the bot sets it before running dialogs');
  return info;
}

export function turnInfoOrUndefined(context: TurnContext): TurnInfo | undefined {
  return context.turnState.get(TURN_INFO) as TurnInfo | undefined;
}

/** The key that names this conversation in services (verification, hand-off, locks): `<channel>/<conversation id>`. */
export function conversationKey(context: TurnContext): string {
  return `${context.activity.channelId}/${context.activity.conversation?.id}`;
}

const SENSITIVE = Symbol('sensitiveInput');

/** What transcripts and agent views show instead of a secret (ID characters, a one-time code). */
export const HIDDEN_TEXT = '[hidden]';

/** Mark this turn's borrower message as a secret (ID characters, a one-time code): transcripts hide it. */
export function markSensitiveInput(context: TurnContext): void {
  context.turnState.set(SENSITIVE, true);
}

export function isSensitiveInput(context: TurnContext): boolean {
  return context.turnState.get(SENSITIVE) === true;
}

/** Per-conversation facts that outlive a dialog (plain JSON in conversation state). */
export interface ConversationProfile {
  language: 'zh-Hans' | 'zh-Hant' | 'en';
  /** The language was told by the borrower (a message in one script or in English, or the web chat's switch). */
  languageTold?: boolean;
  /** Consecutive turns the bot did not understand; two in a row offers a person. */
  misses: number;
  welcomed?: boolean;
  /** A host-signed borrower token was checked for this conversation (checked once). */
  tokenChecked?: boolean;
  /** The last few in-scope intents recognised, newest last (the agent sees them on hand-off). */
  recentIntents?: Array<{ intent: string; confidence: number }>;
  /**
   * The topic the bot last answered or began a task for (not small talk, not a person): a short follow-up is read in
   * its light (bots/topicContext.ts).
   */
  lastTopic?: Intent;
  /**
   * The borrower spoke of wanting to die or of hurting themselves, or of danger now (services/recognizer/distress.ts):
   * every hand-off of this conversation is urgent (P1) and says why.
   */
  urgent?: Urgency;
  /** Fear told beside a task was acknowledged (once a conversation: said each turn, it would ring hollow). */
  fearHeard?: boolean;
  /** A digest of the general facts of the bot's last answer, when it gave some: the same facts are not repeated in full next turn. */
  lastFacts?: string;
  /** Ticket of an open hand-off (queued, with an agent, or closed and awaiting the rating). */
  handoffTicket?: string;
  /**
   * HANDOFF_MODE=hub: an external agent hub accepted the conversation (`handoff.status` accepted) and has not yet
   * completed or failed it. While set, the bot answers no borrower message.
   */
  hubAgentActive?: boolean;
  /**
   * Next-step buttons the bot's last answer offered ("verify and see my account", "book a callback"): the next message
   * may type the answer instead of pressing them (bots/typedFollowUp.ts). Replaced by every message.
   */
  offers?: PendingOffers;
}

/** Next-step buttons of the bot's last answer that a typed reply can stand for (plain JSON in the profile). */
export interface PendingOffers {
  /** "Verify and see my account" for this intent. */
  verify?: string;
  /** "Book a callback" for this intent. */
  book?: string;
  /** "Shall I connect you to a person?" with that one button: a typed yes is pressing it. */
  person?: boolean;
  /** No person now ("leave a message / book a callback"): "要等多久" asks again when one will be there. */
  personLater?: boolean;
}

export const defaultProfile = (): ConversationProfile => ({ language: 'zh-Hans', misses: 0 });
