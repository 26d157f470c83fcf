import { randomUUID } from 'node:crypto';
import { MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { AccountService } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import { proposePlans, type AffordableAmount, type PlanAccount, type PlanOutcome, type Proposal } from '../../services/plans/planEngine';
import type { PlanPolicy } from '../../services/plans/planPolicy';
import type { Entity } from '../../services/recognizer/intentRecognizer';
import { localIsoDate } from '../../services/scheduling/zonedTime';
import { loadAccount } from '../account/accountStatusDialog';
import { messageBackAction } from '../cards/adaptiveCards';
import type { FiledRecords } from '../filedRecords';
import { formatDate } from '../format';
import { turnEntities } from '../guidance/turnEntities';
import { VERIFY_IDENTITY_DIALOG, type VerifiedIdentity } from '../identity/verifyIdentityDialog';
import { imBack, intentLabel } from '../menu';
import type { NextActionValue } from '../guidance/nextActions';
import { LOCALES, t, type Locale, type MessageKey } from '../messages';
import type { AsideAnswer, OwnQuestions } from '../routes';
import { turnInfoOrUndefined } from '../turnInfo';
import { ConfirmSubmitDialog, type ConfirmSubmitOptions } from './confirmSubmitDialog';
import { answerPlanTermsAtStep, planTermsAnswer, planTermsAsked, planTermsAtStep } from './planTerms';
import {
  asksForDeferral,
  affordableFromEntities,
  affordableFromTurn,
  monthsFromEntities,
  monthsFromTurn,
  pickOption,
  pickProposal,
  saysAmountUnknown,
  submittedAction,
  submittedValue,
  toldHardship,
  yesNo,
  type ProposalChoice,
} from './planInput';
import {
  PLAN_CHOOSE,
  PLAN_CONFIRM,
  collectionDuringReviewText,
  ineligibleLines,
  owedByLoan,
  planAccountOf,
  planSummaryActivity,
  proposalLabels,
  proposalsActivity,
  splitMonthly,
} from './planText';

export const INSTALLMENT_PLAN_DIALOG = 'plans.installment';
const FLOW = `${INSTALLMENT_PLAN_DIALOG}.flow`;
const SUBMIT = `${INSTALLMENT_PLAN_DIALOG}.submit`;
const REASON_PROMPT = `${INSTALLMENT_PLAN_DIALOG}.reason`;
export const PLAN_AMOUNT_PROMPT = `${INSTALLMENT_PLAN_DIALOG}.amount`;
/** "What if I cannot keep up the plan later?", asked at the confirmation. */
const MISSED_PAYMENT = /(还不上|還不上|还不起|還不起|付不起|没钱还|沒錢還|断供|斷供|没按时还|沒按時還|逾期了?怎么办|逾期了?怎麼辦|can'?t (keep up|pay|make (the|a) payment)|miss(ed)? a payment|fall behind)/i;
/** "Which plan?" after the proposals (a text prompt: a number, a length, a card press). */
export const PLAN_CHOOSE_PROMPT = `${INSTALLMENT_PLAN_DIALOG}.choose`;

export interface InstallmentPlanDeps {
  accounts: AccountService;
  policy: PlanPolicy;
  filedRecords: FiledRecords;
  clock: Clock;
  timeZone: string;
  /** Source of idempotency keys (tests pass a deterministic one). */
  newId?: () => string;
}

/** Optional reasons, offered as buttons; free text is kept as the borrower's own words. */
const REASONS = ['job_loss', 'illness', 'income_drop', 'other'] as const;

interface Values {
  borrowerId?: string;
  account?: PlanAccount;
  reason?: string;
  affordable?: AffordableAmount;
  /** The number of installments asked for ("我想分12期"): that plan first, and no amount asked. */
  preferredCount?: number;
  proposals?: Proposal[];
}

/** A proposal on offer, as the choice prompt keeps it (its id, and what a typed choice may name). */
type OfferedProposal = ProposalChoice & { id: string };

/** What the submit step needs: plain JSON in dialog state. */
interface SubmitOptions extends ConfirmSubmitOptions {
  borrowerId: string;
  proposal: Proposal;
  shares: Array<{ loanId: string; monthlyFen: number }>;
  reason?: string;
}

const localeOf = (context: TurnContext): Locale => turnInfoOrUndefined(context)?.locale ?? 'zh-CN';

/**
 * "还是太多了", "都太高了", "I can't afford any of these": the plans on offer cost too much a month. ("以后还不起怎么办" is
 * a question about a missed payment, answered at the confirmation.)
 */
const TOO_MUCH =
  /(还是|還是|都|也)?(太)(多|高|贵|貴)了?|负担不起|負擔不起|承受不了|还不了这么多|還不了這麼多|\b(too (much|high|expensive)|can'?t afford (it|that|this|these|them|any)|cannot afford (it|that|this|these|them|any)|still too)\b/i;
/** "撤回分期申请", "我不想分期了", "withdraw my plan request": about a request already filed, not a new one. */
const WITHDRAW = /撤回|撤销|撤銷|不想分期了|不要分期了|取消(我的)?(分期)?申[请請]|withdraw|cancel my (plan|installment)? ?(request|application)/i;

/**
 * `installment_plan`: verify → account → eligibility (policy) → optional reason → affordable monthly amount →
 * up to N proposals (card + numbered text) → choose → confirm → plan request filed idempotently → reference,
 * review time and what happens to collection meanwhile. Not eligible: the reasons in plain words, then a person
 * (negotiation) or a hardship review. A proposal or confirm button pressed after the dialog ended gets "already
 * submitted" or "expired", never a second request.
 */
export class InstallmentPlanDialog extends ComponentDialog implements AsideAnswer, OwnQuestions {
  private readonly newId: () => string;

  constructor(private readonly deps: InstallmentPlanDeps) {
    super(INSTALLMENT_PLAN_DIALOG);
    this.newId = deps.newId ?? randomUUID;
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.verifyStep.bind(this),
        this.eligibilityStep.bind(this),
        this.askAmountStep.bind(this),
        this.proposeStep.bind(this),
        this.confirmStep.bind(this),
        this.finalStep.bind(this),
      ]),
    );
    this.addDialog(new TextPrompt(REASON_PROMPT));
    this.addDialog(
      new TextPrompt(PLAN_AMOUNT_PROMPT, async (p) =>
        typeof p.recognized.value === 'string' &&
        (affordableFromTurn(p.context, p.recognized.value, deps.clock.now(), deps.timeZone) !== undefined ||
          monthsFromTurn(p.context, p.recognized.value, deps.clock.now(), deps.timeZone) !== undefined ||
          saysAmountUnknown(p.recognized.value) ||
          asksForDeferral(p.recognized.value)),
      ),
    );
    this.addDialog(new TextPrompt(PLAN_CHOOSE_PROMPT, async (p) => this.chosenIndex(p) !== undefined || TOO_MUCH.test(p.context.activity.text ?? '')));
    this.addDialog(
      new ConfirmSubmitDialog<SubmitOptions>({
        id: SUBMIT,
        action: PLAN_CONFIRM,
        intent: 'installment_plan',
        keys: {
          ask: 'plan.confirm.ask',
          yes: 'plan.confirm.yes',
          no: 'plan.confirm.no',
          retryAsk: 'plan.submitUnavailable',
          retryYes: 'plan.retry.yes',
          unclear: 'plan.confirm.retry',
          notSubmitted: 'plan.notSubmitted',
          failed: 'plan.submitFailed',
        },
        summary: (locale, o, question, buttons) =>
          planSummaryActivity(locale, o.proposal, o.reason, question, { actions: buttons, to: [] }),
        submit: (context, locale, o) => this.submit(context, locale, o),
        questions: [[MISSED_PAYMENT, 'plan.ifMissed']],
      }),
    );
    this.initialDialogId = FLOW;
  }

  /** "分期要手续费吗" at another task's question (a complaint's, a hardship review's): the policy's answer, and that task goes on. */
  async answerAside(context: TurnContext): Promise<boolean> {
    const answer = planTermsAnswer(context, this.deps.policy);
    if (!answer) return false;
    // Still chased during a plan: the complaint, and the request's state, one press away.
    const chased = context.activity.value === undefined && planTermsAsked(context.activity.text).includes('chased');
    const locale = localeOf(context);
    await context.sendActivity(chased ? MessageFactory.suggestedActions((['harassment_complaint', 'account_status', 'human_agent'] as const).map((i) => intentLabel(locale, i)), answer) : answer);
    return true;
  }

  answersOwnQuestion(context: TurnContext): boolean {
    return planTermsAtStep(context, this.deps.policy) !== undefined;
  }

  /** A question about plan terms at any step of the flow (verification included): answered, then the step's question again. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await answerPlanTermsAtStep(innerDc, this.deps.policy)) ?? super.onContinueDialog(innerDc);
  }

  private async verifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = submittedAction(step.context);
    if (action === PLAN_CHOOSE || action === PLAN_CONFIRM) return this.endStale(step);
    if (!action && WITHDRAW.test(step.context.activity.text ?? '')) {
      // Withdrawing a filed request is not something the bot can do: say so, and who can, instead of starting a new one.
      const locale = localeOf(step.context);
      await step.context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'plan.withdraw')));
      return step.endDialog();
    }
    if (!action && toldHardship(step.context.activity.text ?? '')) {
      await step.context.sendActivity(t(localeOf(step.context), 'plan.hardshipHeard'));
      // "我被裁员了…实在还不上了": the reason, in their words, is not asked again.
      (step.values as Values).reason = this.reasonWords(step.context.activity.text ?? '');
    }
    // "分期要手续费吗" / "停息挂账是什么意思" / "我要停息挂账": the policy's answer first, then the steps to the borrower's own plans.
    const answer = planTermsAnswer(step.context, this.deps.policy, { named: true });
    if (answer) await step.context.sendActivity(answer);
    return step.beginDialog(VERIFY_IDENTITY_DIALOG);
  }

  /** A proposal or confirm button from a conversation step that is over: say what became of it. */
  private async endStale(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const filed = (await this.deps.filedRecords.list(step.context)).filter((r) => r.kind === 'plan_request');
    const last = filed[filed.length - 1];
    if (last) {
      await step.context.sendActivity(
        MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'plan.alreadySubmitted', { reference: last.reference })),
      );
    } else {
      await step.context.sendActivity(
        MessageFactory.suggestedActions([intentLabel(locale, 'installment_plan'), intentLabel(locale, 'human_agent')], t(locale, 'plan.cardExpired')),
      );
    }
    return step.endDialog();
  }

  private async eligibilityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const locale = localeOf(step.context);
    const snapshot = await loadAccount(this.deps.accounts, identity.borrowerId, step, locale);
    if (!snapshot) return step.endDialog();
    // One request at a time: a second one would leave reviewers two plans for the same debt (and "我现在有几个分期申请"
    // is answered by the one there is).
    const pending = snapshot.account.planRequests.find((r) => r.status === 'submitted' || r.status === 'under_review');
    if (pending) {
      await step.context.sendActivity(
        MessageFactory.suggestedActions(
          [intentLabel(locale, 'human_agent'), intentLabel(locale, 'account_status')],
          t(locale, 'plan.pending', { reference: pending.reference, answerBy: formatDate(pending.answerBy, locale, '') }),
        ),
      );
      return step.endDialog();
    }
    const values = step.values as Values;
    values.borrowerId = identity.borrowerId;
    values.account = planAccountOf(snapshot.account);
    const outcome = this.propose(values.account);
    if (!outcome.eligible) return this.endIneligible(step, locale, outcome.reasons, values.account);
    // An amount or a length said in the request itself ("每个月只能还一千", "我想分12期"), or at the mobile question, is
    // not asked again.
    const requested = (step.options as { entities?: Entity[] } | undefined)?.entities;
    values.affordable = affordableFromEntities(requested) ?? affordableFromEntities(identity.told);
    values.preferredCount = monthsFromEntities(requested) ?? monthsFromEntities(identity.told);
    if (values.reason) return step.next(values.reason);
    const buttons = [...REASONS.map((r) => t(locale, `plan.reasonOption.${r}` as MessageKey)), t(locale, 'plan.reasonOption.skip')];
    return step.prompt(REASON_PROMPT, { prompt: MessageFactory.suggestedActions(buttons, t(locale, 'plan.askReason')) });
  }

  private async askAmountStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const values = step.values as Values;
    values.reason = this.reasonWords(String(step.result ?? ''));
    if (values.affordable !== undefined || values.preferredCount !== undefined) return step.next();
    return step.prompt(PLAN_AMOUNT_PROMPT, { prompt: t(locale, 'plan.askAmount'), retryPrompt: t(locale, 'plan.retryAmount') });
  }

  private async proposeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const values = step.values as Values;
    if (typeof step.result === 'string' && asksForDeferral(step.result) && affordableFromTurn(step.context, step.result, this.deps.clock.now(), this.deps.timeZone) === undefined) {
      // "我不是要分期，我是想延期到15号一次还清": a deferral is not a plan the bot can offer; a person decides it.
      await step.context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'plan.deferral')));
      return step.endDialog();
    }
    if (typeof step.result === 'string') {
      // The answer to the amount question: an amount, a length ("分12期"), or "not sure".
      values.affordable ??= affordableFromTurn(step.context, step.result, this.deps.clock.now(), this.deps.timeZone);
      values.preferredCount ??= monthsFromTurn(step.context, step.result, this.deps.clock.now(), this.deps.timeZone);
    }
    const outcome = this.propose(values.account!, values.affordable, values.preferredCount);
    if (!outcome.eligible) return this.endIneligible(step, locale, outcome.reasons, values.account!);
    values.proposals = outcome.proposals;
    // No amount ("不知道能还多少"): plans of a few lengths, to choose by what each month would cost.
    const preferred = values.preferredCount === undefined ? undefined : { months: values.preferredCount, counts: this.deps.policy.installmentCounts };
    const cardPrompt = proposalsActivity(locale, outcome, values.affordable, preferred);
    const count = outcome.proposals.length;
    const retryPrompt = { ...cardPrompt, text: count === 1 ? t(locale, 'plan.choose.retryOne') : t(locale, 'plan.choose.retry', { count }) };
    return step.prompt(PLAN_CHOOSE_PROMPT, {
      prompt: cardPrompt,
      retryPrompt,
      validations: { proposals: outcome.proposals.map(({ id, installmentCount, largestInstallmentFen }) => ({ id, installmentCount, largestInstallmentFen })) },
    });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    const proposals = values.proposals ?? [];
    const index = this.pick(step.context, proposals);
    // "还是太多了": none of the plans fits. A person or a hardship review, not the same plans again.
    if (index === undefined && TOO_MUCH.test(step.context.activity.text ?? '')) return this.endTooMuch(step, localeOf(step.context), values);
    const proposal = proposals[index ?? 0];
    const monthly = proposal.largestInstallmentFen;
    const options: SubmitOptions = {
      idempotencyKey: `plan-${this.newId()}`,
      borrowerId: values.borrowerId!,
      proposal,
      shares: splitMonthly(monthly, owedByLoan(values.account!, proposal.loanIds)),
      reason: values.reason,
    };
    return step.beginDialog(SUBMIT, options);
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  private propose(account: PlanAccount, affordable?: AffordableAmount, preferredCount?: number): PlanOutcome {
    return proposePlans({ account, affordable, preferredCount, today: localIsoDate(this.deps.clock.now(), this.deps.timeZone), policy: this.deps.policy });
  }

  /** The review is not asked again for the reason and the amount the borrower told here. */
  private async endTooMuch(step: WaterfallStepContext, locale: Locale, values: Values): Promise<DialogTurnResult> {
    const told = { reason: values.reason, affordable: values.affordable };
    await step.context.sendActivity(MessageFactory.suggestedActions(this.personOrHardshipReview(locale, told), t(locale, 'plan.stillTooMuch')));
    return step.endDialog();
  }

  /** A person, or a formal hardship review (the refused-negotiation route), as buttons. */
  private personOrHardshipReview(locale: Locale, told?: NextActionValue['told']): CardAction[] {
    const hardship = t(locale, 'plan.hardshipButton');
    return [imBack(intentLabel(locale, 'human_agent')), messageBackAction(hardship, { intent: 'negotiation_refused', ...(told ? { told } : {}) }, intentLabel(locale, 'negotiation_refused'))];
  }

  private async endIneligible(step: WaterfallStepContext, locale: Locale, reasons: Parameters<typeof ineligibleLines>[1], account: PlanAccount): Promise<DialogTurnResult> {
    const lines = ineligibleLines(locale, reasons, account, this.deps.policy);
    if (reasons.length === 1 && reasons[0] === 'NOTHING_OWED') {
      await step.context.sendActivity(
        MessageFactory.suggestedActions([intentLabel(locale, 'account_status'), intentLabel(locale, 'human_agent')], [lines[0], t(locale, 'plan.ineligible.nothingOwed')].join('\n')),
      );
      return step.endDialog();
    }
    const text = [t(locale, 'plan.ineligible.intro'), ...lines.map((l) => `• ${l}`), t(locale, 'plan.ineligible.next')].join('\n');
    await step.context.sendActivity(MessageFactory.suggestedActions(this.personOrHardshipReview(locale), text));
    return step.endDialog();
  }

  /** The reason in the borrower's words: a button's label, their own text, or nothing when skipped. */
  private reasonWords(text: string): string | undefined {
    const trimmed = text.trim().slice(0, 2000);
    const skip = LOCALES.map((l) => t(l, 'plan.reasonOption.skip'));
    if (!trimmed || pickOption(trimmed, [skip]) === 0) return undefined;
    return trimmed;
  }

  private chosenIndex(p: PromptValidatorContext<string>): number | undefined {
    const v = p.options.validations as { proposals?: OfferedProposal[]; proposalIds?: string[] } | undefined;
    // A prompt begun before this version kept only the ids (conversation state lives for days across deployments).
    const proposals = v?.proposals ?? (v?.proposalIds ?? []).map((id) => ({ id, installmentCount: 0, largestInstallmentFen: 0 }));
    return this.pick(p.context, proposals);
  }

  /**
   * The proposal picked: a card or button value naming one on offer, a label, its number in the list, its length
   * ("24期那个"), a superlative ("每月最少的那个"), or a yes when only one is on offer.
   */
  private pick(context: TurnContext, proposals: readonly OfferedProposal[]): number | undefined {
    const value = submittedValue(context);
    if (value?.action === PLAN_CHOOSE && typeof value.proposalId === 'string') {
      const i = proposals.findIndex((p) => p.id === value.proposalId);
      if (i >= 0) return i;
    }
    // "好的" to the only plan offered takes it: the confirm step comes next, so nothing is filed on a yes alone.
    if (proposals.length === 1 && yesNo(context.activity.text, { yes: [], no: [] }) === true) return 0;
    const entities = turnEntities(context, this.deps.clock.now(), this.deps.timeZone);
    return pickProposal(context.activity.text, entities, proposals, proposals.map((_, i) => proposalLabels(i)));
  }

  private async submit(context: TurnContext, locale: Locale, o: SubmitOptions): Promise<void> {
    const { proposal } = o;
    const references: string[] = [];
    let answerBy = '';
    for (const share of o.shares) {
      // One request per loan; the key is the dialog's key plus the loan, so each stays idempotent on its own.
      const key = o.shares.length === 1 ? o.idempotencyKey : `${o.idempotencyKey}.${share.loanId}`;
      const record = await this.deps.accounts.createPlanRequest(o.borrowerId, {
        idempotencyKey: key,
        loanId: share.loanId,
        type: 'installment',
        installments: proposal.installmentCount,
        monthlyAmountFen: share.monthlyFen,
        reason: o.reason,
        optionId: proposal.id,
      });
      references.push(record.reference);
      if (record.answerBy > answerBy) answerBy = record.answerBy;
      await this.deps.filedRecords.add(context, { kind: 'plan_request', reference: record.reference, at: record.createdAt, answerBy: record.answerBy });
    }
    const reference = references.join(locale === 'en' ? ', ' : '、');
    const lines = [
      t(locale, 'plan.filed', { reference, days: this.deps.policy.reviewWorkingDays, answerBy: formatDate(answerBy, locale, '') }),
      collectionDuringReviewText(locale, this.deps.policy),
      t(locale, 'plan.filed.next'),
    ];
    await context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], lines.join('\n\n')));
  }
}
