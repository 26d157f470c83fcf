import { randomUUID } from 'node:crypto';
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
import { formatFen, type HardshipReviewBody } from '../../services/accounts/accountSchemas';
import type { AccountService } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import type { PlanPolicy } from '../../services/plans/planPolicy';
import { loadAccount } from '../account/accountStatusDialog';
import { cardActivity, checkedItems, checklistCard, messageBackAction, summaryCard, type CardFact } from '../cards/adaptiveCards';
import type { FiledRecords } from '../filedRecords';
import { formatDate } from '../format';
import { VERIFY_IDENTITY_DIALOG, type VerifiedIdentity } from '../identity/verifyIdentityDialog';
import { nextActionValueOf, type NextActionValue } from '../guidance/nextActions';
import { intentLabel, wantsHardshipReview } from '../menu';
import { LOCALES, t, type Locale, type MessageKey } from '../messages';
import type { OwnQuestions, RouteOptions } from '../routes';
import { turnInfoOrUndefined } from '../turnInfo';
import { ConfirmSubmitDialog, type ConfirmSubmitOptions } from './confirmSubmitDialog';
import { answerPlanTermsAtStep, planTermsAtStep, type PlanTerm } from './planTerms';
import type { AffordableAmount } from '../../services/plans/planEngine';
import { affordableFromEntities, affordableFromTurn, numberList, pickOption, saysAmountUnknown, submittedAction, submittedValue } from './planInput';

export const HARDSHIP_REVIEW_DIALOG = 'plans.hardship';
const FLOW = `${HARDSHIP_REVIEW_DIALOG}.flow`;
const SUBMIT = `${HARDSHIP_REVIEW_DIALOG}.submit`;
const REASON_PROMPT = `${HARDSHIP_REVIEW_DIALOG}.reason`;
/** The hardship description: its answer is taken as written. */
export const HARDSHIP_DESCRIPTION_PROMPT = `${HARDSHIP_REVIEW_DIALOG}.description`;
export const HARDSHIP_AMOUNT_PROMPT = `${HARDSHIP_REVIEW_DIALOG}.amount`;
const DOCUMENTS_PROMPT = `${HARDSHIP_REVIEW_DIALOG}.documents`;

/** Button values of this dialog (they name the intent, so a late press routes back here). */
const DOCUMENTS_ACTION = 'hardship.documents';
const CONFIRM_ACTION = 'hardship.confirm';
const INTENT = 'negotiation_refused' as const;

export interface HardshipReviewDeps {
  accounts: AccountService;
  /** The repayment-plan policy: "能不能停息" / "罚息能免吗" at a step is answered from it. */
  policy: PlanPolicy;
  filedRecords: FiledRecords;
  clock: Clock;
  timeZone: string;
  newId?: () => string;
}

type Reason = HardshipReviewBody['reason'];
/** Plan terms this review does not answer: the plan review time is not this review's. */
const NOT_THIS_REVIEWS: readonly PlanTerm[] = ['review'];
const REASONS: Reason[] = ['job_loss', 'illness', 'income_drop', 'family', 'disaster', 'other'];

type DocumentKey = 'jobLossProof' | 'medicalRecords' | 'incomeStatement' | 'familyProof' | 'disasterProof' | 'otherProof';
/** Documents commonly requested for each hardship (domain.md §6: proof of hardship plus income statements). */
const DOCUMENTS: Record<Reason, DocumentKey[]> = {
  job_loss: ['jobLossProof', 'incomeStatement'],
  illness: ['medicalRecords', 'incomeStatement'],
  income_drop: ['incomeStatement'],
  family: ['familyProof', 'incomeStatement'],
  disaster: ['disasterProof', 'incomeStatement'],
  other: ['incomeStatement', 'otherProof'],
};

/**
 * The reason a description in the borrower's own words names, most specific first ("被裁员了，家里还有老人要养" is a
 * job loss), so the documents asked for fit it. The words themselves stay the description.
 */
