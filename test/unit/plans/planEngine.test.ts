import { expect } from 'chai';
import { proposePlans, type PlanOutcome, type Proposal } from '../../../services/plans/planEngine';
import { isBotError } from '../../../services/errors/botError';
import { account, eligibilityWith, loan, policyWith, TODAY } from './planFixtures';

const defaults = policyWith();

function proposals(outcome: PlanOutcome): Proposal[] {
  if (!outcome.eligible) throw new Error(`ineligible: ${outcome.reasons.join(',')}`);
  return outcome.proposals;
}

function reasons(outcome: PlanOutcome): string[] {
  if (outcome.eligible) throw new Error('expected ineligible');
  return outcome.reasons;
}

const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);

describe('plan engine: eligibility', () => {
  it('says nothing is owed when every loan is closed or paid', () => {
    const acc = account({ loans: [loan({ status: 'closed' }), loan({ loanId: 'L2', outstandingPrincipalFen: 0, penaltyInterestFen: 0 })] });
    expect(reasons(proposePlans({ account: acc, today: TODAY, policy: defaults }))).to.deep.equal(['NOTHING_OWED']);
  });

  it('refuses accounts whose loans are all current without hardship', () => {
    const acc = account({ loans: [loan({ status: 'current', daysOverdue: 0 })] });
    expect(reasons(proposePlans({ account: acc, today: TODAY, policy: defaults }))).to.deep.equal(['STATUS_NOT_ELIGIBLE']);
  });

  it('never puts a charged-off loan in a plan: alone it is STATUS_NOT_ELIGIBLE, beside an overdue loan it is left out', () => {
    const chargedOff = loan({ loanId: 'L9', status: 'charged_off', daysOverdue: 200 });
    expect(reasons(proposePlans({ account: account({ loans: [chargedOff] }), today: TODAY, policy: defaults }))).to.deep.equal(['STATUS_NOT_ELIGIBLE']);
    const outcome = proposePlans({ account: account({ loans: [loan({ loanId: 'L1', status: 'overdue', daysOverdue: 30 }), chargedOff] }), today: TODAY, policy: defaults });
    expect(outcome.eligible).to.equal(true);
    if (outcome.eligible) expect(outcome.proposals.every((p) => p.loanIds.join() === 'L1')).to.equal(true);
  });

  it('accepts a current loan with declared hardship without applying the days-overdue range', () => {
    const acc = account({ loans: [loan({ status: 'current_hardship', daysOverdue: 0, overdueAmountFen: 0 })] });
    expect(proposePlans({ account: acc, today: TODAY, policy: defaults }).eligible).to.equal(true);
  });

  it('applies the days-overdue range inclusively, on the most overdue loan', () => {
    const policy = eligibilityWith({ daysOverdue: { min: 1, max: 180 } });
    const at = (days: number) => proposePlans({ account: account({ loans: [loan({ daysOverdue: days })] }), today: TODAY, policy });
    expect(at(1).eligible).to.equal(true);
    expect(at(180).eligible).to.equal(true);
    expect(reasons(at(181))).to.deep.equal(['DAYS_OVERDUE_OUT_OF_RANGE']);
    expect(reasons(at(0))).to.deep.equal(['DAYS_OVERDUE_OUT_OF_RANGE']);
    const twoLoans = account({ loans: [loan({ daysOverdue: 10 }), loan({ loanId: 'L2', daysOverdue: 200 })] });
    expect(reasons(proposePlans({ account: twoLoans, today: TODAY, policy }))).to.deep.equal(['DAYS_OVERDUE_OUT_OF_RANGE']);
  });

  it('refuses a filed case, a judgment and enforcement, each with its own code', () => {
    const at = (legalStage: 'filed' | 'judgment' | 'enforcement') => reasons(proposePlans({ account: account({ legalStage }), today: TODAY, policy: defaults }));
    expect(at('filed')).to.deep.equal(['COURT_CASE_FILED']);
    expect(at('judgment')).to.deep.equal(['JUDGMENT_ISSUED']);
    expect(at('enforcement')).to.deep.equal(['ENFORCEMENT_IN_PROGRESS']);
  });

  it('allows pre-litigation mediation unless the policy excludes it', () => {
    expect(proposePlans({ account: account({ legalStage: 'mediation' }), today: TODAY, policy: defaults }).eligible).to.equal(true);
    const strict = eligibilityWith({ excludedLegalStages: ['mediation', 'filed'] });
    expect(reasons(proposePlans({ account: account({ legalStage: 'mediation' }), today: TODAY, policy: strict }))).to.deep.equal(['IN_MEDIATION']);
  });

  it('allows up to the maximum of broken plans and no more', () => {
    expect(proposePlans({ account: account({ brokenPlanCount: 1 }), today: TODAY, policy: defaults }).eligible).to.equal(true);
    expect(reasons(proposePlans({ account: account({ brokenPlanCount: 2 }), today: TODAY, policy: defaults }))).to.deep.equal(['TOO_MANY_BROKEN_PLANS']);
  });

  it('reports every failing rule at once, in a fixed order', () => {
    const acc = account({ loans: [loan({ daysOverdue: 400 })], legalStage: 'filed', brokenPlanCount: 3 });
    expect(reasons(proposePlans({ account: acc, today: TODAY, policy: defaults }))).to.deep.equal([
      'DAYS_OVERDUE_OUT_OF_RANGE',
      'COURT_CASE_FILED',
      'TOO_MANY_BROKEN_PLANS',
    ]);
  });

  it('says the balance is too small when no allowed count keeps installments at the minimum', () => {
    const acc = account({ loans: [loan({ outstandingPrincipalFen: 20_000, penaltyInterestFen: 0 })] });
    expect(reasons(proposePlans({ account: acc, today: TODAY, policy: defaults }))).to.deep.equal(['BALANCE_TOO_SMALL_FOR_PLAN']);
  });

  it('leaves out loans in a status the policy does not cover, and says so', () => {
    const acc = account({ loans: [loan(), loan({ loanId: 'L0', status: 'current', daysOverdue: 0 })] });
    const out = proposePlans({ account: acc, today: TODAY, policy: defaults });
    if (!out.eligible) throw new Error('expected eligible');
    expect(out.notices).to.include('SOME_LOANS_NOT_INCLUDED');
    expect(out.excludedLoanIds).to.deep.equal(['L0']);
    expect(out.proposals[0].loanIds).to.deep.equal(['L1']);
  });

  it('rejects malformed input with BAD_INPUT', () => {
    const bad = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return isBotError(err, 'BAD_INPUT');
      }
      return false;
    };
    expect(bad(() => proposePlans({ account: account({ loans: [loan({ feesFen: 1.5 })] }), today: TODAY, policy: defaults }))).to.equal(true);
    expect(bad(() => proposePlans({ account: account(), today: '2026-02-30', policy: defaults }))).to.equal(true);
    expect(bad(() => proposePlans({ account: account(), today: TODAY, policy: defaults, affordable: { minFen: 5, maxFen: 4 } }))).to.equal(true);
    expect(bad(() => proposePlans({ account: account(), today: TODAY, policy: defaults, affordable: -1 }))).to.equal(true);
  });
});

