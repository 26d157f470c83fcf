// Hand-off benchmark on the real Redis: enqueue and claim throughput and latency, and agent message → borrower
// delivery latency across two instances (two HandoffServices with their own Redis connections, one process).
//   npm run bench:handoff            (REDIS_URL / TEST_REDIS_URL, default redis://127.0.0.1:6379)
// Writes bench/results/handoff.md and bench/results/handoff.json.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { systemClock } from '../../services/clock';
import { silentLogger } from '../../services/logging/logger';
import { RedisKeys } from '../../services/redis/keys';
import { RedisAgentPresence } from '../../services/handoff/agentPresence';
import { RedisHandoffBus, type BorrowerEvent, type BorrowerNotifier } from '../../services/handoff/handoffBus';
import { HandoffService } from '../../services/handoff/handoffService';
import { RedisHandoffQueue } from '../../services/handoff/redisHandoffQueue';
import { RedisTicketMessageStore } from '../../services/handoff/ticketMessageStore';
import { RedisTranscriptStore } from '../../services/handoff/transcriptStore';
import type { TicketRequest } from '../../services/handoff/ticket';

const REDIS_URL = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const N_QUEUE = Number(process.env.BENCH_TICKETS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const N_MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const MESSAGE_CONCURRENCY = Number(process.env.BENCH_MESSAGE_CONCURRENCY ?? 10);
const prefix = `bench-handoff-${randomUUID().slice(0, 8)}`;
const keys = new RedisKeys(prefix);
const logger = silentLogger();
const clients: Redis[] = [];
const client = () => {
  const c = new Redis(REDIS_URL);
  clients.push(c);
  return c;
};

function req(conversationId: string, i: number): TicketRequest {
  return {
    conversationId,
    conversationReference: { conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' }, serviceUrl: 'http://localhost:3978', channelId: 'directline', user: { id: 'u', name: 'borrower' }, bot: { id: 'b', name: 'bot' } },
    reason: 'installment_plan',
    priority: ((i % 3) + 1) as 1 | 2 | 3,
    skills: i % 5 === 0 ? ['negotiation'] : [],
    intents: [{ intent: 'installment_plan', confidence: 0.9 }],
    language: 'zh-CN',
    records: [],
  };
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { n: s.length, p50: r(q(50)), p95: r(q(95)), p99: r(q(99)), max: r(s[s.length - 1]) };
}

/** Run `total` operations with `concurrency` in flight; per-operation latencies in ms and overall ops/s. */
async function run(total: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { opsPerSecond: Math.round(total / seconds), ...stats(latencies) };
}

function makeInstance(instanceId: string, notifier?: BorrowerNotifier) {
  const redis = client();
  const options = { clock: systemClock, timeZone: 'Asia/Shanghai', retentionMs: 3_600_000, maxTicketsPerAgent: 1_000_000 };
  const queue = new RedisHandoffQueue(redis, keys, options);
  const service = new HandoffService({
    queue,
    transcripts: new RedisTranscriptStore(redis, keys, { clock: systemClock, ttlMs: 3_600_000 }),
    messages: new RedisTicketMessageStore(redis, keys, { clock: systemClock, retentionMs: 3_600_000 }),
    presence: new RedisAgentPresence(redis, keys, { clock: systemClock, windowMs: 90_000 }),
    bus: new RedisHandoffBus({ publisher: redis, subscriber: client(), keys, logger }),
    instanceId,
    notifier,
    clock: systemClock,
    logger,
    options: { maxWaitMs: 3_600_000, requireAgentOnline: false, defaultHandleSeconds: 300, sweepIntervalMs: 3_600_000 },
  });
  return { queue, service };
}

async function main(): Promise<void> {
  const admin = client();
  const redisVersion = /redis_version:(\S+)/.exec(await admin.info('server'))?.[1] ?? 'unknown';

  // 1. Enqueue and claim on one queue object (one connection, commands pipelined by ioredis).
  const { queue } = makeInstance('bench-queue');
  const enqueue = await run(N_QUEUE, CONCURRENCY, (i) => queue.enqueue(req(`q-${i}`, i)));
  const depth = (await queue.waiting(N_QUEUE + 10)).length;
  const negotiators = new Set<number>();
  const claim = await run(N_QUEUE, CONCURRENCY, async (i) => {
    // Every fifth claimer has the negotiation skill, so skilled tickets are claimable too.
    const skilled = i % 5 === 0;
    if (skilled) negotiators.add(i);
    return queue.claimNext({ id: `agent-${i % 200}`, displayName: 'A', skills: skilled ? ['negotiation'] : [] });
  });
  const leftAfterClaims = (await queue.waiting(N_QUEUE + 10)).length;

  // 2. Delivery across two instances: borrower held by instance A, agent replying on instance B.
  const sentAt = new Map<string, number>();
  const delivery: number[] = [];
  let resolveAll!: () => void;
  const allDelivered = new Promise<void>((r) => (resolveAll = r));
  const notifierA: BorrowerNotifier = {
    async deliver(_ref, event: BorrowerEvent) {
      if (event.kind !== 'message') return;
      const t0 = sentAt.get(event.text);
      if (t0 === undefined) return;
      delivery.push(performance.now() - t0);
      if (delivery.length === N_MESSAGES) resolveAll();
    },
  };
  const a = makeInstance('bench-a', notifierA);
  const b = makeInstance('bench-b');
  await a.service.start();
  await b.service.start();
  const agent = { id: 'bench-agent', displayName: 'Bench', skills: ['legal', 'negotiation', 'complaints'] as const };
  const conversations = 20;
  const tickets: string[] = [];
  for (let i = 0; i < conversations; i++) {
    await a.service.requestHandoff({ ...req(`d-${i}`, i), skills: [] });
  }
  for (let i = 0; i < conversations + N_QUEUE; i++) {
    const r = await b.service.claimNext({ ...agent, skills: [...agent.skills] });
    if (!r.ticket) break;
    if (r.ticket.conversationId.startsWith('d-')) tickets.push(r.ticket.id);
  }
  // Warm-up (script loading, connections).
  for (let i = 0; i < 20; i++) await b.service.reply({ ...agent, skills: [] }, tickets[0], `warm-${i}`);
  const replyStart = performance.now();
  const replyLatency = await run(N_MESSAGES, MESSAGE_CONCURRENCY, async (i) => {
    const text = `m-${i}`;
    sentAt.set(text, performance.now());
    await b.service.reply({ ...agent, skills: [] }, tickets[i % tickets.length], text);
  });
  await Promise.race([allDelivered, new Promise((r) => setTimeout(r, 10_000))]);
  const deliverySeconds = (performance.now() - replyStart) / 1000;
  const deliveryStats = stats(delivery);
  await a.service.stop();
  await b.service.stop();

  const pkg = (name: string) => (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const result = {
    date: new Date().toISOString(),
    command: 'npm run bench:handoff',
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()} ${os.arch()}` },
    versions: { node: process.version, redis: redisVersion, ioredis: pkg('ioredis') },
    settings: { tickets: N_QUEUE, concurrency: CONCURRENCY, messages: N_MESSAGES, messageConcurrency: MESSAGE_CONCURRENCY, conversations },
    enqueue: { ...enqueue, queueDepthAfter: depth },
    claim: { ...claim, leftAfterClaims },
    agentReplyCall: replyLatency,
    deliveryAcrossInstances: { ...deliveryStats, delivered: delivery.length, sent: N_MESSAGES, messagesPerSecond: Math.round(delivery.length / deliverySeconds) },
    target: { deliveryP99Ms: 200, met: delivery.length === N_MESSAGES && deliveryStats.p99 <= 200 },
  };
  const outDir = path.join(__dirname, '..', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'handoff.json'), `${JSON.stringify(result, null, 2)}\n`);
  const md = `# Hand-off benchmark

${result.date} · \`${result.command}\` · ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, ${result.machine.os}
Node ${result.versions.node}, Redis ${result.versions.redis} (local, 127.0.0.1), ioredis ${result.versions.ioredis}.

| measurement | n | ops/s | p50 ms | p95 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|
| enqueue (Lua, ${CONCURRENCY} in flight, one connection) | ${enqueue.n} | ${enqueue.opsPerSecond} | ${enqueue.p50} | ${enqueue.p95} | ${enqueue.p99} | ${enqueue.max} |
| claim next (Lua, ${CONCURRENCY} concurrent claimers, queue of ${depth}) | ${claim.n} | ${claim.opsPerSecond} | ${claim.p50} | ${claim.p95} | ${claim.p99} | ${claim.max} |
| agent reply call on instance B (${MESSAGE_CONCURRENCY} in flight) | ${replyLatency.n} | ${replyLatency.opsPerSecond} | ${replyLatency.p50} | ${replyLatency.p95} | ${replyLatency.p99} | ${replyLatency.max} |
| **agent message → borrower delivery, instance B → A** | ${deliveryStats.n}/${N_MESSAGES} | ${result.deliveryAcrossInstances.messagesPerSecond} | ${deliveryStats.p50} | ${deliveryStats.p95} | **${deliveryStats.p99}** | ${deliveryStats.max} |

Target: delivery p99 <= 200 ms across two instances: **${result.target.met ? 'met' : 'NOT met'}**.

How it is measured: delivery latency runs from just before \`HandoffService.reply()\` on instance B (ticket lookup,
message append, PUBLISH to A's channel, transcript append, agent-feed PUBLISH) to the moment instance A's
BorrowerNotifier.deliver is called (A's own subscriber connection). The two instances are two HandoffService
objects in one process, each with its own command and subscriber connections to Redis; the proactive send through
the Bot Framework adapter itself (an HTTP call to the channel) is not included. Claims: every fifth ticket needs
the negotiation skill and every fifth claimer has it (claimers without it skip those tickets inside the script);
${leftAfterClaims} tickets were left unclaimed afterwards. Enqueue includes the per-conversation duplicate check,
the daily reference counter and the Lua insert (four round trips).
`;
  writeFileSync(path.join(outDir, 'handoff.md'), md);
  process.stdout.write(md);
}

main()
  .catch((err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    const admin = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, found] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (found.length) await admin.del(...found);
    } while (cursor !== '0');
    admin.disconnect();
    clients.forEach((c) => c.disconnect());
  });
