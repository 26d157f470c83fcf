// Load benchmark (`npm run bench:load`): the full bot against a plain echo bot on the same stack, alternating
// A B A B in one run so machine noise cancels. Every process is a separate child (CPU and peak RSS are read from
// /proc/<pid>), every loop is bounded by a count and a time limit, and all traffic stays on 127.0.0.1.
//
//   npm run bench:load -- [--conversations 600] [--concurrency 50] [--rounds 2] [--warmup 100]
//                         [--bot tsx|dist] [--bot-node-flags "--max-semi-space-size=4"] [--out bench/results/load-runs]
//                         [--label name] [--note "text"] [--no-write] [--profile dir]
import { writeFileSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadFixtureFile, type FixtureBorrower } from '../../services/accounts/fixtureAccountService';
import { benchFixture, borrowerConversation, echoConversation, type ScriptedConversation } from './conversations';
import { LoadValidator, type TurnOutcome } from './validator';
import { ROOT, botEnv, cpuMs, deletePrefix, freePort, machine, peakRssMb, spawnServer, stopServer, versions, type Child } from '../common/processes';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PHASE_LIMIT_MS = 240_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface Options {
  conversations: number;
  concurrency: number;
  rounds: number;
  warmup: number;
  bot: 'tsx' | 'dist';
  out: string;
  label: string;
  note: string;
  write: boolean;
  /** Write a V8 CPU profile of each server process (bot and echo) here (node --cpu-prof). */
  profile: string;
  /** Extra node flags for the bot process only, e.g. "--max-semi-space-size=4" (space-separated). */
  botNodeFlags: string[];
  /** Which servers to run (both by default; `--only bot` for quick profiling runs, no ratio then). */
  targets: Array<'echo' | 'bot'>;
  /**
   * The reference lender's latency per request: 50 ms as the issue sets it. Any other value is a diagnosis (how much of
   * the bot's latency is waiting for the lender) and is never written as a run.
   */
  lenderLatencyMs: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { conversations: 600, concurrency: 50, rounds: 2, warmup: 100, bot: 'tsx', out: 'bench/results/load-runs', label: new Date().toISOString().replace(/[:.]/g, '-'), note: '', write: true, profile: '', botNodeFlags: [], targets: ['echo', 'bot'], lenderLatencyMs: 50 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--conversations') o.conversations = Number(v());
    else if (a === '--concurrency') o.concurrency = Number(v());
    else if (a === '--rounds') o.rounds = Number(v());
    else if (a === '--warmup') o.warmup = Number(v());
    else if (a === '--bot') o.bot = v() === 'dist' ? 'dist' : 'tsx';
    else if (a === '--out') o.out = v();
    else if (a === '--note') o.note = v();
    else if (a === '--label') o.label = v();
    else if (a === '--no-write') o.write = false;
    else if (a === '--profile') o.profile = v();
    else if (a === '--only') o.targets = [v() === 'echo' ? 'echo' : 'bot'];
    else if (a === '--bot-node-flags') o.botNodeFlags = v().split(/\s+/).filter(Boolean);
    else if (a === '--lender-latency-ms') o.lenderLatencyMs = Number(v());
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.targets.length < 2) o.write = false; // a single target has no A/B ratio to record
  if (o.lenderLatencyMs !== 50) o.write = false; // not the benchmark the issue defines
  if (!(o.conversations >= 1 && o.concurrency >= 1 && o.rounds >= 1 && o.warmup >= 0 && o.lenderLatencyMs >= 0)) throw new Error('bad numeric argument');
  return o;
}

// ------------------------------------------------------------------ processes

// ------------------------------------------------------------------ load

