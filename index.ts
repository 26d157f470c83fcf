import 'dotenv/config';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  type Activity,
  type BotAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Storage,
} from 'botbuilder';
import * as restify from 'restify';
import type { Redis } from 'ioredis';
import { BorrowerBot } from './bots/borrowerBot';
import { AdapterBorrowerNotifier } from './bots/borrowerNotifier';
import { ChannelRenderingMiddleware } from './bots/channelRendering';
import { withConnectorCache } from './bots/connectorCache';
import { LeanCloudAdapter } from './bots/leanCloudAdapter';
import { HandoffRelay } from './bots/handoffRelay';
import { OfferRecorder } from './bots/typedFollowUp';
import { LeanConversationState } from './bots/leanConversationState';
import { MetricsMiddleware } from './bots/metricsMiddleware';
import { RateLimitMiddleware } from './bots/rateLimitMiddleware';
import { TranscriptMiddleware } from './bots/transcriptMiddleware';
import { createTurnErrorHandler } from './bots/turnErrorHandler';
import { TurnLockMiddleware } from './bots/turnLockMiddleware';
import { accountModule } from './dialogs/account/accountModule';
import { complaintsModule } from './dialogs/complaints/complaintsModule';
import type { DialogModule } from './dialogs/dialogModule';
import { FiledRecords, type FiledRecord } from './dialogs/filedRecords';
import { guidanceModule } from './dialogs/guidance/guidanceModule';
import { handoffDialogModule } from './dialogs/handoff/handoffModule';
import { MainDialog } from './dialogs/mainDialog';
import { plansModule } from './dialogs/plans/plansModule';
import { coreRoutes } from './dialogs/routes';
import type { ConversationProfile } from './dialogs/turnInfo';
import { buildAccountService } from './services/accounts/accountServiceFactory';
import { systemClock, type Clock } from './services/clock';
import { parseConfig, type Config } from './services/config/config';
import { registerDirectLineRoutes } from './services/directline/directLineRoutes';
import { errorCode, isBotError } from './services/errors/botError';
import { createHandoffModule } from './services/handoff/handoffModule';
import { isAllowedServiceUrl } from './services/http/serviceUrlAllowlist';
import { buildVerificationService } from './services/identity/verificationServiceFactory';
import { createLogger, type Logger } from './services/logging/logger';
import { Metrics } from './services/metrics/metrics';
import { loadPlanPolicy } from './services/plans/planPolicy';
import { InMemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './services/ratelimit/rateLimiter';
import { confidenceThresholds, createRecognizer } from './services/recognizer/createRecognizer';
import type { IntentRecognizer } from './services/recognizer/intentRecognizer';
import { RedisKeys } from './services/redis/keys';
import { createRedis, createRedisSubscriber, waitForRedis } from './services/redis/redisClient';
import { serviceHoursFromConfig } from './services/scheduling/serviceHours';
import { RedisStorage } from './services/storage/redisStorage';
import { InMemoryTurnLock, RedisTurnLock, type TurnLock } from './services/storage/turnLock';

export interface App {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: BorrowerBot;
  /** Give another adapter (a test adapter) this app's middleware and turn error handler. */
  configureAdapter(adapter: BotAdapter): void;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** Start listening; resolves with the bound URL. */
  listen(): Promise<string>;
  /** Stop accepting requests, finish in-flight ones, close connections. */
  close(): Promise<void>;
}

export interface BuildOptions {
  logger?: Logger;
  clock?: Clock;
  /** Instead of the configured one (tests that need given scores, whatever the trained model says). */
  recognizer?: IntentRecognizer;
}

const JSON_BODY_LIMIT_BYTES = 256 * 1024;
/** Wildcard bind addresses are reached on loopback. */
const LOOPBACK: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '[::1]' };

