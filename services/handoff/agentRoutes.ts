import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'restify';
import type { Clock } from '../clock';
import { isBotError } from '../errors/botError';
import type { Logger } from '../logging/logger';
import { SignInThrottle, type AgentDirectory, type AgentProfile, type AgentSession, type AgentSessionStore } from './agentAuth';
import type { AgentFeedEvent } from './handoffBus';
import { HandoffAccessError, type HandoffService } from './handoffService';
import { PROJECT_ROOT } from '../projectRoot';

export interface AgentRoutesDeps {
  service: HandoffService;
  directory: AgentDirectory;
  sessions: AgentSessionStore;
  clock: Clock;
  logger: Logger;
  /** Session lifetime (cookie Max-Age). */
  sessionTtlMs: number;
  /** Secure cookies (HTTPS). */
  cookieSecure: boolean;
  /**
   * Origins allowed to make state-changing requests besides the request's own host (e.g. PUBLIC_URL's origin
   * behind a proxy that rewrites Host).
   */
  allowedOrigins?: string[];
  /** Folder with index.html, agent.js, agent.css; default public/agent of this repository. */
  publicDir?: string;
  /** SSE keep-alive period (also refreshes presence and re-checks the session). */
  keepAliveMs?: number;
}

type Req = IncomingMessage & { params?: Record<string, string>; body?: unknown };
type Res = ServerResponse;

const SESSION_COOKIE = 'agent_session';
const CSRF_COOKIE = 'agent_csrf';
const COOKIE_PATH = '/agent';
const MAX_BODY = 64 * 1024;

const ASSETS: Record<string, { file: string; type: string }> = {
  '/agent': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/agent/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/agent/agent.js': { file: 'agent.js', type: 'text/javascript; charset=utf-8' },
  '/agent/agent.css': { file: 'agent.css', type: 'text/css; charset=utf-8' },
  '/agent/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message?: string,
  ) {
    super(message ?? error);
  }
}

/**
 * The agent console (`/agent`) and its JSON API (`/agent/api/*`, see docs/agent-api.md). restify 12: every handler
 * is async and takes no `next`. Sessions are HttpOnly SameSite=Strict cookies; state-changing requests must come
 * from our own origin (Origin / Sec-Fetch-Site) and carry the session's CSRF token in `X-CSRF-Token`.
 */
