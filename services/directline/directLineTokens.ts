import { randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
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

const ISSUER = 'bsb-directline';
const AUDIENCE = 'directline';

/**
 * Conversation-scoped Direct Line tokens: HS256 JWTs carrying the conversation id and the user id, with an
 * expiry. Verification maps failures to the status codes Direct Line uses (403 TokenExpired, 403 invalid).
 */
export class DirectLineTokens {
  private readonly key: Uint8Array;

  constructor(
    signingKey: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    if (signingKey.length < 32) throw new Error('Direct Line token signing key must be at least 32 characters');
    this.key = new TextEncoder().encode(signingKey);
  }

  async issue(claims: TokenClaims): Promise<IssuedToken> {
    const now = Math.floor(this.clock.now() / 1000);
    const token = await new SignJWT({ conv: claims.conversationId, user: claims.userId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }

  /** The token's claims; throws DirectLineError 403 (TokenExpired for an expired one, BadArgument otherwise). */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
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

/**
 * The signing key from configuration, or (unset) a random one with a warning: fine for one development
 * process, but tokens then die with the process and are not accepted by other instances.
 */
export function resolveSigningKey(configured: string | undefined, logger: Logger): string {
  if (configured) return configured;
  logger.warn(
    { event: 'directline.signingKey.generated' },
    'DIRECTLINE_TOKEN_SIGNING_KEY is not set: using a random key; web chat tokens will not survive a restart or work across instances',
  );
  return randomBytes(32).toString('base64url');
}
