import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import { BotError } from '../errors/botError';
import type { Logger } from '../logging/logger';
import type { RedisKeys } from '../redis/keys';
import { isSkill, type Skill } from './ticket';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

const SCRYPT = { N: 16384, r: 8, p: 1 };
const KEY_LEN = 32;

/**
 * `s1$N$r$p$<salt>$<key>` (base64url). No `:` or `;`, so it fits AGENT_ACCOUNTS. In a shell, quote it with
 * single quotes (it contains `$`).
 */
export async function hashAgentPassword(password: string, salt: Buffer = randomBytes(16)): Promise<string> {
  const key = await scrypt(password, salt, KEY_LEN, SCRYPT);
  return ['s1', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyAgentPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 's1') return false;
  const [, n, r, p, salt, key] = parts;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return expected.length > 0 && timingSafeEqual(expected, actual);
}

export interface AgentAccount {
  id: string;
  displayName: string;
  skills: Skill[];
  passwordHash: string;
}

/** An agent as the API shows it (no hash). */
export type AgentProfile = Omit<AgentAccount, 'passwordHash'>;

export interface AgentAccountSource {
  /** AGENT_ACCOUNTS: `id:Display Name:hash[:skill,skill];...` */
  accounts?: string;
  /** AGENT_ACCOUNTS_FILE: JSON `[{ id, displayName, passwordHash, skills? }]`. */
  file?: string;
  /** No development account in production: index.ts passes NODE_ENV === 'production' or a configured MicrosoftAppId. */
  production: boolean;
  logger: Logger;
}

export const DEV_AGENT = { id: 'dev', password: 'dev', displayName: 'Dev Agent' } as const;

/**
 * Agent accounts from configuration. Nothing configured: in development one account `dev` / `dev` with every
 * skill, announced with a warning; in production a CONFIG_INVALID error (the console must not be open).
 */
export async function loadAgentAccounts(source: AgentAccountSource): Promise<AgentAccount[]> {
  const problems: string[] = [];
  const accounts: AgentAccount[] = [];
  if (source.accounts) {
    source.accounts
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .forEach((entry, i) => {
        const [id, displayName, passwordHash, skills = ''] = entry.split(':');
        accounts.push({ id, displayName, passwordHash, skills: skills.split(',').filter(Boolean) as Skill[] });
        if (entry.split(':').length < 3) problems.push(`  AGENT_ACCOUNTS: entry ${i + 1} must be id:Display Name:hash[:skills]`);
      });
  }
  if (source.file) {
    try {
      const list = JSON.parse(readFileSync(source.file, 'utf8')) as Partial<AgentAccount>[];
      if (!Array.isArray(list)) throw new Error('not a JSON array');
      for (const a of list) accounts.push({ id: a.id ?? '', displayName: a.displayName ?? '', passwordHash: a.passwordHash ?? '', skills: a.skills ?? [] });
    } catch (err) {
      problems.push(`  AGENT_ACCOUNTS_FILE: cannot read ${source.file}: ${(err as Error).message}`);
    }
  }
  const seen = new Set<string>();
  for (const a of accounts) {
    if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(a.id)) problems.push(`  agent "${a.id}": id must be 1-64 letters, digits, _ . @ -`);
    if (seen.has(a.id)) problems.push(`  agent "${a.id}": defined twice`);
    seen.add(a.id);
    if (!a.displayName.trim()) problems.push(`  agent "${a.id}": display name missing`);
    if (!/^s1\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/.test(a.passwordHash)) {
      problems.push(`  agent "${a.id}": password hash must come from services/handoff/hashAgentPassword.ts`);
    }
    const bad = a.skills.filter((s) => !isSkill(s));
    if (bad.length) problems.push(`  agent "${a.id}": unknown skills ${bad.join(', ')} (legal, negotiation, complaints)`);
  }
  if (problems.length) throw new BotError('CONFIG_INVALID', `Invalid configuration:\n${problems.join('\n')}`);
  if (accounts.length) return accounts;
  if (source.production) {
    throw new BotError('CONFIG_INVALID', 'Invalid configuration:\n  AGENT_ACCOUNTS: no agent accounts configured (required in production)');
  }
  source.logger.warn(
    { event: 'agent.dev_account', agentId: DEV_AGENT.id },
    'NO AGENT ACCOUNTS CONFIGURED: development agent account "dev" (password "dev") is enabled. Never use this in production.',
  );
  return [{ id: DEV_AGENT.id, displayName: DEV_AGENT.displayName, skills: ['legal', 'negotiation', 'complaints'], passwordHash: await hashAgentPassword(DEV_AGENT.password) }];
}

