import { z } from 'zod';
import { BotError } from '../errors/botError';
import { dueDates, parseIsoDate } from './dueDates';
import { legalStageKinds, loanStatuses, type LegalStageKind, type PlanPolicy } from './planPolicy';

/*
 * The repayment-plan engine: pure and deterministic (no clock, no randomness, no I/O). Same input, same output.
 * Money is integer fen throughout. A proposal is something the borrower may REQUEST; the lender reviews it
 * (domain.md §6: there is no legal right to a plan), so nothing here is worded or shaped as a promise.
 */

const fen = z.number().int().min(0).max(1e12);

/** One loan as the engine needs it (a projection of the account service's snapshot). */
export const planLoanSchema = z.object({
  loanId: z.string().min(1),
  /** All unpaid principal, including the overdue part. */
  outstandingPrincipalFen: fen,
  /** Past-due amount (principal and interest). Informational: already counted in principal + interestDue. */
  overdueAmountFen: fen,
  /** Contractual interest due and unpaid, not included in principal. Optional, 0 when absent. */
  interestDueFen: fen.optional(),
  /** Penalty interest (罚息) accrued. */
  penaltyInterestFen: fen,
  /** Fees due. */
  feesFen: fen,
  daysOverdue: z.number().int().min(0).max(100000),
  status: z.enum(loanStatuses),
});
export type PlanLoan = z.infer<typeof planLoanSchema>;

/** The account snapshot the engine reads. */
export const planAccountSchema = z.object({
  loans: z.array(planLoanSchema),
  legalStage: z.enum(legalStageKinds),
  /** Earlier plans the borrower did not keep. */
  brokenPlanCount: z.number().int().min(0),
});
export type PlanAccount = z.infer<typeof planAccountSchema>;

/**
 * What the borrower says they can pay each month: one amount, or a range (`两三千` → 200000..300000).
 * Only `maxFen` decides what fits; `minFen` is kept for the dialog's wording.
 */
export type AffordableAmount = number | { minFen?: number; maxFen: number };

export interface PlanRequest {
  account: PlanAccount;
  affordable?: AffordableAmount;
  /** The number of installments the borrower asked for ("分12期"): that plan is shown first when the policy has it. */
  preferredCount?: number;
  /** The lender's local date today (YYYY-MM-DD), from the injected clock and TIME_ZONE upstream. */
  today: string;
  policy: PlanPolicy;
}

/** Why the bot cannot offer a plan by itself. Stable: dialogs map each to catalog words. */
export type IneligibleReason =
  | 'NOTHING_OWED'
  | 'STATUS_NOT_ELIGIBLE'
  | 'DAYS_OVERDUE_OUT_OF_RANGE'
  | 'IN_MEDIATION'
  | 'COURT_CASE_FILED'
  | 'JUDGMENT_ISSUED'
  | 'ENFORCEMENT_IN_PROGRESS'
  | 'TOO_MANY_BROKEN_PLANS'
  /** The balance is so small that no allowed count keeps every installment >= the minimum: pay it in one go. */
  | 'BALANCE_TOO_SMALL_FOR_PLAN'
  /** Only with policy `whenNothingAffordable: decline`: the affordable amount is below every plan. */
  | 'AMOUNT_TOO_LOW_FOR_ANY_PLAN';

/** Facts the dialog should mention next to eligible proposals. */
export type PlanNotice =
  /** Affordable amount below every plan; the proposal shown is the closest (lowest installment), not a fit. */
  | 'AMOUNT_TOO_LOW_FOR_ANY_PLAN'
  /** Some open loans are not covered (their status is not one the policy allows); see `excludedLoanIds`. */
  | 'SOME_LOANS_NOT_INCLUDED'
  /** The number of installments asked for is not one the policy offers for this balance; the others are shown. */
  | 'PREFERRED_COUNT_NOT_OFFERED';

export type PlanKind = 'equal_installment' | 'equal_principal';

