import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BotError } from '../errors/botError';
import defaultPolicyJson from './defaultPolicy.json';

/**
 * Loan states the plan engine knows. `current_hardship`: not overdue yet, hardship declared to the lender.
 * `charged_off`: with the recoveries team; no policy can allow it (never in a self-service plan).
 */
export const loanStatuses = ['current', 'current_hardship', 'overdue', 'charged_off', 'closed'] as const;
export type LoanStatus = (typeof loanStatuses)[number];

/** Legal stage of an account, from the account service. */
export const legalStageKinds = ['none', 'mediation', 'filed', 'judgment', 'enforcement'] as const;
export type LegalStageKind = (typeof legalStageKinds)[number];

const fen = z.number().int('must be a whole number of fen').min(0);

/**
 * The repayment-plan policy: what the bot may offer by itself. Compliance owns the file; the bot only reads it.
 * Nothing in here is a promise: every plan is a request the lender reviews (domain.md §6: no legal right to a plan).
 */
export const planPolicySchema = z
  .strictObject({
    /** Schema version of the file, so a future format change fails loudly instead of being misread. */
    version: z.literal(1),
    eligibility: z.strictObject({
      /** Days overdue (of the most overdue included loan) for self-service. Hardship-only accounts (0 days) skip it. */
      daysOverdue: z
        .strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
        .refine((r) => r.min <= r.max, 'min must not exceed max'),
      /** Loan states a plan may cover. Loans in other states are left out; none left means not eligible. */
      allowedStatuses: z.array(z.enum(['current_hardship', 'overdue'])).min(1),
      /** Legal stages that rule self-service out (a filed case is handled by the legal team). */
      excludedLegalStages: z.array(z.enum(legalStageKinds)),
      /** Most broken (defaulted) earlier plans an account may have. */
      maxBrokenPlans: z.number().int().min(0),
    }),
    /** Numbers of monthly installments the bot may propose (unique, 2..60). */
    installmentCounts: z
      .array(z.number().int().min(2).max(60))
      .min(1)
      .refine((a) => new Set(a).size === a.length, 'must not repeat a count'),
    /** Smallest installment, in fen. */
    minimumInstallmentFen: fen.min(100),
    /** Yearly rate of a restructured plan in basis points (360 = 3.6%); 0 for an interest-free plan. Capped at 24%. */
    annualRateBps: z.number().int().min(0).max(2400),
    /** Optional down payment: the larger of `percent` of the restructured amount and `minimumFen`. */
    downPayment: z
      .strictObject({ percent: z.number().int().min(0).max(50), minimumFen: fen })
      .refine((d) => d.percent > 0 || d.minimumFen > 0, 'set percent or minimumFen (or use null)')
      .nullable(),
    /**
     * Optional share of penalty interest that MAY be waived if the plan is accepted, subject to review.
     * Shown as "up to", never deducted from the proposal's amounts, never promised.
     */
    penaltyWaiver: z.strictObject({ percent: z.number().int().min(1).max(100) }).nullable(),
    /** Most proposals shown at once. */
    maxProposals: z.number().int().min(1).max(6),
    /** Whether equal-principal plans (falling installments) may be proposed besides equal-installment ones. */
    equalPrincipalAllowed: z.boolean(),
    /**
     * When the borrower's affordable amount is below every possible plan: `offer_closest` shows the one plan with
     * the lowest installment (marked as not fitting); `decline` shows none. Either way the reason code is returned.
     */
    whenNothingAffordable: z.enum(['offer_closest', 'decline']),
    /** First due date: one calendar month after today (end-of-month clamped), or a fixed day of month. */
    firstDueDate: z.discriminatedUnion('rule', [
      z.strictObject({ rule: z.literal('one_month_after') }),
      z.strictObject({
        rule: z.literal('day_of_month'),
        /** 1..28 so every month has it. */
        day: z.number().int().min(1).max(28),
        /** The first due date is at least this many days after today (at least 1: never due on the day asked). */
        minLeadDays: z.number().int().min(1).max(45),
      }),
    ]),
    /** Working days the lender takes to review a plan request (told to the borrower). */
    reviewWorkingDays: z.number().int().min(1).max(30),
    /** What happens to collection while the request is reviewed: a catalog message key and the fact behind it. */
    collectionDuringReview: z.strictObject({ paused: z.boolean(), messageKey: z.string().min(1) }),
  })
  .superRefine((p, ctx) => {
    if (p.eligibility.daysOverdue.max > 0 && !p.eligibility.allowedStatuses.includes('overdue')) {
      ctx.addIssue({
        code: 'custom',
        path: ['eligibility', 'allowedStatuses'],
        message: 'daysOverdue.max > 0 needs "overdue" among allowedStatuses',
      });
    }
  });

type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A validated, deeply frozen policy. */
export type PlanPolicy = DeepReadonly<z.infer<typeof planPolicySchema>>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Validate a policy object. Throws BotError('CONFIG_INVALID') naming every bad field. Pure. */
export function parsePlanPolicy(raw: unknown, source = 'plan policy'): PlanPolicy {
  const result = planPolicySchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new BotError('CONFIG_INVALID', `Invalid ${source}:\n${lines.join('\n')}`);
  }
  const policy = result.data;
  // Sorted counts make "longest plan" and proposal order independent of how the file lists them.
  policy.installmentCounts.sort((a, b) => a - b);
  policy.eligibility.excludedLegalStages = [...new Set(policy.eligibility.excludedLegalStages)];
  return deepFreeze(policy);
}

/**
 * Load the policy once at start-up: the file at `path` (PLAN_POLICY_PATH), or the bundled defaultPolicy.json.
 * Throws BotError('CONFIG_INVALID') when the file cannot be read, is not JSON, or breaks the schema.
 */
export function loadPlanPolicy(path?: string): PlanPolicy {
  if (!path) return parsePlanPolicy(structuredClone(defaultPolicyJson), 'default plan policy');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new BotError('CONFIG_INVALID', `PLAN_POLICY_PATH: cannot read JSON from ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
  return parsePlanPolicy(raw, `plan policy ${path}`);
}
