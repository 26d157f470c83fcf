import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Project root (test/helpers/..). */
export const ROOT = path.resolve(__dirname, '..', '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1 (the OS picks one; it is released before it is returned). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Poll `check` every `intervalMs` until it returns true or `timeoutMs` passes (bounded). */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

const live = new Set<Child>();
// Last resort if a test run ends without its `after` hooks: no child outlives the test process.
process.once('exit', () => {
  for (const child of live) child.signal('SIGKILL');
});

/**
 * A child process with its combined output kept (for failure messages) and a way to wait for its exit.
 * `group`: the child leads its own process group (spawned `detached`) and signals go to the whole group:
 * `tsx` runs the program in a second node process, and killing only `tsx` would leave that one running.
 */
export class Child {
  output = '';
  exited: Promise<number | null>;
  exitCode: number | null | undefined;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    private readonly group = false,
  ) {
    live.add(this);
    proc.once('exit', () => live.delete(this));
    proc.stdout?.on('data', (d: Buffer) => this.append(d));
    proc.stderr?.on('data', (d: Buffer) => this.append(d));
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? null : code);
        resolve(code);
      });
    });
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  private append(d: Buffer): void {
    this.output += d.toString('utf8');
    if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
  }

  /** Send a signal to the child (its whole group when it leads one). */
  signal(signal: NodeJS.Signals): void {
    try {
      if (this.group && this.proc.pid) process.kill(-this.proc.pid, signal);
      else this.proc.kill(signal);
    } catch {
      // already gone
    }
  }

  /** Stop with `signal` and wait (bounded) for the exit; SIGKILL if it lingers. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
    if (this.running) {
      this.signal(signal);
      const done = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done && this.running) this.signal('SIGKILL');
      await Promise.race([this.exited, sleep(2000)]);
    }
    // tsx's own child may outlive tsx for a moment after a SIGKILL of the group leader: signal the group again.
    if (this.group && signal === 'SIGKILL') this.signal('SIGKILL');
  }

  /** Last lines of output, for assertion messages. */
  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }
}

/**
 * A private redis-server on its own port, never the shared one on 6379. No automatic persistence
 * (`--save ''`, no AOF); `snapshotAndKill()` writes one snapshot to a private directory first, so a restart on
 * the same port comes back with the data (like a Redis with persistence that crashed after its last save).
 */
export class RedisProcess {
  private child?: Child;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'bsb-redis-'));

  private constructor(readonly port: number) {}

  static async start(port?: number): Promise<RedisProcess> {
    const redis = new RedisProcess(port ?? (await freePort()));
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** (Re)start on the same port; resolves once it answers PING. */
  async restart(): Promise<void> {
    if (this.child?.running) return;
    if (this.port === 6379) throw new Error('refusing to run a test redis-server on the shared port 6379');
    const proc = spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no',
      '--dir', this.dir, '--dbfilename', 'dump.rdb',
    ], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = new Child(`redis:${this.port}`, proc);
    await waitFor(`redis-server on ${this.port}`, async () => (await this.ping()) === 'PONG', 10_000);
  }

  /** Stop abruptly (SIGKILL: like a crash or a network cut; nothing is saved). */
  async kill(): Promise<void> {
    await this.child?.stop('SIGKILL');
  }

  /** SAVE a snapshot, then SIGKILL: the restart loads what was there at the moment of the outage. */
  async snapshotAndKill(): Promise<void> {
    const reply = await rawRedis(this.port, ['SAVE']);
    if (reply !== 'OK') throw new Error(`SAVE answered ${reply}`);
    await this.kill();
  }

  /** Stop and remove the snapshot directory (used in `after`). */
  async stop(): Promise<void> {
    await this.child?.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** One PING over a raw socket (no client library, so no reconnect logic in the way). */
  ping(): Promise<string> {
    return rawRedis(this.port, ['PING']);
  }
}

async function rawRedis(port: number, args: string[]): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('raw redis timeout'));
    }, 1000);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('data', (d) => {
      data += d.toString('utf8');
      if (data.endsWith('\r\n')) {
        clearTimeout(timer);
        socket.end();
        resolve(data.startsWith('+') ? data.slice(1).trim() : data);
      }
    });
    socket.write(`*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join(''));
  });
}

/** The project's Node (the `node` package, a supported LTS; the machine's may be older). */
export const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');

/**
 * A bot process: `node --import tsx index.ts` with the given environment, on its own port. One process, not the
 * `tsx` CLI (which runs the program in a second node process and relays signals to it): a signal reaches the
 * server itself, so its exit code is the server's own (test/integration/server/shutdown.test.ts).
 */
export class BotProcess {
  private constructor(
    readonly child: Child,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Start and wait (bounded) until /readyz answers 200. */
  static async start(env: Record<string, string>, options: { readyTimeoutMs?: number } = {}): Promise<BotProcess> {
    const port = await freePort();
    const proc = spawn(NODE, ['--import', 'tsx', 'index.ts'], {
      cwd: ROOT,
      env: {
        PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? '/tmp',
        // .env in the tree must not leak into the test: dotenv never overrides variables that are set.
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const bot = new BotProcess(new Child(`bot:${port}`, proc, true), port);
    try {
      await waitFor(
        `bot on ${port} to be ready`,
        async () => {
          if (!bot.child.running) return true;
          return (await fetch(`${bot.url}/readyz`)).status === 200;
        },
        options.readyTimeoutMs ?? 20_000,
        100,
      );
      if (!bot.child.running) throw new Error(`bot exited early (code ${bot.child.exitCode})`);
    } catch (err) {
      await bot.child.stop('SIGKILL');
      throw new Error(`${(err as Error).message}\n${bot.child.tail()}`);
    }
    return bot;
  }

  async readyStatus(): Promise<number> {
    return (await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(5000) })).status;
  }

  kill(): Promise<void> {
    return this.child.stop('SIGKILL');
  }

  stop(): Promise<void> {
    return this.child.stop('SIGTERM');
  }
}