export interface Proposal {
  /** Deterministic from the proposal's content: usable as an idempotency key part and in Action.Submit data. */
  id: string;
  kind: PlanKind;
  installmentCount: number;
  loanIds: string[];
  /** Principal + interest due + penalty interest + fees of the included loans. */
  restructuredAmountFen: number;
  downPaymentFen: number;
  /** restructuredAmountFen - downPaymentFen: what the installments repay besides the cost. */
  principalFen: number;
  /** Interest of the restructured plan (0 for an interest-free policy). */
  costFen: number;
  /** Each monthly installment; sums exactly to principalFen + costFen; the rounding remainder is on the last. */
  installmentsFen: number[];
  largestInstallmentFen: number;
  smallestInstallmentFen: number;
  /** downPaymentFen + sum(installmentsFen) = restructuredAmountFen + costFen. */
  totalFen: number;
  annualRateBps: number;
  firstDueDate: string;
  dueDates: string[];
  /** Penalty interest that MAY be waived on acceptance, subject to review. Not deducted from any amount above. */
  possiblePenaltyWaiver: { percent: number; upToFen: number; subjectToReview: true } | null;
}

/** Review facts for the confirmation message (from policy). */
export interface PlanTerms {
  reviewWorkingDays: number;
  collectionDuringReview: { paused: boolean; messageKey: string };
}

export type PlanOutcome =
  | { eligible: false; reasons: IneligibleReason[] }
  | {
      eligible: true;
      /** `fits`: every proposal's largest installment <= the affordable amount, closest first.
       *  `closest`: nothing fits; the single lowest-installment plan (policy `offer_closest`).
       *  `not_asked`: no affordable amount given; proposals spread over the allowed lengths, shortest first. */
      fit: 'fits' | 'closest' | 'not_asked';
      notices: PlanNotice[];
      proposals: Proposal[];
      excludedLoanIds: string[];
      terms: PlanTerms;
    };

const legalStageReason: Partial<Record<LegalStageKind, IneligibleReason>> = {
  mediation: 'IN_MEDIATION',
  filed: 'COURT_CASE_FILED',
  judgment: 'JUDGMENT_ISSUED',
  enforcement: 'ENFORCEMENT_IN_PROGRESS',
};

const owed = (l: PlanLoan) => l.outstandingPrincipalFen + (l.interestDueFen ?? 0) + l.penaltyInterestFen + l.feesFen;

function normaliseAffordable(a: AffordableAmount | undefined): { minFen: number; maxFen: number } | undefined {
  if (a === undefined) return undefined;
  const r = typeof a === 'number' ? { minFen: a, maxFen: a } : { minFen: a.minFen ?? 0, maxFen: a.maxFen };
  if (!fen.safeParse(r.minFen).success || !fen.safeParse(r.maxFen).success || r.minFen > r.maxFen) {
    throw new BotError('BAD_INPUT', 'affordable amount must be whole fen >= 0 with minFen <= maxFen');
  }
  return r;
}

/** Monthly interest on `balance` at `annualBps`, in fen, rounded half up (integer arithmetic: exact). */
const monthlyInterest = (balance: number, annualBps: number) => Math.floor((balance * annualBps + 60000) / 120000);

/** Installments of an equal-installment (annuity) plan; undefined if the schedule would not amortise. */
function equalInstallment(principal: number, n: number, bps: number): { installments: number[]; cost: number } | undefined {
  if (bps === 0) {
    const base = Math.floor(principal / n);
    const installments = Array.from({ length: n }, (_, k) => (k === n - 1 ? principal - base * (n - 1) : base));
    return { installments, cost: 0 };
  }
  const i = bps / 120000;
  // Floor to the fen: the few fen of rounding land on the last installment.
  const payment = Math.floor((principal * i) / (1 - Math.pow(1 + i, -n)));
  const installments: number[] = [];
  let balance = principal;
  let cost = 0;
  for (let k = 0; k < n; k++) {
    const interest = monthlyInterest(balance, bps);
    const principalPart = k === n - 1 ? balance : payment - interest;
    if (principalPart < 0 || principalPart > balance) return undefined;
    installments.push(principalPart + interest);
    balance -= principalPart;
    cost += interest;
  }
  return { installments, cost };
}

