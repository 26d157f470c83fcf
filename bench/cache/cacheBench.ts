// Account cache benchmark (`npm run bench:cache`). The reference lender server answers over real HTTP after
// 50 ms; the cache runs on the real Redis (REDIS_URL or TEST_REDIS_URL, default redis://127.0.0.1:6379) under
// a unique key prefix that is deleted afterwards. Measures:
//   1. cached account reads (p50 target <= 1 ms, p99 <= 5 ms), sequential, after warming;
//   2. 100 concurrent reads of a cold borrower in one instance -> lender calls counted at the server (target 1);
//   3. the same split across two instances (separate Redis connections) sharing Redis (target 1).
// Writes bench/results/cache.md and bench/results/cache.json. Exits 1 if a target is missed.
import { randomUUID } from 'node:crypto';
import { cpus, totalmem, platform, release, arch } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { RedisKeys } from '../../services/redis/keys';
import { FixtureAccountService } from '../../services/accounts/fixtureAccountService';
import { buildLenderServer, listenLender } from '../../services/accounts/lenderServer';
import { HttpAccountService } from '../../services/accounts/httpAccountService';
import { RedisAccountCacheStore } from '../../services/accounts/accountCacheStore';
import { CachedAccountService } from '../../services/accounts/cachedAccountService';

