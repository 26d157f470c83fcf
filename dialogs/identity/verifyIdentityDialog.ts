import { MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Clock } from '../../services/clock';
import { isBotError } from '../../services/errors/botError';
import { fullIdInText, idLast6InText, mobileInText, normaliseIdLast6, normaliseMobile, normaliseOneTimeCode, ownMobileInText } from '../../services/identity/identityNormalisers';
import type { VerificationService, VerifyResult } from '../../services/identity/verificationService';
import type { Entity } from '../../services/recognizer/intentRecognizer';
import { formatLocalTime } from '../format';
import { nextActionValueOf } from '../guidance/nextActions';
import { turnEntities } from '../guidance/turnEntities';
import { intentLabel } from '../menu';
import { t, type Locale, type MessageKey } from '../messages';
import { conversationKey, markSensitiveInput, turnInfoOrUndefined } from '../turnInfo';

export const VERIFY_IDENTITY_DIALOG = 'identity.verify';
const MOBILE_PROMPT = 'identity.mobile';
const SECRET_PROMPT = 'identity.secret';
const CODE_PROMPT = 'identity.code';

/** A question about why the ID characters are needed, or whether giving them is safe. */
const WHY_ASKED = /为什么|為什麼|为何|為何|干嘛|幹嘛|干什么|幹什麼|安全|泄露|洩露|泄漏|洩漏|why|safe|secure/i;
/** At the mobile question, a why names what is asked for ("为什么要我的身份证"), or it fears a scam ("是不是想骗我信息"). */
const WHY_VERIFY_NAMES = /身份|身分|手机|手機|号码|號碼|信息|資訊|资料|資料|验证|驗證|核对|核對|\b(id|mobile|phone|number|details|information|verify|verification)\b/i;
const FEARS_A_SCAM = /骗|騙|\b(scam|phishing|fraud)/i;

/** Prompts whose answers are digits (a borrower who types a question there has changed the subject). */
export const DIGIT_PROMPTS: ReadonlySet<string> = new Set([MOBILE_PROMPT, SECRET_PROMPT, CODE_PROMPT]);
/** Prompts whose answer is a secret (ID characters, a one-time code): never shown to an agent or kept in a transcript. */
const SECRET_PROMPTS: ReadonlySet<string> = new Set([SECRET_PROMPT, CODE_PROMPT]);

/**
 * True when `text`, typed while `promptId` is the active prompt, holds a secret: any answer to the ID-characters or
 * one-time-code question, and ID characters typed at the mobile question (alone, or after the mobile). The hand-off
 * gate asks before the prompt runs, so that text is never shown to an agent.
 */
export function isSecretAnswer(promptId: string | undefined, text: string): boolean {
  if (SECRET_PROMPTS.has(promptId ?? '')) return true;
  return promptId === MOBILE_PROMPT && (normaliseIdLast6(text) !== undefined || fullIdInText(text) || mobileInText(text)?.idLast6 !== undefined);
}

/** What the dialog returns: the verified borrower, or undefined when the borrower could not be verified. */
export interface VerifiedIdentity {
  borrowerId: string;
  /**
   * Amounts, lengths and times the borrower told at the mobile question instead of the mobile ("我一个月最多还500",
   * "明天下午三点" when booking a callback): the bot said "we'll come back to it once you are verified", so the task
   * goes on with them instead of asking again.
   */
  told?: Entity[];
}

/** The component's own state, beside its inner dialog stack. */
interface ToldState {
  told?: Entity[];
}

export interface VerifyIdentityDeps {
  verification: VerificationService;
  clock: Clock;
  timeZone: string;
}

export interface VerifyIdentityOptions {
  /** Asking again after a failed attempt (no introduction). */
  retry?: boolean;
  /**
   * The mobile of the attempt that did not match, kept for the next one: the borrower retypes the ID characters, or
   * types the mobile again if that was the mistake. Which of the two was wrong is never said.
   */
  mobile?: string;
  /** The ID characters are asked for again (after ones that did not match). */
  idAgain?: boolean;
}

/**
 * The mobile the borrower already gave in the message that starts verification, so it goes straight to the ID
 * characters: the one a button carried ("verify" typed as the number, "this is my mobile"), or the one a typed
 * request gives as the borrower's own ("帮我查下欠款，手机138…").
 */
function mobileGiven(context: TurnContext): string | undefined {
  if (context.activity.value) return normaliseMobile(nextActionValueOf(context)?.mobile ?? '');
  return ownMobileInText(context.activity.text ?? '');
}

interface Values {
  mobile?: string;
  codeSent?: boolean;
}

const CODE_KEYWORD = /^(验证码|驗證碼|短信|簡訊|短信验证|code|sms)$/i;
const localeOf = (step: { context: WaterfallStepContext['context'] }): Locale => turnInfoOrUndefined(step.context)?.locale ?? 'zh-CN';

