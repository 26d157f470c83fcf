import { ActionTypes, type CardAction } from 'botbuilder';
import { TASK_INTENTS, type Intent } from '../services/recognizer/intentRecognizer';
import { LOCALES, t, type Locale, type MessageKey } from './messages';

/** The main menu: label keys and the intent each stands for. */
const MENU: Array<[MessageKey, Intent]> = [
  ['core.menu.account', 'account_status'],
  ['core.menu.plan', 'installment_plan'],
  ['core.menu.complaint', 'harassment_complaint'],
  ['core.menu.lawsuit', 'lawsuit_threat'],
  ['core.menu.verify', 'verify_collector'],
  ['core.menu.person', 'human_agent'],
];

/** Every task intent has a button label `core.intent.<intent>`. */
const LABELLED = TASK_INTENTS;

/** Label of an intent as a button ("neither" for intents without one). */
export function intentLabel(locale: Locale, intent: Intent): string {
  return LABELLED.includes(intent) ? t(locale, `core.intent.${intent}` as MessageKey) : t(locale, 'core.clarifyNeither');
}

/**
 * The task an intent starts, named in a sentence ("先办“申请困难情况审核”，办完接着办…"): its label, except where the
 * label names the borrower's situation rather than what is done about it.
 */
export function taskName(locale: Locale, intent: Intent): string {
  return intent === 'negotiation_refused' ? t(locale, 'plan.hardshipButton') : intentLabel(locale, intent);
}

export function menuActions(locale: Locale): CardAction[] {
  return MENU.map(([key]) => imBack(t(locale, key)));
}

export function imBack(title: string): CardAction {
  return { type: ActionTypes.ImBack, title, value: title };
}

/** Other buttons that stand for an intent. */
const EXTRA_LABELS: Array<[MessageKey, Intent]> = [
  ['handoff.bookCallback', 'cannot_reach_collector'],
  ['handoff.leaveMessage', 'human_agent'],
];

// Exact button labels (menu and intent labels, every locale) → intent. A button press is never guessed at.
const LABEL_TO_INTENT = new Map<string, Intent>();
for (const locale of LOCALES) {
  for (const [key, intent] of [...MENU, ...EXTRA_LABELS]) LABEL_TO_INTENT.set(t(locale, key), intent);
  for (const intent of LABELLED) LABEL_TO_INTENT.set(intentLabel(locale, intent), intent);
}

/** The intent a button label stands for, if the text is exactly one of our labels. */
export function intentOfLabel(text: string): Intent | undefined {
  return LABEL_TO_INTENT.get(text.trim());
}

const LEAVE_MESSAGE_LABELS = new Set(LOCALES.map((l) => t(l, 'handoff.leaveMessage')));
const LEAVE_MESSAGE_TYPED = [
  /^(那|那就|好|好的|行|嗯)?[，,]?我?(要|想|先|来)?(给|給)?(客服|人工|人工客服|真人)?留(个|個|一条|一條)?(言|話)(吧|一下|给客服|給客服)?[。.!！~～]*$/,
  /^(ok,? |okay,? |then )?(i('ll| will| want to| would like to|'d like to))? ?leave (a |my )?message( for (a |the )?(person|agent|staff|someone))?( please)?[.!]*$/i,
];

const HARDSHIP_REVIEW_TYPED = [
  /^(我|那)?(想|要|就)?(申请|申請|提交|办|辦|做)?(一个|一個|一下)?(困难|困難)(情况|情況)?(审核|審核)(吧|一下)?[。.!！~～]*$/,
  /^(i('d like| want| would like| need) (to (apply for|ask for|request|get) )?)?(a )?hardship review( please)?[.!]*$/i,
];

/**
 * "申请困难情况审核" typed instead of pressed, or asked in a few words ("我想申请困难审核", "hardship review"): the
 * hardship review (the `negotiation_refused` route), not a new plan request.
 */
export function wantsHardshipReview(text: string): boolean {
  const trimmed = text.trim();
  return HARDSHIP_REVIEW_TYPED.some((re) => re.test(trimmed));
}

/** "Leave a message for a person": the button, or the same typed in a few words (留言, 我要留言, leave a message). */
export function wantsToLeaveMessage(text: string): boolean {
  const trimmed = text.trim();
  return LEAVE_MESSAGE_LABELS.has(trimmed) || LEAVE_MESSAGE_TYPED.some((re) => re.test(trimmed));
}
