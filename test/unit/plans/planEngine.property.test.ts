import { expect } from 'chai';
import fc from 'fast-check';
import { proposePlans, type AffordableAmount, type PlanAccount } from '../../../services/plans/planEngine';
import { legalStageKinds, loanStatuses, parsePlanPolicy, type PlanPolicy } from '../../../services/plans/planPolicy';

const policyArb: fc.Arbitrary<PlanPolicy> = fc
  .record({
    statuses: fc.subarray(['overdue', 'current_hardship'] as const, { minLength: 1 }),
    dMin: fc.integer({ min: 0, max: 30 }),
    dSpan: fc.integer({ min: 0, max: 400 }),
    excluded: fc.subarray([...legalStageKinds]),
    maxBroken: fc.integer({ min: 0, max: 3 }),
    counts: fc.uniqueArray(fc.integer({ min: 2, max: 60 }), { minLength: 1, maxLength: 8 }),
    minimumInstallmentFen: fc.integer({ min: 100, max: 300_000 }),
    annualRateBps: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2400 })),
    downPayment: fc.option(
      fc.record({ percent: fc.integer({ min: 1, max: 50 }), minimumFen: fc.integer({ min: 0, max: 500_000 }) }),
      { nil: null },
    ),
    penaltyWaiver: fc.option(fc.record({ percent: fc.integer({ min: 1, max: 100 }) }), { nil: null }),
    maxProposals: fc.integer({ min: 1, max: 6 }),
    equalPrincipalAllowed: fc.boolean(),
    whenNothingAffordable: fc.constantFrom('offer_closest', 'decline'),
    firstDueDate: fc.oneof(
      fc.constant({ rule: 'one_month_after' }),
      fc.record({ rule: fc.constant('day_of_month'), day: fc.integer({ min: 1, max: 28 }), minLeadDays: fc.integer({ min: 1, max: 45 }) }),
    ),
  })
  .map((p) =>
    parsePlanPolicy({
      version: 1,
      eligibility: {
        daysOverdue: p.statuses.includes('overdue') ? { min: p.dMin, max: p.dMin + p.dSpan } : { min: 0, max: 0 },
        allowedStatuses: p.statuses,
        excludedLegalStages: p.excluded,
        maxBrokenPlans: p.maxBroken,
      },
      installmentCounts: p.counts,
      minimumInstallmentFen: p.minimumInstallmentFen,
      annualRateBps: p.annualRateBps,
      downPayment: p.downPayment,
      penaltyWaiver: p.penaltyWaiver,
      maxProposals: p.maxProposals,
      equalPrincipalAllowed: p.equalPrincipalAllowed,
      whenNothingAffordable: p.whenNothingAffordable,
      firstDueDate: p.firstDueDate,
      reviewWorkingDays: 3,
      collectionDuringReview: { paused: false, messageKey: 'k' },
    }),
  );

const amount = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 500_000_000 }));

const accountArb: fc.Arbitrary<PlanAccount> = fc.record({
  loans: fc.array(
    fc.record({
      loanId: fc.string({ minLength: 1, maxLength: 6 }),
      outstandingPrincipalFen: amount,
      overdueAmountFen: amount,
      interestDueFen: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      penaltyInterestFen: fc.integer({ min: 0, max: 1_000_000 }),
      feesFen: fc.integer({ min: 0, max: 100_000 }),
      daysOverdue: fc.integer({ min: 0, max: 500 }),
      status: fc.constantFrom(...loanStatuses),
    }),
    { maxLength: 4 },
  ),
  legalStage: fc.constantFrom(...legalStageKinds),
  brokenPlanCount: fc.integer({ min: 0, max: 4 }),
});

const affordableArb: fc.Arbitrary<AffordableAmount | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 5_000_000 }),
  fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 })).map(([a, b]) => ({ minFen: Math.min(a, b), maxFen: Math.max(a, b) })),
);

const todayArb = fc.integer({ min: 0, max: 365 * 10 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10));

