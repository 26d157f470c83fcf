import { z } from 'zod';

/**
 * The lender account contract: what the bot reads about a borrower and what it files. One zod schema per
 * shape, types inferred from them. Money is integer fen everywhere (never floats); only `formatFen` turns it
 * into text. Dates are ISO `YYYY-MM-DD`, instants ISO date-times with an offset. Mirrors lenderApi.openapi.yaml.
 */

/** An amount of money in fen (1/100 yuan). */
export const fenSchema = z.number().int().nonnegative();
export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** Time of day, 24 h, `HH:MM`. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** The language the borrower writes in (as recorded by the lender). */
export const borrowerLanguageSchema = z.enum(['zh-CN', 'zh-TW', 'en']);
export type BorrowerLanguage = z.infer<typeof borrowerLanguageSchema>;

export const borrowerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Registered mobile, masked by the lender: 138****0001. The full number never leaves the lender. */
  maskedMobile: z.string().regex(/^1\d{2}\*{4}\d{4}$/, 'masked mobile like 138****0001'),
  language: borrowerLanguageSchema,
});
export type Borrower = z.infer<typeof borrowerSchema>;

export const loanStatusSchema = z.enum(['current', 'overdue', 'settled', 'charged_off']);
export type LoanStatus = z.infer<typeof loanStatusSchema>;

export const loanSchema = z.object({
  loanId: z.string().min(1),
  productName: z.string().min(1),
  principalFen: fenSchema,
  outstandingPrincipalFen: fenSchema,
  overdueAmountFen: fenSchema,
  daysOverdue: z.number().int().nonnegative(),
  penaltyInterestFen: fenSchema,
  feesFen: fenSchema,
  /** Null when nothing more falls due (settled, charged off). */
  nextDueDate: isoDateSchema.nullable(),
  nextDueAmountFen: fenSchema.nullable(),
  status: loanStatusSchema,
});
export type Loan = z.infer<typeof loanSchema>;

const courtCase = { court: z.string().min(1), caseNumber: z.string().min(1), loanId: z.string().optional() };

/** Where the account stands legally. Only `filed` and later mean a real court case exists. */
export const legalStageSchema = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('none') }),
  z.object({ stage: z.literal('lawyer_letter'), sentOn: isoDateSchema, lawFirm: z.string().optional() }),
  z.object({ stage: z.literal('mediation'), since: isoDateSchema, mediator: z.string().optional() }),
  z.object({ stage: z.literal('filed'), filedOn: isoDateSchema, ...courtCase }),
  z.object({ stage: z.literal('judgment'), judgedOn: isoDateSchema, ...courtCase }),
  z.object({ stage: z.literal('enforcement'), since: isoDateSchema, ...courtCase }),
]);
export type LegalStage = z.infer<typeof legalStageSchema>;
export type LegalStageName = LegalStage['stage'];

