import { BotError, errorCode, isBotError } from '../errors/botError';
import { silentLogger, type Logger } from '../logging/logger';
import { systemClock, type Clock } from '../clock';
import type { BorrowerMatch, Callback, CallbackBody, Complaint, ComplaintBody, HardshipReview, HardshipReviewBody, PlanRequest, PlanRequestBody } from './accountSchemas';
import type { AccountService, AccountSnapshot, Idempotent } from './accountService';
import type { AccountCacheStore, CachedAccountValue } from './accountCacheStore';

/** One thing the cache did, for metrics (prom-client counters/histograms are wired in index.ts). */
export type AccountCacheEvent =
  | { type: 'hit' | 'negative_hit' | 'miss' | 'stale' | 'store_error' }
  | { type: 'backend'; ms: number; outcome: 'ok' | 'not_found' | 'error' };

/** Running totals, readable at any time (e.g. by a /metrics handler or the benchmark). */
export interface AccountCacheCounters {
  hits: number;
  negativeHits: number;
  misses: number;
  /** Reads answered with the last known state because the backend failed. */
  stale: number;
  backendCalls: number;
  backendErrors: number;
  backendMsTotal: number;
  backendMsMax: number;
  /** Cache store (Redis) failures; reads then go straight to the backend. */
  storeErrors: number;
}

export interface CachedAccountServiceDeps {
  /** The real service: HttpAccountService or FixtureAccountService. */
  backend: AccountService;
  store: AccountCacheStore;
  /** Lease of the cross-instance fill lock; waiters poll up to this long before calling the backend themselves. */
  lockLeaseMs: number;
  /** Poll interval of instances waiting for another's fill. Default 10 ms. */
  pollIntervalMs?: number;
  clock?: Clock;
  logger?: Logger;
  metrics?: (event: AccountCacheEvent) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Read-through cache in front of an AccountService.
 * - Hit: answered from the store. Miss: one backend call per borrower however many readers miss at once:
 *   in this process through a promise map, across instances through a short lock in the store (the others
 *   poll for the value).
 * - "Not found" is cached too (shorter TTL).
 * - Writes go to the backend, then invalidate the borrower's entry; a fill that raced the write is dropped. The
 *   account is then read again in the background, so the borrower's next turn (the hand-off's snapshot, "what do
 *   I owe now") finds it cached instead of waiting for the lender.
 * - Backend failure with a last known state: that state, `stale: true` and its `asOf`. Without one: the error.
 * - Store failure (Redis down): reads go to the backend uncached.
 * Waiting and polling use real timers; the injected clock only stamps `asOf`.
 */
export class CachedAccountService implements AccountService {
  readonly counters: AccountCacheCounters = {
    hits: 0,
    negativeHits: 0,
    misses: 0,
    stale: 0,
    backendCalls: 0,
    backendErrors: 0,
    backendMsTotal: 0,
    backendMsMax: 0,
    storeErrors: 0,
  };
  private readonly inflight = new Map<string, Promise<AccountSnapshot>>();
  private readonly backend: AccountService;
  private readonly store: AccountCacheStore;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: CachedAccountServiceDeps) {
    this.backend = deps.backend;
    this.store = deps.store;
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger();
  }

  async getAccount(borrowerId: string): Promise<AccountSnapshot> {
    let generation: number | undefined;
    let cachedValue: CachedAccountValue | undefined;
    try {
      ({ value: cachedValue, generation } = await this.store.read(borrowerId));
    } catch (err) {
      this.storeFailed('read', err);
    }
    if (cachedValue) return this.fromCache(cachedValue);
    this.emit({ type: 'miss' });
    this.counters.misses++;
    const running = this.inflight.get(borrowerId);
    if (running) return running;
    const work = (generation === undefined ? this.fetch(borrowerId, undefined) : this.fillAcrossInstances(borrowerId)).finally(() => {
      if (this.inflight.get(borrowerId) === work) this.inflight.delete(borrowerId);
    });
    this.inflight.set(borrowerId, work);
    return work;
  }

  lookupBorrower(mobile: string, idLast6?: string): Promise<BorrowerMatch | undefined> {
    // Never cached: verification must see the lender's current answer.
    return this.backend.lookupBorrower(mobile, idLast6);
  }

  async createPlanRequest(borrowerId: string, body: PlanRequestBody & Idempotent): Promise<PlanRequest> {
    return this.afterWrite(borrowerId, await this.backend.createPlanRequest(borrowerId, body));
  }

  async createComplaint(borrowerId: string, body: ComplaintBody & Idempotent): Promise<Complaint> {
    return this.afterWrite(borrowerId, await this.backend.createComplaint(borrowerId, body));
  }

  async createCallback(borrowerId: string, body: CallbackBody & Idempotent): Promise<Callback> {
    return this.afterWrite(borrowerId, await this.backend.createCallback(borrowerId, body));
  }

