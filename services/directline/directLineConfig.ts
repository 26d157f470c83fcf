// Configuration keys of services/directline: spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example.
import { z } from 'zod';
import { vars } from '../config/vars';

/** An origin such as https://www.lender.example or http://localhost:8080 (no path, no wildcard). */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

export const directLineConfigShape = {
  /** Serve the web chat page (/chat) and the built-in Direct Line 3.0 endpoint (/v3/directline). */
  WEBCHAT_ENABLED: vars.bool(true),
  /**
   * Direct Line secret for server-to-server clients (`Authorization: Bearer <secret>` on
   * /v3/directline/tokens/generate and /v3/directline/conversations). Unset: only conversation tokens are
   * accepted, and the page gets its token from /api/webchat/token. Never put it in a web page.
   */
  DIRECTLINE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * HS256 key that signs conversation tokens. Unset: with Redis, a key created once in Redis and shared by every
   * instance on it; without Redis, a random key generated at start-up (tokens then stop working after a restart).
   * Set it (same value on every instance) in production: a key kept in Redis is readable by anyone who reads Redis.
   */
  DIRECTLINE_TOKEN_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of a conversation token; Web Chat refreshes it every 15 minutes, so keep it above 900. */
  DIRECTLINE_TOKEN_TTL_SECONDS: vars.int(1800, 60, 24 * 3600),
  /** How long a conversation and its activities are kept after its last activity. */
  DIRECTLINE_CONVERSATION_TTL_SECONDS: vars.int(24 * 3600, 300),
  /** How long posting an activity waits for the bot's turn before answering 502 (Web Chat gives up at 20 s). */
  DIRECTLINE_BOT_TIMEOUT_MS: vars.int(15000, 1000, 60000),
  /** Most activities one conversation may hold (user and bot together); further posts get 400. */
  DIRECTLINE_MAX_ACTIVITIES: vars.int(2000, 10, 100000),
  /** Tokens one client address may get from /api/webchat/token per minute. */
  WEBCHAT_TOKEN_RATE_PER_MINUTE: vars.int(20, 1, 10000),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for the token rate limit). */
  WEBCHAT_TRUST_PROXY: vars.bool(false),
  /** Lender name shown in the widget header. */
  WEBCHAT_LENDER_NAME: vars.string('示例消费金融'),
  /** Brand colour of the widget: RRGGBB with or without '#' (normalised to '#RRGGBB'). */
  WEBCHAT_BRAND_COLOR: z
    .string()
    .regex(/^#?[0-9A-Fa-f]{6}$/, 'must be a colour like #0B5CAD')
    .transform((v) => (v.startsWith('#') ? v : `#${v}`).toUpperCase())
    .default('#0B5CAD'),
  /** Language the page starts in (the borrower can switch). */
  WEBCHAT_DEFAULT_LOCALE: z.enum(['zh-CN', 'zh-TW', 'en-US']).default('zh-CN'),
  /** Origins allowed to embed /chat in an iframe (CSP frame-ancestors), comma-separated. Empty: this site only. */
  WEBCHAT_FRAME_ANCESTORS: vars.list([]).pipe(z.array(z.string().regex(ORIGIN, 'must be origins like https://www.lender.example'))),
};

const directLineConfigSchema = z.object(directLineConfigShape);
/** The parsed directline keys (a slice of Config). */
export type DirectLineSettings = z.infer<typeof directLineConfigSchema>;
