import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { RedisKeys } from '../redis/keys';
import { dlErrors } from './directLineError';

/** What a conversation token grants: one conversation, as one user. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
}

export interface IssuedToken {
  token: string;
  /** Seconds until it expires (Direct Line's `expires_in`). */
  expiresIn: number;
}

/** A signing key, or where to fetch it from on first use (a key shared through Redis). */
export type SigningKey = string | (() => Promise<string>);

const ISSUER = 'bsb-directline';
const MIN_KEY_CHARS = 32;
const AUDIENCE = 'directline';

/**
 * Conversation-scoped Direct Line tokens: HS256 JWTs carrying the conversation id and the user id, with an
 * expiry. Verification maps failures to the status codes Direct Line uses (403 TokenExpired, 403 invalid).
 */
export class DirectLineTokens {
  private key?: Promise<Uint8Array>;

  constructor(
    private readonly signingKey: SigningKey,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    if (typeof signingKey === 'string') this.key = Promise.resolve(encodeKey(signingKey));
  }

  /** The key, fetched once; a failed fetch (Redis down) is retried by the next request. */
  private signingKeyBytes(): Promise<Uint8Array> {
    if (!this.key) {
      const source = this.signingKey as () => Promise<string>;
      const key = source().then(encodeKey);
      key.catch(() => {
        if (this.key === key) this.key = undefined;
      });
      this.key = key;
    }
    return this.key;
  }

  async issue(claims: TokenClaims): Promise<IssuedToken> {
    const now = Math.floor(this.clock.now() / 1000);
    const token = await new SignJWT({ conv: claims.conversationId, user: claims.userId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(await this.signingKeyBytes());
    return { token, expiresIn: this.ttlSeconds };
  }

  /** The token's claims; throws DirectLineError 403 (TokenExpired for an expired one, BadArgument otherwise). */
  async verify(token: string): Promise<TokenClaims> {
    const key = await this.signingKeyBytes();
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['exp', 'conv', 'user'],
      });
      if (typeof payload.conv !== 'string' || typeof payload.user !== 'string') throw dlErrors.invalidToken();
      return { conversationId: payload.conv, userId: payload.user };
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw dlErrors.expiredToken();
      if (err instanceof errors.JOSEError) throw dlErrors.invalidToken();
      throw err;
    }
  }
}

function encodeKey(signingKey: string): Uint8Array {
  if (signingKey.length < MIN_KEY_CHARS) throw new Error(`Direct Line token signing key must be at least ${MIN_KEY_CHARS} characters`);
  return new TextEncoder().encode(signingKey);
}

/**
 * The signing key from configuration; unset, one shared through Redis when Redis is configured (every instance on
 * it accepts the others' tokens, and tokens survive a restart), or else a random one for this process with a
 * warning: fine for one development process, but tokens then die with the process.
 */
export function resolveSigningKey(configured: string | undefined, logger: Logger): string;
export function resolveSigningKey(configured: string | undefined, logger: Logger, redis: { client: Redis; keys: RedisKeys } | undefined): SigningKey;
export function resolveSigningKey(configured: string | undefined, logger: Logger, redis?: { client: Redis; keys: RedisKeys }): SigningKey {
  if (configured) return configured;
  if (redis) {
    logger.warn(
      { event: 'directline.signingKey.shared' },
      'DIRECTLINE_TOKEN_SIGNING_KEY is not set: web chat tokens are signed with a key kept in Redis and shared by every instance; set the variable in production',
    );
    return () => sharedSigningKey(redis.client, redis.keys, logger);
  }
  logger.warn(
    { event: 'directline.signingKey.generated' },
    'DIRECTLINE_TOKEN_SIGNING_KEY is not set: using a random key; web chat tokens will not survive a restart or work across instances',
  );
  return randomBytes(32).toString('base64url');
}

/**
 * The signing key of every instance sharing this Redis: the first one to need it creates it (SET NX, so of two
 * instances starting at once one wins and both use its key), the others read it.
 */
export async function sharedSigningKey(redis: Redis, keys: RedisKeys, logger: Logger): Promise<string> {
  // No TTL, on purpose: the key must outlive every token it signed and every instance. It lives until deleted
  // (which invalidates the tokens it signed) or until DIRECTLINE_TOKEN_SIGNING_KEY is set.
  const key = keys.key('directline', 'signing-key');
  const created = await redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  const value = await redis.get(key);
  if (!value) throw new Error('the shared Direct Line signing key vanished from Redis');
  logger.info({ event: 'directline.signingKey.loaded', created: created === 'OK' }, created === 'OK' ? 'Direct Line signing key created in Redis' : 'Direct Line signing key read from Redis');
  return value;
}