describe('plan engine: proposals', () => {
  it('restructures principal, interest due, penalty interest and fees of the included loans', () => {
    const acc = account({ loans: [loan({ outstandingPrincipalFen: 1_000_000, interestDueFen: 10_000, penaltyInterestFen: 5_000, feesFen: 3_000 })] });
    const [p] = proposals(proposePlans({ account: acc, today: TODAY, policy: defaults }));
    expect(p.restructuredAmountFen).to.equal(1_018_000);
  });

  it('puts the rounding remainder on the last installment', () => {
    const acc = account({ loans: [loan({ outstandingPrincipalFen: 1_000_000, penaltyInterestFen: 0 })] });
    const p = proposals(proposePlans({ account: acc, today: TODAY, policy: policyWith({ installmentCounts: [3] }) }))[0];
    expect(p.installmentsFen).to.deep.equal([333_333, 333_333, 333_334]);
    expect(p.costFen).to.equal(0);
    expect(p.totalFen).to.equal(1_000_000);
  });

  it('without an affordable amount, spreads plans over short, middle and long lengths', () => {
    const out = proposals(proposePlans({ account: account(), today: TODAY, policy: defaults }));
    expect(out.map((p) => p.installmentCount)).to.deep.equal([3, 12, 24]);
    expect(out.every((p) => p.kind === 'equal_installment')).to.equal(true);
  });

  it('puts the length asked for first, with or without an amount, and says when the policy has no such length', () => {
    const asked = proposePlans({ account: account(), today: TODAY, policy: defaults, preferredCount: 9 });
    expect(proposals(asked).map((p) => p.installmentCount)).to.deep.equal([9, 3, 12]);
    expect(asked.eligible && asked.notices).to.deep.equal([]);

    const withAmount = proposals(proposePlans({ account: account(), today: TODAY, policy: defaults, affordable: 1_000_000, preferredCount: 24 }));
    expect(withAmount[0].installmentCount).to.equal(24);
    expect(withAmount).to.have.length(defaults.maxProposals);

    const notOffered = proposePlans({ account: account(), today: TODAY, policy: defaults, preferredCount: 36 });
    expect(notOffered.eligible && notOffered.notices).to.deep.equal(['PREFERRED_COUNT_NOT_OFFERED']);
    expect(proposals(notOffered).map((p) => p.installmentCount)).to.deep.equal([3, 12, 24]);
  });

  it('honours the maximum number of proposals', () => {
    const out = proposals(proposePlans({ account: account(), today: TODAY, policy: policyWith({ maxProposals: 2 }), affordable: 1_000_000 }));
    expect(out).to.have.length(2);
  });

  it('drops counts whose installments would fall below the minimum', () => {
    const policy = policyWith({ minimumInstallmentFen: 60_000 });
    const out = proposals(proposePlans({ account: account(), today: TODAY, policy, affordable: 1_000_000 }));
    for (const p of out) expect(p.installmentCount).to.be.at.most(18);
    const all = proposals(proposePlans({ account: account(), today: TODAY, policy: policyWith({ minimumInstallmentFen: 60_000, maxProposals: 6 }), affordable: 1_000_000 }));
    expect(all.map((p) => p.installmentCount)).to.not.include(24);
  });

  it('with a rate, charges interest and offers falling equal-principal plans where allowed', () => {
    const policy = policyWith({ annualRateBps: 360, installmentCounts: [12] });
    const out = proposals(proposePlans({ account: account(), today: TODAY, policy, affordable: 2_000_000 }));
    const ei = out.find((p) => p.kind === 'equal_installment' && p.installmentCount === 12);
    const ep = out.find((p) => p.kind === 'equal_principal' && p.installmentCount === 12);
    expect(ei, 'EI12').to.exist;
    expect(ep, 'EP12').to.exist;
    expect(ei!.costFen).to.be.greaterThan(0);
    expect(ep!.costFen).to.be.lessThan(ei!.costFen);
    expect(ep!.installmentsFen[0]).to.be.greaterThan(ep!.installmentsFen[11]);
    // 1,215,000 fen over 12 months at 3.6%: about 1.97% of interest.
    expect(ei!.costFen).to.be.within(23_000, 25_000);
    expect(sum(ei!.installmentsFen)).to.equal(ei!.principalFen + ei!.costFen);
  });

  it('never offers equal-principal when the policy does not allow it', () => {
    const policy = policyWith({ annualRateBps: 360, equalPrincipalAllowed: false, maxProposals: 6 });
    const out = proposals(proposePlans({ account: account(), today: TODAY, policy, affordable: 2_000_000 }));
    expect(out.every((p) => p.kind === 'equal_installment')).to.equal(true);
  });

  it('takes the down payment as the larger of its percent and its minimum, before the installments', () => {
    const byPercent = proposals(proposePlans({ account: account(), today: TODAY, policy: policyWith({ downPayment: { percent: 10, minimumFen: 50_000 } }) }))[0];
    expect(byPercent.downPaymentFen).to.equal(121_500);
    expect(byPercent.principalFen).to.equal(1_215_000 - 121_500);
    expect(byPercent.totalFen).to.equal(1_215_000);
    const byMinimum = proposals(proposePlans({ account: account(), today: TODAY, policy: policyWith({ downPayment: { percent: 1, minimumFen: 50_000 } }) }))[0];
    expect(byMinimum.downPaymentFen).to.equal(50_000);
  });

  it('shows the penalty waiver only as a possible amount, without deducting it', () => {
    const [p] = proposals(proposePlans({ account: account(), today: TODAY, policy: defaults }));
    expect(p.possiblePenaltyWaiver).to.deep.equal({ percent: 50, upToFen: 7_500, subjectToReview: true });
    expect(p.restructuredAmountFen).to.equal(1_215_000);
    const none = proposals(proposePlans({ account: account(), today: TODAY, policy: policyWith({ penaltyWaiver: null }) }))[0];
    expect(none.possiblePenaltyWaiver).to.equal(null);
    const noPenalty = proposals(proposePlans({ account: account({ loans: [loan({ penaltyInterestFen: 0 })] }), today: TODAY, policy: defaults }))[0];
    expect(noPenalty.possiblePenaltyWaiver).to.equal(null);
  });

  it('returns review terms from the policy', () => {
    const out = proposePlans({ account: account(), today: TODAY, policy: defaults });
    if (!out.eligible) throw new Error('expected eligible');
    expect(out.terms).to.deep.equal({ reviewWorkingDays: 3, collectionDuringReview: { paused: true, messageKey: 'plan.review.collectionPaused' } });
  });
});

