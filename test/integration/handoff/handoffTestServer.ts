import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import * as restify from 'restify';
import type { ConversationReference } from 'botbuilder';
import { systemClock, type Clock } from '../../../services/clock';
import { parseConfig } from '../../../services/config/config';
import { silentLogger, type Logger } from '../../../services/logging/logger';
import { RedisKeys } from '../../../services/redis/keys';
import { createRedisSubscriber } from '../../../services/redis/redisClient';
import { hashAgentPassword, type AgentAccount } from '../../../services/handoff/agentAuth';
import type { BorrowerEvent, BorrowerNotifier } from '../../../services/handoff/handoffBus';
import { createHandoffModule, type HandoffModule } from '../../../services/handoff/handoffModule';
import type { ServiceHours } from '../../../services/scheduling/serviceHours';
import { TEST_REDIS_URL } from '../../helpers/redis';

export const AGENT_PASSWORD = 'correct horse battery';

let accountsCache: Promise<AgentAccount[]> | undefined;
/** Three agents: alice (all skills), bob (no skills), carol (negotiation). */
export function testAccounts(): Promise<AgentAccount[]> {
  accountsCache ??= hashAgentPassword(AGENT_PASSWORD).then((hash) => [
    { id: 'alice', displayName: 'Alice 王', skills: ['legal', 'negotiation', 'complaints'], passwordHash: hash },
    { id: 'bob', displayName: 'Bob', skills: [], passwordHash: hash },
    { id: 'carol', displayName: 'Carol', skills: ['negotiation'], passwordHash: hash },
  ]);
  return accountsCache;
}

/** A BorrowerNotifier that records what it was asked to deliver (what the bot layer would send proactively). */
export class RecordingNotifier implements BorrowerNotifier {
  readonly delivered: { reference: Partial<ConversationReference>; event: BorrowerEvent; at: number }[] = [];
  private waiters: { match: (e: BorrowerEvent) => boolean; resolve: (e: BorrowerEvent) => void }[] = [];

  async deliver(reference: Partial<ConversationReference>, event: BorrowerEvent): Promise<void> {
    this.delivered.push({ reference, event, at: Date.now() });
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(event)) return true;
      w.resolve(event);
      return false;
    });
  }

  /** Resolves with the first delivered event (past or future) matching `match`; rejects after `timeoutMs`. */
  waitFor(match: (e: BorrowerEvent) => boolean, timeoutMs = 3000): Promise<BorrowerEvent> {
    const past = this.delivered.find((d) => match(d.event));
    if (past) return Promise.resolve(past.event);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching borrower event delivered in time')), timeoutMs);
      this.waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  kinds(): string[] {
    return this.delivered.map((d) => d.event.kind);
  }
}

export interface TestServer {
  url: string;
  module: HandoffModule;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Redis key prefix shared by all instances of one test; absent: embedded (in-memory) mode. */
  prefix?: string;
  notifier?: BorrowerNotifier;
  clock?: Clock;
  instanceId?: string;
  env?: Record<string, string>;
  serviceHours?: ServiceHours;
  logger?: Logger;
}

/** restify + the agent routes + the hand-off module, on 127.0.0.1 and a free port. Stands in for index.ts. */
export async function startHandoffServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = parseConfig({ HANDOFF_REQUIRE_AGENT_ONLINE: 'false', HANDOFF_SWEEP_INTERVAL_MS: '600000', ...options.env });
  const clients: Redis[] = [];
  const redis = options.prefix
    ? (() => {
        const client = new Redis(TEST_REDIS_URL);
        const subscriber = createRedisSubscriber(TEST_REDIS_URL);
        clients.push(client);
        return { client, subscriber, keys: new RedisKeys(options.prefix) };
      })()
    : undefined;
  const module = await createHandoffModule({
    config,
    redis,
    notifier: options.notifier,
    serviceHours: options.serviceHours,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger(),
    production: false,
    accounts: await testAccounts(),
    instanceId: options.instanceId,
  });
  const server = restify.createServer({ name: 'handoff-test' });
  module.registerRoutes(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    module,
    async close() {
      server.server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await module.close();
      clients.forEach((c) => c.disconnect());
    },
  };
}

/** A signed-in console over plain HTTP (what a contact-centre integration does; the hand-off benchmark uses it too). */
export class AgentClient {
  cookie = '';
  csrf = '';
  /** `timeoutMs`: abort any request that takes longer (bounded benchmark loops); none by default. */
  constructor(
    readonly base: string,
    private readonly timeoutMs?: number,
  ) {}

  private signal(): AbortSignal | undefined {
    return this.timeoutMs ? AbortSignal.timeout(this.timeoutMs) : undefined;
  }

  async signIn(agentId: string, password = AGENT_PASSWORD): Promise<Response> {
    const res = await fetch(`${this.base}/agent/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: this.base },
      body: JSON.stringify({ agentId, password }),
      signal: this.signal(),
    });
    if (res.ok) {
      this.cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, { headers: { Cookie: this.cookie, ...headers }, signal: this.signal() });
  }

  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      method,
      headers: {
        Cookie: this.cookie,
        Origin: this.base,
        'Sec-Fetch-Site': 'same-origin',
        'X-CSRF-Token': this.csrf,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: this.signal(),
    });
  }
}

/** Reads a server-sent event stream; `next(type)` waits for the next event of that type. */
export function readEvents(res: Response) {
  const events: { type: string; data: unknown }[] = [];
  let waiters: { type: string; resolve: (d: unknown) => void }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!type) continue;
        const parsed = data ? JSON.parse(data) : undefined;
        events.push({ type, data: parsed });
        waiters = waiters.filter((w) => (w.type === type ? (w.resolve(parsed), false) : true));
      }
    }
  })();
  return {
    events,
    next(type: string, timeoutMs = 3000): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no ${type} event`)), timeoutMs);
        waiters.push({ type, resolve: (d) => (clearTimeout(t), resolve(d)) });
      });
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}
