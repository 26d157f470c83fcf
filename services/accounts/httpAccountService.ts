import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isTaskCancelledError,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import type { z } from 'zod';
import { BotError, isBotError } from '../errors/botError';
import { silentLogger, type Logger } from '../logging/logger';
import { systemClock, type Clock } from '../clock';
import {
  accountSchema,
  borrowerMatchSchema,
  callbackSchema,
  complaintSchema,
  hardshipReviewSchema,
  planRequestSchema,
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

export interface HttpAccountServiceOptions {
  /** Base URL of the lender API, e.g. http://127.0.0.1:3980 (LENDER_API_URL). */
  baseUrl: string;
  /** Bearer token (LENDER_API_TOKEN). */
  apiToken?: string;
  /** Timeout of one attempt (LENDER_TIMEOUT_MS). */
  timeoutMs: number;
  /** Attempts per idempotent call, including the first (LENDER_RETRY_ATTEMPTS). */
  retryAttempts: number;
  /** Consecutive failures that open the circuit (LENDER_BREAKER_FAILURES). */
  breakerFailures: number;
  /** How long the circuit stays open before a trial call (LENDER_BREAKER_HALF_OPEN_MS). */
  breakerHalfOpenMs: number;
  /** Most time one call may take, all attempts and backoff included (LENDER_BUDGET_MS); unset: no overall cap. */
  budgetMs?: number;
  /** First retry delay; doubles with jitter up to 1 s. Default 100 ms. */
  retryInitialDelayMs?: number;
  logger?: Logger;
  clock?: Clock;
}

/** A failure worth retrying and counting against the circuit: network error, timeout, 429, 5xx. */
class TransientLenderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const isTransient = (err: unknown) => err instanceof TransientLenderError || isTaskCancelledError(err);

interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
  /** 404 resolves undefined instead of throwing ACCOUNT_NOT_FOUND. */
  notFoundIsUndefined?: boolean;
}

/** A timeout that stops waiting at once (Aggressive) and aborts the call only when it times out. */
const LEAN_TIMEOUT = { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false };

/**
 * AccountService over the lender HTTP API (lenderApi.openapi.yaml), with cockatiel policies:
 * a per-attempt timeout; retries with exponential backoff for idempotent calls only (GET, and POSTs that carry
 * an Idempotency-Key; the verification lookup is not retried, so a lender-side attempt counter sees each try
 * once); one circuit breaker shared by all calls. Every answer is validated with zod: an off-contract payload
 * is BotError('ACCOUNT_INVALID_RESPONSE'), never a crash.
 */
export class HttpAccountService implements AccountService {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly idempotentPolicy: IPolicy;
  private readonly singleShotPolicy: IPolicy;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly baseUrl: string;

  constructor(private readonly options: HttpAccountServiceOptions) {
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? systemClock;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.breaker = circuitBreaker(handleWhen(isTransient), {
      halfOpenAfter: options.breakerHalfOpenMs,
      breaker: new ConsecutiveBreaker(options.breakerFailures),
    });
    this.breaker.onBreak(() => this.logger.warn({ event: 'lender.circuit_open' }, 'lender API circuit opened'));
    this.breaker.onReset(() => this.logger.info({ event: 'lender.circuit_closed' }, 'lender API circuit closed'));
    // No abort when a call returns: by then its response is read and nothing is left to cancel, and each abort built a
    // DOMException and ran the signal's listeners (two timeouts a lender call: 1 % of the bot's CPU under load).
    const perAttempt = timeout(options.timeoutMs, LEAN_TIMEOUT);
    const retries = retry(handleWhen(isTransient), {
      maxAttempts: Math.max(0, options.retryAttempts - 1),
      backoff: new ExponentialBackoff({ initialDelay: options.retryInitialDelayMs ?? 100, maxDelay: 1000 }),
    });
    retries.onRetry((reason) =>
      this.logger.debug({ event: 'lender.retry', reason: 'error' in reason ? String(reason.error) : 'value' }, 'retrying lender call'),
    );
    // The budget bounds what a turn waits for the lender: without it, timeout x attempts + backoff (6.3 s with the
    // defaults) could pass before the borrower hears anything.
    const withinBudget = (policy: IPolicy): IPolicy =>
      options.budgetMs ? wrap(timeout(options.budgetMs, LEAN_TIMEOUT), policy) : policy;
    this.idempotentPolicy = withinBudget(wrap(retries, this.breaker, perAttempt));
    this.singleShotPolicy = withinBudget(wrap(this.breaker, perAttempt));
  }

