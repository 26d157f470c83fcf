import { errors, importSPKI, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import { systemClock, type Clock } from '../clock';
import { borrowerLanguageSchema, type BorrowerLanguage } from '../accounts/accountSchemas';

export interface BorrowerTokenVerifierOptions {
  /** HS256 shared secret (IDENTITY_TOKEN_HS256_SECRET). */
  hs256Secret?: string;
  /** RS256 public key, SPKI PEM (IDENTITY_TOKEN_RS256_PUBLIC_KEY); wins over the secret when both are set. */
  rs256PublicKeyPem?: string;
  issuer?: string;
  audience?: string;
  /** Allowed clock skew. Default 30 s. */
  clockToleranceSeconds?: number;
  clock?: Clock;
}

export type TokenCheck =
  | { ok: true; borrowerId: string; expiresAt: number; language?: BorrowerLanguage }
  | { ok: false; reason: 'expired' | 'bad_signature' | 'bad_claims' | 'malformed' };

/**
 * Checks the signed borrower token a host page or app passes in: a JWT whose `sub` is the borrower id, with
 * `exp` required, optional `lang` (zh-CN | zh-TW | en), signed HS256 or RS256 (only the configured one is
 * accepted, so an attacker cannot pick the algorithm).
 */
export class BorrowerTokenVerifier {
  private key?: Promise<CryptoKey | Uint8Array>;
  private readonly algorithm: 'HS256' | 'RS256';
  private readonly clock: Clock;

  constructor(private readonly options: BorrowerTokenVerifierOptions) {
    if (!options.rs256PublicKeyPem && !options.hs256Secret) throw new Error('BorrowerTokenVerifier needs a secret or a public key');
    this.algorithm = options.rs256PublicKeyPem ? 'RS256' : 'HS256';
    this.clock = options.clock ?? systemClock;
  }

  /** A verifier from configuration, or undefined when no token key is configured (token path off). */
  static fromConfig(
    config: {
      IDENTITY_TOKEN_HS256_SECRET?: string;
      IDENTITY_TOKEN_RS256_PUBLIC_KEY?: string;
      IDENTITY_TOKEN_ISSUER?: string;
      IDENTITY_TOKEN_AUDIENCE?: string;
    },
    clock?: Clock,
  ): BorrowerTokenVerifier | undefined {
    if (!config.IDENTITY_TOKEN_HS256_SECRET && !config.IDENTITY_TOKEN_RS256_PUBLIC_KEY) return undefined;
    return new BorrowerTokenVerifier({
      hs256Secret: config.IDENTITY_TOKEN_HS256_SECRET,
      rs256PublicKeyPem: config.IDENTITY_TOKEN_RS256_PUBLIC_KEY,
      issuer: config.IDENTITY_TOKEN_ISSUER,
      audience: config.IDENTITY_TOKEN_AUDIENCE,
      clock,
    });
  }

  /** Import the key now, so a bad key stops start-up instead of failing the first embedded conversation. */
  async init(): Promise<this> {
    await this.verificationKey();
    return this;
  }

  async check(token: string): Promise<TokenCheck> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.verificationKey(), {
        algorithms: [this.algorithm],
        issuer: this.options.issuer,
        audience: this.options.audience,
        currentDate: new Date(this.clock.now()),
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JOSEAlgNotAllowed) return { ok: false, reason: 'bad_signature' };
      if (err instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: 'bad_claims' };
      return { ok: false, reason: 'malformed' };
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') return { ok: false, reason: 'bad_claims' };
    const lang = borrowerLanguageSchema.safeParse(payload.lang);
    return { ok: true, borrowerId: payload.sub, expiresAt: payload.exp! * 1000, language: lang.success ? lang.data : undefined };
  }

  private verificationKey(): Promise<CryptoKey | Uint8Array> {
    this.key ??=
      this.algorithm === 'RS256'
        ? importSPKI(this.options.rs256PublicKeyPem!.replace(/\\n/g, '\n'), 'RS256')
        : Promise.resolve(new TextEncoder().encode(this.options.hs256Secret!));
    return this.key;
  }
}
