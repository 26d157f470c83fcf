import type {
  Account,
  BorrowerMatch,
  Callback,
  CallbackBody,
  Complaint,
  ComplaintBody,
  HardshipReview,
  HardshipReviewBody,
  PlanRequest,
  PlanRequestBody,
} from './accountSchemas';

/** An account as the bot got it, and whether it is the live state or the last known one. */
export interface AccountSnapshot {
  account: Account;
  /** When this state was read from the lender (ISO date-time). Show it when `stale` ("截至 14:05"). */
  asOf: string;
  /** True when the lender could not be reached and this is the last known state. Never shown silently. */
  stale: boolean;
}

/**
 * Every write carries an idempotency key: the same key always yields the same record, so a retried turn or a
 * retried HTTP call never files twice. Dialogs create the key once (e.g. a UUID kept in dialog state) before
 * the confirm step and reuse it on every retry.
 */
export interface Idempotent {
  idempotencyKey: string;
}

/**
 * The lender's account service, as the bot sees it. Implementations: HttpAccountService (the real lender API),
 * FixtureAccountService (the embedded demo backend) and CachedAccountService (Redis / in-memory cache in front
 * of either).
 *
 * Errors are BotErrors: ACCOUNT_NOT_FOUND (unknown borrower), ACCOUNT_SERVICE_UNAVAILABLE (timeout, 5xx,
 * circuit open), ACCOUNT_INVALID_RESPONSE (the lender answered something off-contract), IDEMPOTENCY_CONFLICT
 * (a key reused with a different body), BAD_INPUT (the lender rejected the request).
 */
export interface AccountService {
  /** The borrower's account. Throws ACCOUNT_NOT_FOUND for an unknown borrower id. */
  getAccount(borrowerId: string): Promise<AccountSnapshot>;
  /**
   * Verification lookup: registered mobile (normalised, 11 digits) plus the last 6 ID characters (upper-case X).
   * Without `idLast6` it matches on the mobile alone (one-time-code path only). Resolves undefined on no match.
   */
  lookupBorrower(mobile: string, idLast6?: string): Promise<BorrowerMatch | undefined>;
  createPlanRequest(borrowerId: string, body: PlanRequestBody & Idempotent): Promise<PlanRequest>;
  createComplaint(borrowerId: string, body: ComplaintBody & Idempotent): Promise<Complaint>;
  createCallback(borrowerId: string, body: CallbackBody & Idempotent): Promise<Callback>;
  createHardshipReview(borrowerId: string, body: HardshipReviewBody & Idempotent): Promise<HardshipReview>;
}

/** Split the idempotency key off a write input. */
export function splitIdempotency<T extends Idempotent>(input: T): { key: string; body: Omit<T, 'idempotencyKey'> } {
  const { idempotencyKey, ...body } = input;
  return { key: idempotencyKey, body };
}
