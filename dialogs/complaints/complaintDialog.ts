import { randomUUID } from 'node:crypto';
import { MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  type Choice,
  type DialogTurnResult,
  type FoundChoice,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { cjkChoicePrompt, yesNoChoices } from '../choices';
import type { AccountService } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import { isBotError } from '../../services/errors/botError';
import type { VerificationService } from '../../services/identity/verificationService';
import type { FiledRecords } from '../filedRecords';
import { localeOfStep } from '../guidance/infoAnswerDialog';
import { intentActions, nextActionValueOf } from '../guidance/nextActions';
import { firstPhone, maskedPhone, turnEntities, saysNumberUnknown } from '../guidance/turnEntities';
import { maskPii } from '../../services/logging/mask';
import { VERIFY_IDENTITY_DIALOG, type VerifiedIdentity } from '../identity/verifyIdentityDialog';
import { imBack, intentLabel, intentOfLabel } from '../menu';
import { t, type Locale, type MessageKey } from '../messages';
import type { RouteOptions } from '../routes';
import { conversationKey, turnInfoOrUndefined } from '../turnInfo';
import type { Intent } from '../../services/recognizer/intentRecognizer';
import {
  CHANNELS,
  asksIfAllowed,
  asksToStopContact,
  CHANNEL_SYNONYMS,
  CONTACTED_SYNONYMS,
  CONTACTED,
  channelMentioned,
  complaintCategory,
  complaintPriority,
  contactedMentioned,
  namesRegulator,
  openingDescription,
  pastDateOf,
  saysWhenUnknown,
  saysWhenVaguely,
  type ComplaintCategory,
  type ComplaintChannel,
  type Contacted,
} from './complaintFacts';

export const COMPLAINT_DIALOG = 'complaints.intake';
const FLOW = `${COMPLAINT_DIALOG}.flow`;
/** The "what happened" question: its answer is the complaint as the borrower tells it. */
export const COMPLAINT_WHAT_PROMPT = `${COMPLAINT_DIALOG}.what`;
const WHEN_PROMPT = `${COMPLAINT_DIALOG}.when`;
const CHANNEL_PROMPT = `${COMPLAINT_DIALOG}.channel`;
const WHO_PROMPT = `${COMPLAINT_DIALOG}.who`;
const NUMBER_PROMPT = `${COMPLAINT_DIALOG}.number`;
const VERIFY_PROMPT = `${COMPLAINT_DIALOG}.verify`;
const RETRY_PROMPT = `${COMPLAINT_DIALOG}.retry`;
/** Longest description kept (the lender accepts 4000) and echoed back. */
const MAX_DESCRIPTION = 2000;
/** After this many answers the date or number question cannot read, the complaint goes on without it (never stuck). */
const MAX_UNREAD_ANSWERS = 3;
const ECHO_CHARS = 80;

export interface ComplaintDeps {
  accounts: AccountService;
  verification: VerificationService;
  filedRecords: FiledRecords;
  clock: Clock;
  timeZone: string;
  /** Idempotency keys (default: random UUIDs). */
  newKey?: () => string;
}

/** Dialog state: plain JSON. */
interface Values {
  idempotencyKey: string;
  presetCategory?: ComplaintCategory;
  description?: string;
  occurredOn?: string | null;
  /** When it happened in the borrower's words, with no day to file ("上周", "最近一直这样"). */
  whenInWords?: string;
  channel?: ComplaintChannel;
  contacted?: Contacted;
  callerNumber?: string | null;
  borrowerId?: string;
}

const CJK = /[\u3400-\u9fff]/g;

/** What the "when?" prompt's validator is told. */
interface WhenValidations {
  moreToTell: boolean;
}

/**
 * `harassment_complaint` (also started from the lawsuit-threat, doorstep-visit and caller-check answers): empathy
 * first; then what happened, when, which channel, who was contacted, the caller's number if known, each checked with
 * a clear retry; then a complaint filed on the verified borrower's account (idempotently: the key lives in dialog
 * state), with its reference, the 15-day answer deadline, 12378 / 110, the evidence to keep and a person offered.
 * The lender files complaints only against a borrower id, so an unverified borrower is asked to verify; declining
 * (or failing) leaves nothing filed and says so plainly, with a person (who can take it, P1) and the outside channels.
 */
export class ComplaintDialog extends ComponentDialog {
  private readonly newKey: () => string;

  constructor(private readonly deps: ComplaintDeps) {
    super(COMPLAINT_DIALOG);
    this.newKey = deps.newKey ?? randomUUID;
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.askWhatStep.bind(this),
        this.askWhenStep.bind(this),
        this.moreToTellStep.bind(this),
        this.askChannelStep.bind(this),
        this.askWhoStep.bind(this),
        this.askNumberStep.bind(this),
        this.summaryStep.bind(this),
        this.verifyStep.bind(this),
        this.fileStep.bind(this),
        this.retryStep.bind(this),
      ]),
    );
    this.addDialog(new TextPrompt(COMPLAINT_WHAT_PROMPT, async (p) => describes(p.recognized.value ?? '')));
    this.addDialog(new TextPrompt(WHEN_PROMPT, this.validateWhen.bind(this)));
    this.addDialog(cjkChoicePrompt(CHANNEL_PROMPT));
    this.addDialog(cjkChoicePrompt(WHO_PROMPT));
    this.addDialog(new TextPrompt(NUMBER_PROMPT, this.validateNumber.bind(this)));
    this.addDialog(cjkChoicePrompt(VERIFY_PROMPT));
    this.addDialog(cjkChoicePrompt(RETRY_PROMPT));
    this.initialDialogId = FLOW;
  }

  private async askWhatStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const pressed = nextActionValueOf(step.context);
    const values = step.values as Values;
    values.idempotencyKey = this.newKey();
    values.presetCategory = pressed?.category;
    values.channel = pressed?.channel;
    // Chosen from "did you mean…?": the message that question was about, not the button's label.
    const asked = (step.options as RouteOptions | undefined)?.asked;
    const typed = (intentOfLabel(step.context.activity.text ?? '') && asked) || step.context.activity.text || '';
    if (!pressed && !intentOfLabel(typed) && asksIfAllowed(typed)) {
      // "催收一天打几十个电话合法吗": a question about the rules gets them, and the complaint is offered, not begun.
      return this.rulesInstead(step, locale, 'complaints.rulesOffer', ['harassment_complaint', 'human_agent']);
    }
    if (!pressed && !intentOfLabel(typed) && asksToStopContact(typed)) {
      // "别再打电话了" / "我在上班，别打电话": the bot cannot stop the calls itself. The rules, then a complaint, a person
      // (a time or way to be reached) or a plan offered; no intake begun for what has not been told.
      await step.context.sendActivity(t(locale, 'complaints.stopRequest'));
      return this.rulesInstead(step, locale, 'complaints.stopRequestOffer', ['harassment_complaint', 'human_agent', 'installment_plan']);
    }
    await step.context.sendActivity(t(locale, 'complaints.empathy'));
    // "我要去监管局投诉你们": that is the borrower's right, and where it stands beside a complaint to us.
    if (!pressed && namesRegulator(step.context.activity.text ?? '')) await step.context.sendActivity(t(locale, 'complaints.regulator'));
    // A typed opening that already tells what happened is the description, with the day, the channel and who was
    // contacted when it names them; the borrower is asked only for the rest.
    const opening = pressed || intentOfLabel(typed) ? undefined : openingDescription(typed);
    if (opening) {
      values.occurredOn = this.dateOf(step, opening);
      values.channel ??= channelMentioned(opening);
      values.contacted = contactedMentioned(opening);
      // "一个13912345678的号码打电话给我妈": the caller's number is not asked for again.
      values.callerNumber = firstPhone(turnEntities(step.context, this.deps.clock.now(), this.deps.timeZone))?.digits;
      // Day, channel, person and number all told: nothing more to ask, so no "a few more questions".
      const told = values.occurredOn && values.channel && values.contacted && values.callerNumber;
      await step.context.sendActivity(t(locale, told ? 'complaints.notedAll' : 'complaints.noted', { description: echo(opening) }));
      return step.next(opening);
    }
    return step.prompt(COMPLAINT_WHAT_PROMPT, { prompt: t(locale, 'complaints.askWhat'), retryPrompt: t(locale, 'complaints.retryWhat') });
  }

  /** The collection rules and what the borrower can do next, instead of an intake. */
  private async rulesInstead(step: WaterfallStepContext, locale: Locale, offerKey: MessageKey, offer: readonly Intent[]): Promise<DialogTurnResult> {
    await step.context.sendActivity(t(locale, 'complaints.rules'));
    await step.context.sendActivity(MessageFactory.suggestedActions(offer.map((i) => intentLabel(locale, i)), t(locale, offerKey)));
    return step.endDialog();
  }

  private async askWhenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const values = step.values as Values;
    values.description = String(step.result).trim().slice(0, MAX_DESCRIPTION);
    // What they told names the channel or who was contacted ("he called my boss"): not asked again.
    values.channel ??= channelMentioned(values.description);
    values.contacted ??= contactedMentioned(values.description);
    if (values.occurredOn) return step.next();
    return this.promptWhen(step, locale, { moreToTell: true });
  }

  /**
   * The answer to "when?" that tells more of what happened instead ("我爸都气病了"): it is added to the description
   * (with the channel and who was contacted, if it names them), and "when?" is asked once more.
   */
  private async moreToTellStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    const text = typeof step.result === 'string' ? step.result.trim() : '';
    if (values.occurredOn !== undefined || !addsToTheStory(step.context, text) || this.dateOf(step, text) !== undefined || saysWhenVaguely(text)) {
      return step.next(step.result);
    }
    const locale = localeOfStep(step.context);
    values.description = `${values.description ?? ''}\n${text}`.trim().slice(0, MAX_DESCRIPTION);
    values.channel ??= channelMentioned(text);
    values.contacted ??= contactedMentioned(text);
    await step.context.sendActivity(t(locale, 'complaints.notedMore', { description: echo(text) }));
    return this.promptWhen(step, locale, { moreToTell: false });
  }

  /** "When did it happen?", with "I don't remember" as a button. `moreToTell`: an answer that tells more of the story is taken too. */
  private promptWhen(step: WaterfallStepContext, locale: Locale, validations: WhenValidations): Promise<DialogTurnResult> {
    const unknown = [imBack(t(locale, 'complaints.whenUnknown'))];
    return step.prompt(WHEN_PROMPT, {
      prompt: MessageFactory.suggestedActions(unknown, t(locale, 'complaints.askWhen')),
      retryPrompt: MessageFactory.suggestedActions(unknown, t(locale, 'complaints.retryWhen')),
      validations,
    });
  }

  private async askChannelStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const values = step.values as Values;
    if (values.occurredOn === undefined) {
      const answer = typeof step.result === 'string' ? step.result.trim() : '';
      values.occurredOn = this.dateOf(step, answer) ?? null;
      // "上周": no day to file, but the borrower's words for when, shown in the summary and filed with the description.
      if (!values.occurredOn && saysWhenVaguely(answer)) values.whenInWords = answer.slice(0, 20);
      // "昨天下午，一个自称是法务部的人": the day, and more of what happened, which the agent should read too.
      if (values.occurredOn && this.tellsMoreThanWhen(step.context)) {
        values.description = `${values.description ?? ''}\n${answer}`.trim().slice(0, MAX_DESCRIPTION);
        values.channel ??= channelMentioned(answer);
        values.contacted ??= contactedMentioned(answer);
      }
    }
    if (values.channel) return step.next();
    return step.prompt(CHANNEL_PROMPT, {
      prompt: t(locale, 'complaints.askChannel'),
      retryPrompt: t(locale, 'complaints.retryChannel'),
      choices: choices(locale, CHANNELS, 'complaints.channel', CHANNEL_SYNONYMS),
      style: ListStyle.suggestedAction,
    });
  }

  private async askWhoStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const values = step.values as Values;
    if (step.result) values.channel = (step.result as FoundChoice).value as ComplaintChannel;
    if (values.contacted) return step.next();
    return step.prompt(WHO_PROMPT, {
      prompt: t(locale, 'complaints.askWho'),
      retryPrompt: t(locale, 'complaints.retryWho'),
      choices: choices(locale, CONTACTED, 'complaints.who', CONTACTED_SYNONYMS),
      style: ListStyle.suggestedAction,
    });
  }

  private async askNumberStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const values = step.values as Values;
    if (step.result) values.contacted = (step.result as FoundChoice).value as Contacted;
    if (values.callerNumber) return step.next();
    const unknown = [imBack(t(locale, 'complaints.numberUnknown'))];
    return step.prompt(NUMBER_PROMPT, {
      prompt: MessageFactory.suggestedActions(unknown, t(locale, 'complaints.askNumber')),
      retryPrompt: MessageFactory.suggestedActions(unknown, t(locale, 'complaints.retryNumber')),
    });
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const values = step.values as Values;
    values.callerNumber ||= firstPhone(turnEntities(step.context, this.deps.clock.now(), this.deps.timeZone))?.digits ?? null;
    await step.context.sendActivity(this.summary(locale, values));
    const borrowerId = await this.deps.verification.verifiedBorrowerId(conversationKey(step.context));
    if (borrowerId) return step.next({ borrowerId } satisfies VerifiedIdentity);
    return step.prompt(VERIFY_PROMPT, {
      prompt: t(locale, 'complaints.askVerify'),
      choices: yesNoChoices(t(locale, 'complaints.yes'), t(locale, 'complaints.no'), ['验证', '驗證', 'verify']),
      style: ListStyle.suggestedAction,
    });
  }

  private async verifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const result = step.result as VerifiedIdentity | FoundChoice | undefined;
    if (result && 'borrowerId' in result) return step.next(result);
    if (result && 'value' in result && result.value === 'yes') return step.beginDialog(VERIFY_IDENTITY_DIALOG);
    return this.endNotFiled(step, locale, 'complaints.notFiled');
  }

  private async fileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const identity = step.result as VerifiedIdentity | undefined;
    // A failed or locked verification has already told the borrower why and offered a person.
    if (!identity) return this.endNotFiled(step, locale);
    (step.values as Values).borrowerId = identity.borrowerId;
    if (await this.file(step, locale)) return step.endDialog();
    // The lender did not answer: it may or may not have stored the complaint. A retry with the same key is safe.
    const again = t(locale, 'complaints.tryAgain');
    return step.prompt(RETRY_PROMPT, {
      prompt: t(locale, 'complaints.retryFiling'),
      choices: [{ value: 'retry', action: imBack(again), synonyms: [again, '好', '好的', '可以', '是', 'yes', 'ok'] }],
      style: ListStyle.suggestedAction,
    });
  }

  private async retryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    if (await this.file(step, locale)) return step.endDialog();
    return this.endNotFiled(step, locale, 'complaints.unavailable');
  }

  /** File the complaint (idempotently: the key was made when the intake began). False when the lender is unavailable. */
  private async file(step: WaterfallStepContext, locale: Locale): Promise<boolean> {
    const values = step.values as Values;
    const category = complaintCategory(values.description ?? '', values.contacted ?? 'self', values.presetCategory);
    try {
      const complaint = await this.deps.accounts.createComplaint(values.borrowerId!, {
        idempotencyKey: values.idempotencyKey,
        category,
        description: [values.description ?? '', values.whenInWords ? t('zh-CN', 'complaints.whenInWords', { when: values.whenInWords }) : '']
          .join('\n')
          .trim()
          .slice(0, MAX_DESCRIPTION),
        occurredOn: values.occurredOn ?? undefined,
        channel: values.channel,
        contactedPersons: t('zh-CN', `complaints.who.${values.contacted ?? 'self'}` as MessageKey),
        callerNumber: values.callerNumber ?? undefined,
        priority: complaintPriority(category),
      });
      await this.deps.filedRecords.add(step.context, { kind: 'complaint', reference: complaint.reference, at: complaint.createdAt, answerBy: complaint.answerBy });
      const lines = [t(locale, 'complaints.filed', { reference: complaint.reference, answerBy: complaint.answerBy })];
      if (complaint.priority === 'high') lines.push(t(locale, 'complaints.priority'));
      await step.context.sendActivity(lines.join(locale === 'en' ? ' ' : ''));
      await this.sendAfterCare(step, locale);
      return true;
    } catch (err) {
      if (isBotError(err, 'ACCOUNT_SERVICE_UNAVAILABLE') || isBotError(err, 'ACCOUNT_INVALID_RESPONSE')) return false;
      // Unknown borrower or a rejected body: retrying cannot help.
      if (isBotError(err, 'ACCOUNT_NOT_FOUND') || isBotError(err, 'BAD_INPUT') || isBotError(err, 'IDEMPOTENCY_CONFLICT')) {
        await this.sendNotFiled(step, locale, 'complaints.unavailable');
        return true;
      }
      throw err;
    }
  }

  /** Not filed: say so (when not already said), then the outside channels, the evidence to keep and a person. */
  private async endNotFiled(step: WaterfallStepContext, locale: Locale, key?: MessageKey): Promise<DialogTurnResult> {
    await this.sendNotFiled(step, locale, key);
    return step.endDialog();
  }

  private async sendNotFiled(step: WaterfallStepContext, locale: Locale, key?: MessageKey): Promise<void> {
    if (key) await step.context.sendActivity(t(locale, key));
    await this.sendAfterCare(step, locale, false);
  }

  /** The outside channels (with nothing filed there is no answer date to wait for), the evidence, a person. */
  private async sendAfterCare(step: WaterfallStepContext, locale: Locale, filed = true): Promise<void> {
    await step.context.sendActivity(t(locale, filed ? 'complaints.external' : 'complaints.externalNotFiled'));
    await step.context.sendActivity(t(locale, 'complaints.evidence'));
    await step.context.sendActivity(MessageFactory.suggestedActions(intentActions(locale, ['human_agent']), t(locale, 'complaints.offerPerson')));
  }

  private summary(locale: Locale, values: Values): string {
    const notKnown = t(locale, 'complaints.notKnown');
    return t(locale, 'complaints.summary', {
      description: echo(values.description ?? ''),
      date: values.occurredOn ?? values.whenInWords ?? notKnown,
      channel: t(locale, `complaints.channel.${values.channel ?? 'other'}` as MessageKey),
      who: t(locale, `complaints.who.${values.contacted ?? 'self'}` as MessageKey),
      number: values.callerNumber ? maskedPhone(values.callerNumber) : notKnown,
    });
  }

  private dateOf(step: WaterfallStepContext, text: string): string | undefined {
    const now = this.deps.clock.now();
    return pastDateOf(text, turnEntities(step.context, now, this.deps.timeZone), now, this.deps.timeZone);
  }

  /** The answer to "when?" says more than the time: four Chinese characters (or three words) outside its dates. */
  private tellsMoreThanWhen(context: TurnContext): boolean {
    const text = context.activity.text ?? '';
    const dates = turnEntities(context, this.deps.clock.now(), this.deps.timeZone).filter((e) => e.type === 'datetime');
    let rest = '';
    let at = 0;
    for (const date of [...dates].sort((a, b) => a.start - b.start)) {
      rest += text.slice(at, Math.max(at, date.start));
      at = Math.max(at, date.end);
    }
    rest += text.slice(at);
    return (rest.match(CJK)?.length ?? 0) >= 4 || (rest.match(/[a-z]+/gi)?.length ?? 0) >= 3;
  }

  private async validateWhen(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = (prompt.recognized.value ?? '').trim();
    if (text === t(localeOfStep(prompt.context), 'complaints.whenUnknown') || saysWhenUnknown(text) || saysWhenVaguely(text)) return true;
    const now = this.deps.clock.now();
    if (pastDateOf(text, turnEntities(prompt.context, now, this.deps.timeZone), now, this.deps.timeZone) !== undefined) return true;
    if ((prompt.options.validations as WhenValidations | undefined)?.moreToTell && addsToTheStory(prompt.context, text)) return true;
    return prompt.attemptCount >= MAX_UNREAD_ANSWERS;
  }

  private async validateNumber(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = (prompt.recognized.value ?? '').trim();
    if (text === t(localeOfStep(prompt.context), 'complaints.numberUnknown') || saysNumberUnknown(text)) return true;
    if (firstPhone(turnEntities(prompt.context, this.deps.clock.now(), this.deps.timeZone))) return true;
    return prompt.attemptCount >= MAX_UNREAD_ANSWERS;
  }
}