const REASON_WORDS: [Reason, RegExp][] = [
  ['job_loss', /失业|失業|没工作|沒工作|没了工作|沒了工作|丢了工作|丟了工作|被裁|裁员|裁員|辞退|辭退|开除|開除|下岗|下崗|lost (my|his|her) job|laid off|unemployed|got fired|was fired|out of work/i],
  ['illness', /生病|病了|住院|手术|手術|受伤|受傷|治疗|治療|看病|重病|癌|\bill\b|illness|sick|hospital|surgery|injur/i],
  ['disaster', /火灾|火災|洪水|水灾|水災|地震|车祸|車禍|意外|灾害|災害|accident|flood|fire|earthquake|disaster/i],
  ['family', /离婚|離婚|去世|过世|過世|家里出事|家裡出事|家庭变故|家庭變故|家人|父母|孩子|divorce|passed away|died|family/i],
  ['income_drop', /收入(减少|少了|下降|降低|没了)|收入減少|收入下降|工资(降|少|低|被扣|发不出)|工資(降|少|低|被扣|發不出)|降薪|减薪|減薪|生意(不好|差|亏)|生意(虧)|没收入|沒收入|income (dropped|fell|went down|is down)|pay cut|less income|business is (bad|slow)/i],
];

function reasonInWords(text: string): Reason | undefined {
  return REASON_WORDS.find(([, words]) => words.test(text))?.[0];
}

interface Values {
  /** What a plan request that could not fit told already (NextActionValue.told): not asked again. */
  carried?: NextActionValue['told'];
  borrowerId?: string;
  loanIds?: string[];
  reason?: Reason;
  description?: string;
  /** What the borrower can surely pay a month: the lower end of a range ("两三百" → ¥200), which is what is filed. */
  affordableFen?: number;
  /** The upper end of a range, shown beside it in the summary. */
  affordableMaxFen?: number;
}

interface SubmitOptions extends ConfirmSubmitOptions {
  borrowerId: string;
  loanIds: string[];
  reason: Reason;
  description?: string;
  affordableFen?: number;
  affordableMaxFen?: number;
  /** Document keys the borrower says they can provide. */
  documents: DocumentKey[];
}

const localeOf = (context: TurnContext): Locale => turnInfoOrUndefined(context)?.locale ?? 'zh-CN';
const labelsOf = (key: MessageKey) => LOCALES.map((l) => t(l, key));

/**
 * `negotiation_refused`: there is no legal right to a plan, but hardship is reviewed. Verify → reason → optional
 * description → optional affordable amount → the documents to prepare, as a checklist the borrower ticks →
 * confirm → a hardship review filed idempotently → reference, answer-by date, the 15-day answer standard and
 * 12378 as the escalation after it (domain.md §1).
 */
export class HardshipReviewDialog extends ComponentDialog implements OwnQuestions {
  private readonly newId: () => string;