describe('plan engine: affordable amount', () => {
  it('returns the plans that fit, the largest installment under the amount first', () => {
    const out = proposePlans({ account: account(), today: TODAY, policy: defaults, affordable: 150_000 });
    if (!out.eligible) throw new Error('expected eligible');
    expect(out.fit).to.equal('fits');
    expect(out.proposals.map((p) => p.installmentCount)).to.deep.equal([9, 12, 18]);
    for (const p of out.proposals) expect(p.largestInstallmentFen).to.be.at.most(150_000);
  });

  it('uses the top of a range (两三千 → at most 3000 yuan)', () => {
    const out = proposals(proposePlans({ account: account(), today: TODAY, policy: defaults, affordable: { minFen: 100_000, maxFen: 140_000 } }));
    expect(out[0].installmentCount).to.equal(9);
    expect(out[0].largestInstallmentFen).to.equal(135_000);
  });

  it('offers only the closest (lowest-installment) plan when nothing fits, and says so', () => {
    const out = proposePlans({ account: account(), today: TODAY, policy: defaults, affordable: 20_000 });
    if (!out.eligible) throw new Error('expected eligible');
    expect(out.fit).to.equal('closest');
    expect(out.notices).to.include('AMOUNT_TOO_LOW_FOR_ANY_PLAN');
    expect(out.proposals).to.have.length(1);
    expect(out.proposals[0].installmentCount).to.equal(24);
  });

  it('offers nothing when the policy declines unaffordable plans', () => {
    const out = proposePlans({ account: account(), today: TODAY, policy: policyWith({ whenNothingAffordable: 'decline' }), affordable: 20_000 });
    expect(reasons(out)).to.deep.equal(['AMOUNT_TOO_LOW_FOR_ANY_PLAN']);
  });
});