const LATENCY_MS = 50;
const CACHED_READS = Number(process.env.BENCH_CACHED_READS ?? 20000);
const CONCURRENT = 100;
const REDIS_URL = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FIXTURE = 'services/accounts/fixtures/demoBorrowers.json';
const TTLS = { freshMs: 600_000, negativeMs: 30_000, staleMs: 86_400_000 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
const version = (pkg: string) => (JSON.parse(readFileSync(join('node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  const fixture = FixtureAccountService.fromFile(FIXTURE);
  const borrowerIds = ['D001', 'D002', 'D003', 'D004', 'D005', 'D006', 'D007', 'D008', 'D009', 'D010'];
  const lender = buildLenderServer({ service: fixture, latencyMs: LATENCY_MS });
  const url = await listenLender(lender.server, 0);
  const prefix = `bench-cache-${randomUUID().slice(0, 8)}`;
  const keys = new RedisKeys(prefix);
  const redisA = new Redis(REDIS_URL);
  const redisB = new Redis(REDIS_URL);
  const redisInfo = await redisA.info('server');
  const redisVersion = /redis_version:(\S+)/.exec(redisInfo)?.[1] ?? 'unknown';

  const instance = (redis: Redis) =>
    new CachedAccountService({
      backend: new HttpAccountService({ baseUrl: url, timeoutMs: 2000, retryAttempts: 3, breakerFailures: 5, breakerHalfOpenMs: 10000 }),
      store: new RedisAccountCacheStore(redis, keys, TTLS),
      lockLeaseMs: 3000,
      pollIntervalMs: 5,
    });

  try {
    // 1. Cached reads.
    const a = instance(redisA);
    for (const id of borrowerIds) await a.getAccount(id); // warm (10 misses, 10 lender calls)
    for (let i = 0; i < 500; i++) await a.getAccount(borrowerIds[i % borrowerIds.length]); // JIT warm-up, not measured
    const samples: number[] = [];
    for (let i = 0; i < CACHED_READS; i++) {
      const t0 = performance.now();
      await a.getAccount(borrowerIds[i % borrowerIds.length]);
      samples.push(performance.now() - t0);
    }
    samples.sort((x, y) => x - y);
    const cached = {
      reads: CACHED_READS,
      p50Ms: round(percentile(samples, 50)),
      p90Ms: round(percentile(samples, 90)),
      p99Ms: round(percentile(samples, 99)),
      maxMs: round(samples[samples.length - 1]),
      meanMs: round(samples.reduce((s, x) => s + x, 0) / samples.length),
    };

    // 2. 100 concurrent cold reads, one instance.
    const coldOne = async (target: string, instances: CachedAccountService[]) => {
      const before = lender.stats.getAccount;
      const t0 = performance.now();
      const times: number[] = [];
      await Promise.all(
        Array.from({ length: CONCURRENT }, async (_, i) => {
          const s = performance.now();
          await instances[i % instances.length].getAccount(target);
          times.push(performance.now() - s);
        }),
      );
      times.sort((x, y) => x - y);
      return { reads: CONCURRENT, instances: instances.length, lenderCalls: lender.stats.getAccount - before, wallMs: round(performance.now() - t0, 1), p50Ms: round(percentile(times, 50), 1), maxMs: round(times[times.length - 1], 1) };
    };
    await a.invalidate('D007');
    const coldSingle = await coldOne('D007', [instance(redisA)]);
    // 3. Two instances, separate connections, sharing Redis.
    await a.invalidate('D004');
    const coldTwo = await coldOne('D004', [instance(redisA), instance(redisB)]);

    const pass = {
      cachedP50: cached.p50Ms <= 1,
      cachedP99: cached.p99Ms <= 5,
      singleFlightOneInstance: coldSingle.lenderCalls === 1,
      singleFlightTwoInstances: coldTwo.lenderCalls === 1,
    };
    const command = 'npm run bench:cache';
    const machine = {
      os: `${platform()} ${release()} ${arch()}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
    };
    const versions = { node: process.version, redis: redisVersion, ioredis: version('ioredis'), cockatiel: version('cockatiel'), restify: version('restify'), zod: version('zod') };
    const result = { date: new Date().toISOString(), command, machine, versions, lenderLatencyMs: LATENCY_MS, cached, coldSingle, coldTwo, pass };

    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/cache.json', JSON.stringify(result, null, 2) + '\n');
    const ok = (b: boolean) => (b ? 'pass' : '**FAIL**');
    const md = `# Account cache benchmark

Run ${result.date} with \`${command}\`.

- Machine: ${machine.os}; ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB
- Versions: Node ${versions.node}, Redis ${versions.redis}, ioredis ${versions.ioredis}, cockatiel ${versions.cockatiel}, restify ${versions.restify}, zod ${versions.zod}
- Setup: reference lender server (\`buildLenderServer\`) over real HTTP on 127.0.0.1, answering after ${LATENCY_MS} ms;
  \`HttpAccountService\` → \`CachedAccountService\` with \`RedisAccountCacheStore\` on the real Redis (${REDIS_URL.replace(/\/\/[^@]*@/, '//')}),
  unique key prefix, deleted afterwards. Lender calls are counted at the server.

## Cached account reads (sequential, ${cached.reads} reads over 10 warm demo borrowers)

Each read is one Redis MGET plus zod validation of the cached account.

| p50 | p90 | p99 | max | mean | target | result |
|---|---|---|---|---|---|---|
| ${cached.p50Ms} ms | ${cached.p90Ms} ms | ${cached.p99Ms} ms | ${cached.maxMs} ms | ${cached.meanMs} ms | p50 <= 1 ms, p99 <= 5 ms | p50 ${ok(pass.cachedP50)}, p99 ${ok(pass.cachedP99)} |

## ${CONCURRENT} concurrent reads of a cold borrower

| instances | lender calls | wall time | read p50 | read max | target | result |
|---|---|---|---|---|---|---|
| 1 | ${coldSingle.lenderCalls} | ${coldSingle.wallMs} ms | ${coldSingle.p50Ms} ms | ${coldSingle.maxMs} ms | exactly 1 call | ${ok(pass.singleFlightOneInstance)} |
| 2 (separate Redis connections, shared Redis) | ${coldTwo.lenderCalls} | ${coldTwo.wallMs} ms | ${coldTwo.p50Ms} ms | ${coldTwo.maxMs} ms | exactly 1 call | ${ok(pass.singleFlightTwoInstances)} |

One instance coalesces through its in-process promise map; across instances the one that takes the short
Redis lock calls the lender and the other polls Redis (every 5 ms) for the value.
`;
    writeFileSync('bench/results/cache.md', md);
    console.log(md);
    if (!Object.values(pass).every(Boolean)) process.exitCode = 1;
  } finally {
    let cursor = '0';
    do {
      const [next, found] = await redisA.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (found.length) await redisA.del(...found);
    } while (cursor !== '0');
    redisA.disconnect();
    redisB.disconnect();
    await new Promise<void>((r) => lender.server.close(() => r()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
