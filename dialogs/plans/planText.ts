import type { Activity } from 'botbuilder';
import { formatFen, type Account, type Loan } from '../../services/accounts/accountSchemas';
import type { AffordableAmount, IneligibleReason, PlanAccount, PlanOutcome, Proposal } from '../../services/plans/planEngine';
import type { LegalStageKind, LoanStatus as PlanLoanStatus, PlanPolicy } from '../../services/plans/planPolicy';
import { cardActivity, messageBackAction, optionListCard, summaryCard, type CardFact } from '../cards/adaptiveCards';
import { formatDate } from '../format';
import { intentActions } from '../guidance/nextActions';
import { t, type Locale, type MessageKey } from '../messages';
import { planMessages } from '../messages/plans.messages';

/** Card and button actions of the plan dialog. Each value also names the intent, so a press after the dialog ended routes back to it. */
export const PLAN_CHOOSE = 'plan.choose';
export const PLAN_CONFIRM = 'plan.confirm';

/**
 * The account as the plan engine reads it. Settled loans are closed. A charged-off loan is with the recoveries
 * team, never in a self-service plan: no policy allows that status, so the engine leaves it out (and says
 * STATUS_NOT_ELIGIBLE when nothing else is left). A lawyer's letter is not a legal stage for the engine.
 */
export function planAccountOf(account: Account): PlanAccount {
  const status = (l: Loan): PlanLoanStatus => (l.status === 'settled' ? 'closed' : l.status);
  const stage: LegalStageKind = account.legal.stage === 'lawyer_letter' ? 'none' : account.legal.stage;
  return {
    loans: account.loans.map((l) => ({
      loanId: l.loanId,
      outstandingPrincipalFen: l.outstandingPrincipalFen,
      overdueAmountFen: l.overdueAmountFen,
      penaltyInterestFen: l.penaltyInterestFen,
      feesFen: l.feesFen,
      daysOverdue: l.daysOverdue,
      status: status(l),
    })),
    legalStage: stage,
    brokenPlanCount: account.planHistory.filter((p) => p.status === 'broken').length,
  };
}

/** What each included loan owes (the engine's restructured amount), for splitting a multi-loan plan per loan. */
export function owedByLoan(account: PlanAccount, loanIds: readonly string[]): Array<{ loanId: string; owedFen: number }> {
  return loanIds.map((loanId) => {
    const l = account.loans.find((x) => x.loanId === loanId);
    return { loanId, owedFen: l ? l.outstandingPrincipalFen + (l.interestDueFen ?? 0) + l.penaltyInterestFen + l.feesFen : 0 };
  });
}

/**
 * The lender files plan requests per loan: a plan over several loans becomes one request per loan, the monthly
 * amount split by what each loan owes (the remainder on the last), all naming the same proposal.
 */
export function splitMonthly(monthlyFen: number, owed: ReadonlyArray<{ loanId: string; owedFen: number }>): Array<{ loanId: string; monthlyFen: number }> {
  const total = owed.reduce((s, o) => s + o.owedFen, 0);
  let given = 0;
  return owed.map((o, i) => {
    const share = i === owed.length - 1 ? monthlyFen - given : total > 0 ? Math.floor((monthlyFen * o.owedFen) / total) : 0;
    given += share;
    return { loanId: o.loanId, monthlyFen: share };
  });
}

/** "每月 ¥1,500.00" / "每月 ¥2,000.00 到 ¥3,000.00". */
export function amountText(locale: Locale, amount: AffordableAmount): string {
  if (typeof amount === 'number') return t(locale, 'plan.amount.single', { amount: formatFen(amount) });
  return t(locale, 'plan.amount.range', { min: formatFen(amount.minFen ?? 0), max: formatFen(amount.maxFen) });
}