/** The description as echoed back (summary, "noted"): its first ECHO_CHARS characters, phone, ID and card numbers masked. */
function echo(description: string): string {
  return maskPii(description.length > ECHO_CHARS ? `${description.slice(0, ECHO_CHARS)}…` : description);
}

/** What the recogniser may make of more of the story: the collector's conduct. */
const STORY_INTENTS = new Set<Intent>(['harassment_complaint', 'lawsuit_threat', 'doorstep_visit', 'negotiation_refused', 'cannot_reach_collector']);
/** Below this, the recogniser places the words nowhere in particular ("我爸都气病了": goodbye 0.28). */
const UNPLACED = 0.5;

/**
 * More of what happened, told at a later question ("我爸都气病了"): words (not digits), not a question, not a button's
 * words, and not something the recogniser places elsewhere ("我想分期", "好的").
 */
function addsToTheStory(context: TurnContext, text: string): boolean {
  const words = (text.match(CJK)?.length ?? 0) >= 2 || (text.match(/[a-z]/gi)?.length ?? 0) >= 4;
  if (!words || /[吗嗎呢？?]\s*$/.test(text) || saysWhenUnknown(text) || intentOfLabel(text) !== undefined) return false;
  const recognition = turnInfoOrUndefined(context)?.recognition;
  return !recognition || STORY_INTENTS.has(recognition.intent) || recognition.score < UNPLACED;
}

/** A description worth filing: a few characters at least (two Chinese characters, or four otherwise). */
function describes(text: string): boolean {
  const trimmed = text.trim();
  return (trimmed.match(CJK)?.length ?? 0) >= 2 || trimmed.replace(/[\s\p{P}]/gu, '').length >= 4;
}

function choices<K extends string>(locale: Locale, keys: readonly K[], prefix: string, synonyms?: Record<K, string[]>): Choice[] {
  return keys.map((key) => {
    const title = t(locale, `${prefix}.${key}` as MessageKey);
    return { value: key, action: imBack(title), synonyms: [title, ...(synonyms?.[key] ?? [])] };
  });
}
