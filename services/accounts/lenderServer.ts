import restify, { type Request, type Response, type Server } from 'restify';
import { BotError, errorCode } from '../errors/botError';
import { silentLogger, type Logger } from '../logging/logger';
import { lookupBodySchema } from './accountSchemas';
import type { AccountService } from './accountService';

/** Misbehaviours the reference server can be told to show, for client tests over real HTTP. */
export type LenderFault =
  /** Answer 500 without doing anything. */
  | { kind: 'status500' }
  /** Do the work (a write is committed), then answer 500: the client cannot know it succeeded. */
  | { kind: 'status500AfterCommit' }
  /** Answer 200 with a body that is not JSON. */
  | { kind: 'malformedJson' }
  /** Answer 200 with JSON that breaks the contract. */
  | { kind: 'invalidShape' }
  /** Wait this long before handling the request normally. */
  | { kind: 'delay'; ms: number };

export interface LenderServerStats {
  requests: number;
  getAccount: number;
  lookup: number;
  writes: number;
}

export interface LenderServerDeps {
  /** The backend the server exposes (normally a FixtureAccountService). */
  service: AccountService;
  /** Artificial latency added to every API answer (benchmarks use 50 ms). */
  latencyMs?: number;
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  apiToken?: string;
  logger?: Logger;
}

export interface LenderServer {
  server: Server;
  /** Requests counted at the server (benchmarks and tests count backend calls here). */
  stats: LenderServerStats;
  /** Queue a fault for the next `times` API requests. */
  inject(fault: LenderFault, times?: number): void;
  /** Drop queued faults. */
  clearFaults(): void;
}

const STATUS: Partial<Record<string, number>> = {
  ACCOUNT_NOT_FOUND: 404,
  BAD_INPUT: 400,
  IDEMPOTENCY_CONFLICT: 409,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The reference lender API (lenderApi.openapi.yaml) over any AccountService. Returns the server unstarted:
 * the caller listens (scripts/lender.ts, tests, benchmarks).
 */
export function buildLenderServer(deps: LenderServerDeps): LenderServer {
  const logger = deps.logger ?? silentLogger();
  const stats: LenderServerStats = { requests: 0, getAccount: 0, lookup: 0, writes: 0 };
  const faults: LenderFault[] = [];
  const server = restify.createServer({ name: 'reference-lender', handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));

  const fail = (res: Response, status: number, code: string, message: string) => {
    res.send(status, { code, message });
  };

  /** Wrap an API handler: auth, latency, faults, error mapping. */
  const api =
    (handler: (req: Request) => Promise<{ status: number; body: unknown }>) =>
    async (req: Request, res: Response): Promise<void> => {
      stats.requests++;
      if (deps.apiToken && req.header('authorization') !== `Bearer ${deps.apiToken}`) {
        return fail(res, 401, 'UNAUTHORIZED', 'missing or wrong bearer token');
      }
      if (deps.latencyMs) await sleep(deps.latencyMs);
      const fault = faults.shift();
      if (fault?.kind === 'delay') await sleep(fault.ms);
      if (fault?.kind === 'status500') return fail(res, 500, 'INTERNAL', 'injected failure');
      if (fault?.kind === 'malformedJson') {
        res.sendRaw(200, '{"borrower": {"id": "D0', { 'content-type': 'application/json' });
        return;
      }
      if (fault?.kind === 'invalidShape') {
        res.send(200, { borrower: { id: 42 }, loans: 'none', borrowerId: null });
        return;
      }
      try {
        const { status, body } = await handler(req);
        if (fault?.kind === 'status500AfterCommit') return fail(res, 500, 'INTERNAL', 'injected failure after commit');
        res.send(status, body);
      } catch (err) {
        const code = errorCode(err);
        const status = STATUS[code] ?? 500;
        if (status === 500) logger.error({ event: 'lender.failed', err }, 'reference lender failed');
        fail(res, status, code, err instanceof Error ? err.message : 'error');
      }
    };

  const idempotencyKey = (req: Request): string => {
    const key = req.header('idempotency-key');
    if (!key) throw new BotError('BAD_INPUT', 'Idempotency-Key header is required');
    return key;
  };
  const objectBody = (req: Request): Record<string, unknown> => {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BotError('BAD_INPUT', 'JSON object body required');
    return body as Record<string, unknown>;
  };

  server.get('/healthz', (_req: Request, res: Response, next: restify.Next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.get(
    '/v1/borrowers/:borrowerId/account',
    api(async (req) => {
      stats.getAccount++;
      const { account } = await deps.service.getAccount(String(req.params.borrowerId));
      return { status: 200, body: account };
    }),
  );

  server.post(
    '/v1/borrowers/lookup',
    api(async (req) => {
      stats.lookup++;
      const parsed = lookupBodySchema.safeParse(objectBody(req));
      if (!parsed.success) throw new BotError('BAD_INPUT', 'mobile (11 digits) and optional idLast6 (6 characters) required');
      const match = await deps.service.lookupBorrower(parsed.data.mobile, parsed.data.idLast6);
      if (!match) throw new BotError('ACCOUNT_NOT_FOUND', 'no borrower matches');
      return { status: 200, body: match };
    }),
  );

  const writeRoute = (path: string, create: (borrowerId: string, body: never) => Promise<unknown>) =>
    server.post(
      `/v1/borrowers/:borrowerId/${path}`,
      api(async (req) => {
        stats.writes++;
        const input = { ...objectBody(req), idempotencyKey: idempotencyKey(req) };
        return { status: 201, body: await create(String(req.params.borrowerId), input as never) };
      }),
    );
  writeRoute('plan-requests', (id, body) => deps.service.createPlanRequest(id, body));
  writeRoute('complaints', (id, body) => deps.service.createComplaint(id, body));
  writeRoute('callbacks', (id, body) => deps.service.createCallback(id, body));
  writeRoute('hardship-reviews', (id, body) => deps.service.createHardshipReview(id, body));

  return {
    server,
    stats,
    inject(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    clearFaults() {
      faults.length = 0;
    },
  };
}

/** Listen on host:port (0 = any free port) and resolve the base URL. */
export async function listenLender(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as { port: number };
  return `http://${host}:${address.port}`;
}