function post(agent: http.Agent, url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/messages`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

interface PhaseResult {
  conversations: number;
  turns: number;
  errors: number;
  wallMs: number;
  latencies: number[];
  samples: string[];
  errorsByLabel: Record<string, number>;
  timedOut: boolean;
  p50ByLabel: Record<string, number>;
}

/** Run `count` conversations through `concurrency` keep-alive connections (one per worker). */
async function runConversations(
  url: string,
  count: number,
  concurrency: number,
  runId: string,
  script: (index: number) => ScriptedConversation,
): Promise<PhaseResult> {
  const validator = new LoadValidator();
  const latencies: number[] = [];
  const byLabel: Record<string, number[]> = {};
  let next = 0;
  let timedOut = false;
  const started = performance.now();
  const worker = async (w: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (;;) {
        const index = next++;
        if (index >= count) return;
        if (performance.now() - started > PHASE_LIMIT_MS) {
          timedOut = true;
          return;
        }
        const conversation = script(index);
        const conversationId = `${runId}-${index}`;
        for (let turn = 0; turn < conversation.turns.length; turn++) {
          const { text, expect } = conversation.turns[turn];
          const body = JSON.stringify({
            type: 'message',
            id: `${conversationId}-${turn}`,
            text,
            locale: turn % 2 ? 'en-US' : conversation.locale,
            channelId: 'emulator',
            serviceUrl: 'http://localhost',
            deliveryMode: 'expectReplies',
            conversation: { id: conversationId },
            from: { id: `user-${conversationId}`, name: 'borrower' },
            recipient: { id: 'bot', name: 'bot' },
          });
          const t0 = performance.now();
          let outcome: TurnOutcome;
          try {
            const res = await post(agent, url, body);
            outcome =
              res.status === 200
                ? { replies: (JSON.parse(res.body) as { activities?: [] }).activities ?? [] }
                : { failure: `HTTP ${res.status} ${res.body.slice(0, 120)}` };
          } catch (err) {
            outcome = { failure: err instanceof Error ? err.message : String(err) };
          }
          const ms = performance.now() - t0;
          latencies.push(ms);
          (byLabel[expect.label] ??= []).push(ms);
          validator.record(expect, outcome);
        }
      }
    } finally {
      agent.destroy();
    }
    void w;
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return {
    conversations: Math.min(next, count),
    turns: validator.turns,
    errors: validator.errors,
    wallMs: performance.now() - started,
    latencies,
    samples: validator.samples,
    errorsByLabel: Object.fromEntries(validator.errorsByLabel),
    timedOut,
    p50ByLabel: Object.fromEntries(Object.entries(byLabel).map(([k, v]) => [k, round(percentile([...v].sort((a, b) => a - b), 50))])),
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface RoundRow {
  target: 'echo' | 'bot';
  round: number;
  readyMs: number;
  conversations: number;
  turns: number;
  errors: number;
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cpuMsPerTurn: number;
  peakRssMb: number;
  samples: string[];
  errorsByLabel: Record<string, number>;
  timedOut: boolean;
  p50ByLabel: Record<string, number>;
  latencies: number[];
}

/** The reference lender (50 ms per request unless diagnosing) over the benchmark's fixture, as it is at start. */
async function startLender(fixturePath: string, latencyMs: number): Promise<Child> {
  const port = await freePort();
  const lender = await spawnServer(['--import', 'tsx', 'scripts/lender.ts'], { LENDER_PORT: String(port), LENDER_LATENCY_MS: String(latencyMs), LENDER_FIXTURE_PATH: fixturePath, LOG_LEVEL: 'warn' }, port, '/healthz');
  return { ...lender, url: `http://127.0.0.1:${port}` };
}

/**
 * One round of one target. A bot round gets a lender of its own, started from the fixture, so no round reads the
 * records an earlier round filed.
 */
async function runTarget(target: 'echo' | 'bot', roundNo: number, o: Options, fixture: BenchFixture, stamp: string): Promise<RoundRow> {
  const { borrowers } = fixture;
  const prefix = `bench-load-${stamp}-${target}${roundNo}`;
  const port = await freePort();
  const env: Record<string, string> = { REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'warn' };
  let args: string[];
  let lender: Child | undefined;
  if (target === 'echo') {
    args = ['--import', 'tsx', 'bench/load/echoBot.ts'];
  } else {
    lender = await startLender(fixture.path, o.lenderLatencyMs);
    args = o.bot === 'dist' ? ['dist/index.js'] : ['--import', 'tsx', 'index.ts'];
    Object.assign(env, botEnv(lender.url));
    args = [...o.botNodeFlags, ...args];
  }
  if (o.profile) args = ['--cpu-prof', `--cpu-prof-dir=${path.resolve(o.profile)}`, ...args];
  const child = await spawnServer(args, env, port, '/readyz').catch(async (err: unknown) => {
    if (lender) await stopServer(lender);
    throw err;
  });
  try {
    const script = target === 'echo' ? (i: number) => echoConversation(i, borrowers) : (i: number) => borrowerConversation(i, borrowers);
    if (o.warmup > 0) {
      // Warm-up conversations have borrowers of their own (after the measured ones).
      const warm = await runConversations(child.url, o.warmup, o.concurrency, `${prefix}-warm`, (i) => script(o.conversations + i));
      if (warm.errors > 0) process.stderr.write(`  warm-up errors (${target}): ${warm.errors}: ${warm.samples.slice(0, 3).join(' | ')}\n`);
    }
    const cpuBefore = cpuMs(child.pid);
    const phase = await runConversations(child.url, o.conversations, o.concurrency, prefix, script);
    const cpuAfter = cpuMs(child.pid);
    const sorted = [...phase.latencies].sort((a, b) => a - b);
    return {
      target,
      round: roundNo,
      readyMs: round(child.readyMs, 0),
      conversations: phase.conversations,
      turns: phase.turns,
      errors: phase.errors,
      turnsPerSecond: round(phase.turns / (phase.wallMs / 1000), 0),
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? NaN),
      cpuMsPerTurn: round((cpuAfter - cpuBefore) / Math.max(1, phase.turns), 3),
      peakRssMb: round(peakRssMb(child.pid), 0),
      samples: phase.samples,
      errorsByLabel: phase.errorsByLabel,
      timedOut: phase.timedOut,
      p50ByLabel: phase.p50ByLabel,
      latencies: phase.latencies,
    };
  } finally {
    await stopServer(child);
    if (lender) await stopServer(lender);
    await deletePrefix(REDIS_URL, prefix).catch(() => 0);
  }
}

