import { resolve } from 'node:path';
import type { Redis } from 'ioredis';
import type { Request, Response, Server } from 'restify';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { RedisKeys } from '../redis/keys';
import type { BotEndpoint } from './botEndpoint';
import type { DirectLineSettings } from './directLineConfig';
import { DirectLineError } from './directLineError';
import { DirectLineService, LOCALES, tokenRequestSchema, type ChannelAccount } from './directLineService';
import { InMemoryDirectLineStore, type DirectLineStore } from './directLineStore';
import { DirectLineTokens, resolveSigningKey } from './directLineTokens';
import { readJsonBody } from './httpBody';
import { RedisDirectLineStore } from './redisDirectLineStore';
import { InMemoryTokenRateLimiter, RedisTokenRateLimiter, type TokenRateLimiter } from './tokenRateLimiter';
import { pageSecurityHeaders, registerWebChatPage } from './webChatPage';
import { PROJECT_ROOT } from '../projectRoot';

export interface DirectLineDeps {
  /** The directline slice of the parsed Config (pass the whole Config). */
  config: DirectLineSettings;
  /** Runs the bot's turn for an activity (see BotEndpoint). */
  bot: BotEndpoint;
  logger: Logger;
  /**
   * Base URL the bot posts its replies to: this server's own Bot Connector routes, on loopback, e.g.
   * `http://127.0.0.1:3978`. Those routes accept only loopback callers that came through no proxy.
   */
  serviceUrl: () => string;
  clock?: Clock;
  /** Shared Redis (with its key builder): conversations survive restarts and are seen by every instance. */
  redis?: { client: Redis; keys: RedisKeys };
  /** The public/ folder; default: <repo>/public. */
  publicDir?: string;
  /** Register GET / as a redirect to /chat/ (default true). */
  redirectRoot?: boolean;
  /** The bot's account in activities; default { id: 'bot', name: <lender name> }. */
  botAccount?: ChannelAccount;
  /** Most activities per poll (default 100). */
  pageSize?: number;
}

const CLIENT_BODY_LIMIT = 256 * 1024; // Direct Line's own activity size limit
const BOT_BODY_LIMIT = 1024 * 1024;