/** Accounts and policies that pass the eligibility rules, so the proposal properties are exercised often. */
const lenientPolicyArb = policyArb.map((p) =>
  parsePlanPolicy({
    ...structuredClone(p),
    eligibility: { daysOverdue: { min: 1, max: 365 }, allowedStatuses: ['overdue', 'current_hardship'], excludedLegalStages: ['filed'], maxBrokenPlans: 1 },
  }),
);
const eligibleAccountArb: fc.Arbitrary<PlanAccount> = fc.record({
  loans: fc.array(
    fc.record({
      loanId: fc.constantFrom('A', 'B', 'C', 'D'),
      outstandingPrincipalFen: fc.integer({ min: 1, max: 50_000_000 }),
      overdueAmountFen: fc.integer({ min: 0, max: 5_000_000 }),
      penaltyInterestFen: fc.integer({ min: 0, max: 500_000 }),
      feesFen: fc.integer({ min: 0, max: 50_000 }),
      daysOverdue: fc.integer({ min: 1, max: 365 }),
      status: fc.constantFrom('overdue' as const, 'current_hardship' as const),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  legalStage: fc.constantFrom('none' as const, 'mediation' as const),
  brokenPlanCount: fc.integer({ min: 0, max: 1 }),
});

const requestArb = fc.oneof(
  { weight: 1, arbitrary: fc.record({ account: accountArb, affordable: affordableArb, today: todayArb, policy: policyArb }) },
  { weight: 3, arbitrary: fc.record({ account: eligibleAccountArb, affordable: affordableArb, today: todayArb, policy: lenientPolicyArb }) },
);

const maxOf = (a: AffordableAmount) => (typeof a === 'number' ? a : a.maxFen);
const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
const runs = { numRuns: 400 };

/** An independent reading of the eligibility rules (everything except plan feasibility). */
function breaksARule(account: PlanAccount, policy: PlanPolicy): boolean {
  const rules = policy.eligibility;
  const owed = (l: PlanAccount['loans'][number]) => l.outstandingPrincipalFen + (l.interestDueFen ?? 0) + l.penaltyInterestFen + l.feesFen;
  const included = account.loans.filter((l) => l.status !== 'closed' && owed(l) > 0 && (rules.allowedStatuses as readonly string[]).includes(l.status));
  if (included.length === 0) return true;
  if (included.some((l) => l.status === 'overdue' && (l.daysOverdue > rules.daysOverdue.max)) ) return true;
  const overdue = included.filter((l) => l.status === 'overdue');
  if (overdue.length > 0 && Math.max(...overdue.map((l) => l.daysOverdue)) < rules.daysOverdue.min) return true;
  if (account.legalStage !== 'none' && rules.excludedLegalStages.includes(account.legalStage)) return true;
  return account.brokenPlanCount > rules.maxBrokenPlans;
}

describe('plan engine properties', () => {
  it('installments sum to principal plus cost to the fen, and the total adds up', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const out = proposePlans(req);
        if (!out.eligible) return;
        for (const p of out.proposals) {
          expect(sum(p.installmentsFen)).to.equal(p.principalFen + p.costFen);
          expect(p.downPaymentFen + p.principalFen).to.equal(p.restructuredAmountFen);
          expect(p.totalFen).to.equal(p.downPaymentFen + sum(p.installmentsFen));
          for (const x of [...p.installmentsFen, p.costFen, p.downPaymentFen]) expect(Number.isSafeInteger(x)).to.equal(true);
        }
      }),
      runs,
    );
  });

  it('every installment is at least the minimum, and at most the affordable amount when plans fit', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const out = proposePlans(req);
        if (!out.eligible) return;
        for (const p of out.proposals) {
          for (const x of p.installmentsFen) {
            expect(x).to.be.at.least(req.policy.minimumInstallmentFen);
            if (out.fit === 'fits') expect(x).to.be.at.most(maxOf(req.affordable!));
          }
        }
        if (out.fit === 'fits') {
          const largest = out.proposals.map((p) => p.largestInstallmentFen);
          expect(largest).to.deep.equal([...largest].sort((a, b) => b - a));
        }
        if (out.fit === 'closest') {
          expect(out.proposals).to.have.length(1);
          expect(out.notices).to.include('AMOUNT_TOO_LOW_FOR_ANY_PLAN');
          expect(out.proposals[0].largestInstallmentFen).to.be.greaterThan(maxOf(req.affordable!));
        }
        if (out.fit === 'not_asked') expect(req.affordable).to.equal(undefined);
      }),
      runs,
    );
  });

  it('proposes only allowed counts and kinds, at most the maximum, with distinct ids and one due date per installment', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const out = proposePlans(req);
        if (!out.eligible) return;
        expect(out.proposals.length).to.be.within(1, req.policy.maxProposals);
        expect(new Set(out.proposals.map((p) => p.id)).size).to.equal(out.proposals.length);
        for (const p of out.proposals) {
          expect(req.policy.installmentCounts).to.include(p.installmentCount);
          expect(p.installmentsFen).to.have.length(p.installmentCount);
          expect(p.dueDates).to.have.length(p.installmentCount);
          expect(p.dueDates[0] > req.today).to.equal(true);
          expect([...p.dueDates].sort()).to.deep.equal(p.dueDates);
          if (p.kind === 'equal_principal') expect(req.policy.equalPrincipalAllowed).to.equal(true);
        }
      }),
      runs,
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        expect(proposePlans(structuredClone(req))).to.deep.equal(proposePlans(req));
      }),
      runs,
    );
  });

  it('never gives an ineligible account a proposal', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const out = proposePlans(req);
        if (breaksARule(req.account, req.policy)) {
          expect(out.eligible).to.equal(false);
          expect(out).to.not.have.property('proposals');
        }
        if (!out.eligible) expect(out.reasons.length).to.be.greaterThan(0);
      }),
      runs,
    );
  });
});
