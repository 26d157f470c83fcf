import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Server } from 'restify';
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { RedisKeys } from '../redis/keys';
import type { ServiceHours } from '../scheduling/serviceHours';
import { AgentDirectory, InMemoryAgentSessionStore, loadAgentAccounts, RedisAgentSessionStore, type AgentAccount, type AgentSessionStore } from './agentAuth';
import { InMemoryAgentPresence, RedisAgentPresence } from './agentPresence';
import { registerAgentRoutes } from './agentRoutes';
import { InMemoryHandoffBus, RedisHandoffBus, type BorrowerNotifier, type HandoffBus } from './handoffBus';
import { InMemoryHandoffQueue, type HandoffQueue } from './handoffQueue';
import { HandoffService } from './handoffService';
import { RedisHandoffQueue } from './redisHandoffQueue';
import { InMemoryTicketMessageStore, RedisTicketMessageStore } from './ticketMessageStore';
import { InMemoryTranscriptStore, RedisTranscriptStore, type TranscriptStore } from './transcriptStore';

export type HandoffConfig = Pick<
  Config,
  | 'TIME_ZONE'
  | 'AGENT_ACCOUNTS'
  | 'AGENT_ACCOUNTS_FILE'
  | 'AGENT_SESSION_TTL_SECONDS'
  | 'AGENT_COOKIE_SECURE'
  | 'HANDOFF_MAX_WAIT_SECONDS'
  | 'HANDOFF_REQUIRE_AGENT_ONLINE'
  | 'HANDOFF_AGENT_PRESENCE_SECONDS'
  | 'HANDOFF_DEFAULT_HANDLE_SECONDS'
  | 'HANDOFF_MAX_TICKETS_PER_AGENT'
  | 'HANDOFF_TICKET_RETENTION_DAYS'
  | 'HANDOFF_TRANSCRIPT_TTL_SECONDS'
  | 'HANDOFF_SWEEP_INTERVAL_MS'
> & { PUBLIC_URL?: string };

export interface HandoffModuleDeps {
  config: HandoffConfig;
  /** Redis mode: an ordinary client (commands, PUBLISH) and a client of its own for SUBSCRIBE. Absent: embedded. */
  redis?: { client: Redis; subscriber: Redis; keys: RedisKeys };
  /** The bot layer's proactive sender (adapter.continueConversationAsync). */
  notifier?: BorrowerNotifier;
  serviceHours?: ServiceHours;
  clock: Clock;
  logger: Logger;
  /** No development agent account: NODE_ENV === 'production' or a MicrosoftAppId is configured. */
  production: boolean;
  /** Override the configured accounts (tests). */
  accounts?: AgentAccount[];
  /** Unique per process; default random. */
  instanceId?: string;
  /** Called when an agent claims a ticket, with how long it waited (metrics). */
  onClaimed?: (waitedSeconds: number, kind: 'live' | 'message') => void;
}

export interface HandoffModule {
  service: HandoffService;
  queue: HandoffQueue;
  transcripts: TranscriptStore;
  sessions: AgentSessionStore;
  directory: AgentDirectory;
  bus: HandoffBus;
  instanceId: string;
  /** Mount /agent and /agent/api/* on the server. */
  registerRoutes(server: Server): void;
  /** Stop the sweep and the bus (closes the subscriber client; the ordinary client stays the caller's). */
  close(): Promise<void>;
}

/**
 * Wires the hand-off stores, bus and service for the embedded (in-process) or Redis mode and starts the service.
 * index.ts: `const handoff = await createHandoffModule({ config, redis, notifier, serviceHours, clock, logger, production });
 * handoff.registerRoutes(server);` and `await handoff.close()` on shutdown.
 */
export async function createHandoffModule(deps: HandoffModuleDeps): Promise<HandoffModule> {
  const { config, clock, logger } = deps;
  const retentionMs = config.HANDOFF_TICKET_RETENTION_DAYS * 86_400_000;
  const queueOptions = { clock, timeZone: config.TIME_ZONE, retentionMs, maxTicketsPerAgent: config.HANDOFF_MAX_TICKETS_PER_AGENT };
  const transcriptOptions = { clock, ttlMs: config.HANDOFF_TRANSCRIPT_TTL_SECONDS * 1000 };
  const presenceOptions = { clock, windowMs: config.HANDOFF_AGENT_PRESENCE_SECONDS * 1000 };
  const sessionOptions = { clock, ttlMs: config.AGENT_SESSION_TTL_SECONDS * 1000 };
  const r = deps.redis;
  const queue = r ? new RedisHandoffQueue(r.client, r.keys, queueOptions) : new InMemoryHandoffQueue(queueOptions);
  const transcripts = r ? new RedisTranscriptStore(r.client, r.keys, transcriptOptions) : new InMemoryTranscriptStore(transcriptOptions);
  const messages = r ? new RedisTicketMessageStore(r.client, r.keys, { clock, retentionMs }) : new InMemoryTicketMessageStore({ clock, retentionMs });
  const presence = r ? new RedisAgentPresence(r.client, r.keys, presenceOptions) : new InMemoryAgentPresence(presenceOptions);
  const sessions = r ? new RedisAgentSessionStore(r.client, r.keys, sessionOptions) : new InMemoryAgentSessionStore(sessionOptions);
  const bus: HandoffBus = r ? new RedisHandoffBus({ publisher: r.client, subscriber: r.subscriber, keys: r.keys, logger }) : new InMemoryHandoffBus();
  const accounts =
    deps.accounts ??
    (await loadAgentAccounts({ accounts: config.AGENT_ACCOUNTS, file: config.AGENT_ACCOUNTS_FILE, production: deps.production, logger }));
  const directory = new AgentDirectory(accounts);
  const instanceId = deps.instanceId ?? `i-${randomBytes(6).toString('hex')}`;
  const service = new HandoffService({
    queue,
    transcripts,
    messages,
    presence,
    bus,
    instanceId,
    notifier: deps.notifier,
    serviceHours: deps.serviceHours,
    clock,
    logger,
    options: {
      maxWaitMs: config.HANDOFF_MAX_WAIT_SECONDS * 1000,
      requireAgentOnline: config.HANDOFF_REQUIRE_AGENT_ONLINE,
      defaultHandleSeconds: config.HANDOFF_DEFAULT_HANDLE_SECONDS,
      sweepIntervalMs: config.HANDOFF_SWEEP_INTERVAL_MS,
    },
    onClaimed: deps.onClaimed,
  });
  await service.start();
  logger.info({ event: 'handoff.started', instanceId, mode: r ? 'redis' : 'embedded', agents: accounts.length }, 'hand-off service started');
  return {
    service,
    queue,
    transcripts,
    sessions,
    directory,
    bus,
    instanceId,
    registerRoutes(server: Server) {
      registerAgentRoutes(server, {
        service,
        directory,
        sessions,
        clock,
        logger,
        sessionTtlMs: config.AGENT_SESSION_TTL_SECONDS * 1000,
        cookieSecure: config.AGENT_COOKIE_SECURE,
        allowedOrigins: config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [],
      });
    },
    async close() {
      await service.stop();
      await bus.close();
    },
  };
}
