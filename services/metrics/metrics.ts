import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The bot's Prometheus metrics, on a registry of its own (several apps in one test process don't collide).
 * Services receive the narrow recorder they need, not this class.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly turns = new Counter({ name: 'bot_turns_total', help: 'Turns processed', labelNames: ['channel', 'type'] as const, registers: [this.registry] });
  readonly turnDuration = new Histogram({
    name: 'bot_turn_duration_seconds',
    help: 'Turn latency from activity received to turn end',
    labelNames: ['channel'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly intents = new Counter({ name: 'bot_intents_total', help: 'Recognised intents', labelNames: ['intent', 'source'] as const, registers: [this.registry] });
  readonly recognizerFallbacks = new Counter({
    name: 'nlu_fallbacks_total',
    help: 'Cloud recogniser calls that fell back to the embedded recogniser',
    labelNames: ['backend', 'reason'] as const,
    registers: [this.registry],
  });
  /** Messages that made a conversation urgent (words of wanting to die, danger now): each one goes to a person at P1. */
  readonly urgent = new Counter({ name: 'bot_urgent_messages_total', help: 'Messages that made a conversation urgent', labelNames: ['reason'] as const, registers: [this.registry] });
  readonly errors = new Counter({ name: 'bot_errors_total', help: 'Turn errors by code', labelNames: ['code'] as const, registers: [this.registry] });
  readonly rateLimited = new Counter({ name: 'bot_rate_limited_total', help: 'Messages refused by rate limits', labelNames: ['scope'] as const, registers: [this.registry] });
  readonly cacheEvents = new Counter({
    name: 'account_cache_events_total',
    help: 'Account cache reads by result (hit, miss, stale, negative)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly lenderLatency = new Histogram({
    name: 'lender_api_duration_seconds',
    help: 'Lender API call latency',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly lenderErrors = new Counter({ name: 'lender_api_errors_total', help: 'Lender API errors', labelNames: ['operation', 'code'] as const, registers: [this.registry] });
  readonly handoffQueueDepth = new Gauge({ name: 'handoff_queue_depth', help: 'Tickets waiting, by priority', labelNames: ['priority'] as const, registers: [this.registry] });
  readonly handoffWait = new Histogram({
    name: 'handoff_wait_seconds',
    help: 'Time from enqueue to an agent claiming the ticket; kind: live (the borrower waits) or message (left for a person, often overnight)',
    labelNames: ['kind'] as const,
    buckets: [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 4 * 3600, 12 * 3600, 24 * 3600],
    registers: [this.registry],
  });

  private queueDepth: (() => Promise<Record<1 | 2 | 3, number>>) | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Read the hand-off queue's depth on every scrape (it lives in Redis, shared by the instances). */
  watchHandoffQueue(depth: () => Promise<Record<1 | 2 | 3, number>>): void {
    this.queueDepth = depth;
  }

  async render(): Promise<{ contentType: string; body: string }> {
    if (this.queueDepth) {
      // A store that cannot answer leaves the last values: a scrape never fails because of it.
      const depth = await this.queueDepth().catch(() => undefined);
      if (depth) for (const p of [1, 2, 3] as const) this.handoffQueueDepth.set({ priority: `P${p}` }, depth[p]);
    }
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