/** Installments of an equal-principal plan (falling installments): same principal each month, interest on the rest. */
function equalPrincipal(principal: number, n: number, bps: number): { installments: number[]; cost: number } {
  const base = Math.floor(principal / n);
  const installments: number[] = [];
  let balance = principal;
  let cost = 0;
  for (let k = 0; k < n; k++) {
    const interest = monthlyInterest(balance, bps);
    const principalPart = k === n - 1 ? balance : base;
    installments.push(principalPart + interest);
    balance -= principalPart;
    cost += interest;
  }
  return { installments, cost };
}

/** FNV-1a, 32 bit: a short deterministic fingerprint for proposal ids. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const kindOrder: Record<PlanKind, number> = { equal_installment: 0, equal_principal: 1 };

/** Check eligibility and propose plans. Throws BotError('BAD_INPUT') for malformed input, never for ineligibility. */
export function proposePlans(request: PlanRequest): PlanOutcome {
  const parsed = planAccountSchema.safeParse(request.account);
  if (!parsed.success) {
    throw new BotError('BAD_INPUT', `plan account: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const account = parsed.data;
  const { policy, today } = request;
  parseIsoDate(today);
  const affordable = normaliseAffordable(request.affordable);
  const rules = policy.eligibility;

  // 1. Eligibility. Every failing rule is reported, in a fixed order, so the borrower hears all of them at once.
  const open = account.loans.filter((l) => l.status !== 'closed' && owed(l) > 0);
  if (open.length === 0) return { eligible: false, reasons: ['NOTHING_OWED'] };
  const included = open.filter((l) => (rules.allowedStatuses as readonly string[]).includes(l.status));
  const reasons: IneligibleReason[] = [];
  if (included.length === 0) reasons.push('STATUS_NOT_ELIGIBLE');
  const overdue = included.filter((l) => l.status === 'overdue');
  if (overdue.length > 0) {
    const days = Math.max(...overdue.map((l) => l.daysOverdue));
    if (days < rules.daysOverdue.min || days > rules.daysOverdue.max) reasons.push('DAYS_OVERDUE_OUT_OF_RANGE');
  }
  const legal = legalStageReason[account.legalStage];
  if (legal && rules.excludedLegalStages.includes(account.legalStage)) reasons.push(legal);
  if (account.brokenPlanCount > rules.maxBrokenPlans) reasons.push('TOO_MANY_BROKEN_PLANS');
  if (reasons.length > 0) return { eligible: false, reasons };

  // 2. Every feasible plan: allowed counts x allowed kinds, every installment >= the minimum.
  const loanIds = included.map((l) => l.loanId).sort();
  const restructured = included.reduce((s, l) => s + owed(l), 0);
  const penalty = included.reduce((s, l) => s + l.penaltyInterestFen, 0);
  const dp = policy.downPayment;
  const down = dp ? Math.min(restructured, Math.max(Math.ceil((restructured * dp.percent) / 100), dp.minimumFen)) : 0;
  const principal = restructured - down;
  // At 0% an equal-principal schedule is the equal-installment one, so it is only offered when a rate applies.
  const kinds: PlanKind[] =
    policy.equalPrincipalAllowed && policy.annualRateBps > 0 ? ['equal_installment', 'equal_principal'] : ['equal_installment'];
  const waiver = policy.penaltyWaiver && penalty > 0
    ? { percent: policy.penaltyWaiver.percent, upToFen: Math.floor((penalty * policy.penaltyWaiver.percent) / 100), subjectToReview: true as const }
    : null;

  const candidates: Proposal[] = [];
  if (principal > 0) {
    for (const n of policy.installmentCounts) {
      for (const kind of kinds) {
        const schedule =
          kind === 'equal_installment' ? equalInstallment(principal, n, policy.annualRateBps) : equalPrincipal(principal, n, policy.annualRateBps);
        if (!schedule) continue;
        const smallest = Math.min(...schedule.installments);
        if (smallest < policy.minimumInstallmentFen) continue;
        const dates = dueDates(today, n, policy.firstDueDate);
        const tag = `${kind === 'equal_installment' ? 'EI' : 'EP'}${n}`;
        candidates.push({
          id: `${tag}-${fnv1a(JSON.stringify([tag, loanIds, down, schedule.installments, dates[0], policy.annualRateBps]))}`,
          kind,
          installmentCount: n,
          loanIds,
          restructuredAmountFen: restructured,
          downPaymentFen: down,
          principalFen: principal,
          costFen: schedule.cost,
          installmentsFen: schedule.installments,
          largestInstallmentFen: Math.max(...schedule.installments),
          smallestInstallmentFen: smallest,
          totalFen: down + principal + schedule.cost,
          annualRateBps: policy.annualRateBps,
          firstDueDate: dates[0],
          dueDates: dates,
          possiblePenaltyWaiver: waiver,
        });
      }
    }
  }
  if (candidates.length === 0) return { eligible: false, reasons: ['BALANCE_TOO_SMALL_FOR_PLAN'] };

  const excludedLoanIds = open.filter((l) => !included.includes(l)).map((l) => l.loanId).sort();
  const notices: PlanNotice[] = excludedLoanIds.length > 0 ? ['SOME_LOANS_NOT_INCLUDED'] : [];
  const preferred = request.preferredCount;
  if (preferred !== undefined && !candidates.some((c) => c.installmentCount === preferred)) notices.push('PREFERRED_COUNT_NOT_OFFERED');
  /** The plans of the length asked for first (at most the number shown), then the rest in their order. */
  const preferredFirst = (picked: Proposal[], pool: Proposal[]): Proposal[] => {
    const asked = pool.filter((c) => c.installmentCount === preferred);
    return [...asked, ...picked.filter((p) => !asked.includes(p))].slice(0, policy.maxProposals);
  };
  const terms: PlanTerms = {
    reviewWorkingDays: policy.reviewWorkingDays,
    collectionDuringReview: { ...policy.collectionDuringReview },
  };
  const base = { eligible: true as const, excludedLoanIds, terms };
  const byCountThenKind = (a: Proposal, b: Proposal) => a.installmentCount - b.installmentCount || kindOrder[a.kind] - kindOrder[b.kind];

  // 3a. No affordable amount: spread equal-installment plans over the allowed lengths (shortest, middle, longest),
  //     keeping one slot for the longest equal-principal plan where the policy allows it.
  if (!affordable) {
    const ei = candidates.filter((c) => c.kind === 'equal_installment');
    const ep = candidates.filter((c) => c.kind === 'equal_principal');
    const epSlots = ep.length > 0 && policy.maxProposals > 1 ? 1 : 0;
    const picked = spread(ei, policy.maxProposals - epSlots);
    if (epSlots) picked.push(ep[ep.length - 1]);
    return { ...base, fit: 'not_asked', notices, proposals: preferredFirst(picked.sort(byCountThenKind), candidates) };
  }

  // 3b. Affordable amount given: plans whose largest installment fits, the closest fit (largest installment) first.
  const fits = candidates
    .filter((c) => c.largestInstallmentFen <= affordable.maxFen)
    .sort((a, b) => b.largestInstallmentFen - a.largestInstallmentFen || byCountThenKind(a, b));
  if (fits.length > 0) return { ...base, fit: 'fits', notices, proposals: preferredFirst(fits.slice(0, policy.maxProposals), fits) };

  // 3c. Nothing fits. Showing many unaffordable plans would push the borrower; one honest "closest" plan (the lowest
  //     installment) lets them decide or ask for a person. Policy `decline` turns this off.
  if (policy.whenNothingAffordable === 'decline') return { eligible: false, reasons: ['AMOUNT_TOO_LOW_FOR_ANY_PLAN'] };
  const closest = [...candidates].sort(
    (a, b) => a.largestInstallmentFen - b.largestInstallmentFen || b.installmentCount - a.installmentCount || kindOrder[a.kind] - kindOrder[b.kind],
  )[0];
  return { ...base, fit: 'closest', notices: ['AMOUNT_TOO_LOW_FOR_ANY_PLAN', ...notices], proposals: [closest] };
}

/** `k` items evenly spread over `items` (first and last included), keeping order. */
function spread<T>(items: T[], k: number): T[] {
  if (k <= 0) return [];
  if (items.length <= k) return [...items];
  if (k === 1) return [items[items.length - 1]];
  const picked = new Set<number>();
  for (let j = 0; j < k; j++) picked.add(Math.round((j * (items.length - 1)) / (k - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]);
}