/**
 * Confirms who the borrower is before any account detail: registered mobile + last 6 ID characters, or a
 * one-time SMS code. Ends at once when the conversation is already verified (including by a signed host token).
 * Three failures lock verification (the service decides) and the borrower is offered a person.
 */
export class VerifyIdentityDialog extends ComponentDialog {
  constructor(private readonly deps: VerifyIdentityDeps) {
    super(VERIFY_IDENTITY_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${VERIFY_IDENTITY_DIALOG}.flow`, [
        this.askMobileStep.bind(this),
        this.askSecretStep.bind(this),
        this.checkSecretStep.bind(this),
        this.checkCodeStep.bind(this),
      ]),
    );
    this.addDialog(
      new TextPrompt(MOBILE_PROMPT, async (p: PromptValidatorContext<string>) => {
        const text = p.recognized.value ?? '';
        const given = mobileInText(text);
        if (given) {
          if (given.idLast6) markSensitiveInput(p.context);
          return true;
        }
        // The ID characters typed first (often after a failed try), or no attempt at a number at all ("每个月只能还800"):
        // say what this step needs, not "wrong format".
        if (normaliseIdLast6(text) !== undefined || fullIdInText(text)) {
          markSensitiveInput(p.context);
          await p.context.sendActivity(t(localeOf(p), 'identity.mobileBeforeId'));
        } else if (!/\d/.test(text) && (FEARS_A_SCAM.test(text) || (WHY_ASKED.test(text) && WHY_VERIFY_NAMES.test(text)))) {
          // "为什么要我的身份证", "你们是不是想骗我信息": why, what is asked for, what never is.
          await p.context.sendActivity(t(localeOf(p), 'identity.whyMobile'));
        } else if (!/\d{7}/.test(text.replace(/[\s-]/g, ''))) {
          await p.context.sendActivity(t(localeOf(p), 'identity.mobileFirst'));
        }
        return false;
      }),
    );
    this.addDialog(
      new TextPrompt(SECRET_PROMPT, async (p: PromptValidatorContext<string>) => {
        const text = (p.recognized.value ?? '').trim();
        // The mobile typed again (with or without the ID characters) is taken too: after a try that did not match.
        const mobile = mobileInText(text);
        const ok = CODE_KEYWORD.test(text) || idLast6InText(text) !== undefined || mobile !== undefined;
        if (ok && !CODE_KEYWORD.test(text) && (!mobile || mobile.idLast6)) markSensitiveInput(p.context);
        // "为什么要身份证？安全吗": say what the characters are for before asking again.
        if (!ok && WHY_ASKED.test(text) && !/\d/.test(text)) await p.context.sendActivity(t(localeOf(p), 'identity.whyIdLast6'));
        return ok;
      }),
    );
    this.addDialog(
      new TextPrompt(CODE_PROMPT, async (p) => {
        markSensitiveInput(p.context);
        return normaliseOneTimeCode(p.recognized.value ?? '') !== undefined;
      }),
    );
    this.initialDialogId = `${VERIFY_IDENTITY_DIALOG}.flow`;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    this.rememberTold(innerDc);
    return super.onContinueDialog(innerDc);
  }

  protected override async endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const told = (outerDc.activeDialog?.state as ToldState | undefined)?.told;
    const identity = result as VerifiedIdentity | undefined;
    return super.endComponent(outerDc, identity && told ? ({ ...identity, told } satisfies VerifiedIdentity) : result);
  }

  /**
   * An amount, a number of months or a time typed at the mobile question in place of the mobile, kept for the task. Never
   * from a message with a mobile or ID characters in it, nor from the ID or code questions: those are secrets.
   */
  private rememberTold(innerDc: DialogContext): void {
    if (innerDc.activeDialog?.id !== MOBILE_PROMPT) return;
    const text = innerDc.context.activity.text ?? '';
    if (mobileInText(text) || normaliseIdLast6(text) !== undefined) return;
    const told = turnEntities(innerDc.context, this.deps.clock.now(), this.deps.timeZone).filter(
      (e) => e.type === 'money' || e.type === 'installments' || e.type === 'datetime',
    );
    const state = innerDc.parent?.activeDialog?.state as ToldState | undefined;
    if (told.length > 0 && state) state.told = told;
  }

  private async askMobileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step);
    const status = await this.deps.verification.status(conversationKey(step.context));
    if (status.verified) return step.endDialog({ borrowerId: status.borrowerId } satisfies VerifiedIdentity);
    if (status.locked) return this.endLocked(step, locale, status.lockedUntil);
    const options = (step.options ?? {}) as VerifyIdentityOptions;
    if (!options.retry) await step.context.sendActivity(t(locale, 'identity.intro'));
    const given = options.mobile ?? mobileGiven(step.context);
    if (given && !options.mobile) {
      // "我的手机号是138…，身份证后6位…，帮我查一下": both in the request itself, checked straight away (and hidden).
      const both = mobileInText(step.context.activity.text ?? '');
      if (both?.mobile === given && both.idLast6) {
        markSensitiveInput(step.context);
        return step.next(step.context.activity.text);
      }
    }
    if (given) return step.next(given);
    return step.prompt(MOBILE_PROMPT, { prompt: t(locale, 'identity.askMobile'), retryPrompt: t(locale, 'identity.retryMobile') });
  }

  private async askSecretStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step);
    const given = mobileInText(step.result as string);
    (step.values as Values).mobile = given?.mobile;
    // Both in one message ("我的手机是…，身份证后六位…"): check them straight away.
    if (given?.idLast6) return step.next(given.idLast6);
    const again = (step.options as VerifyIdentityOptions | undefined)?.idAgain;
    return step.prompt(SECRET_PROMPT, { prompt: t(locale, again ? 'identity.askIdLast6Again' : 'identity.askIdLast6'), retryPrompt: t(locale, 'identity.retryIdLast6') });
  }

  private async checkSecretStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step);
    const values = step.values as Values;
    const text = (step.result as string).trim();
    const conversation = conversationKey(step.context);
    try {
      if (CODE_KEYWORD.test(text)) {
        const sent = await this.deps.verification.sendOneTimeCode(conversation, values.mobile ?? '');
        if (!sent.ok && sent.reason === 'too_many_codes') {
          const minutes = Math.max(1, Math.ceil(sent.retryAfterMs / 60_000));
          await step.context.sendActivity(
            MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'identity.tooManyCodes', { minutes })),
          );
          return step.endDialog(undefined);
        }
        if (!sent.ok) return this.endLocked(step, locale, sent.lockedUntil);
        values.codeSent = true;
        const minutes = Math.max(1, Math.round((Date.parse(sent.expiresAt) - this.deps.clock.now()) / 60_000));
        await step.context.sendActivity(t(locale, 'identity.codeSent', { mobile: sent.sentTo, minutes }));
        return step.prompt(CODE_PROMPT, { prompt: t(locale, 'identity.askCode'), retryPrompt: t(locale, 'identity.retryCode') });
      }
      const retyped = mobileInText(text);
      if (retyped && !retyped.idLast6) {
        // The mobile typed again at the ID question (it was the mistake): keep it, and ask for the ID characters.
        return step.replaceDialog(this.id, { retry: true, mobile: retyped.mobile } satisfies VerifyIdentityOptions);
      }
      if (retyped) values.mobile = retyped.mobile;
      const result = await this.deps.verification.verify(conversation, values.mobile ?? '', retyped?.idLast6 ?? idLast6InText(text) ?? text);
      return this.afterAttempt(step, locale, result, 'identity.noMatch');
    } catch (err) {
      return this.endUnavailable(step, locale, err);
    }
  }

  private async checkCodeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step);
    try {
      const result = await this.deps.verification.verifyOneTimeCode(conversationKey(step.context), step.result as string);
      return this.afterAttempt(step, locale, result, 'identity.codeWrong');
    } catch (err) {
      return this.endUnavailable(step, locale, err);
    }
  }

  private async afterAttempt(step: WaterfallStepContext, locale: Locale, result: VerifyResult, failureKey: MessageKey): Promise<DialogTurnResult> {
    const { mobile } = step.values as Values;
    (step.values as Values).mobile = undefined;
    if (result.ok) {
      await step.context.sendActivity(t(locale, 'identity.verified'));
      return step.endDialog({ borrowerId: result.borrowerId } satisfies VerifiedIdentity);
    }
    if (result.reason === 'locked' || result.remainingAttempts <= 0) return this.endLocked(step, locale, result.lockedUntil);
    await step.context.sendActivity(t(locale, failureKey, { remaining: result.remainingAttempts }));
    // After ID characters that did not match, the same mobile is kept for the next try (the code path starts over).
    const keep = failureKey === 'identity.noMatch' && mobile ? { mobile, idAgain: true } : {};
    return step.replaceDialog(this.id, { retry: true, ...keep } satisfies VerifyIdentityOptions);
  }

  private async endLocked(step: WaterfallStepContext, locale: Locale, lockedUntil: string | undefined): Promise<DialogTurnResult> {
    const until = lockedUntil ? formatLocalTime(lockedUntil, this.deps.timeZone, this.deps.clock.now()) : '30 min';
    await step.context.sendActivity(
      MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'identity.locked', { until })),
    );
    return step.endDialog(undefined);
  }

  private async endUnavailable(step: WaterfallStepContext, locale: Locale, err: unknown): Promise<DialogTurnResult> {
    if (!isBotError(err, 'ACCOUNT_SERVICE_UNAVAILABLE') && !isBotError(err, 'ACCOUNT_INVALID_RESPONSE')) throw err;
    await step.context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'identity.unavailable')));
    return step.endDialog(undefined);
  }
}