  constructor(private readonly deps: HardshipReviewDeps) {
    super(HARDSHIP_REVIEW_DIALOG);
    this.newId = deps.newId ?? randomUUID;
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.introStep.bind(this),
        this.askReasonStep.bind(this),
        this.askDescriptionStep.bind(this),
        this.askAmountStep.bind(this),
        this.askDocumentsStep.bind(this),
        this.confirmStep.bind(this),
        this.finalStep.bind(this),
      ]),
    );
    this.addDialog(new TextPrompt(REASON_PROMPT));
    this.addDialog(new TextPrompt(HARDSHIP_DESCRIPTION_PROMPT));
    this.addDialog(
      new TextPrompt(HARDSHIP_AMOUNT_PROMPT, async (p) => {
        const text = p.recognized.value ?? '';
        return this.isSkip(text) || saysAmountUnknown(text) || affordableFromTurn(p.context, text, deps.clock.now(), deps.timeZone) !== undefined;
      }),
    );
    this.addDialog(new TextPrompt(DOCUMENTS_PROMPT, async (p) => this.documentsPicked(p.context, this.countOf(p)) !== undefined));
    this.addDialog(
      new ConfirmSubmitDialog<SubmitOptions>({
        id: SUBMIT,
        action: CONFIRM_ACTION,
        intent: INTENT,
        keys: {
          ask: 'hardship.confirm.ask',
          yes: 'hardship.confirm.yes',
          no: 'hardship.confirm.no',
          retryAsk: 'hardship.submitUnavailable',
          retryYes: 'plan.retry.yes',
          unclear: 'hardship.confirm.retry',
          notSubmitted: 'hardship.notSubmitted',
          failed: 'hardship.submitFailed',
        },
        summary: (locale, o, question, buttons) => cardActivity(this.summaryCard(locale, o, question), question, buttons),
        submit: (context, locale, o) => this.submit(context, locale, o),
      }),
    );
    this.initialDialogId = FLOW;
  }

  /**
   * "能不能先停息" / "罚息能免吗" at any step (verification included): the policy's answer, then the step's question
   * again. The plan review time is not this review's.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await answerPlanTermsAtStep(innerDc, this.deps.policy, NOT_THIS_REVIEWS)) ?? super.onContinueDialog(innerDc);
  }

  answersOwnQuestion(context: TurnContext): boolean {
    return planTermsAtStep(context, this.deps.policy, NOT_THIS_REVIEWS) !== undefined;
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const action = submittedAction(step.context);
    if (action === DOCUMENTS_ACTION || action === CONFIRM_ACTION) return this.endStale(step, locale);
    // Asked for in so many words ("我想申请困难审核", or the button after a plan could not be offered): no "a refused
    // negotiation is stressful" for a refusal nobody told.
    const pressed = nextActionValueOf(step.context);
    const asked = wantsHardshipReview(step.context.activity.text ?? '') || pressed?.intent === 'negotiation_refused';
    (step.values as Values).carried = pressed?.told;
    await step.context.sendActivity(t(locale, asked ? 'hardship.introAsked' : 'hardship.intro'));
    return step.beginDialog(VERIFY_IDENTITY_DIALOG);
  }

  private async endStale(step: WaterfallStepContext, locale: Locale): Promise<DialogTurnResult> {
    const filed = (await this.deps.filedRecords.list(step.context)).filter((r) => r.kind === 'hardship_review');
    const last = filed[filed.length - 1];
    const text = last ? t(locale, 'hardship.alreadySubmitted', { reference: last.reference }) : t(locale, 'hardship.expired');
    const buttons = last ? [intentLabel(locale, 'human_agent')] : [intentLabel(locale, INTENT), intentLabel(locale, 'human_agent')];
    await step.context.sendActivity(MessageFactory.suggestedActions(buttons, text));
    return step.endDialog();
  }

  private async askReasonStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const locale = localeOf(step.context);
    const snapshot = await loadAccount(this.deps.accounts, identity.borrowerId, step, locale);
    if (!snapshot) return step.endDialog();
    const loanIds = snapshot.account.loans.filter((l) => l.status !== 'settled').map((l) => l.loanId);
    if (loanIds.length === 0) {
      await step.context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'hardship.nothingOwed')));
      return step.endDialog();
    }
    // An amount said in the request itself ("…一个月最多还500"), or at the mobile question, is not asked again.
    const values = step.values as Values;
    const told = affordableFromEntities((step.options as RouteOptions | undefined)?.entities) ?? affordableFromEntities(identity.told) ?? values.carried?.affordable;
    Object.assign(values, { borrowerId: identity.borrowerId, loanIds, ...monthlyOf(told) } satisfies Values);
    // The reason told in the plan request: in its words, not asked again.
    if (values.carried?.reason) {
      values.reason = reasonInWords(values.carried.reason) ?? 'other';
      return step.next();
    }
    const buttons = REASONS.map((r) => t(locale, `hardship.reason.${r}` as MessageKey));
    return step.prompt(REASON_PROMPT, { prompt: MessageFactory.suggestedActions(buttons, t(locale, 'hardship.askReason')) });
  }

  private async askDescriptionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const values = step.values as Values;
    if (step.result === undefined && values.reason) return step.next(); // carried from the plan request
    const text = String(step.result ?? '').trim();
    const picked = pickOption(text, REASONS.map((r) => labelsOf(`hardship.reason.${r}` as MessageKey)));
    if (picked !== undefined) {
      values.reason = REASONS[picked];
      return step.prompt(HARDSHIP_DESCRIPTION_PROMPT, {
        prompt: MessageFactory.suggestedActions([t(locale, 'hardship.skip')], t(locale, 'hardship.askDescription')),
      });
    }
    // Their own words: the description, and the reason they name (else "other").
    values.reason = reasonInWords(text) ?? 'other';
    values.description = text.slice(0, 4000) || undefined;
    return step.next();
  }

  private async askAmountStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const values = step.values as Values;
    if (typeof step.result === 'string' && !this.isSkip(step.result)) values.description = step.result.trim().slice(0, 4000) || undefined;
    if (values.affordableFen !== undefined) return step.next();
    const skip = [t(locale, 'hardship.skip')];
    return step.prompt(HARDSHIP_AMOUNT_PROMPT, {
      prompt: MessageFactory.suggestedActions(skip, t(locale, 'hardship.askAmount')),
      retryPrompt: MessageFactory.suggestedActions(skip, t(locale, 'hardship.retryAmount')),
    });
  }

  private async askDocumentsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const values = step.values as Values;
    const text = String(step.result ?? '');
    if (!this.isSkip(text)) {
      const amount = affordableFromTurn(step.context, text, this.deps.clock.now(), this.deps.timeZone);
      if (amount !== undefined) Object.assign(values, monthlyOf(amount));
    }
    const docs = DOCUMENTS[values.reason ?? 'other'];
    const card = checklistCard({
      title: t(locale, 'hardship.documents.title'),
      items: docs.map((d) => t(locale, `hardship.doc.${d}` as MessageKey)),
      submit: { title: t(locale, 'hardship.documents.submit'), data: { action: DOCUMENTS_ACTION, intent: INTENT } },
      replyHint: t(locale, 'hardship.documents.ask'),
    });
    const chips = [
      messageBackAction(t(locale, 'hardship.documents.all'), { action: DOCUMENTS_ACTION, all: true, intent: INTENT }),
      messageBackAction(t(locale, 'hardship.documents.none'), { action: DOCUMENTS_ACTION, none: true, intent: INTENT }),
    ];
    const prompt = cardActivity(card, t(locale, 'hardship.documents.ask'), chips);
    return step.prompt(DOCUMENTS_PROMPT, {
      prompt,
      retryPrompt: { ...prompt, text: t(locale, 'hardship.documents.retry') },
      validations: { count: docs.length },
    });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const values = step.values as Values;
    const docs = DOCUMENTS[values.reason ?? 'other'];
    const picked = this.documentsPicked(step.context, docs.length) ?? [];
    if (picked.length === 0) await step.context.sendActivity(t(locale, 'hardship.documents.later'));
    const options: SubmitOptions = {
      idempotencyKey: `hardship-${this.newId()}`,
      borrowerId: values.borrowerId!,
      loanIds: values.loanIds!,
      reason: values.reason ?? 'other',
      description: values.description,
      affordableFen: values.affordableFen,
      affordableMaxFen: values.affordableMaxFen,
      documents: picked.map((i) => docs[i]),
    };
    return step.beginDialog(SUBMIT, options);
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  private isSkip(text: string): boolean {
    return pickOption(text, [labelsOf('hardship.skip')]) === 0;
  }

  private countOf(p: PromptValidatorContext<string>): number {
    return (p.options.validations as { count?: number } | undefined)?.count ?? 0;
  }

  /** Indexes of the documents the borrower can provide (card ticks, "all", "none", or numbers); undefined if unclear. */
  private documentsPicked(context: TurnContext, count: number): number[] | undefined {
    const all = Array.from({ length: count }, (_, i) => i);
    const value = submittedValue(context);
    if (value?.action === DOCUMENTS_ACTION) {
      if (value.all === true) return all;
      if (value.none === true) return [];
      return checkedItems(value, count);
    }
    const text = context.activity.text;
    // Numbers are the documents' own ("1 3"), as the card asks, never the place of the "all" / "none" buttons.
    const numbers = numberList(text, count);
    if (numbers) return numbers.map((n) => n - 1);
    const choice = pickOption(text, [labelsOf('hardship.documents.all'), labelsOf('hardship.documents.none')]);
    if (choice === 0) return all;
    if (choice === 1) return [];
    return undefined;
  }

  private summaryCard(locale: Locale, o: SubmitOptions, question: string) {
    const none = t(locale, 'hardship.fact.none');
    const facts: CardFact[] = [
      { title: t(locale, 'hardship.fact.reason'), value: t(locale, `hardship.reason.${o.reason}` as MessageKey) },
      { title: t(locale, 'hardship.fact.amount'), value: o.affordableFen !== undefined ? monthlyText(locale, o.affordableFen, o.affordableMaxFen) : none },
      {
        title: t(locale, 'hardship.fact.documents'),
        value: o.documents.length > 0 ? o.documents.map((d) => t(locale, `hardship.doc.${d}` as MessageKey)).join(locale === 'en' ? '; ' : '；') : none,
      },
      { title: t(locale, 'hardship.fact.loans'), value: o.loanIds.join(', ') },
    ];
    return summaryCard({ title: t(locale, 'hardship.summary.title'), facts, notes: o.description ? [o.description] : [], replyHint: question });
  }

  private async submit(context: TurnContext, locale: Locale, o: SubmitOptions): Promise<void> {
    const record = await this.deps.accounts.createHardshipReview(o.borrowerId, {
      idempotencyKey: o.idempotencyKey,
      loanIds: o.loanIds,
      reason: o.reason,
      description: o.description,
      affordableMonthlyFen: o.affordableFen,
      // Names only, in the borrower's words (files go through the lender's app).
      documents: o.documents.map((d) => t(locale, `hardship.doc.${d}` as MessageKey)),
    });
    await this.deps.filedRecords.add(context, { kind: 'hardship_review', reference: record.reference, at: record.createdAt, answerBy: record.answerBy });
    const text = [
      t(locale, 'hardship.filed', { reference: record.reference, answerBy: formatDate(record.answerBy, locale, '') }),
      t(locale, 'hardship.standard'),
    ].join('\n\n');
    await context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], text));
  }
}

/** The monthly amount told, as filed (the lower end of a range) and, for a range, its upper end. */
function monthlyOf(amount: AffordableAmount | undefined): Pick<Values, 'affordableFen' | 'affordableMaxFen'> {
  if (amount === undefined) return {};
  if (typeof amount === 'number') return { affordableFen: amount, affordableMaxFen: undefined };
  return { affordableFen: amount.minFen ?? amount.maxFen, affordableMaxFen: amount.minFen === undefined ? undefined : amount.maxFen };
}

/** "¥300.00", or "¥200.00 到 ¥300.00" (hardship.amountRange) for a range. */
function monthlyText(locale: Locale, fen: number, maxFen: number | undefined): string {
  return maxFen !== undefined && maxFen > fen ? t(locale, 'hardship.amountRange', { min: formatFen(fen), max: formatFen(maxFen) }) : formatFen(fen);
}