/** Looks up accounts and checks passwords in constant-ish time (unknown ids cost a hash too). */
export class AgentDirectory {
  private readonly byId: Map<string, AgentAccount>;
  private readonly dummy: Promise<string>;

  constructor(accounts: readonly AgentAccount[]) {
    this.byId = new Map(accounts.map((a) => [a.id, a]));
    this.dummy = hashAgentPassword('dummy-password-for-timing');
  }

  async authenticate(id: string, password: string): Promise<AgentProfile | undefined> {
    const account = this.byId.get(id);
    const ok = await verifyAgentPassword(password, account?.passwordHash ?? (await this.dummy));
    return ok && account ? this.profile(account) : undefined;
  }

  get(id: string): AgentProfile | undefined {
    const a = this.byId.get(id);
    return a ? this.profile(a) : undefined;
  }

  private profile(a: AgentAccount): AgentProfile {
    return { id: a.id, displayName: a.displayName, skills: [...a.skills] };
  }
}

export interface AgentSession {
  agentId: string;
  /** Double-submit CSRF token: sent back by the console in `X-CSRF-Token`, also in a readable cookie. */
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/** Console sessions. Tokens are random; only their SHA-256 is used as a key, so a store dump holds no live token. */
export interface AgentSessionStore {
  create(agentId: string): Promise<{ token: string; session: AgentSession }>;
  get(token: string): Promise<AgentSession | undefined>;
  delete(token: string): Promise<void>;
}

export interface AgentSessionStoreOptions {
  clock: Clock;
  ttlMs: number;
  /** Randomness source (tests may pass a deterministic one). */
  randomBytes?: (n: number) => Buffer;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

function newSession(agentId: string, options: AgentSessionStoreOptions) {
  const rnd = options.randomBytes ?? randomBytes;
  const now = options.clock.now();
  return {
    token: rnd(32).toString('base64url'),
    session: { agentId, csrfToken: rnd(32).toString('base64url'), createdAt: now, expiresAt: now + options.ttlMs },
  };
}

export class InMemoryAgentSessionStore implements AgentSessionStore {
  private readonly sessions = new Map<string, AgentSession>();
  constructor(private readonly options: AgentSessionStoreOptions) {}

  async create(agentId: string) {
    const s = newSession(agentId, this.options);
    const now = this.options.clock.now();
    for (const [k, v] of this.sessions) if (v.expiresAt <= now) this.sessions.delete(k);
    this.sessions.set(tokenHash(s.token), s.session);
    return { token: s.token, session: { ...s.session } };
  }

  async get(token: string): Promise<AgentSession | undefined> {
    const s = this.sessions.get(tokenHash(token));
    if (!s) return undefined;
    if (s.expiresAt <= this.options.clock.now()) {
      this.sessions.delete(tokenHash(token));
      return undefined;
    }
    return { ...s };
  }

  async delete(token: string): Promise<void> {
    this.sessions.delete(tokenHash(token));
  }
}

/** `p:agent-session:<sha256(token)>` JSON with a TTL equal to the session's remaining life. */
export class RedisAgentSessionStore implements AgentSessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: AgentSessionStoreOptions,
  ) {}

  async create(agentId: string) {
    const s = newSession(agentId, this.options);
    await this.redis.set(this.key(s.token), JSON.stringify(s.session), 'PX', this.options.ttlMs);
    return s;
  }

  async get(token: string): Promise<AgentSession | undefined> {
    const raw = await this.redis.get(this.key(token));
    if (!raw) return undefined;
    const s = JSON.parse(raw) as AgentSession;
    // The key's TTL follows the server clock; the session's own expiry follows the injected clock.
    return s.expiresAt <= this.options.clock.now() ? undefined : s;
  }

  async delete(token: string): Promise<void> {
    await this.redis.del(this.key(token));
  }

  private key(token: string): string {
    return this.keys.key('agent-session', tokenHash(token));
  }
}

/** Slows password guessing: after `maxFailures` failures for one agent id, refuse sign-in for `lockMs`. Per instance. */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 5,
    private readonly lockMs = 15 * 60_000,
  ) {}

  blocked(agentId: string): boolean {
    const f = this.failures.get(agentId);
    if (!f) return false;
    if (this.clock.now() - f.since > this.lockMs) {
      this.failures.delete(agentId);
      return false;
    }
    return f.count >= this.maxFailures;
  }

  failed(agentId: string): void {
    const f = this.failures.get(agentId);
    if (!f || this.clock.now() - f.since > this.lockMs) this.failures.set(agentId, { count: 1, since: this.clock.now() });
    else f.count++;
    if (this.failures.size > 10_000) this.failures.clear();
  }

  succeeded(agentId: string): void {
    this.failures.delete(agentId);
  }
}