export const workingHoursSchema = z.object({
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  from: timeOfDaySchema,
  to: timeOfDaySchema,
  timeZone: z.string().default('Asia/Shanghai'),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const scheduledVisitSchema = z.object({
  visitId: z.string().min(1),
  /** Planned start of the visit. */
  scheduledAt: isoDateTimeSchema,
  /** Where, in words the borrower recognises (never a full address). */
  place: z.enum(['home', 'workplace', 'other']),
  /** Collectors who will attend (rules require at least two). */
  staffCount: z.number().int().positive(),
  assignee: z.string().min(1),
});
export type ScheduledVisit = z.infer<typeof scheduledVisitSchema>;

export const collectionAssignmentSchema = z.object({
  kind: z.enum(['internal_team', 'agency']),
  /** Team or agency name as the borrower would hear it. */
  name: z.string().min(1),
  /** The only numbers the lender's collectors may call from. */
  officialPhones: z.array(z.string().min(3)).min(1),
  workingHours: workingHoursSchema,
  assignedOn: isoDateSchema,
  scheduledVisits: z.array(scheduledVisitSchema).default([]),
});
export type CollectionAssignment = z.infer<typeof collectionAssignmentSchema>;

export const planTypeSchema = z.enum(['installment', 'extension', 'penalty_waiver']);
export type PlanType = z.infer<typeof planTypeSchema>;

/** A plan agreed earlier; `broken` means the borrower stopped paying it. */
export const pastPlanSchema = z.object({
  planId: z.string().min(1),
  loanId: z.string().min(1),
  type: planTypeSchema,
  startedOn: isoDateSchema,
  installments: z.number().int().positive(),
  monthlyAmountFen: fenSchema,
  status: z.enum(['active', 'completed', 'broken', 'cancelled']),
  endedOn: isoDateSchema.nullable().default(null),
});
export type PastPlan = z.infer<typeof pastPlanSchema>;

// ----- Records the bot files (request bodies, then the stored records the lender answers with) -----

export const planRequestBodySchema = z.object({
  loanId: z.string().min(1),
  type: planTypeSchema,
  installments: z.number().int().positive().max(120),
  monthlyAmountFen: fenSchema,
  /** Borrower's reason, in their words (optional). */
  reason: z.string().max(2000).optional(),
  /** Id of the plan option the bot proposed (policy engine), for the reviewer. */
  optionId: z.string().max(100).optional(),
});
export type PlanRequestBody = z.infer<typeof planRequestBodySchema>;

export const planRequestSchema = planRequestBodySchema.extend({
  reference: z.string().min(1),
  status: z.enum(['submitted', 'under_review', 'approved', 'rejected', 'withdrawn']),
  createdAt: isoDateTimeSchema,
  /** When the borrower should hear back. */
  answerBy: isoDateSchema,
});
export type PlanRequest = z.infer<typeof planRequestSchema>;

export const complaintCategorySchema = z.enum([
  'harassment',
  'third_party_contact',
  'threat',
  'impersonation',
  'unreachable_collector',
  'negotiation_refused',
  'fees',
  'other',
]);
export const complaintBodySchema = z.object({
  category: complaintCategorySchema,
  description: z.string().min(1).max(4000),
  occurredOn: isoDateSchema.optional(),
  channel: z.enum(['phone', 'sms', 'visit', 'app', 'social', 'other']).optional(),
  /** Who else was contacted (relatives, employer…), in words. */
  contactedPersons: z.string().max(500).optional(),
  callerNumber: z.string().max(40).optional(),
  priority: z.enum(['high', 'normal']).default('normal'),
});
export type ComplaintBody = z.input<typeof complaintBodySchema>;

export const complaintSchema = complaintBodySchema.extend({
  reference: z.string().min(1),
  status: z.enum(['open', 'in_progress', 'resolved', 'closed']),
  createdAt: isoDateTimeSchema,
  /** The lender's answer deadline (15 days by the complaint-handling rules). */
  answerBy: isoDateSchema,
});
export type Complaint = z.infer<typeof complaintSchema>;

export const callbackBodySchema = z.object({
  /** Start and end of the window the borrower asked for. */
  windowStart: isoDateTimeSchema,
  windowEnd: isoDateTimeSchema,
  topic: z.enum(['cannot_reach_collector', 'plan', 'account', 'complaint', 'other']),
  note: z.string().max(1000).optional(),
});
export type CallbackBody = z.infer<typeof callbackBodySchema>;

export const callbackSchema = callbackBodySchema.extend({
  reference: z.string().min(1),
  status: z.enum(['scheduled', 'done', 'missed', 'cancelled']),
  createdAt: isoDateTimeSchema,
});
export type Callback = z.infer<typeof callbackSchema>;

/** A formal hardship review (after a refused negotiation): facts for the review team, not a promise. */
export const hardshipReviewBodySchema = z.object({
  loanIds: z.array(z.string().min(1)).min(1),
  reason: z.enum(['job_loss', 'illness', 'income_drop', 'family', 'disaster', 'other']),
  description: z.string().max(4000).optional(),
  monthlyIncomeFen: fenSchema.optional(),
  affordableMonthlyFen: fenSchema.optional(),
  /** Documents the borrower says they can provide (names only; files go through the lender's app). */
  documents: z.array(z.string().max(200)).max(20).default([]),
});
export type HardshipReviewBody = z.input<typeof hardshipReviewBodySchema>;

export const hardshipReviewSchema = hardshipReviewBodySchema.extend({
  reference: z.string().min(1),
  status: z.enum(['submitted', 'under_review', 'decided']),
  createdAt: isoDateTimeSchema,
  answerBy: isoDateSchema,
});
export type HardshipReview = z.infer<typeof hardshipReviewSchema>;

// ----- The account -----

export const accountSchema = z.object({
  borrower: borrowerSchema,
  loans: z.array(loanSchema),
  legal: legalStageSchema,
  /** Null when no collector is assigned (accounts in good standing). */
  collection: collectionAssignmentSchema.nullable(),
  planHistory: z.array(pastPlanSchema),
  planRequests: z.array(planRequestSchema),
  /** Open complaints only. */
  complaints: z.array(complaintSchema),
  callbacks: z.array(callbackSchema),
  hardshipReviews: z.array(hardshipReviewSchema).default([]),
});
export type Account = z.infer<typeof accountSchema>;

/** Answer of the verification lookup: who matched. Never the ID number or the full mobile. */
export const borrowerMatchSchema = z.object({
  borrowerId: z.string().min(1),
  maskedMobile: borrowerSchema.shape.maskedMobile,
  language: borrowerLanguageSchema,
});
export type BorrowerMatch = z.infer<typeof borrowerMatchSchema>;

export const lookupBodySchema = z.object({
  /** 11-digit mainland mobile, normalised. */
  mobile: z.string().regex(/^1[3-9]\d{9}$/),
  /** Last 6 characters of the resident ID number, upper-case X. Omitted only for the one-time-code path. */
  idLast6: z
    .string()
    .regex(/^\d{5}[\dX]$/)
    .optional(),
});
export type LookupBody = z.infer<typeof lookupBodySchema>;

/** Error body of the lender API. */
export const lenderErrorSchema = z.object({ code: z.string(), message: z.string() });

// ----- Display -----

/**
 * The one money formatter: fen → `¥1,234.56` (negative: `-¥1,234.56`). Integer arithmetic only.
 * `locale` is accepted for the dialogs' sake; zh-CN, zh-TW and en all write yuan the same way.
 */
export function formatFen(fen: number, _locale?: string): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${String(cents).padStart(2, '0')}`;
}

/** Sums over the loans that still count (not settled), for a one-line summary. */
export function accountTotals(account: Account): {
  outstandingPrincipalFen: number;
  overdueAmountFen: number;
  penaltyInterestFen: number;
  feesFen: number;
  maxDaysOverdue: number;
} {
  const open = account.loans.filter((l) => l.status !== 'settled');
  return {
    outstandingPrincipalFen: open.reduce((s, l) => s + l.outstandingPrincipalFen, 0),
    overdueAmountFen: open.reduce((s, l) => s + l.overdueAmountFen, 0),
    penaltyInterestFen: open.reduce((s, l) => s + l.penaltyInterestFen, 0),
    feesFen: open.reduce((s, l) => s + l.feesFen, 0),
    maxDaysOverdue: open.reduce((m, l) => Math.max(m, l.daysOverdue), 0),
  };
}
