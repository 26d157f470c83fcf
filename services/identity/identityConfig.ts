import { z } from 'zod';
import { vars } from '../config/vars';

// Configuration keys of services/identity: spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example.
export const identityConfigShape = {
  /** One-time codes sent per hour, per mobile number and per conversation. */
  IDENTITY_MAX_CODES_PER_HOUR: vars.int(5, 1, 100),
  /** Failed verification attempts (per conversation, and per mobile number) before verification locks. */
  IDENTITY_MAX_ATTEMPTS: vars.int(3, 1, 20),
  /** How long verification stays locked after the last allowed failure. */
  IDENTITY_LOCK_SECONDS: vars.int(1800, 60, 86400),
  /** How long a successful verification lasts in a conversation. */
  IDENTITY_VERIFICATION_TTL_SECONDS: vars.int(1800, 60, 7 * 86400),
  /** How long a one-time code sent by SMS is valid. */
  IDENTITY_CODE_TTL_SECONDS: vars.int(300, 30, 3600),
  /** HS256 secret for borrower tokens from the host page/app (at least 32 characters). */
  IDENTITY_TOKEN_HS256_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** RS256 public key (SPKI PEM; "\n" escapes allowed) for borrower tokens. Takes precedence over the secret. */
  IDENTITY_TOKEN_RS256_PUBLIC_KEY: vars.optionalString(),
  /** Required `iss` of borrower tokens (optional). */
  IDENTITY_TOKEN_ISSUER: vars.optionalString(),
  /** Required `aud` of borrower tokens (optional). */
  IDENTITY_TOKEN_AUDIENCE: vars.optionalString(),
};
