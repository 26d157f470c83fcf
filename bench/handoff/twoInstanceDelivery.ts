// Agent message → borrower delivery across two real bot processes (the full app, `node --import tsx index.ts`)
// sharing one Redis prefix: borrowers talk to instance A over its built-in Direct Line, the agent works on
// instance B's console API. The clock starts just before the agent's reply POST on B and stops when the
// borrower's Direct Line poll on A returns the message, so it covers B's HTTP handling, the Redis bus, A's
// proactive send through the Bot Framework adapter (continueConversationAsync → HTTP POST to A's own Bot Connector
// route → Direct Line store) and the borrower's read. Used by handoffBench.ts.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hashAgentPassword } from '../../services/handoff/agentAuth';
import { call, type HttpResult } from '../../test/integration/directline/directLineHttp';
import { AgentClient } from '../../test/integration/handoff/handoffTestServer';
import { botEnv, cpuMs, deletePrefix, freePort, peakRssMb, spawnServer, stats, stopServer, type Child } from '../common/processes';

export interface TwoInstanceOptions {
  redisUrl: string;
  /** Shared REDIS_KEY_PREFIX of both instances (deleted at the end). */
  prefix: string;
  /** Borrowers on A, each with a ticket the agent on B claims (1..50: HANDOFF_MAX_TICKETS_PER_AGENT's range). */
  borrowers: number;
  /** Measured replies per ticket (total = borrowers × this). */
  messagesPerTicket: number;
  /** Replies in flight at once: a slot is free again when the borrower has seen its message (or it timed out). */
  inFlight: number;
  /** Pause between two polls of one conversation (only conversations with a reply in flight are polled). */
  pollIntervalMs: number;
  /** Unmeasured replies per ticket before the measurement (JIT, connections, Lua script cache). */
  warmupPerTicket: number;
  /** A reply not seen by its borrower within this counts as lost. */
  messageTimeoutMs: number;
  /** Upper bound for the whole measured phase. */
  phaseLimitMs: number;
}

export const defaultTwoInstanceOptions = (redisUrl: string, prefix: string): TwoInstanceOptions => ({
  redisUrl,
  prefix,
  borrowers: Number(process.env.BENCH_BORROWERS ?? 20),
  messagesPerTicket: Number(process.env.BENCH_MESSAGES_PER_TICKET ?? 50),
  inFlight: Number(process.env.BENCH_IN_FLIGHT ?? 4),
  pollIntervalMs: Number(process.env.BENCH_POLL_INTERVAL_MS ?? 5),
  warmupPerTicket: Number(process.env.BENCH_WARMUP_PER_TICKET ?? 2),
  messageTimeoutMs: 10_000,
  phaseLimitMs: 300_000,
});

const REQUEST_TIMEOUT_MS = 10_000;
const SETUP_LIMIT_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Activity {
  type: string;
  text?: string;
  from: { id: string };
}

// ------------------------------------------------------------------ borrower side (Direct Line on A)

class Borrower {
  watermark = '';
  /** Bot messages seen so far (texts), for set-up checks. */
  readonly seen: string[] = [];
  constructor(
    private readonly base: string,
    readonly conversationId: string,
    private readonly token: string,
    readonly userId: string,
  ) {}

  static async start(base: string): Promise<Borrower> {
    const issued = await json(base, 'POST', '/api/webchat/token', { body: {} });
    if (issued.status !== 200) throw new Error(`webchat token: HTTP ${issued.status} ${JSON.stringify(issued.body)}`);
    const { token, conversationId, userId } = issued.body as { token: string; conversationId: string; userId: string };
    const started = await json(base, 'POST', '/v3/directline/conversations', { bearer: token, body: {} });
    if (started.status !== 200 && started.status !== 201) throw new Error(`start conversation: HTTP ${started.status}`);
    return new Borrower(base, conversationId, token, userId);
  }

  say(text: string) {
    return json(this.base, 'POST', `/v3/directline/conversations/${this.conversationId}/activities`, {
      bearer: this.token,
      body: { type: 'message', text, from: { id: this.userId } },
    });
  }