/** One plain line per reason the engine gave, with the policy's numbers filled in. */
export function ineligibleLines(locale: Locale, reasons: readonly IneligibleReason[], account: PlanAccount, policy: PlanPolicy): string[] {
  const params = {
    min: policy.eligibility.daysOverdue.min,
    max: policy.eligibility.daysOverdue.max,
    count: account.brokenPlanCount,
    minimum: formatFen(policy.minimumInstallmentFen),
  };
  return reasons.map((r) => {
    const p = r === 'TOO_MANY_BROKEN_PLANS' ? { ...params, max: policy.eligibility.maxBrokenPlans } : params;
    if (r === 'STATUS_NOT_ELIGIBLE') return t(locale, statusReasonKey(account), p);
    return t(locale, `plan.reason.${r}` as MessageKey, p);
  });
}

/** Why no loan's status allows a plan, in the borrower's terms: with the recoveries team, or simply not overdue. */
function statusReasonKey(account: PlanAccount): MessageKey {
  const owing = account.loans.filter((l) => l.status !== 'closed');
  if (owing.some((l) => l.status === 'charged_off')) return 'plan.reason.STATUS_NOT_ELIGIBLE.chargedOff';
  if (owing.length > 0 && owing.every((l) => l.status === 'current')) return 'plan.reason.STATUS_NOT_ELIGIBLE.notOverdue';
  return 'plan.reason.STATUS_NOT_ELIGIBLE';
}

/** The facts of one proposal, as the card and the plain text show them. */
export function proposalFacts(locale: Locale, p: Proposal): CardFact[] {
  const first = p.installmentsFen[0];
  const last = p.installmentsFen[p.installmentsFen.length - 1];
  const monthly =
    p.kind === 'equal_principal' && first !== last
      ? t(locale, 'plan.fact.monthlyFalling', { first: formatFen(first), last: formatFen(last) })
      : first === last
        ? formatFen(first)
        : t(locale, 'plan.fact.monthlyLastDiffers', { first: formatFen(first), last: formatFen(last) });
  const facts: CardFact[] = [
    { title: t(locale, 'plan.fact.monthly'), value: monthly },
    { title: t(locale, 'plan.fact.kind'), value: t(locale, `plan.kind.${p.kind}` as MessageKey) },
  ];
  if (p.downPaymentFen > 0) facts.push({ title: t(locale, 'plan.fact.downPayment'), value: formatFen(p.downPaymentFen) });
  facts.push({ title: t(locale, 'plan.fact.total'), value: formatFen(p.totalFen) });
  if (p.costFen > 0) facts.push({ title: t(locale, 'plan.fact.cost'), value: formatFen(p.costFen) });
  facts.push({ title: t(locale, 'plan.fact.firstDue'), value: formatDate(p.firstDueDate, locale, '') });
  return facts;
}

/** Notes under the proposals: loans left out, and any penalty waiver ("up to", subject to review). */
export function proposalNotes(locale: Locale, outcome: Extract<PlanOutcome, { eligible: true }>): string[] {
  const notes: string[] = [];
  if (outcome.notices.includes('SOME_LOANS_NOT_INCLUDED')) notes.push(t(locale, 'plan.notice.someLoansExcluded'));
  const waiver = outcome.proposals.find((p) => p.possiblePenaltyWaiver)?.possiblePenaltyWaiver;
  if (waiver && waiver.upToFen > 0) notes.push(t(locale, 'plan.notice.waiver', { upTo: formatFen(waiver.upToFen), percent: waiver.percent }));
  return notes;
}

/** The value a proposal's button sends back. */
export const chooseValue = (proposalId: string) => ({ action: PLAN_CHOOSE, proposalId, intent: 'installment_plan' });

/**
 * The proposals: an Adaptive Card (one Action.Submit per proposal) whose fallback text is the full numbered list,
 * a short intro as the activity's text, and a suggested action per proposal for channels without cards.
 */