interface BenchFixture {
  path: string;
  borrowers: FixtureBorrower[];
}

/**
 * A fixture where every conversation (measured and warm-up) has a borrower of its own: the demo file plus copies of
 * its plan-eligible borrowers (enough for the locale with one base borrower, a fifth of all conversations).
 */
function writeBenchFixture(o: Options, stamp: string): BenchFixture {
  const demo = JSON.parse(readFileSync(path.join(ROOT, 'services/accounts/fixtures/demoBorrowers.json'), 'utf8'));
  const file = path.join(os.tmpdir(), `bench-load-fixture-${stamp}.json`);
  writeFileSync(file, JSON.stringify(benchFixture(demo, Math.ceil((o.conversations + o.warmup) / 5) + 1)));
  return { path: file, borrowers: loadFixtureFile(file) };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.bot === 'dist' && !existsSync(path.join(ROOT, 'dist', 'index.js'))) throw new Error('dist/index.js missing: run `npm run build` first');
  const stamp = `${Date.now().toString(36)}`;
  const fixture = writeBenchFixture(o, stamp);
  const rows: RoundRow[] = [];
  for (let r = 1; r <= o.rounds; r++) {
    for (const target of o.targets) {
      const row = await runTarget(target, r, o, fixture, stamp);
      rows.push(row);
      process.stdout.write(
        `${target.padEnd(4)} round ${r}: ${row.turnsPerSecond} turns/s, p50 ${row.p50} p95 ${row.p95} p99 ${row.p99} ms, errors ${row.errors}/${row.turns}, ` +
          `cpu ${row.cpuMsPerTurn} ms/turn, peak RSS ${row.peakRssMb} MB, ready ${row.readyMs} ms\n`,
      );
      process.stdout.write(`    p50 by turn: ${JSON.stringify(row.p50ByLabel)}\n`);
      for (const s of row.samples.slice(0, 3)) process.stdout.write(`    ! ${s}\n`);
    }
  }
  const summary = summarise(rows);
  process.stdout.write(`${JSON.stringify(summary.headline)}\n`);
  if (!o.write) return;
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench:load -- ${process.argv.slice(2).join(' ')}`.trim(),
    note: o.note,
    machine: machine(),
    versions: versions(),
    options: { conversations: o.conversations, concurrency: o.concurrency, rounds: o.rounds, warmup: o.warmup, bot: o.bot, botNodeFlags: o.botNodeFlags, lenderLatencyMs: 50 },
    botEnv: botEnv('http://127.0.0.1:<lender port>'),
    headline: summary.headline,
    rounds: rows.map(({ latencies: _l, ...rest }) => rest),
  };
  const file = path.join(ROOT, o.out, `${o.label}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(ROOT, file)}\n`);
}

function summarise(rows: RoundRow[]) {
  const of = (target: 'echo' | 'bot') => rows.filter((r) => r.target === target);
  const pooled = (target: 'echo' | 'bot') => of(target).flatMap((r) => r.latencies).sort((a, b) => a - b);
  const agg = (target: 'echo' | 'bot') => {
    const rs = of(target);
    const lat = pooled(target);
    return {
      turnsPerSecond: round(median(rs.map((r) => r.turnsPerSecond)), 0),
      p50: round(percentile(lat, 50)),
      p95: round(percentile(lat, 95)),
      p99: round(percentile(lat, 99)),
      errors: rs.reduce((s, r) => s + r.errors, 0),
      turns: rs.reduce((s, r) => s + r.turns, 0),
      cpuMsPerTurn: round(median(rs.map((r) => r.cpuMsPerTurn)), 3),
      peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
      readyMs: Math.max(...rs.map((r) => r.readyMs)),
    };
  };
  const echo = agg('echo');
  const bot = agg('bot');
  // Ratio per A/B pair (same machine moment), then the median of the pairs.
  const ratios = of('bot').map((b) => b.turnsPerSecond / (of('echo').find((e) => e.round === b.round)?.turnsPerSecond ?? NaN));
  return { headline: { echo, bot, botToEchoThroughput: round(median(ratios), 2), pairRatios: ratios.map((r) => round(r, 2)) } };
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
