import { MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type FoundChoice,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { cjkChoicePrompt, yesNoChoices } from '../choices';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { loadAccount } from '../account/accountStatusDialog';
import { verifiedAccount } from '../account/verifiedAccount';
import { VERIFY_IDENTITY_DIALOG, type VerifiedIdentity } from '../identity/verifyIdentityDialog';
import { imBack } from '../menu';
import { t, type Locale } from '../messages';
import { conversationKey } from '../turnInfo';
import { localeOfStep, type GuidanceDeps } from './infoAnswerDialog';
import { posesAsOfficial } from './lawsuitThreatDialog';
import { intentActions, nextAction, nextActionValueOf, sendNext, verifyAction } from './nextActions';
import { displayPhone, firstPhone, samePhone, turnEntities, saysNumberUnknown } from './turnEntities';

export const VERIFY_COLLECTOR_DIALOG = 'guidance.verifyCollector';
const CHECK_FLOW = `${VERIFY_COLLECTOR_DIALOG}.flow`;
const VERIFY_FLOW = `${VERIFY_COLLECTOR_DIALOG}.verifyFlow`;
/** "Which number called you?" (a phone number, or "no number"). */
export const CALLER_NUMBER_PROMPT = `${VERIFY_COLLECTOR_DIALOG}.number`;
const CONFIRM_PROMPT = `${VERIFY_COLLECTOR_DIALOG}.confirm`;
/** After this many unreadable answers the question is dropped instead of asked again. */
const MAX_NUMBER_ATTEMPTS = 3;

export interface VerifyCollectorDeps extends GuidanceDeps {
  /** The lender-wide official numbers (LENDER_OFFICIAL_PHONES, or the demo fixture's); may be empty. */
  officialPhones: readonly string[];
}

interface Values {
  number?: string;
  verified?: boolean;
  /** The opening message told of a request to pay into a personal account (or to pay for 停息挂账 / a "fix"). */
  askedToTransfer?: boolean;
}

/** "让我把钱转到一个个人账户", "交钱就能停息挂账", "asked me to transfer to a personal account". */
const TRANSFER_REQUEST =
  /(个人|個人|私人|对公以外)(账户|帳戶|账号|帳號|卡)|(转|轉)(到|给|給|进|進)?.{0,8}(账户|帳戶|账号|帳號|卡)|(交|付|转|轉).{0,6}(钱|錢|费|費).{0,6}(停息挂账|停息掛帳|消除|修复|修復|撤销|撤銷)|\b(personal|private) account\b|\btransfer\b.{0,30}\baccount\b/i;

/**
 * `verify_collector`: the lender never asks for payment into a personal account or for codes and passwords. A number
 * the borrower gives (in the message or when asked) is first checked, without verification, against the lender-wide
 * list of official numbers: on it → one of ours (still: repay only through the official app). Not on it and not
 * verified → said so (with 110 / 96110), then verification is offered to check it against the official numbers of
 * the team assigned to the account. With no lender-wide list configured (HTTP lender, LENDER_OFFICIAL_PHONES unset)
 * an unverified borrower is asked to verify first. Verified: whether a collection assignment is active and who holds
 * it, and the number checked against that team's numbers (a lender-wide number that is not the team's is named as
 * such). Numbers are compared by digits. Fraud: 110 / 96110.
 */
export class VerifyCollectorDialog extends ComponentDialog {
  constructor(private readonly deps: VerifyCollectorDeps) {
    super(VERIFY_COLLECTOR_DIALOG);
    this.addDialog(
      new WaterfallDialog(CHECK_FLOW, [this.factsStep.bind(this), this.numberStep.bind(this), this.verifyStep.bind(this), this.checkStep.bind(this)]),
    );
    this.addDialog(new WaterfallDialog(VERIFY_FLOW, [this.beginVerifyStep.bind(this), this.assignmentStep.bind(this)]));
    this.addDialog(new TextPrompt(CALLER_NUMBER_PROMPT, this.validateNumber.bind(this)));
    this.addDialog(cjkChoicePrompt(CONFIRM_PROMPT));
    this.initialDialogId = CHECK_FLOW;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (nextActionValueOf(innerDc.context)?.action === 'verify') return innerDc.beginDialog(VERIFY_FLOW, options);
    return super.onBeginDialog(innerDc, options);
  }

  private async validateNumber(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = (prompt.recognized.value ?? '').trim();
    const locale = localeOfStep(prompt.context);
    if (text === t(locale, 'guidance.scam.noNumber') || saysNumberUnknown(text)) return true;
    if (firstPhone(turnEntities(prompt.context, this.deps.clock.now(), this.deps.timeZone))) return true;
    return prompt.attemptCount >= MAX_NUMBER_ATTEMPTS;
  }

  private async factsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    await step.context.sendActivity(t(locale, 'guidance.scam.facts'));
    // "a man called me and said he was from the court": courts and the police do not ask for transfers; 12368 checks.
    if (posesAsOfficial(step.context.activity.text)) await step.context.sendActivity(t(locale, 'guidance.lawsuit.impersonation'));
    (step.values as Values).askedToTransfer = TRANSFER_REQUEST.test(step.context.activity.text ?? '');
    const snapshot = await verifiedAccount(step.context, this.deps);
    (step.values as Values).verified = snapshot !== undefined;
    if (snapshot) await step.context.sendActivity(this.assignmentText(locale, snapshot));
    const phone = nextActionValueOf(step.context)?.number ?? firstPhone(turnEntities(step.context, this.deps.clock.now(), this.deps.timeZone))?.digits;
    if (phone) return step.next(phone);
    return step.prompt(CALLER_NUMBER_PROMPT, {
      prompt: MessageFactory.suggestedActions([imBack(t(locale, 'guidance.scam.noNumber'))], t(locale, 'guidance.scam.askNumber')),
      retryPrompt: MessageFactory.suggestedActions([imBack(t(locale, 'guidance.scam.noNumber'))], t(locale, 'guidance.scam.retryNumber')),
    });
  }

  private async numberStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const values = step.values as Values;
    const given = String(step.result ?? '');
    const digits = /^\d{5,}$/.test(given) ? given : firstPhone(turnEntities(step.context, this.deps.clock.now(), this.deps.timeZone))?.digits;
    if (!digits) return this.close(step, locale, values.verified === true);
    values.number = digits;
    const borrowerId = await this.deps.verification.verifiedBorrowerId(conversationKey(step.context));
    if (borrowerId) return step.next({ borrowerId } satisfies VerifiedIdentity);
    const hasList = this.deps.officialPhones.length > 0;
    if (hasList) {
      const lender = this.lenderOfficial(digits);
      if (lender) {
        await step.context.sendActivity(t(locale, 'guidance.scam.lenderOfficial', { number: lender }));
        await this.warnIfAskedToTransfer(step, locale);
        return this.close(step, locale, false);
      }
      await step.context.sendActivity(t(locale, 'guidance.scam.notLenderOfficial', { number: displayPhone(digits) }));
    }
    return step.prompt(CONFIRM_PROMPT, {
      prompt: t(locale, hasList ? 'guidance.scam.offerVerify' : 'guidance.scam.needVerify'),
      choices: yesNoChoices(t(locale, 'guidance.scam.yes'), t(locale, 'guidance.scam.no')),
      style: ListStyle.suggestedAction,
    });
  }

  private async verifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const result = step.result as VerifiedIdentity | FoundChoice | undefined;
    if (result && 'borrowerId' in result) return step.next(result);
    if (result && 'value' in result && result.value === 'yes') return step.beginDialog(VERIFY_IDENTITY_DIALOG);
    await step.context.sendActivity(t(locale, 'guidance.scam.cannotCheck'));
    return this.close(step, locale, false);
  }

  private async checkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOfStep(step.context);
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const snapshot = await loadAccount(this.deps.accounts, identity.borrowerId, step, locale);
    if (!snapshot) return step.endDialog();
    const number = (step.values as Values).number ?? '';
    const collection = snapshot.account.collection;
    const official = collection?.officialPhones.find((p) => samePhone(p, number));
    const lender = this.lenderOfficial(number);
    const shown = official ?? lender ?? displayPhone(number);
    if (!collection) {
      await step.context.sendActivity(t(locale, lender ? 'guidance.scam.lenderNoAssignment' : 'guidance.scam.noAssignmentNumber', { number: shown }));
    } else if (official) {
      await step.context.sendActivity(t(locale, 'guidance.scam.official', { number: shown, name: collection.name }));
    } else {
      const phones = collection.officialPhones.join(locale === 'en' ? ', ' : '、');
      await step.context.sendActivity(t(locale, lender ? 'guidance.scam.lenderNotTeam' : 'guidance.scam.notOfficial', { number: shown, phones }));
    }
    if (official || lender) await this.warnIfAskedToTransfer(step, locale);
    return this.close(step, locale, true);
  }

  /**
   * An official number that asked for money into a personal account: the request, not the number, decides. Caller
   * ids can be spoofed, and the lender never asks for that.
   */
  private async warnIfAskedToTransfer(step: WaterfallStepContext, locale: Locale): Promise<void> {
    if ((step.values as Values).askedToTransfer) await step.context.sendActivity(t(locale, 'guidance.scam.spoofed'));
  }

  /** The lender-wide official number (as configured) the given number matches by digits, if any. */
  private lenderOfficial(number: string): string | undefined {
    return this.deps.officialPhones.find((p) => samePhone(p, number));
  }

  private async beginVerifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(VERIFY_IDENTITY_DIALOG);
  }

  private async assignmentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const locale = localeOfStep(step.context);
    const snapshot = await loadAccount(this.deps.accounts, identity.borrowerId, step, locale);
    if (!snapshot) return step.endDialog();
    await step.context.sendActivity(this.assignmentText(locale, snapshot));
    return this.close(step, locale, true);
  }

  private assignmentText(locale: Locale, snapshot: AccountSnapshot): string {
    const collection = snapshot.account.collection;
    if (!collection) return t(locale, 'guidance.scam.noAssignment');
    return t(locale, 'guidance.scam.assignment', { name: collection.name, kind: t(locale, `guidance.scam.kind.${collection.kind}`) });
  }

  private async close(step: WaterfallStepContext, locale: Locale, verified: boolean): Promise<DialogTurnResult> {
    await this.sendClose(step.context, locale, verified);
    return step.endDialog();
  }

  private async sendClose(context: TurnContext, locale: Locale, verified: boolean): Promise<void> {
    const actions = [
      nextAction(t(locale, 'guidance.button.complaintCaller'), { intent: 'harassment_complaint', channel: 'phone' }),
      ...intentActions(locale, ['human_agent']),
    ];
    await sendNext(context, locale, 'guidance.scam.next', verified ? actions : [...actions, verifyAction(locale, 'verify_collector')]);
  }
}
