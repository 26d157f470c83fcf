import { randomUUID } from 'node:crypto';
import { MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { cjkChoicePrompt } from '../choices';
import type { AccountService, AccountSnapshot } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import { isBotError } from '../../services/errors/botError';
import type { VerificationService } from '../../services/identity/verificationService';
import { fitCallbackWindow, type CallbackWindowResult } from '../../services/scheduling/callbackWindow';
import type { ServiceHours, TimeWindow } from '../../services/scheduling/serviceHours';
import { loadAccount } from '../account/accountStatusDialog';
import { verifiedAccount } from '../account/verifiedAccount';
import type { FiledRecords } from '../filedRecords';
import { localeOfStep } from '../guidance/infoAnswerDialog';
import { intentActions, nextAction, nextActionValueOf, verifyAction } from '../guidance/nextActions';
import { firstDateTime, turnEntities } from '../guidance/turnEntities';
import { VERIFY_IDENTITY_DIALOG, type VerifiedIdentity } from '../identity/verifyIdentityDialog';
import { imBack, intentLabel } from '../menu';
import { t, type Locale } from '../messages';
import { formatServiceHours, formatWindow, workingHoursParams, zoneLabel } from './timeText';

export const CALLBACK_DIALOG = 'complaints.callback';
const FLOW = `${CALLBACK_DIALOG}.flow`;
const WINDOW_FLOW = `${CALLBACK_DIALOG}.window`;
const SHOW_TEAM_FLOW = `${CALLBACK_DIALOG}.team`;
const WINDOW_PROMPT = `${CALLBACK_DIALOG}.windowPrompt`;
const ACCEPT_PROMPT = `${CALLBACK_DIALOG}.accept`;
const RETRY_PROMPT = `${CALLBACK_DIALOG}.retry`;
/** The lender did not answer: it may or may not have stored the callback, so a retry (same key) is offered. */
const RETRYABLE = ['ACCOUNT_SERVICE_UNAVAILABLE', 'ACCOUNT_INVALID_RESPONSE'];
/** Retrying cannot help: an unknown borrower, a rejected body, or the key reused for another body. */
const NOT_RETRYABLE = ['ACCOUNT_NOT_FOUND', 'BAD_INPUT', 'IDEMPOTENCY_CONFLICT'];

export interface CallbackDeps {
  accounts: AccountService;
  verification: VerificationService;
  filedRecords: FiledRecords;
  clock: Clock;
  /** When callbacks can happen (SERVICE_HOURS*, TIME_ZONE); windows are fitted into them. */
  serviceHours: ServiceHours;
  /** Idempotency keys (default: random UUIDs). */
  newKey?: () => string;
}

interface Values {
  idempotencyKey: string;
  borrowerId?: string;
  /** The window named in the message that started the booking, if any. */
  requested?: TimeWindow;
  /** The window agreed with the borrower, kept for a retry of the filing. */
  window?: TimeWindow;
}

/** A message that asks for a call back (and, with a time in it, goes straight to booking). */
const CALL_ME = /回电|回電|回[个個]?电话|回[個个]?電話|回拨|回撥|打给我|打給我|联系我|聯繫我|call me|call back|callback/i;

/** "帮我预约回电", "book a callback": booking asked for in so many words (goes to booking with or without a time). */
const BOOK = /(预约|預約).{0,2}(回电|回電|电话|電話)|安排.{0,4}(回电|回電)|\b(book|schedule|arrange) a call ?(back)?\b/i;

/** "别再打给我了", "don't call me": the opposite of a request for a call. */
const NO_CALL = /别|別|不要|不用|不想|不必|stop|don'?t|do not|never|no more/i;

/** A call back named in so many words ("回个电话", "回电", "call me back"), not any call ("打给我"). */
const CALL_BACK = /回电|回電|回[个個]?电话|回[個个]?電話|回拨|回撥|\bcall (me )?back\b|\bcallback\b/i;

/**
 * "帮我预约个回电", "能不能给我回个电话", "call me back please": a callback asked for, whatever else is under way; it is
 * booked (in the cannot-reach task, where callbacks live) with or without a time.
 */
export function asksForCallback(text: string): boolean {
  return (BOOK.test(text) || CALL_BACK.test(text)) && !NO_CALL.test(text);
}

/** "给我回个电话", "call me back": a request for a call (the typed form of "book a callback" right after it is offered). */
export function asksForCall(text: string): boolean {
  return CALL_ME.test(text) && !NO_CALL.test(text);
}

interface WindowValues {
  fitted?: CallbackWindowResult;
}

/** The window asked for fits the service hours as it is: nothing to agree. */
const FITS = 'fits';

interface WindowOptions {
  /** A window already named (in the message that started the booking): fitted without asking. */
  requested?: TimeWindow;
}

/** Wanting to pay ("我想还钱都找不到人", "I want to pay but can't reach anyone"). */
const WANTS_TO_PAY = /(想|要|打算|准备|準備)[^，。,.!?！？]{0,4}[还還](钱|錢|款|清)|\b(want|need|trying|tried) to (pay|repay)\b/i;

/**
 * `cannot_reach_collector`: acknowledge; verified → the assigned team or agency, its official number(s) and working
 * hours; then the choices (book a callback, a person now, self-service). Booking (the "book a callback" button, or a
 * message that already names a time): verify, understand the window from free text (the date-time entity), fit it
 * into service hours (fitCallbackWindow), confirm when it had to move, and file it idempotently with a reference.
 */
export class CallbackDialog extends ComponentDialog {
  private readonly newKey: () => string;

  constructor(private readonly deps: CallbackDeps) {
    super(CALLBACK_DIALOG);
    this.newKey = deps.newKey ?? randomUUID;
    this.addDialog(
      new WaterfallDialog(FLOW, [this.startStep.bind(this), this.windowStep.bind(this), this.fileStep.bind(this), this.retryStep.bind(this)]),
    );
    this.addDialog(new WaterfallDialog(SHOW_TEAM_FLOW, [this.verifyForTeamStep.bind(this), this.showTeamStep.bind(this)]));
    this.addDialog(new WaterfallDialog(WINDOW_FLOW, [this.askWindowStep.bind(this), this.fitStep.bind(this), this.decideStep.bind(this)]));
    this.addDialog(new TextPrompt(WINDOW_PROMPT, async (p) => this.windowOf(p.context) !== undefined));
    // Yes, no, or another time named instead (decideStep fits that one).
    this.addDialog(cjkChoicePrompt(ACCEPT_PROMPT, async (p) => p.recognized.succeeded || this.windowOf(p.context) !== undefined));
    this.addDialog(cjkChoicePrompt(RETRY_PROMPT));
    this.initialDialogId = FLOW;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const values = step.values as Values;
    values.idempotencyKey = this.newKey();
    if (this.wantsBooking(step.context, locale)) {
      values.requested = this.windowOf(step.context);
      return step.beginDialog(VERIFY_IDENTITY_DIALOG);
    }
    const pressed = nextActionValueOf(step.context);
    if (pressed?.action === 'verify') return step.replaceDialog(SHOW_TEAM_FLOW);
    await step.context.sendActivity(t(locale, 'callback.ack'));
    // "我想还钱都找不到人": paying needs no collector.
    if (WANTS_TO_PAY.test(step.context.activity.text ?? '')) await step.context.sendActivity(t(locale, 'callback.payWithoutCollector'));
    const snapshot = await verifiedAccount(step.context, this.deps);
    await step.context.sendActivity(snapshot ? this.assignmentText(locale, snapshot) : t(locale, 'callback.verifyHint'));
    await this.sendOptions(step.context, locale, !snapshot);
    return step.endDialog();
  }

  /** "Verify and see my account" after the acknowledgement: verify, then the assigned team's official numbers. */
  private async verifyForTeamStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(VERIFY_IDENTITY_DIALOG);
  }

  private async showTeamStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const locale = localeOfStep(step.context);
    const snapshot = await loadAccount(this.deps.accounts, identity.borrowerId, step, locale);
    if (snapshot) {
      await step.context.sendActivity(this.assignmentText(locale, snapshot));
      await this.sendOptions(step.context, locale, false);
    }
    return step.endDialog();
  }

  private async sendOptions(context: TurnContext, locale: Locale, offerVerify: boolean): Promise<void> {
    const actions = [
      nextAction(t(locale, 'handoff.bookCallback'), { intent: 'cannot_reach_collector', action: 'book' }),
      ...intentActions(locale, ['human_agent', 'installment_plan', 'account_status']),
    ];
    await context.sendActivity(MessageFactory.suggestedActions(offerVerify ? [...actions, verifyAction(locale, 'cannot_reach_collector')] : actions, t(locale, 'callback.options')));
  }

  private async windowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const values = step.values as Values;
    values.borrowerId = identity.borrowerId;
    // "明天下午三点" typed at the mobile question: the time asked for, not asked again.
    const told = firstDateTime(identity.told ?? []);
    values.requested ??= told && { from: told.from, to: told.to };
    return step.beginDialog(WINDOW_FLOW, { requested: values.requested } satisfies WindowOptions);
  }

  private async fileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    (step.values as Values).window = step.result as TimeWindow;
    const outcome = await this.file(step, locale);
    if (outcome !== 'retry') return step.endDialog();
    // The lender did not answer: it may or may not have stored the callback. A retry with the same key is safe.
    const again = t(locale, 'callback.tryAgain');
    return step.prompt(RETRY_PROMPT, {
      prompt: MessageFactory.suggestedActions([imBack(again), imBack(intentLabel(locale, 'human_agent'))], t(locale, 'callback.retryFiling')),
      choices: [{ value: 'retry', action: imBack(again), synonyms: [again, '好', '好的', '可以', '是', '再试', '再試', 'retry', 'yes', 'ok'] }],
      style: ListStyle.none,
    });
  }

  private async retryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    if ((await this.file(step, locale)) === 'retry') await this.sendUnavailable(step, locale);
    return step.endDialog();
  }

  /**
   * File the callback with the key made when the booking began (so a retry, or a lost answer, gives one record) and
   * confirm it with its reference. 'retry' when the lender did not answer; a request it refused says so here.
   */
  private async file(step: WaterfallStepContext, locale: Locale): Promise<'filed' | 'refused' | 'retry'> {
    const values = step.values as Values;
    const window = values.window!;
    const zone = zoneLabel(locale, this.deps.serviceHours.timeZone);
    try {
      // The registered mobile is read beside the filing (the borrower wants to know which phone will ring); a
      // failed read leaves it out and never fails the booking.
      const [callback, mobile] = await Promise.all([
        this.deps.accounts.createCallback(values.borrowerId!, {
          idempotencyKey: values.idempotencyKey,
          windowStart: window.from,
          windowEnd: window.to,
          topic: 'cannot_reach_collector',
        }),
        this.deps.accounts.getAccount(values.borrowerId!).then((s) => s.account.borrower.maskedMobile, () => undefined),
      ]);
      await this.deps.filedRecords.add(step.context, { kind: 'callback', reference: callback.reference, at: callback.createdAt });
      const text = t(locale, mobile ? 'callback.filed' : 'callback.filedNoMobile', {
        reference: callback.reference,
        window: formatWindow(locale, { from: callback.windowStart, to: callback.windowEnd }, this.deps.serviceHours.timeZone),
        zone,
        ...(mobile ? { mobile } : {}),
      });
      await step.context.sendActivity(MessageFactory.suggestedActions(intentActions(locale, ['human_agent', 'installment_plan']), text));
      return 'filed';
    } catch (err) {
      if (isBotError(err) && RETRYABLE.includes(err.code)) return 'retry';
      if (isBotError(err) && NOT_RETRYABLE.includes(err.code)) {
        await this.sendUnavailable(step, locale);
        return 'refused';
      }
      throw err;
    }
  }

  private async sendUnavailable(step: WaterfallStepContext, locale: Locale): Promise<void> {
    await step.context.sendActivity(MessageFactory.suggestedActions(intentActions(locale, ['human_agent']), t(locale, 'callback.unavailable')));
  }

  private async askWindowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const requested = (step.options as WindowOptions | undefined)?.requested;
    if (requested) return step.next(requested);
    const locale = localeOfStep(step.context);
    const zone = zoneLabel(locale, this.deps.serviceHours.timeZone);
    return step.prompt(WINDOW_PROMPT, {
      prompt: t(locale, 'callback.askWindow', { hours: formatServiceHours(locale, this.deps.serviceHours), zone }),
      retryPrompt: t(locale, 'callback.retryWindow'),
    });
  }

  private async fitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const requested: TimeWindow = typeof step.result === 'string' ? this.windowOf(step.context)! : (step.result as TimeWindow);
    const fitted = fitCallbackWindow(requested, this.deps.clock.now(), this.deps.serviceHours);
    (step.values as WindowValues).fitted = fitted;
    if (!fitted.adjusted || namedOnlyTheDay(requested, fitted)) return step.next(FITS);
    const tz = this.deps.serviceHours.timeZone;
    const key = fitted.reasons.includes('IN_THE_PAST_MOVED') ? 'callback.adjustedPast' : 'callback.adjustedHours';
    const accept = t(locale, 'callback.accept');
    const other = t(locale, 'callback.other');
    return step.prompt(ACCEPT_PROMPT, {
      prompt: t(locale, key, { requested: formatWindow(locale, requested, tz), window: formatWindow(locale, fitted, tz), zone: zoneLabel(locale, tz) }),
      choices: [
        { value: 'accept', action: imBack(accept), synonyms: [accept, '好', '好的', '可以', '是', 'yes', 'ok'] },
        { value: 'other', action: imBack(other), synonyms: [other, '不', '不行', '换', '換', 'no'] },
      ],
      style: ListStyle.suggestedAction,
    });
  }

  private async decideStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice | typeof FITS | undefined;
    if (choice !== FITS && choice?.value !== 'accept') {
      // "周六下午" (or "不行，周六下午吧") instead of yes or no: that time is fitted in turn, not asked for again.
      const named = this.windowOf(step.context);
      if (named) return step.replaceDialog(WINDOW_FLOW, { requested: named } satisfies WindowOptions);
      await step.context.sendActivity(t(localeOfStep(step.context), 'callback.askAgain'));
      return step.replaceDialog(WINDOW_FLOW, {} satisfies WindowOptions);
    }
    const { from, to } = (step.values as WindowValues).fitted!;
    return step.endDialog({ from, to } satisfies TimeWindow);
  }

  /** The first time window this turn's message names. */
  private windowOf(context: TurnContext): TimeWindow | undefined {
    const when = firstDateTime(turnEntities(context, this.deps.clock.now(), this.deps.serviceHours.timeZone));
    return when ? { from: when.from, to: when.to } : undefined;
  }

  /**
   * Straight to booking: our "book a callback" button, the hand-off's, a message that asks for one in so many words,
   * or one that asks for a call and already names a time.
   */
  private wantsBooking(context: TurnContext, locale: Locale): boolean {
    if (nextActionValueOf(context)?.action === 'book') return true;
    if ((context.activity.text ?? '').trim() === t(locale, 'handoff.bookCallback')) return true;
    const text = context.activity.text ?? '';
    if (asksForCallback(text)) return true;
    return asksForCall(text) && this.windowOf(context) !== undefined;
  }

  private assignmentText(locale: Locale, snapshot: AccountSnapshot): string {
    const collection = snapshot.account.collection;
    if (!collection) return t(locale, 'callback.noAssignment');
    return t(locale, 'callback.assignment', {
      name: collection.name,
      phones: collection.officialPhones.join(locale === 'en' ? ', ' : '、'),
      ...workingHoursParams(locale, collection.workingHours),
    });
  }
}

/**
 * "明天" with no time: a whole day asked for, and the service hours of that day given. That is what the borrower
 * meant, so it is not put to them as a change.
 */
function namedOnlyTheDay(requested: TimeWindow, fitted: CallbackWindowResult): boolean {
  const from = Date.parse(requested.from);
  const to = Date.parse(requested.to);
  return (
    to - from >= 24 * 3_600_000 &&
    fitted.reasons.length === 1 &&
    fitted.reasons[0] === 'OUTSIDE_SERVICE_HOURS_MOVED' &&
    Date.parse(fitted.from) >= from &&
    Date.parse(fitted.to) <= to
  );
}