  /** For health checks and metrics. */
  circuitState(): 'closed' | 'open' | 'half_open' | 'isolated' {
    const names = { [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half_open', [CircuitState.Isolated]: 'isolated' } as const;
    return names[this.breaker.state];
  }

  async getAccount(borrowerId: string): Promise<AccountSnapshot> {
    const account = await this.call('GET', `/v1/borrowers/${encodeURIComponent(borrowerId)}/account`, accountSchema, true, {});
    return { account: account!, asOf: new Date(this.clock.now()).toISOString(), stale: false };
  }

  async lookupBorrower(mobile: string, idLast6?: string): Promise<BorrowerMatch | undefined> {
    return this.call('POST', '/v1/borrowers/lookup', borrowerMatchSchema, false, {
      body: idLast6 === undefined ? { mobile } : { mobile, idLast6 },
      notFoundIsUndefined: true,
    });
  }

  createPlanRequest(borrowerId: string, input: PlanRequestBody & Idempotent): Promise<PlanRequest> {
    return this.write(borrowerId, 'plan-requests', input, planRequestSchema);
  }

  createComplaint(borrowerId: string, input: ComplaintBody & Idempotent): Promise<Complaint> {
    return this.write(borrowerId, 'complaints', input, complaintSchema);
  }

  createCallback(borrowerId: string, input: CallbackBody & Idempotent): Promise<Callback> {
    return this.write(borrowerId, 'callbacks', input, callbackSchema);
  }

  createHardshipReview(borrowerId: string, input: HardshipReviewBody & Idempotent): Promise<HardshipReview> {
    return this.write(borrowerId, 'hardship-reviews', input, hardshipReviewSchema);
  }

  private async write<S extends z.ZodType>(borrowerId: string, route: string, input: Idempotent, schema: S): Promise<z.infer<S>> {
    const { key, body } = splitIdempotency(input);
    if (!key) throw new BotError('BAD_INPUT', 'idempotencyKey is required');
    const record = await this.call('POST', `/v1/borrowers/${encodeURIComponent(borrowerId)}/${route}`, schema, true, { body, idempotencyKey: key });
    return record!;
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    idempotent: boolean,
    opts: RequestOptions,
  ): Promise<z.infer<S> | undefined> {
    const policy = idempotent ? this.idempotentPolicy : this.singleShotPolicy;
    const started = performance.now();
    try {
      return await policy.execute(({ signal }) => this.attempt(method, path, schema, opts, signal));
    } catch (err) {
      const ms = Math.round(performance.now() - started);
      if (isBotError(err)) {
        if (err.code !== 'ACCOUNT_NOT_FOUND') this.logger.warn({ event: 'lender.call_failed', method, path, code: err.code, ms }, err.message);
        throw err;
      }
      const reason = isBrokenCircuitError(err) ? 'circuit open' : isTaskCancelledError(err) ? `timeout after ${this.options.timeoutMs} ms` : (err as Error).message;
      this.logger.warn({ event: 'lender.call_failed', method, path, code: 'ACCOUNT_SERVICE_UNAVAILABLE', reason, ms }, 'lender API unavailable');
      throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', `lender API unavailable: ${reason}`, { cause: err });
    }
  }

  private async attempt<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    opts: RequestOptions,
    signal: AbortSignal,
  ): Promise<z.infer<S> | undefined> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    if (this.options.apiToken) headers.authorization = `Bearer ${this.options.apiToken}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal,
      });
      text = await response.text();
    } catch (err) {
      if (signal.aborted) throw err;
      throw new TransientLenderError(`network error: ${(err as Error).message}`, undefined, { cause: err });
    }
    const status = response.status;
    if (status === 429 || status >= 500) throw new TransientLenderError(`lender answered ${status}`, status);
    if (status === 404) {
      if (opts.notFoundIsUndefined) return undefined;
      throw new BotError('ACCOUNT_NOT_FOUND', `lender answered 404 for ${path}`);
    }
    if (status === 409) throw new BotError('IDEMPOTENCY_CONFLICT', 'lender rejected a reused Idempotency-Key');
    if (status === 401 || status === 403) throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', `lender refused our credentials (${status})`);
    if (status >= 400) throw new BotError('BAD_INPUT', `lender rejected the request (${status}): ${text.slice(0, 200)}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new BotError('ACCOUNT_INVALID_RESPONSE', `lender answered ${status} with a body that is not JSON`, { cause: err });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      throw new BotError('ACCOUNT_INVALID_RESPONSE', `lender answer breaks the contract: ${where}`, { cause: parsed.error });
    }
    return parsed.data;
  }
}
