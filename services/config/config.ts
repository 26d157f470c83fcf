import { z } from 'zod';
import { vars } from './vars';
import { recognizerConfigShape } from '../recognizer/recognizerConfig';
import { accountsConfigShape } from '../accounts/accountsConfig';
import { identityConfigShape } from '../identity/identityConfig';
import { handoffConfigShape } from '../handoff/handoffConfig';
import { directLineConfigShape } from '../directline/directLineConfig';
import { plansConfigShape } from '../plans/plansConfig';
import { BotError } from '../errors/botError';

/**
 * The one configuration schema: environment variables in, a frozen typed object out. Each area owns its keys
 * in a fragment next to its code; `.env.example` lists exactly these keys. Empty values count as unset.
 */
export const configSchema = z.object({
  /** Port of the HTTP server (0 = any free port). */
  PORT: vars.int(3978, 0, 65535),
  /** Bind address. Without MicrosoftAppId the default is 127.0.0.1 (anonymous mode must not be exposed). */
  HOST: vars.optionalString(),
  /** Public base URL of this server (Direct Line facade and agent console links); default http://HOST:PORT. */
  PUBLIC_URL: vars.url(),
  /** Redis connection URL. Unset: embedded in-process state (development / demo). */
  REDIS_URL: vars.url(),
  /** Prefix of every Redis key this deployment writes. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only').default('bsb'),
  /** How long start-up waits for Redis to answer before it stops with a message saying so. */
  REDIS_STARTUP_TIMEOUT_MS: vars.int(15000, 0, 600000),
  /** Lifetime of conversation state after the last turn. */
  STATE_TTL_SECONDS: vars.int(7 * 24 * 3600, 60),
  /** How long a turn waits for another turn of the same conversation to finish before giving up. */
  TURN_LOCK_TIMEOUT_MS: vars.int(5000, 100, 60000),
  /** Bot Framework app registration. Empty: anonymous local mode (Emulator, built-in Direct Line). */
  MicrosoftAppId: vars.optionalString(),
  MicrosoftAppPassword: vars.optionalString(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: vars.optionalString(),
  /** Anonymous mode only: hosts replies may be posted to (besides this server itself). */
  SERVICE_URL_ALLOWLIST: vars.list(['localhost', '127.0.0.1', '[::1]']),
  /** Time zone of the lender (service hours, relative dates). */
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** Messages per minute one conversation may send before the bot asks it to slow down. */
  RATE_LIMIT_CONVERSATION_PER_MINUTE: vars.int(30, 1, 100000),
  /** Messages per minute one user id may send across conversations. */
  RATE_LIMIT_USER_PER_MINUTE: vars.int(60, 1, 100000),
  /** Longest message text the bot accepts; longer ones are answered with a request to shorten (not while an agent has the conversation: those reach the agent). */
  MAX_MESSAGE_CHARS: vars.int(5000, 100, 100000),
  /** production: no development defaults (agent account, random signing keys are refused or warned). */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...recognizerConfigShape,
  ...accountsConfigShape,
  ...identityConfigShape,
  ...handoffConfigShape,
  ...directLineConfigShape,
  ...plansConfigShape,
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** Parse the environment once. Throws a BotError('CONFIG_INVALID') whose message names every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const key = i.path.join('.') || '(root)';
      const got = typeof i.path[0] === 'string' && cleaned[i.path[0]] !== undefined ? ` (got "${cleaned[i.path[0]]}")` : '';
      return `  ${key}: ${i.message}${got}`;
    });
    throw new BotError('CONFIG_INVALID', `Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}
