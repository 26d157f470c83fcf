import { createHash } from 'node:crypto';
import type { CardAction, TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AccountService, AccountSnapshot } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import type { VerificationService } from '../../services/identity/verificationService';
import type { Intent } from '../../services/recognizer/intentRecognizer';
import { loadAccount } from '../account/accountStatusDialog';
import { verifiedAccount } from '../account/verifiedAccount';
import { VERIFY_IDENTITY_DIALOG, type VerifiedIdentity } from '../identity/verifyIdentityDialog';
import { t, type Locale, type MessageKey } from '../messages';
import type { AsideAnswer, RouteOptions } from '../routes';
import { turnInfo, turnInfoOrUndefined } from '../turnInfo';
import { nextActionValueOf, sendNext, verifyAction } from './nextActions';

export interface GuidanceDeps {
  accounts: AccountService;
  verification: VerificationService;
  clock: Clock;
  timeZone: string;
}

export const localeOfStep = (context: TurnContext): Locale => turnInfoOrUndefined(context)?.locale ?? 'zh-CN';

/** The topics a message names (each a message key and the cue that names it); all of them when it names none. */
export function topicsAsked(text: string, topics: ReadonlyArray<readonly [MessageKey, RegExp]>): MessageKey[] {
  const asked = topics.filter(([, cue]) => cue.test(text)).map(([key]) => key);
  return asked.length > 0 ? asked : topics.map(([key]) => key);
}

/**
 * An information answer: general facts for everyone first, then the borrower's own situation when the conversation
 * is already verified, then next steps as buttons. Unverified borrowers get a "verify and see my account" button;
 * pressing it verifies and shows only the personal part. Never prompts for identity on its own.
 */
export abstract class InfoAnswerDialog extends ComponentDialog implements AsideAnswer {
  constructor(
    id: string,
    private readonly intent: Intent,
    protected readonly deps: GuidanceDeps,
  ) {
    super(id);
    this.addDialog(new WaterfallDialog(`${id}.flow`, [this.answerStep.bind(this), this.afterVerifyStep.bind(this)]));
    this.initialDialogId = `${id}.flow`;
  }

  /** The general facts, one message each. */
  protected abstract facts(context: TurnContext, locale: Locale, options: RouteOptions): string[];
  /**
   * What to say again when the borrower asks the same thing right after the answer ("如果他们真来了怎么办" after the
   * doorstep answer): the part they can act on. Undefined: only that the last answer still applies.
   */
  protected essentials(_locale: Locale): string | undefined {
    return undefined;
  }
  /** The personal part for a verified borrower. */
  protected abstract sendPersonal(context: TurnContext, locale: Locale, snapshot: AccountSnapshot): Promise<void>;
  /** The closing line and its buttons (without the verify button, which is added when unverified). */
  protected abstract next(context: TurnContext, locale: Locale, options: RouteOptions, snapshot?: AccountSnapshot): { key: MessageKey; actions: CardAction[] };

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const pressed = nextActionValueOf(step.context);
    if (pressed?.action === 'verify') return step.beginDialog(VERIFY_IDENTITY_DIALOG);
    const locale = localeOfStep(step.context);
    const options = (step.options ?? {}) as RouteOptions;
    const snapshot = await this.answer(step.context, locale, options);
    if (!snapshot) await step.context.sendActivity(t(locale, 'guidance.verifyHint'));
    await this.close(step.context, locale, options, snapshot);
    return step.endDialog();
  }

  /**
   * The answer without its closing line and buttons, for a question asked beside another task (in the middle of it,
   * or in the same message): the general facts, then the borrower's own part when verified.
   */
  async answerAside(context: TurnContext, options: RouteOptions): Promise<true> {
    await this.answer(context, localeOfStep(context), options);
    return true;
  }

  /**
   * The facts, or, when they are the very facts the bot's last answer gave ("他们真的会来吗" right after the doorstep
   * answer), one line saying they still apply (with the essentials, if any) instead of the same long answer again.
   * Then the borrower's own part.
   */
  private async answer(context: TurnContext, locale: Locale, options: RouteOptions): Promise<AccountSnapshot | undefined> {
    const facts = this.facts(context, locale, options);
    const info = turnInfo(context);
    // A short digest, not the text: it is kept in the conversation state for one turn.
    const said = createHash('sha1').update(facts.join('\n')).digest('base64url').slice(0, 16);
    if (said === info.factsBefore) {
      const essentials = this.essentials(locale);
      await context.sendActivity(essentials ? `${t(locale, 'guidance.stillAppliesMost')}\n${essentials}` : t(locale, 'guidance.stillApplies'));
    }
    else for (const text of facts) await context.sendActivity(text);
    info.factsSent = said;
    const snapshot = await verifiedAccount(context, this.deps);
    if (snapshot) await this.sendPersonal(context, locale, snapshot);
    return snapshot;
  }

  private async afterVerifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const locale = localeOfStep(step.context);
    const snapshot = await loadAccount(this.deps.accounts, identity.borrowerId, step, locale);
    if (snapshot) {
      await this.sendPersonal(step.context, locale, snapshot);
      await this.close(step.context, locale, {}, snapshot);
    }
    return step.endDialog();
  }

  /** "那我该怎么办" right after this answer: its next steps again (with the verify button when not verified), not the facts. */
  async nextSteps(context: TurnContext): Promise<void> {
    await this.close(context, localeOfStep(context), {}, await verifiedAccount(context, this.deps));
  }

  private async close(context: TurnContext, locale: Locale, options: RouteOptions, snapshot: AccountSnapshot | undefined): Promise<void> {
    const { key, actions } = this.next(context, locale, options, snapshot);
    await sendNext(context, locale, key, snapshot ? actions : [...actions, verifyAction(locale, this.intent)]);
  }
}