  /** One poll with the watermark: the bot's new messages (texts); advances the watermark. */
  async poll(): Promise<string[]> {
    const res = await json(this.base, 'GET', `/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, { bearer: this.token });
    if (res.status !== 200) throw new Error(`poll: HTTP ${res.status}`);
    const body = res.body as { activities: Activity[]; watermark?: string };
    if (body.watermark !== undefined) this.watermark = body.watermark;
    const texts = body.activities.filter((a) => a.type === 'message' && a.from.id !== this.userId).map((a) => a.text ?? '');
    this.seen.push(...texts);
    return texts;
  }

  /** Poll (every 20 ms, bounded) until a bot message matches. */
  async waitFor(match: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const past = this.seen.find(match);
    if (past !== undefined) return past;
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const hit = (await this.poll()).find(match);
      if (hit !== undefined) return hit;
      await sleep(20);
    }
    throw new Error(`conversation ${this.conversationId}: no bot message matched in ${timeoutMs} ms; saw: ${this.seen.slice(-5).join(' | ')}`);
  }
}

// ------------------------------------------------------------------ agent side (console API on B)

/** The console API client the tests use, with every request bounded in time. */
class Agent {
  private readonly client: AgentClient;
  constructor(base: string) {
    this.client = new AgentClient(base, REQUEST_TIMEOUT_MS);
  }

  async signIn(agentId: string, password: string): Promise<void> {
    const res = await this.client.signIn(agentId, password);
    if (res.status !== 200) throw new Error(`agent sign-in: HTTP ${res.status} ${await res.text()}`);
  }

  /** A state-changing call as the console makes it: session cookie, CSRF token, same-origin headers. */
  async post(path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await this.client.send('POST', path, body);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
}

/** The Direct Line JSON client the tests use, with every request bounded in time. */
function json(base: string, method: 'GET' | 'POST', path: string, o: { bearer?: string; body?: unknown } = {}): Promise<HttpResult> {
  return call(base, method, path, { ...o, timeoutMs: REQUEST_TIMEOUT_MS });
}

/** Run `items` through `concurrency` workers. */
async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

// ------------------------------------------------------------------ the measurement

export interface TwoInstanceResult {
  settings: Omit<TwoInstanceOptions, 'redisUrl' | 'prefix'> & { total: number; warmup: number };
  botEnv: Record<string, string>;
  readyMs: { a: number; b: number };
  delivery: ReturnType<typeof stats> & { sent: number; delivered: number; lost: number; postFailed: number; messagesPerSecond: number; wallSeconds: number; timedOut: boolean };
  /** The agent's reply POST on B (201 received), same messages. */
  replyPost: ReturnType<typeof stats>;
  /** Borrower polls on A during the measurement (their round trip bounds the resolution, with the interval). */
  poll: ReturnType<typeof stats> & { perSecond: number };
  cpuMsPerMessage: { a: number; b: number };
  peakRssMb: { a: number; b: number };
  keysDeleted: number;
}

export async function runTwoInstanceDelivery(o: TwoInstanceOptions, log: (line: string) => void = () => undefined): Promise<TwoInstanceResult> {
  if (!(o.borrowers >= 1 && o.borrowers <= 50)) throw new Error('borrowers must be 1..50 (HANDOFF_MAX_TICKETS_PER_AGENT)');
  if (!(o.messagesPerTicket >= 1 && o.inFlight >= 1 && o.inFlight <= o.borrowers && o.pollIntervalMs >= 0)) throw new Error('bad two-instance option');
  const password = randomBytes(12).toString('base64url');
  const agentId = 'bench';
  const agentName = 'Bench Agent';
  const env: Record<string, string> = {
    ...botEnv(),
    REDIS_URL: o.redisUrl,
    REDIS_KEY_PREFIX: o.prefix,
    LOG_LEVEL: 'warn',
    AGENT_ACCOUNTS: `${agentId}:${agentName}:${await hashAgentPassword(password)}:legal,negotiation,complaints`,
    HANDOFF_MAX_TICKETS_PER_AGENT: String(Math.max(3, o.borrowers)),
    WEBCHAT_TOKEN_RATE_PER_MINUTE: '10000',
    DIRECTLINE_TOKEN_SIGNING_KEY: randomBytes(32).toString('hex'),
  };
  const recordedEnv = { ...env, AGENT_ACCOUNTS: `${agentId}:${agentName}:<scrypt hash of a random password>:legal,negotiation,complaints`, DIRECTLINE_TOKEN_SIGNING_KEY: '<random>' };

  const children: Child[] = [];
  let keysDeleted = 0;
  let result: TwoInstanceResult;
  try {
    const [portA, portB] = [await freePort(), await freePort()];
    const spawned = await Promise.allSettled([
      spawnServer(['--import', 'tsx', 'index.ts'], env, portA, '/readyz'),
      spawnServer(['--import', 'tsx', 'index.ts'], env, portB, '/readyz'),
    ]);
    for (const s of spawned) if (s.status === 'fulfilled') children.push(s.value);
    const failed = spawned.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const [a, b] = children;
    log(`instances ready: A ${a.url} (${Math.round(a.readyMs)} ms), B ${b.url} (${Math.round(b.readyMs)} ms)`);
    const setupDeadline = performance.now() + SETUP_LIMIT_MS;
    const checkSetup = () => {
      if (performance.now() > setupDeadline) throw new Error(`set-up took longer than ${SETUP_LIMIT_MS} ms`);
    };

    // Borrowers on A ask for a person and are queued.
    const borrowers: Borrower[] = [];
    const references = new Map<string, Borrower>();
    await pool(
      Array.from({ length: o.borrowers }, (_, i) => i),
      5,
      async () => {
        checkSetup();
        const borrower = await Borrower.start(a.url);
        const said = await borrower.say('转人工');
        if (said.status !== 200) throw new Error(`borrower message: HTTP ${said.status}`);
        const queued = await borrower.waitFor((x) => /编号 H-/.test(x));
        references.set(/编号 (H-[\w-]+)/.exec(queued)![1], borrower);
        borrowers.push(borrower);
      },
    );
    log(`${references.size} borrowers queued on A`);

    // The agent signs in on B and claims every ticket; each borrower sees the agent join.
    const agent = new Agent(b.url);
    await agent.signIn(agentId, password);
    const tickets: Array<{ id: string; borrower: Borrower }> = [];
    for (let i = 0; i < o.borrowers; i++) {
      checkSetup();
      const claimed = await agent.post('/agent/api/claim');
      if (claimed.status !== 200) throw new Error(`claim ${i + 1}: HTTP ${claimed.status} ${JSON.stringify(claimed.body)}`);
      const id = (claimed.body as { ticket: { id: string } }).ticket.id;
      const borrower = references.get(id);
      if (!borrower) throw new Error(`claimed ${id}, which none of this run's borrowers holds`);
      tickets.push({ id, borrower });
    }
    const joined = `人工客服 ${agentName} 已接入`;
    for (const t of tickets) await t.borrower.waitFor((x) => x.startsWith(joined));
    log(`${tickets.length} tickets claimed on B; every borrower saw the agent join`);

    // Replies: closed loop with `inFlight` outstanding; the borrower's poller frees the slot.
    const tag = randomBytes(3).toString('hex');
    const marker = new RegExp(`\\[${tag}-(w?)(\\d+)\\]`, 'g');
    type Pending = { t0: number; resolve: (seenAt: number | undefined) => void };
    const pending = new Map<string, Pending>(); // marker → pending
    const pendingBy = new Map<Borrower, number>();
    const wake = new Map<Borrower, () => void>();
    const pollLatencies: number[] = [];
    let measuring = false;
    let stopPolling = false;
    const pollerErrors: string[] = [];

    const poller = async (borrower: Borrower) => {
      while (!stopPolling) {
        if (!pendingBy.get(borrower)) {
          await new Promise<void>((r) => {
            wake.set(borrower, r);
            setTimeout(r, 200); // re-check stopPolling now and then
          });
          wake.delete(borrower);
          continue;
        }
        const p0 = performance.now();
        let texts: string[];
        try {
          texts = await borrower.poll();
        } catch (err) {
          if (pollerErrors.length < 10) pollerErrors.push(String(err));
          await sleep(o.pollIntervalMs);
          continue;
        }
        const seenAt = performance.now();
        if (measuring) pollLatencies.push(seenAt - p0);
        for (const text of texts) {
          for (const m of text.matchAll(marker)) {
            const key = `${m[1]}${m[2]}`;
            const p = pending.get(key);
            if (!p) continue;
            pending.delete(key);
            pendingBy.set(borrower, (pendingBy.get(borrower) ?? 1) - 1);
            p.resolve(seenAt);
          }
        }
        await sleep(o.pollIntervalMs);
      }
    };
    const pollers = tickets.map((t) => poller(t.borrower));

    const send = async (key: string, ticket: (typeof tickets)[number]) => {
      const text = `测试回复 [${tag}-${key}]`;
      let resolve!: (seenAt: number | undefined) => void;
      const seen = new Promise<number | undefined>((r) => (resolve = r));
      const t0 = performance.now();
      pending.set(key, { t0, resolve });
      pendingBy.set(ticket.borrower, (pendingBy.get(ticket.borrower) ?? 0) + 1);
      wake.get(ticket.borrower)?.();
      let posted: { status: number } | undefined;
      try {
        posted = await agent.post(`/agent/api/tickets/${ticket.id}/messages`, { text });
      } catch {
        posted = undefined;
      }
      const postMs = performance.now() - t0;
      const timer = setTimeout(() => resolve(undefined), o.messageTimeoutMs);
      if (posted?.status !== 201) resolve(undefined);
      const seenAt = await seen;
      clearTimeout(timer);
      if (pending.delete(key)) pendingBy.set(ticket.borrower, (pendingBy.get(ticket.borrower) ?? 1) - 1);
      return { postOk: posted?.status === 201, postMs, deliveryMs: seenAt === undefined ? undefined : seenAt - t0 };
    };

    // Warm-up, unmeasured.
    const warm = Array.from({ length: o.warmupPerTicket * tickets.length }, (_, i) => i);
    let warmLost = 0;
    await pool(warm, o.inFlight, async (i) => {
      const r = await send(`w${i}`, tickets[i % tickets.length]);
      if (r.deliveryMs === undefined) warmLost++;
    });
    if (warmLost) log(`warm-up: ${warmLost}/${warm.length} replies not seen`);

    // Measured phase.
    const total = o.messagesPerTicket * tickets.length;
    const delivery: number[] = [];
    const posts: number[] = [];
    let lost = 0;
    let postFailed = 0;
    let sent = 0;
    let timedOut = false;
    const cpu0 = { a: cpuMs(a.pid), b: cpuMs(b.pid) };
    measuring = true;
    const started = performance.now();
    await pool(
      Array.from({ length: total }, (_, i) => i),
      o.inFlight,
      async (i) => {
        if (performance.now() - started > o.phaseLimitMs) {
          timedOut = true;
          return;
        }
        sent++;
        const r = await send(String(i), tickets[i % tickets.length]);
        if (!r.postOk) postFailed++;
        else posts.push(r.postMs);
        if (r.deliveryMs === undefined) lost++;
        else delivery.push(r.deliveryMs);
      },
    );
    const wallSeconds = (performance.now() - started) / 1000;
    measuring = false;
    const cpu1 = { a: cpuMs(a.pid), b: cpuMs(b.pid) };
    stopPolling = true;
    for (const w of wake.values()) w();
    await Promise.all(pollers);
    if (pollerErrors.length) log(`poll errors: ${pollerErrors.join(' | ')}`);
    const rss = { a: Math.round(peakRssMb(a.pid)), b: Math.round(peakRssMb(b.pid)) };
    const deliveryStats = stats(delivery);
    log(`delivery: ${delivery.length}/${sent} seen, p50 ${deliveryStats.p50} p95 ${deliveryStats.p95} p99 ${deliveryStats.p99} max ${deliveryStats.max} ms`);
    result = {
      settings: {
        borrowers: o.borrowers,
        messagesPerTicket: o.messagesPerTicket,
        inFlight: o.inFlight,
        pollIntervalMs: o.pollIntervalMs,
        warmupPerTicket: o.warmupPerTicket,
        messageTimeoutMs: o.messageTimeoutMs,
        phaseLimitMs: o.phaseLimitMs,
        total,
        warmup: warm.length,
      },
      botEnv: recordedEnv,
      readyMs: { a: Math.round(a.readyMs), b: Math.round(b.readyMs) },
      delivery: { ...deliveryStats, sent, delivered: delivery.length, lost, postFailed, messagesPerSecond: Math.round(delivery.length / wallSeconds), wallSeconds: Math.round(wallSeconds * 10) / 10, timedOut },
      replyPost: stats(posts),
      poll: { ...stats(pollLatencies), perSecond: Math.round(pollLatencies.length / wallSeconds) },
      cpuMsPerMessage: { a: Math.round(((cpu1.a - cpu0.a) / Math.max(1, sent)) * 100) / 100, b: Math.round(((cpu1.b - cpu0.b) / Math.max(1, sent)) * 100) / 100 },
      peakRssMb: rss,
      keysDeleted: 0,
    };
  } finally {
    for (const c of children) {
      const stderr = c.stderr.join('').trim();
      if (stderr) log(`stderr of ${c.url}: ${stderr.slice(0, 2000)}`);
    }
    await Promise.all(children.map((c) => stopServer(c)));
    keysDeleted = await deletePrefix(o.redisUrl, o.prefix).catch(() => 0);
    log(`stopped both instances; deleted ${keysDeleted} keys under ${o.prefix}:`);
  }
  result.keysDeleted = keysDeleted;
  return result;
}