describe('plan engine: due dates and ids', () => {
  it('sets the first due date one month after today, clamped to the end of the month', () => {
    const [p] = proposals(proposePlans({ account: account(), today: '2026-01-31', policy: policyWith({ installmentCounts: [3] }) }));
    expect(p.dueDates).to.deep.equal(['2026-02-28', '2026-03-31', '2026-04-30']);
    expect(p.firstDueDate).to.equal('2026-02-28');
  });

  it('sets the first due date on the next configured day of month after the lead time', () => {
    const policy = policyWith({ installmentCounts: [3], firstDueDate: { rule: 'day_of_month', day: 15, minLeadDays: 10 } });
    expect(proposals(proposePlans({ account: account(), today: '2026-03-10', policy }))[0].dueDates).to.deep.equal(['2026-04-15', '2026-05-15', '2026-06-15']);
    expect(proposals(proposePlans({ account: account(), today: '2026-03-01', policy }))[0].firstDueDate).to.equal('2026-03-15');
    expect(proposals(proposePlans({ account: account(), today: '2026-12-20', policy }))[0].firstDueDate).to.equal('2027-01-15');
  });

  it('gives the same proposal the same id, and different proposals different ids', () => {
    const a = proposals(proposePlans({ account: account(), today: TODAY, policy: defaults }));
    const b = proposals(proposePlans({ account: account(), today: TODAY, policy: defaults }));
    expect(a.map((p) => p.id)).to.deep.equal(b.map((p) => p.id));
    expect(new Set(a.map((p) => p.id)).size).to.equal(a.length);
    const later = proposals(proposePlans({ account: account(), today: '2026-03-11', policy: defaults }));
    expect(later[0].id).to.not.equal(a[0].id);
    expect(a[0].id).to.match(/^EI3-[0-9a-f]{8}$/);
  });
});