/**
 * The built-in Direct Line 3.0 endpoint, the Bot Connector routes the bot replies to, the page's token and
 * config endpoints, and the web chat page itself. Returns the service (for tests and diagnostics).
 *
 * Routes: POST /v3/directline/tokens/generate, POST /v3/directline/tokens/refresh,
 * POST /v3/directline/conversations, GET /v3/directline/conversations/:id,
 * GET|POST /v3/directline/conversations/:id/activities, POST /v3/conversations/:id/activities[/:activityId],
 * POST /api/webchat/token, GET /api/webchat/config, GET /chat/*, GET /vendor/webchat/*, GET / (optional).
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineDeps): { service: DirectLineService } {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const storeOptions = { ttlMs: config.DIRECTLINE_CONVERSATION_TTL_SECONDS * 1000, maxActivities: config.DIRECTLINE_MAX_ACTIVITIES };
  const rateOptions = { limit: config.WEBCHAT_TOKEN_RATE_PER_MINUTE, windowMs: 60_000 };
  const store: DirectLineStore = deps.redis
    ? new RedisDirectLineStore(deps.redis.client, deps.redis.keys, storeOptions)
    : new InMemoryDirectLineStore(storeOptions, clock);
  const limiter: TokenRateLimiter = deps.redis
    ? new RedisTokenRateLimiter(deps.redis.client, deps.redis.keys, rateOptions, clock)
    : new InMemoryTokenRateLimiter(rateOptions, clock);
  const tokens = new DirectLineTokens(
    resolveSigningKey(config.DIRECTLINE_TOKEN_SIGNING_KEY, logger, deps.redis),
    config.DIRECTLINE_TOKEN_TTL_SECONDS,
    clock,
  );
  const service = new DirectLineService({
    store,
    tokens,
    bot: deps.bot,
    clock,
    logger,
    serviceUrl: () => deps.serviceUrl().replace(/\/+$/, ''),
    botTimeoutMs: config.DIRECTLINE_BOT_TIMEOUT_MS,
    secret: config.DIRECTLINE_SECRET,
    botAccount: deps.botAccount ?? { id: 'bot', name: config.WEBCHAT_LENDER_NAME },
    pageSize: deps.pageSize,
  });

  const handle =
    (work: (req: Request, res: Response) => Promise<{ status: number; body: unknown }>) => async (req: Request, res: Response) => {
      try {
        const { status, body } = await work(req, res);
        res.header('Cache-Control', 'no-store');
        res.send(status, body);
      } catch (err) {
        if (err instanceof DirectLineError) {
          if (err.status >= 500) logger.warn({ event: 'directline.request.failed', code: err.wireCode, path: req.path() }, err.message);
          res.header('Cache-Control', 'no-store');
          res.send(err.status, err.body());
          return;
        }
        logger.error({ event: 'directline.request.error', path: req.path(), err }, 'direct line request failed');
        res.send(500, { error: { code: 'ServiceError', message: 'Internal error' } });
      }
    };
  const auth = (req: Request) => service.authenticate(req.headers.authorization);
  const param = (req: Request, name: string) => String((req.params as Record<string, string>)[name]);
  const query = (req: Request, name: string) => new URL(req.url ?? '/', 'http://local').searchParams.get(name) ?? undefined;

  // Direct Line 3.0, client side.
  server.post(
    '/v3/directline/tokens/generate',
    handle(async (req) => {
      const caller = await auth(req);
      const request = tokenRequestSchema.safeParse(await readJsonBody(req, CLIENT_BODY_LIMIT));
      if (!request.success) throw new DirectLineError(400, 'BadArgument', 'Invalid token request');
      return { status: 200, body: await service.generateToken(caller, request.data) };
    }),
  );
  server.post(
    '/v3/directline/tokens/refresh',
    handle(async (req) => ({ status: 200, body: await service.refreshToken(await auth(req)) })),
  );
  server.post(
    '/v3/directline/conversations',
    handle(async (req) => {
      const caller = await auth(req);
      const body = await readJsonBody(req, CLIENT_BODY_LIMIT);
      return service.startConversation(caller, typeof body === 'object' && body ? body : {});
    }),
  );
  server.get(
    '/v3/directline/conversations/:conversationId',
    handle(async (req) => ({ status: 200, body: await service.reconnect(await auth(req), param(req, 'conversationId')) })),
  );
  server.get(
    '/v3/directline/conversations/:conversationId/activities',
    handle(async (req) => ({
      status: 200,
      body: await service.getActivities(await auth(req), param(req, 'conversationId'), query(req, 'watermark')),
    })),
  );
  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    handle(async (req) => {
      const caller = await auth(req);
      const body = await readJsonBody(req, CLIENT_BODY_LIMIT);
      return { status: 200, body: await service.postActivity(caller, param(req, 'conversationId'), body) };
    }),
  );

  // Bot Connector: where the bot's replies arrive (serviceUrl = this server, on loopback).
  const botRoute = (withReplyTo: boolean) =>
    handle(async (req) => {
      if (!fromLocalBot(req)) throw new DirectLineError(401, 'BadArgument', 'Replies are accepted from the local bot only');
      const body = await readJsonBody(req, BOT_BODY_LIMIT);
      const replyTo = withReplyTo ? param(req, 'activityId') : undefined;
      return { status: 200, body: await service.postBotActivity(param(req, 'conversationId'), body, replyTo) };
    });
  server.post('/v3/conversations/:conversationId/activities', botRoute(false));
  server.post('/v3/conversations/:conversationId/activities/:activityId', botRoute(true));

  // The page: its token (no secret in the browser) and its look.
  server.post(
    '/api/webchat/token',
    handle(async (req, res) => {
      const decision = await limiter.hit(clientAddress(req, config.WEBCHAT_TRUST_PROXY));
      if (!decision.allowed) {
        res.header('Retry-After', String(decision.retryAfterSeconds));
        logger.info({ event: 'webchat.token.rateLimited' }, 'web chat token rate limit hit');
        throw new DirectLineError(429, 'TooManyRequests', 'Too many token requests');
      }
      const request = tokenRequestSchema.omit({ user: true }).safeParse(await readJsonBody(req, 16 * 1024));
      if (!request.success) throw new DirectLineError(400, 'BadArgument', 'Invalid token request');
      return { status: 200, body: await service.pageToken(request.data) };
    }),
  );
  const pageConfig = {
    lenderName: config.WEBCHAT_LENDER_NAME,
    brandColor: config.WEBCHAT_BRAND_COLOR,
    defaultLocale: config.WEBCHAT_DEFAULT_LOCALE,
    locales: LOCALES,
  };
  const securityHeaders = pageSecurityHeaders(config.WEBCHAT_FRAME_ANCESTORS);
  server.get('/api/webchat/config', async (_req: Request, res: Response) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.header(name, value);
    res.header('Cache-Control', 'no-cache');
    res.send(200, pageConfig);
  });

  registerWebChatPage(server, {
    publicDir: deps.publicDir ?? resolve(PROJECT_ROOT, 'public'),
    frameAncestors: config.WEBCHAT_FRAME_ANCESTORS,
    redirectRoot: deps.redirectRoot ?? true,
    logger,
  });
  return { service };
}

/**
 * A reply from the bot in this process (or on this host): a loopback peer that came through no proxy. A proxy
 * on the same host would make every caller look local, so any forwarding header disqualifies the request.
 */
function fromLocalBot(req: Request): boolean {
  const h = req.headers;
  if (h['x-forwarded-for'] || h['forwarded'] || h['x-real-ip']) return false;
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
