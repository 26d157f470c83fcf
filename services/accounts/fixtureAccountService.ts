import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BotError } from '../errors/botError';
import { maskMobile } from '../logging/mask';
import { systemClock, type Clock } from '../clock';
import {
  accountSchema,
  borrowerSchema,
  callbackBodySchema,
  callbackSchema,
  complaintBodySchema,
  complaintSchema,
  hardshipReviewBodySchema,
  hardshipReviewSchema,
  planRequestBodySchema,
  planRequestSchema,
  type Account,
  type BorrowerMatch,
  type Callback,
  type CallbackBody,
  type Complaint,
  type ComplaintBody,
  type HardshipReview,
  type HardshipReviewBody,
  type PlanRequest,
  type PlanRequestBody,
} from './accountSchemas';
import { splitIdempotency, type AccountService, type AccountSnapshot, type Idempotent } from './accountService';

/**
 * Fixture file format. Dates may be written relative to today so the demo never goes out of date:
 * `@today`, `@today-45d`, `@today+10d` (→ YYYY-MM-DD) and `@today+1dT10:00` (→ date-time at +08:00).
 * The fixture holds the secrets the lender would hold (full mobile, last 6 ID characters); the account it
 * serves carries only the masked mobile.
 */
export const fixtureFileSchema = z.object({
  borrowers: z
    .array(
      z.object({
        mobile: z.string().regex(/^1[3-9]\d{9}$/),
        idLast6: z.string().regex(/^\d{5}[\dX]$/),
        /** What this demo borrower exercises (for the README table). */
        scenario: z.string(),
        account: accountSchema.extend({ borrower: borrowerSchema.omit({ maskedMobile: true }) }),
      }),
    )
    .min(1),
});

export interface FixtureBorrower {
  mobile: string;
  idLast6: string;
  scenario: string;
  account: Account;
}

const RELATIVE = /^@today(?:([+-]\d+)d)?(?:T([01]\d|2[0-3]):([0-5]\d))?$/;
/** The lender's UTC offset (Asia/Shanghai has no daylight saving). */
const OFFSET_MS = 8 * 3600 * 1000;

function resolveRelativeDates(value: unknown, now: number): unknown {
  if (typeof value === 'string') {
    const m = RELATIVE.exec(value);
    if (!m) return value;
    const day = new Date(now + OFFSET_MS + Number(m[1] ?? 0) * 86400000).toISOString().slice(0, 10);
    return m[2] === undefined ? day : `${day}T${m[2]}:${m[3]}:00+08:00`;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRelativeDates(v, now));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRelativeDates(v, now)]));
  }
  return value;
}

/** Parse fixture JSON (already read) into borrowers, resolving relative dates against `now`. */
export function parseFixture(json: unknown, now: number, source = 'fixture'): FixtureBorrower[] {
  const result = fixtureFileSchema.safeParse(resolveRelativeDates(json, now));
  if (!result.success) {
    const lines = result.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new BotError('CONFIG_INVALID', `Invalid lender fixture ${source}:\n${lines.join('\n')}`);
  }
  const seen = new Set<string>();
  return result.data.borrowers.map((b) => {
    if (seen.has(b.account.borrower.id)) throw new BotError('CONFIG_INVALID', `duplicate borrower id ${b.account.borrower.id} in ${source}`);
    seen.add(b.account.borrower.id);
    return {
      mobile: b.mobile,
      idLast6: b.idLast6,
      scenario: b.scenario,
      account: { ...b.account, borrower: { ...b.account.borrower, maskedMobile: maskMobile(b.mobile) } },
    };
  });
}

/** Read and parse a fixture file. */
export function loadFixtureFile(path: string, clock: Clock = systemClock): FixtureBorrower[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new BotError('CONFIG_INVALID', `cannot read lender fixture ${path}`, { cause: err });
  }
  return parseFixture(JSON.parse(raw), clock.now(), path);
}

/**
 * Every official number of the fixture's collection teams, each once (compared by digits, first spelling kept):
 * the demo's lender-wide list of official numbers when LENDER_OFFICIAL_PHONES is unset.
 */
export function fixtureOfficialPhones(borrowers: readonly FixtureBorrower[]): string[] {
  const seen = new Map<string, string>();
  for (const phone of borrowers.flatMap((b) => b.account.collection?.officialPhones ?? [])) {
    const digits = phone.replace(/\D/g, '');
    if (!seen.has(digits)) seen.set(digits, phone);
  }
  return [...seen.values()];
}

type RecordKind = 'plan' | 'complaint' | 'callback' | 'hardship';
const PREFIX: Record<RecordKind, string> = { plan: 'PR', complaint: 'CP', callback: 'CB', hardship: 'HR' };
const DAY = 86400000;

/**
 * The embedded lender backend: serves a fixture in-process through the AccountService interface and keeps the
 * records the bot files in memory (lost on restart). Also the engine behind the reference lender server, so
 * both behave the same. Idempotency: the same key (per borrower and record type) returns the same record;
 * the same key with a different body is IDEMPOTENCY_CONFLICT.
 */
export class FixtureAccountService implements AccountService {
  private readonly accounts = new Map<string, Account>();
  private readonly byMobile = new Map<string, FixtureBorrower[]>();
  private readonly idempotency = new Map<string, { fingerprint: string; record: unknown }>();
  private sequence = 0;