export function registerAgentRoutes(server: Server, deps: AgentRoutesDeps): void {
  const { service, directory, sessions, logger } = deps;
  const publicDir = deps.publicDir ?? path.resolve(PROJECT_ROOT, 'public', 'agent');
  const throttle = new SignInThrottle(deps.clock);
  const keepAliveMs = deps.keepAliveMs ?? 25_000;

  const json = (res: Res, status: number, body: unknown) => {
    const text = JSON.stringify(body ?? null);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  /** Wrap a handler: errors become JSON answers; nothing is thrown back into restify. */
  const route = (fn: (req: Req, res: Res) => Promise<void>) =>
    async function agentRoute(req: Req, res: Res): Promise<void> {
      try {
        await fn(req, res);
      } catch (err) {
        if (res.headersSent) {
          res.end();
          return;
        }
        if (err instanceof HttpError) return json(res, err.status, { error: err.error, message: err.message });
        if (err instanceof HandoffAccessError) return json(res, err.kind === 'not_found' ? 404 : 403, { error: err.kind, message: err.message });
        if (isBotError(err, 'BAD_INPUT')) return json(res, 400, { error: 'bad_input', message: (err as Error).message });
        logger.error({ event: 'agent_api.failed', path: req.url, err }, 'agent API request failed');
        json(res, 500, { error: 'internal', message: 'internal error' });
      }
    };

  const sameOrigin = (req: Req) => {
    const site = header(req, 'sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'cross_site', 'cross-site request refused');
    const origin = header(req, 'origin');
    if (origin !== undefined) {
      const host = header(req, 'host');
      const own = host ? [`http://${host}`, `https://${host}`] : [];
      if (!own.includes(origin) && !(deps.allowedOrigins ?? []).includes(origin)) {
        throw new HttpError(403, 'cross_site', 'request from another origin refused');
      }
    }
  };

  const session = async (req: Req): Promise<{ agent: AgentProfile; session: AgentSession; token: string }> => {
    const token = cookies(req)[SESSION_COOKIE];
    const s = token ? await sessions.get(token) : undefined;
    const agent = s ? directory.get(s.agentId) : undefined;
    if (!token || !s || !agent) throw new HttpError(401, 'unauthenticated', 'sign in first');
    void service.touchAgent(agent.id).catch(() => undefined);
    return { agent, session: s, token };
  };

  /** Authenticated, same-origin, CSRF token in the header matching both the cookie and the session. */
  const changing = async (req: Req) => {
    sameOrigin(req);
    const s = await session(req);
    const sent = header(req, 'x-csrf-token') ?? '';
    const cookie = cookies(req)[CSRF_COOKIE] ?? '';
    if (!equal(sent, s.session.csrfToken) || !equal(cookie, s.session.csrfToken)) throw new HttpError(403, 'csrf', 'missing or wrong CSRF token');
    return s;
  };

  const setCookies = (res: Res, token: string, csrf: string, maxAgeSec: number) => {
    const common = `Path=${COOKIE_PATH}; SameSite=Strict; Max-Age=${maxAgeSec}${deps.cookieSecure ? '; Secure' : ''}`;
    res.setHeader('Set-Cookie', [`${SESSION_COOKIE}=${token}; HttpOnly; ${common}`, `${CSRF_COOKIE}=${csrf}; ${common}`]);
  };

  // ------------------------------------------------------------ console assets
  for (const [url, asset] of Object.entries(ASSETS)) {
    server.get(
      url,
      route(async (_req, res) => {
        const body = await readFile(path.join(publicDir, asset.file));
        res.writeHead(200, { ...PAGE_HEADERS, 'Content-Type': asset.type, 'Content-Length': body.length });
        res.end(body);
      }),
    );
  }

  // ------------------------------------------------------------ session
  server.post(
    '/agent/api/session',
    route(async (req, res) => {
      sameOrigin(req);
      const body = await readJson(req);
      const id = typeof body.agentId === 'string' ? body.agentId.trim() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      if (!id || !password || id.length > 64 || password.length > 256) throw new HttpError(400, 'bad_input', 'agentId and password required');
      if (throttle.blocked(id)) throw new HttpError(429, 'too_many_attempts', 'too many failed sign-ins; try again later');
      const agent = await directory.authenticate(id, password);
      if (!agent) {
        throttle.failed(id);
        logger.warn({ event: 'agent.sign_in_failed', agentId: id }, 'agent sign-in failed');
        throw new HttpError(401, 'bad_credentials', 'wrong agent id or password');
      }
      throttle.succeeded(id);
      const { token, session: s } = await sessions.create(agent.id);
      await service.touchAgent(agent.id);
      logger.info({ event: 'agent.signed_in', agentId: agent.id }, 'agent signed in');
      setCookies(res, token, s.csrfToken, Math.floor(deps.sessionTtlMs / 1000));
      json(res, 200, { agent, csrfToken: s.csrfToken, expiresAt: new Date(s.expiresAt).toISOString() });
    }),
  );

  server.del(
    '/agent/api/session',
    route(async (req, res) => {
      const { agent, token } = await changing(req);
      await sessions.delete(token);
      await service.agentLeft(agent.id);
      logger.info({ event: 'agent.signed_out', agentId: agent.id }, 'agent signed out');
      setCookies(res, '', '', 0);
      json(res, 200, { signedOut: true });
    }),
  );

  server.get(
    '/agent/api/me',
    route(async (req, res) => {
      const { agent, session: s } = await session(req);
      json(res, 200, { agent, csrfToken: s.csrfToken, expiresAt: new Date(s.expiresAt).toISOString() });
    }),
  );

  // ------------------------------------------------------------ queue and tickets
  server.get(
    '/agent/api/queue',
    route(async (req, res) => {
      const { agent } = await session(req);
      json(res, 200, await service.queueOverview(agent));
    }),
  );

  server.post(
    '/agent/api/claim',
    route(async (req, res) => {
      const { agent } = await changing(req);
      const r = await service.claimNext(agent);
      if (r.ticket) return json(res, 200, { ticket: r.ticket });
      json(res, 409, r.atCapacity ? { error: 'at_capacity', message: 'close a conversation first' } : { error: 'queue_empty', message: 'no ticket you can take' });
    }),
  );

  server.get(
    '/agent/api/tickets/:id',
    route(async (req, res) => {
      const { agent } = await session(req);
      json(res, 200, await service.ticketDetail(agent, param(req, 'id')));
    }),
  );

  server.get(
    '/agent/api/tickets/:id/messages',
    route(async (req, res) => {
      const { agent } = await session(req);
      const after = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('after') ?? 0);
      json(res, 200, { messages: await service.messages(agent, param(req, 'id'), Number.isFinite(after) ? after : 0) });
    }),
  );

  server.post(
    '/agent/api/tickets/:id/messages',
    route(async (req, res) => {
      const { agent } = await changing(req);
      const body = await readJson(req);
      if (typeof body.text !== 'string') throw new HttpError(400, 'bad_input', 'text required');
      json(res, 201, { message: await service.reply(agent, param(req, 'id'), body.text) });
    }),
  );

  server.post(
    '/agent/api/tickets/:id/typing',
    route(async (req, res) => {
      const { agent } = await changing(req);
      await service.typing(agent, param(req, 'id'));
      json(res, 202, { ok: true });
    }),
  );

  server.post(
    '/agent/api/tickets/:id/close',
    route(async (req, res) => {
      const { agent } = await changing(req);
      const body = await readJson(req);
      const note = typeof body.note === 'string' ? body.note : '';
      json(res, 200, { ticket: await service.close(agent, param(req, 'id'), body.outcome as never, note) });
    }),
  );

  // ------------------------------------------------------------ live updates (server-sent events)
  server.get(
    '/agent/api/events',
    route(async (req, res) => {
      const { agent, token } = await session(req);
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write('retry: 3000\n\n');
      const send = (e: AgentFeedEvent) => {
        if (!visibleTo(e, agent.id)) return;
        res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
      };
      const off = service.onAgentFeed(send);
      const ping = setInterval(() => {
        void (async () => {
          if (!(await sessions.get(token).catch(() => undefined))) {
            res.write('event: session_ended\ndata: {}\n\n');
            res.end();
            return;
          }
          await service.touchAgent(agent.id).catch(() => undefined);
          res.write(': ping\n\n');
        })();
      }, keepAliveMs);
      res.write(`event: ready\ndata: ${JSON.stringify({ agentId: agent.id })}\n\n`);
      // The response's 'close' fires when the console disconnects (the request's fires as soon as it is read).
      await new Promise<void>((resolve) => res.on('close', resolve));
      clearInterval(ping);
      off();
    }),
  );
}

/** Queue and state changes go to every console; chat messages and typing only to the assigned agent's. */
function visibleTo(e: AgentFeedEvent, agentId: string): boolean {
  if (e.type === 'message' || e.type === 'borrower_typing') return e.agentId === agentId;
  return true;
}

function header(req: Req, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function param(req: Req, name: string): string {
  const v = req.params?.[name];
  if (!v || v.length > 64) throw new HttpError(400, 'bad_input', `${name} missing`);
  return v;
}

function cookies(req: Req): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** JSON body: already parsed by a global bodyParser, or read here (JSON content type required, 64 KB at most). */
async function readJson(req: Req): Promise<Record<string, unknown>> {
  const type = header(req, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type', 'send application/json');
  let body: unknown = req.body;
  if (body === undefined) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new HttpError(413, 'too_large', 'body too large');
      chunks.push(chunk as Buffer);
    }
    body = Buffer.concat(chunks).toString('utf8');
  }
  if (Buffer.isBuffer(body)) body = body.toString('utf8');
  if (typeof body === 'string') {
    try {
      body = body.trim() ? JSON.parse(body) : {};
    } catch {
      throw new HttpError(400, 'bad_json', 'malformed JSON');
    }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'bad_input', 'JSON object expected');
  return body as Record<string, unknown>;
}
