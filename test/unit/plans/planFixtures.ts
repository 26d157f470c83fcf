import defaultPolicyJson from '../../../services/plans/defaultPolicy.json';
import { parsePlanPolicy, type PlanPolicy } from '../../../services/plans/planPolicy';
import type { PlanAccount, PlanLoan } from '../../../services/plans/planEngine';

/** The bundled policy with some fields replaced (validated like the real one). */
export function policyWith(overrides: Record<string, unknown> = {}): PlanPolicy {
  return parsePlanPolicy({ ...structuredClone(defaultPolicyJson), ...overrides });
}

export function eligibilityWith(overrides: Record<string, unknown>): PlanPolicy {
  return policyWith({ eligibility: { ...structuredClone(defaultPolicyJson.eligibility), ...overrides } });
}

export function loan(overrides: Partial<PlanLoan> = {}): PlanLoan {
  return {
    loanId: 'L1',
    outstandingPrincipalFen: 1_200_000,
    overdueAmountFen: 200_000,
    penaltyInterestFen: 15_000,
    feesFen: 0,
    daysOverdue: 40,
    status: 'overdue',
    ...overrides,
  };
}

export function account(overrides: Partial<PlanAccount> = {}): PlanAccount {
  return { loans: [loan()], legalStage: 'none', brokenPlanCount: 0, ...overrides };
}

export const TODAY = '2026-03-10';