  constructor(
    borrowers: FixtureBorrower[],
    private readonly clock: Clock = systemClock,
  ) {
    for (const b of borrowers) {
      this.accounts.set(b.account.borrower.id, structuredClone(b.account));
      this.byMobile.set(b.mobile, [...(this.byMobile.get(b.mobile) ?? []), b]);
    }
  }

  static fromFile(path: string, clock: Clock = systemClock): FixtureAccountService {
    return new FixtureAccountService(loadFixtureFile(path, clock), clock);
  }

  /** Every collection team number in the fixture, each once (the demo lender's official numbers). */
  officialPhones(): string[] {
    return fixtureOfficialPhones([...this.byMobile.values()].flat());
  }

  async getAccount(borrowerId: string): Promise<AccountSnapshot> {
    const account = this.accounts.get(borrowerId);
    if (!account) throw new BotError('ACCOUNT_NOT_FOUND', 'no account for this borrower id');
    return { account: structuredClone(account), asOf: new Date(this.clock.now()).toISOString(), stale: false };
  }

  async lookupBorrower(mobile: string, idLast6?: string): Promise<BorrowerMatch | undefined> {
    const candidates = this.byMobile.get(mobile) ?? [];
    const match = idLast6 === undefined ? (candidates.length === 1 ? candidates[0] : undefined) : candidates.find((b) => b.idLast6 === idLast6.toUpperCase());
    if (!match) return undefined;
    const { id, maskedMobile, language } = this.accounts.get(match.account.borrower.id)!.borrower;
    return { borrowerId: id, maskedMobile, language };
  }

  async createPlanRequest(borrowerId: string, input: PlanRequestBody & Idempotent): Promise<PlanRequest> {
    return this.create(borrowerId, 'plan', input, planRequestBodySchema, (account, body, base) => {
      if (!account.loans.some((l) => l.loanId === body.loanId)) throw new BotError('BAD_INPUT', 'loanId does not belong to this borrower');
      const record = planRequestSchema.parse({ ...body, ...base, status: 'submitted', answerBy: this.dayFromNow(5) });
      account.planRequests.push(record);
      return record;
    });
  }

  async createComplaint(borrowerId: string, input: ComplaintBody & Idempotent): Promise<Complaint> {
    return this.create(borrowerId, 'complaint', input, complaintBodySchema, (account, body, base) => {
      const record = complaintSchema.parse({ ...body, ...base, status: 'open', answerBy: this.dayFromNow(15) });
      account.complaints.push(record);
      return record;
    });
  }

  async createCallback(borrowerId: string, input: CallbackBody & Idempotent): Promise<Callback> {
    return this.create(borrowerId, 'callback', input, callbackBodySchema, (account, body, base) => {
      if (Date.parse(body.windowEnd) <= Date.parse(body.windowStart)) throw new BotError('BAD_INPUT', 'windowEnd must be after windowStart');
      const record = callbackSchema.parse({ ...body, ...base, status: 'scheduled' });
      account.callbacks.push(record);
      return record;
    });
  }

  async createHardshipReview(borrowerId: string, input: HardshipReviewBody & Idempotent): Promise<HardshipReview> {
    return this.create(borrowerId, 'hardship', input, hardshipReviewBodySchema, (account, body, base) => {
      const unknown = body.loanIds.filter((id) => !account.loans.some((l) => l.loanId === id));
      if (unknown.length) throw new BotError('BAD_INPUT', 'loanIds do not belong to this borrower');
      const record = hardshipReviewSchema.parse({ ...body, ...base, status: 'submitted', answerBy: this.dayFromNow(15) });
      account.hardshipReviews.push(record);
      return record;
    });
  }

  private create<S extends z.ZodType, R>(
    borrowerId: string,
    kind: RecordKind,
    input: Idempotent,
    schema: S,
    apply: (account: Account, body: z.infer<S>, base: { reference: string; createdAt: string }) => R,
  ): R {
    const { key, body: rawBody } = splitIdempotency(input);
    if (typeof key !== 'string' || key.length < 8 || key.length > 200) throw new BotError('BAD_INPUT', 'Idempotency-Key must be 8–200 characters');
    const parsed = schema.safeParse(rawBody);
    if (!parsed.success) throw new BotError('BAD_INPUT', `invalid ${kind} request: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
    const account = this.accounts.get(borrowerId);
    if (!account) throw new BotError('ACCOUNT_NOT_FOUND', 'no account for this borrower id');
    const scope = `${borrowerId}\u0000${kind}\u0000${key}`;
    const fingerprint = JSON.stringify(parsed.data);
    const previous = this.idempotency.get(scope);
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw new BotError('IDEMPOTENCY_CONFLICT', 'Idempotency-Key reused with a different body');
      return structuredClone(previous.record) as R;
    }
    const now = this.clock.now();
    const day = new Date(now + OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
    const reference = `${PREFIX[kind]}-${day}-${String(++this.sequence).padStart(4, '0')}`;
    const record = apply(account, parsed.data, { reference, createdAt: new Date(now).toISOString() });
    this.idempotency.set(scope, { fingerprint, record: structuredClone(record) });
    return structuredClone(record);
  }

  private dayFromNow(days: number): string {
    return new Date(this.clock.now() + OFFSET_MS + days * DAY).toISOString().slice(0, 10);
  }
}