  async createHardshipReview(borrowerId: string, body: HardshipReviewBody & Idempotent): Promise<HardshipReview> {
    return this.afterWrite(borrowerId, await this.backend.createHardshipReview(borrowerId, body));
  }

  /** Drop the cached account (also called after every write). */
  async invalidate(borrowerId: string): Promise<void> {
    this.inflight.delete(borrowerId);
    try {
      await this.store.invalidate(borrowerId);
    } catch (err) {
      this.storeFailed('invalidate', err);
    }
  }

  private async afterWrite<T>(borrowerId: string, record: T): Promise<T> {
    await this.invalidate(borrowerId);
    // Not awaited: the write's turn answers now. A failed refresh only means the next read goes to the lender.
    this.getAccount(borrowerId).catch((err) =>
      this.logger.warn({ event: 'account_cache.refresh_failed', borrowerId, code: errorCode(err) }, 'could not refresh the account after a write'),
    );
    return record;
  }

  private fromCache(value: CachedAccountValue): AccountSnapshot {
    if (value.kind === 'not_found') {
      this.counters.negativeHits++;
      this.emit({ type: 'negative_hit' });
      throw new BotError('ACCOUNT_NOT_FOUND', 'no account for this borrower id (cached)');
    }
    this.counters.hits++;
    this.emit({ type: 'hit' });
    return { account: value.account, asOf: value.asOf, stale: false };
  }

  /** Become the one instance that fills, or wait for the one that does. */
  private async fillAcrossInstances(borrowerId: string): Promise<AccountSnapshot> {
    const deadline = performance.now() + this.deps.lockLeaseMs;
    const poll = this.deps.pollIntervalMs ?? 10;
    try {
      for (;;) {
        const token = await this.store.tryLock(borrowerId, this.deps.lockLeaseMs);
        if (token) {
          try {
            // Someone may have filled between our miss and our lock.
            const again = await this.store.read(borrowerId);
            if (again.value) return this.fromCache(again.value);
            return await this.fetch(borrowerId, again.generation);
          } finally {
            await this.store.unlock(borrowerId, token).catch((err) => this.storeFailed('unlock', err));
          }
        }
        if (performance.now() >= deadline) break;
        await sleep(poll);
        const read = await this.store.read(borrowerId);
        if (read.value) return this.fromCache(read.value);
      }
    } catch (err) {
      if (isBotError(err)) throw err;
      this.storeFailed('lock', err);
      return this.fetch(borrowerId, undefined);
    }
    // The filler is slow or gone: ask the backend ourselves rather than fail the borrower.
    this.logger.warn({ event: 'account_cache.lock_wait_expired', borrowerId }, 'gave up waiting for another instance');
    return this.fetch(borrowerId, (await this.store.read(borrowerId).catch(() => undefined))?.generation);
  }

  /** Call the backend; store what it says (if `generation` is known); fall back to the last known state. */
  private async fetch(borrowerId: string, generation: number | undefined): Promise<AccountSnapshot> {
    this.counters.backendCalls++;
    const started = performance.now();
    try {
      const snapshot = await this.backend.getAccount(borrowerId);
      this.backendDone(started, 'ok');
      if (generation !== undefined) {
        await this.store
          .fill(borrowerId, generation, { kind: 'account', account: snapshot.account, asOf: snapshot.asOf })
          .catch((err) => this.storeFailed('fill', err));
      }
      return snapshot;
    } catch (err) {
      if (isBotError(err, 'ACCOUNT_NOT_FOUND')) {
        this.backendDone(started, 'not_found');
        if (generation !== undefined) {
          await this.store
            .fill(borrowerId, generation, { kind: 'not_found', asOf: new Date(this.clock.now()).toISOString() })
            .catch((e) => this.storeFailed('fill', e));
        }
        throw err;
      }
      this.backendDone(started, 'error');
      this.counters.backendErrors++;
      const last = await this.store.lastKnown(borrowerId).catch((e) => {
        this.storeFailed('lastKnown', e);
        return undefined;
      });
      if (!last) throw err;
      this.counters.stale++;
      this.emit({ type: 'stale' });
      this.logger.warn({ event: 'account_cache.stale_served', borrowerId, asOf: last.asOf, code: errorCode(err) }, 'serving last known account state');
      return { account: last.account, asOf: last.asOf, stale: true };
    }
  }

  private backendDone(started: number, outcome: 'ok' | 'not_found' | 'error'): void {
    const ms = performance.now() - started;
    this.counters.backendMsTotal += ms;
    this.counters.backendMsMax = Math.max(this.counters.backendMsMax, ms);
    this.emit({ type: 'backend', ms, outcome });
  }

  private storeFailed(op: string, err: unknown): void {
    this.counters.storeErrors++;
    this.emit({ type: 'store_error' });
    this.logger.warn({ event: 'account_cache.store_failed', op, err: (err as Error)?.message }, 'account cache store failed');
  }

  private emit(event: AccountCacheEvent): void {
    try {
      this.deps.metrics?.(event);
    } catch {
      // a metrics sink must never break a read
    }
  }
}
