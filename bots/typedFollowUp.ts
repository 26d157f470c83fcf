import { MessageFactory, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { asksForCall } from '../dialogs/complaints/callbackDialog';
import { nextAction, type NextActionValue } from '../dialogs/guidance/nextActions';
import { intentLabel } from '../dialogs/menu';
import { LOCALES, t, type Locale } from '../dialogs/messages';
import { yesNo } from '../dialogs/plans/planInput';
import { maskMobile } from '../services/logging/mask';
import type { PendingOffers } from '../dialogs/turnInfo';
import { mobileInText, normaliseMobile, ownMobileInText } from '../services/identity/identityNormalisers';
import { isIntent, type Intent } from '../services/recognizer/intentRecognizer';
import { asksAboutWait } from './inputText';
import { extractEntities } from '../services/recognizer/entities/extractEntities';


/** The hand-off's "book a callback" button (an imBack of its label), in every locale. */
const BOOK_LABELS = new Set(LOCALES.map((l) => t(l, 'handoff.bookCallback')));
/** Yes to "shall I connect you to a person?" that yes / no reading leaves open. */
const PERSON_YES = /^(要|需要|要的|需要的|转吧|轉吧|转|轉|麻烦了|麻煩了|please)[!！。.]?$/i;
/** The "talk to a person" button, in every locale. */
const PERSON_LABELS = new Set(LOCALES.map((l) => intentLabel(l, 'human_agent')));

/**
 * The offers among the activities this turn sends. Not the scam check's "verify": after it a bare number is more
 * likely the caller's number to check than the borrower's own.
 */
export function offersIn(activities: Partial<Activity>[]): PendingOffers | undefined {
  let offers: PendingOffers | undefined;
  for (const a of activities) {
    const actions = a.suggestedActions?.actions ?? [];
    // A question whose only button is "a person" ("Shall I connect you to a person?"): a typed yes answers it.
    if (actions.length === 1 && typeof actions[0].value === 'string' && PERSON_LABELS.has(actions[0].value)) offers = { ...offers, person: true };
    for (const action of actions) {
      // The hand-off's own "book a callback": nobody could take the conversation now.
      if (typeof action.value === 'string' && BOOK_LABELS.has(action.value)) offers = { ...offers, book: 'cannot_reach_collector', personLater: true };
      const v = action.value as Partial<NextActionValue> | undefined;
      if (!v || typeof v !== 'object' || typeof v.intent !== 'string') continue;
      if (v.action === 'verify' && v.intent !== 'verify_collector') offers = { ...offers, verify: v.intent };
      if (v.action === 'book') offers = { ...offers, book: v.intent };
    }
  }
  return offers;
}

const SENT_OFFERS = Symbol('sentOffers');

/**
 * Notes the offers among everything the turn sends, as the dialogs wrote them: registered before the channel
 * rendering middleware, which turns suggested actions into a numbered text list on channels without buttons (SMS).
 */
export class OfferRecorder implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const offers = offersIn(activities);
      if (offers) ctx.turnState.set(SENT_OFFERS, offers);
      return nextSend();
    });
    await next();
  }
}

/** The offers this turn has sent so far (the last activity that had any), as OfferRecorder noted them. */
export function sentOffers(context: TurnContext): PendingOffers | undefined {
  return context.turnState.get(SENT_OFFERS) as PendingOffers | undefined;
}

/** Answers about what a caller said, after which a bare number may be that caller's (calls "from the court"). */
const CALLER_TOPICS: readonly Intent[] = ['lawsuit_threat'];

/** A time window is "the whole message" when it covers at least this share of the text (明天上午, 今晚8点以后吧). */
const TIME_SHARE = 0.6;

/**
 * The button a typed reply stands for, right after the bot offered it: the registered mobile number for "verify and
 * see my account" (verification starts from it; alone or in a sentence, not with ID characters beside it, which
 * only the verification prompt takes and hides), a time or a request for a call ("明天给我回个电话吧") for "book a
 * callback" (booking starts, with the window the message names).
 */
export function typedFollowUp(offers: PendingOffers | undefined, text: string, now: number, timeZone: string): NextActionValue | undefined {
  if (!offers || !text) return undefined;
  if (offers.person && (yesNo(text, { yes: [], no: [] }) === true || PERSON_YES.test(text.trim()))) return { intent: 'human_agent' };
  // "要等多久" after "nobody is available now": asked again, the hand-off says when people are back (or queues, if
  // someone has come online meanwhile).
  if (offers.personLater && asksAboutWait(text)) return { intent: 'human_agent' };
  const given = offers.verify ? mobileInText(text) : undefined;
  const mobile = given && !given.idLast6 ? given.mobile : undefined;
  // After the lawsuit answer, a number on its own may be the caller's ("a guy called me saying he is from the
  // court…"): whose it is is asked (bareMobile) rather than a verification started with it, which would count a
  // failed try against the borrower. "我的手机是…" is their own.
  const mayBeCallers = CALLER_TOPICS.includes(offers.verify as Intent) && normaliseMobile(text) !== undefined && !ownMobileInText(text);
  if (mobile && isIntent(offers.verify) && !mayBeCallers) return { intent: offers.verify, action: 'verify', mobile };
  if (offers.book && isIntent(offers.book)) {
    const when = extractEntities(text, { now, timeZone }).find((e) => e.type === 'datetime');
    const letters = text.replace(/[\s\p{P}]/gu, '').length;
    if (when && letters > 0 && when.text.replace(/[\s\p{P}]/gu, '').length / letters >= TIME_SHARE) return { intent: offers.book, action: 'book' };
    if (asksForCall(text)) return { intent: offers.book, action: 'book' };
  }
  return undefined;
}

/**
 * A message that is only a mobile number, with nothing offered for it and no task under way: the borrower's own (to
 * be verified and see the account) or a caller's (to check it is ours), so whose it is is asked (whoseNumber). Right
 * after the scam check it is the next caller's number: `check` is the value of "check this caller" for it. Not a
 * number inside a sentence ("13912345678一直打电话骂我" is a complaint).
 */
export function bareMobile(text: string, lastTopic: Intent | undefined): { mobile: string; check?: NextActionValue } | undefined {
  const mobile = normaliseMobile(text);
  if (!mobile) return undefined;
  return lastTopic === 'verify_collector' ? { mobile, check: { intent: 'verify_collector', number: mobile } } : { mobile };
}

/** "Is this your own mobile, or a caller's?", with a button for each (before, a bare number was "not understood"). */
export function whoseNumber(locale: Locale, mobile: string): Partial<Activity> {
  return MessageFactory.suggestedActions(
    [
      nextAction(t(locale, 'core.whoseNumber.mine'), { intent: 'account_status', action: 'verify', mobile }),
      nextAction(t(locale, 'core.whoseNumber.caller'), { intent: 'verify_collector', number: mobile }),
    ],
    t(locale, 'core.whoseNumber', { number: maskMobile(mobile) }),
  );
}
