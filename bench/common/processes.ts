// Shared helpers for benchmarks that run the bot as real child processes: free ports, spawning a server and
// waiting until it is ready, stopping it, reading its CPU time and peak RSS from /proc, cleaning a Redis key
// prefix, and the bot configuration that makes hand-off deterministic. Lifted from bench/load/loadBench.ts
// (same behaviour), so other benches can use them without copying.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The project's own Node (the `node` package), not whatever is first on PATH. */
export const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const CLK_TCK = 100; // Linux USER_HZ
export const READY_LIMIT_MS = 30_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  url: string;
  readyMs: number;
  stderr: string[];
}

/** Spawn `node <args>` with PORT=port and poll http://127.0.0.1:port<readyPath> until it answers 200 (bounded). */
export async function spawnServer(args: string[], env: Record<string, string>, port: number, readyPath: string, readyLimitMs = READY_LIMIT_MS): Promise<Child> {
  const started = performance.now();
  const proc = spawn(NODE, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 50) stderr.push(d.toString());
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${args.join(' ')} exited ${proc.exitCode}: ${stderr.join('')}`);
    if (performance.now() - started > readyLimitMs) {
      proc.kill('SIGKILL');
      throw new Error(`${args.join(' ')} not ready in ${readyLimitMs} ms: ${stderr.join('')}`);
    }
    const status = await new Promise<number>((resolve) => {
      const req = http.get(`${url}${readyPath}`, { timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
      req.on('timeout', () => req.destroy());
    });
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { proc, pid: proc.pid ?? 0, url, readyMs: performance.now() - started, stderr };
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the child has exited. */
export async function stopServer(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.proc.once('exit', () => resolve()));
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** utime + stime of a process, in ms (from /proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** Peak resident set (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Delete every key under `<prefix>:` (SCAN + UNLINK, bounded). Returns how many were deleted. */
export async function deletePrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  let deleted = 0;
  try {
    for (let i = 0; i < 100_000; i++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/**
 * The bot's configuration for benchmarks. Hand-off is deterministic: no agent needs to be online, and the service
 * hours cover the whole day in a time zone where it is now between 10:00 and 19:59 (Etc/GMT-N is UTC+N).
 * Without `lenderUrl` the bot uses its embedded fixture backend.
 */
export function botEnv(lenderUrl?: string): Record<string, string> {
  const utcHour = new Date().getUTCHours();
  const offset = ((15 - utcHour + 36) % 24) - 12; // local hour 15 (within -12..+11)
  const zone = offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  return {
    ...(lenderUrl ? { LENDER_API_URL: lenderUrl } : {}),
    HANDOFF_REQUIRE_AGENT_ONLINE: 'false',
    TIME_ZONE: zone,
    SERVICE_HOURS: '08:00-22:00',
    SERVICE_HOURS_WEEKEND: '08:00-22:00',
    SERVICE_CLOSED_DATES: '',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
    RATE_LIMIT_USER_PER_MINUTE: '100000',
    NODE_ENV: 'development',
  };
}

/** Versions of the pieces a bench result depends on. */
export function versions(): Record<string, string> {
  const pkg = (name: string) => {
    try {
      return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  let redisServer = 'unknown';
  try {
    redisServer = /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? redisServer;
  } catch {
    /* not on PATH */
  }
  return {
    node: execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim(),
    botbuilder: pkg('botbuilder'),
    restify: pkg('restify'),
    ioredis: pkg('ioredis'),
    tsx: pkg('tsx'),
    'redis-server': redisServer,
  };
}

export function machine(): { nproc: number; cpu: string; memoryGb: number; kernel: string } {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: os.release(),
  };
}

/** Nearest-rank percentiles of latencies in ms (rounded to µs). */
export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { n: s.length, p50: r(q(50)), p95: r(q(95)), p99: r(q(99)), max: r(s.length ? s[s.length - 1] : NaN) };
}