export function proposalsActivity(
  locale: Locale,
  outcome: Extract<PlanOutcome, { eligible: true }>,
  amount: AffordableAmount | undefined,
  preferred?: { months: number; counts: readonly number[] },
): Partial<Activity> {
  const count = outcome.proposals.length;
  const offered = preferred !== undefined && !outcome.notices.includes('PREFERRED_COUNT_NOT_OFFERED');
  const intro = [
    ...(preferred && !offered ? [t(locale, 'plan.proposals.notOffered', { months: preferred.months, counts: countList(locale, preferred.counts) })] : []),
    amount === undefined
      ? offered
        ? t(locale, 'plan.proposals.preferred', { months: preferred.months, count })
        : t(locale, preferred ? 'plan.proposals.lengths' : 'plan.proposals.noAmount', { count })
      : outcome.fit === 'closest'
        ? t(locale, 'plan.proposals.closest', { amount: amountText(locale, amount) })
        : t(locale, 'plan.proposals.fits', { amount: amountText(locale, amount), count }),
  ].join('\n');
  const card = optionListCard({
    title: t(locale, 'plan.proposals.title'),
    options: outcome.proposals.map((p, i) => ({
      title: t(locale, 'plan.option.title', { index: i + 1, count: p.installmentCount }),
      facts: proposalFacts(locale, p),
      submit: { title: t(locale, 'plan.choose.button', { index: i + 1 }), data: chooseValue(p.id) },
    })),
    notes: proposalNotes(locale, outcome),
    replyHint: t(locale, 'plan.choose.hint'),
  });
  const chips = outcome.proposals.map((p, i) => messageBackAction(t(locale, 'plan.choose.chip', { index: i + 1 }), chooseValue(p.id)));
  // Nothing fits the amount: the intro says a person can negotiate, so the button is there too.
  if (amount !== undefined && outcome.fit === 'closest') chips.push(...intentActions(locale, ['human_agent']));
  return cardActivity(card, intro, chips);
}

/** The labels a borrower may type for proposal `index` (0-based): the chip and button titles in every locale. */
export function proposalLabels(index: number): string[] {
  return (['zh-CN', 'zh-TW', 'en'] as const).flatMap((l) => [
    t(l, 'plan.choose.chip', { index: index + 1 }),
    t(l, 'plan.choose.button', { index: index + 1 }),
  ]);
}

/** The request to check before it is submitted: a summary card with the chosen plan, and the question. */
export function planSummaryActivity(locale: Locale, p: Proposal, reasonWords: string | undefined, question: string, buttons: Partial<Activity>['suggestedActions']): Partial<Activity> {
  const facts: CardFact[] = [{ title: t(locale, 'plan.fact.count'), value: t(locale, 'plan.fact.countValue', { count: p.installmentCount }) }];
  facts.push(...proposalFacts(locale, p));
  if (reasonWords) facts.push({ title: t(locale, 'plan.fact.reason'), value: reasonWords });
  const notes = p.possiblePenaltyWaiver && p.possiblePenaltyWaiver.upToFen > 0
    ? [t(locale, 'plan.notice.waiver', { upTo: formatFen(p.possiblePenaltyWaiver.upToFen), percent: p.possiblePenaltyWaiver.percent })]
    : [];
  const card = summaryCard({ title: t(locale, 'plan.summary.title'), facts, notes, replyHint: question });
  const activity = cardActivity(card, question);
  if (buttons) activity.suggestedActions = buttons;
  return activity;
}

/** The policy's words for collection during review, when the key is one of ours; else by the `paused` fact. */
export function collectionDuringReviewText(locale: Locale, policy: PlanPolicy): string {
  const key = policy.collectionDuringReview.messageKey;
  if (key in planMessages['zh-CN']) return t(locale, key as MessageKey);
  return t(locale, policy.collectionDuringReview.paused ? 'plan.review.collectionPaused' : 'plan.review.collectionContinues');
}

/** "3、6、12 或 24" / "3, 6, 12 or 24". */
export function countList(locale: Locale, counts: readonly number[]): string {
  const [last, ...rest] = [...counts].reverse();
  if (rest.length === 0) return String(last ?? '');
  const head = rest.reverse().join(locale === 'en' ? ', ' : '、');
  return locale === 'en' ? `${head} or ${last}` : `${head} 或 ${last}`;
}
