import { z } from 'zod';
import { vars } from '../config/vars';

// Configuration keys of services/accounts: spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example.
export const accountsConfigShape = {
  /** Base URL of the lender account API (e.g. http://127.0.0.1:3980). Unset: the embedded fixture backend. */
  LENDER_API_URL: vars.url(),
  /** Bearer token sent to the lender API (and required by the reference server when set). */
  LENDER_API_TOKEN: vars.optionalString(),
  /** Timeout of one HTTP attempt to the lender API. */
  LENDER_TIMEOUT_MS: vars.int(2000, 50, 60000),
  /** Attempts per idempotent call (GET, POST with Idempotency-Key), including the first. */
  LENDER_RETRY_ATTEMPTS: vars.int(3, 1, 10),
  /** Most time one lender call may take, retries and backoff included: bounds how long a turn waits for the lender. */
  LENDER_BUDGET_MS: vars.int(4000, 100, 120000),
  /** Consecutive failures that open the circuit breaker. */
  LENDER_BREAKER_FAILURES: vars.int(5, 1, 100),
  /** How long the circuit stays open before one trial call. */
  LENDER_BREAKER_HALF_OPEN_MS: vars.int(10000, 100, 600000),
  /**
   * The lender's own official phone numbers, comma-separated (e.g. 400 hotline, collection lines): the caller check
   * tells anyone, verified or not, whether a number is on this list. Compared by digits, so separators do not matter.
   * Unset with the embedded demo backend (no LENDER_API_URL): the union of the fixture's collection teams' numbers.
   * Unset with the HTTP lender: empty, and an unverified borrower's number can only be checked after verification.
   */
  LENDER_OFFICIAL_PHONES: vars
    .list([])
    .pipe(z.array(z.string().regex(/^(?=(?:\D*\d){5})\+?[\d\s()-]+$/, 'phone numbers: at least 5 digits, and only digits, spaces, + - ( )'))),
  /**
   * The lender's customer-service hotline, told to a borrower who asks for it ("你们的客服电话是多少"). Unset: the bot
   * says where the official number is published (the official app) and offers a person or a callback, never a number.
   */
  LENDER_HOTLINE: vars.string('').pipe(z.string().regex(/^$|^(?=(?:\D*\d){5})\+?[\d\s()-]+$/, 'a phone number: at least 5 digits, and only digits, spaces, + - ( )')),
  /** Fixture file served by the embedded backend and by `npm run lender`. */
  LENDER_FIXTURE_PATH: vars.string('services/accounts/fixtures/demoBorrowers.json'),
  /** Port of the reference lender server (`npm run lender`). */
  LENDER_PORT: vars.int(3980, 1, 65535),
  /** Artificial latency of the reference lender server per request (benchmarks use 50). */
  LENDER_LATENCY_MS: vars.int(0, 0, 60000),
  /** How long a fetched account stays fresh in the cache. */
  ACCOUNT_CACHE_TTL_SECONDS: vars.int(60, 1, 86400),
  /** How long "no such borrower" is remembered. */
  ACCOUNT_CACHE_NEGATIVE_TTL_SECONDS: vars.int(30, 1, 86400),
  /** How long the last known state is kept for the stale fallback when the lender API fails. */
  ACCOUNT_CACHE_STALE_TTL_SECONDS: vars.int(86400, 60, 30 * 86400),
  /** Lease of the cross-instance fill lock; waiting instances poll for the value up to this long. */
  ACCOUNT_CACHE_LOCK_MS: vars.int(3000, 100, 60000),
};