/** Composition root: config → clients → services → dialogs → bot → adapter → server. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const clock = options.clock ?? systemClock;
  const anonymous = !config.MicrosoftAppId;
  const host = config.HOST ?? (anonymous ? '127.0.0.1' : '0.0.0.0');

  // --- clients and state ---
  const redisClients: Redis[] = [];
  const keys = new RedisKeys(config.REDIS_KEY_PREFIX);
  const redis = config.REDIS_URL ? createRedis(config.REDIS_URL, logger) : undefined;
  if (redis) redisClients.push(redis);
  if (redis && config.REDIS_URL) await waitForRedis(redis, config.REDIS_URL, config.REDIS_STARTUP_TIMEOUT_MS, logger).catch((err) => {
    redis.disconnect();
    throw err;
  });
  const metrics = new Metrics();
  // Short lease, renewed while a turn runs: a killed instance blocks its conversations for 3 s, not 30 s.
  const lockOptions = { waitMs: config.TURN_LOCK_TIMEOUT_MS, leaseMs: 3_000 };
  let storage: Storage;
  let turnLock: TurnLock;
  let rateLimiter: RateLimiter;
  let stateReady: () => Promise<boolean>;
  if (redis) {
    storage = new RedisStorage(redis, keys, { ttlSeconds: config.STATE_TTL_SECONDS });
    turnLock = new RedisTurnLock(redis, keys, lockOptions);
    rateLimiter = new RedisRateLimiter(redis, keys);
    stateReady = async () => (await redis.ping().catch(() => 'down')) === 'PONG';
    logger.info({ event: 'state.backend', backend: 'redis', prefix: config.REDIS_KEY_PREFIX }, 'state: Redis');
  } else {
    storage = new MemoryStorage();
    turnLock = new InMemoryTurnLock(lockOptions);
    rateLimiter = new InMemoryRateLimiter(clock);
    stateReady = async () => true;
    logger.info(
      { event: 'state.backend', backend: 'memory' },
      'state: in-process (no REDIS_URL set): conversations are lost on restart and not shared between instances',
    );
  }
  // Same semantics as botbuilder's ConversationState, with a cheaper change check (bots/leanConversationState.ts).
  const conversationState = new LeanConversationState(storage);

  // --- domain services ---
  const { accounts, mode: lenderMode, officialPhones } = buildAccountService(config, {
    redis,
    keys,
    logger,
    clock,
    metrics: (e) => {
      if (e.type !== 'backend') return metrics.cacheEvents.inc({ result: e.type });
      metrics.lenderLatency.observe({ operation: 'getAccount', outcome: e.outcome }, e.ms / 1000);
      if (e.outcome === 'error') metrics.lenderErrors.inc({ operation: 'getAccount', code: e.outcome });
    },
  });
  logger.info({ event: 'lender.backend', mode: lenderMode }, lenderMode === 'embedded' ? 'lender: embedded demo data (no LENDER_API_URL set)' : 'lender: HTTP API');
  const verification = await buildVerificationService(config, { accounts, redis, keys, logger, clock, codeLimiter: rateLimiter });

  // --- adapters: the Bot Framework one, and an in-process anonymous one for the built-in Direct Line ---
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  // One connector / token client per (identity, serviceUrl) instead of one per turn (bots/connectorCache.ts).
  const adapter = new LeanCloudAdapter(withConnectorCache(auth));
  // Direct Line activities come from this process, and its replies go back to this server on loopback: no tokens.
  const directLineAdapter = new CloudAdapter(withConnectorCache(new ConfigurationBotFrameworkAuthentication({} as ConfigurationBotFrameworkAuthenticationOptions)));
  let loopbackUrl = '';
  const profile = conversationState.createProperty<ConversationProfile>('profile');

  // --- hand-off ---
  const serviceHours = serviceHoursFromConfig(config);
  const notifier = new AdapterBorrowerNotifier({
    adapterFor: (reference) =>
      loopbackUrl && reference.serviceUrl?.startsWith(loopbackUrl)
        ? { adapter: directLineAdapter, appId: '' }
        : { adapter, appId: config.MicrosoftAppId ?? '' },
    conversationState,
    profile,
  });
  const handoff = await createHandoffModule({
    config,
    // The bus subscribes on a client of its own (a subscribed connection can issue no other commands).
    redis: redis && config.REDIS_URL ? { client: redis, subscriber: createRedisSubscriber(config.REDIS_URL, logger), keys } : undefined,
    notifier,
    serviceHours,
    clock,
    logger,
    production: config.NODE_ENV === 'production' || !!config.MicrosoftAppId,
    onClaimed: (waitedSeconds, kind) => metrics.handoffWait.observe({ kind }, waitedSeconds),
  });
  metrics.watchHandoffQueue(() => handoff.queue.depthByPriority());

  // --- understanding, dialogs, bot ---
  const filedRecords = new FiledRecords(conversationState.createProperty<FiledRecord[]>('filedRecords'));
  const planPolicy = loadPlanPolicy(config.PLAN_POLICY_PATH);
  const modules: DialogModule[] = [
    accountModule({ accounts, verification, clock, timeZone: config.TIME_ZONE }),
    guidanceModule({ accounts, verification, clock, timeZone: config.TIME_ZONE, officialPhones }),
    complaintsModule({ accounts, verification, filedRecords, clock, timeZone: config.TIME_ZONE, serviceHours }),
    handoffDialogModule({ mode: config.HANDOFF_MODE, handoff: handoff.service, transcripts: handoff.transcripts, accounts, verification, filedRecords, profile, clock, timeZone: config.TIME_ZONE, logger }),
    plansModule({ accounts, policy: planPolicy, filedRecords, clock, timeZone: config.TIME_ZONE }),
  ];
  const recognizer =
    options.recognizer ??
    createRecognizer(config, {
      logger,
      onFallback: (reason, backend) => metrics.recognizerFallbacks.inc({ backend, reason }),
    });
  const mainDialog = new MainDialog({
    routes: Object.assign({}, coreRoutes, ...modules.map((m) => m.routes)),
    dialogs: modules.flatMap((m) => m.dialogs),
    profile,
    thresholds: confidenceThresholds(config),
  });
  const bot = new BorrowerBot({
    conversationState,
    profile,
    mainDialog,
    recognizer,
    clock,
    timeZone: config.TIME_ZONE,
    maxMessageChars: config.MAX_MESSAGE_CHARS,
    logger,
    handoffRelay: config.HANDOFF_MODE === 'queue' ? new HandoffRelay(handoff.service, logger) : undefined,
    filedRecords,
    hotline: config.LENDER_HOTLINE,
    verifyBorrowerToken: async (conversation, token) => {
      const result = await verification.verifyToken(conversation, token);
      if (!result.ok) logger.warn({ event: 'identity.token_rejected', reason: result.reason }, 'borrower token ignored');
    },
    onRecognized: (r) => metrics.intents.inc({ intent: r.intent, source: r.source }),
    onUrgent: (reason) => metrics.urgent.inc({ reason }),
  });

  const turnErrorHandler = createTurnErrorHandler({ logger, conversationState });
  const configureAdapter = (target: BotAdapter) => {
    target.use(new MetricsMiddleware(metrics));
    const channelRendering = new ChannelRenderingMiddleware({ numberedList: conversationState.createProperty('numberedList'), conversationState });
    target.use(new OfferRecorder()); // sees the suggested actions before channel rendering turns them into text
    target.use(channelRendering);
    target.use(
      new RateLimitMiddleware({
        limiter: rateLimiter,
        perConversation: { limit: config.RATE_LIMIT_CONVERSATION_PER_MINUTE, windowMs: 60_000 },
        perUser: { limit: config.RATE_LIMIT_USER_PER_MINUTE, windowMs: 60_000 },
        logger,
        onLimited: (scope) => metrics.rateLimited.inc({ scope }),
      }),
    );
    target.use(new TurnLockMiddleware(turnLock));
    target.use(channelRendering.numberReplies); // reads conversation state: under the turn lock
    target.use(new TranscriptMiddleware(handoff.service, logger));
    target.onTurnError = async (context, error) => {
      metrics.errors.inc({ code: errorCode(error) });
      await turnErrorHandler(context, error);
    };
  };
  configureAdapter(adapter);
  configureAdapter(directLineAdapter);

  // --- HTTP ---
  const server = restify.createServer({ name: 'borrower-support-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: JSON_BODY_LIMIT_BYTES, mapParams: false, mapFiles: false }));

  let selfOrigin = '';
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    // A form post would otherwise be parsed into an "activity" (test/integration/badInput.test.ts).
    if (!req.is('application/json')) {
      res.send(415, { error: 'expected application/json' });
      return;
    }
    const body = req.body as { serviceUrl?: unknown; type?: unknown; channelId?: unknown; conversation?: { id?: unknown } } | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      res.send(400, { error: 'expected a JSON activity' });
      return;
    }
    // Without these the SDK fails inside the turn (500, or an error reply with nowhere to go).
    if (typeof body.type !== 'string' || !body.type || typeof body.channelId !== 'string' || typeof body.conversation?.id !== 'string') {
      res.send(400, { error: 'an activity needs type, channelId and conversation.id' });
      return;
    }
    if (anonymous && !isAllowedServiceUrl(body.serviceUrl, config.SERVICE_URL_ALLOWLIST, [selfOrigin])) {
      logger.warn({ event: 'http.service_url_rejected', serviceUrl: String(body.serviceUrl) }, 'serviceUrl not allowed');
      res.send(403, { error: 'serviceUrl not allowed in anonymous mode' });
      return;
    }
    const authorization = req.headers.authorization;
    const result = await adapter.processHttpActivity(body as Activity, typeof authorization === 'string' ? authorization : '', (context) => bot.run(context));
    if (result.error) {
      const event = result.status === 401 ? 'http.unauthorized' : 'http.turn_failed';
      logger.warn({ event, conversationId: body.conversation?.id, err: result.error }, 'activity not processed');
    }
    if (result.body === undefined) res.send(result.status);
    else res.send(result.status, result.body);
  });
  handoff.registerRoutes(server);
  if (config.WEBCHAT_ENABLED) {
    registerDirectLineRoutes(server, {
      config,
      logger,
      clock,
      bot: { process: (activity) => directLineAdapter.processActivityDirect('', activity as Activity, (context) => bot.run(context)) },
      serviceUrl: () => loopbackUrl,
      redis: redis ? { client: redis, keys } : undefined,
    });
  }

  server.get('/metrics', async (_req: restify.Request, res: restify.Response) => {
    const { contentType, body } = await metrics.render();
    res.setHeader('content-type', contentType);
    res.sendRaw(200, body);
  });
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const state = await stateReady();
    res.send(state ? 200 : 503, { status: state ? 'ready' : 'unavailable', state });
  });

  return {
    server,
    adapter,
    bot,
    configureAdapter,
    config,
    logger,
    metrics,
    listen: () =>
      new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, host, () => {
          const address = server.address();
          const url = config.PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
          selfOrigin = new URL(url).origin;
          loopbackUrl = `http://${LOOPBACK[host] ?? (host.includes(':') ? `[${host}]` : host)}:${address.port}`;
          logger.info({ event: 'server.listening', url, anonymous }, `listening on ${url}`);
          resolve(url);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handoff.close();
      await Promise.all(redisClients.map((r) => r.quit().catch(() => r.disconnect())));
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (isBotError(err, 'CONFIG_INVALID')) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config);
  process.on('unhandledRejection', (reason) => app.logger.error({ event: 'process.unhandled_rejection', err: reason }, 'unhandled rejection'));
  await app.listen();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ event: 'server.stopping', signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err) => {
    // A start-up condition the operator can fix is said in one line; anything else with its stack.
    console.error(isBotError(err, 'STATE_UNAVAILABLE') ? err.message : err);
    process.exit(1);
  });
}
