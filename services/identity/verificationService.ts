import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { silentLogger, type Logger } from '../logging/logger';
import { maskMobile } from '../logging/mask';
import type { RateLimiter } from '../ratelimit/rateLimiter';
import { systemClock, type Clock } from '../clock';
import type { AccountService } from '../accounts/accountService';
import type { BorrowerLanguage } from '../accounts/accountSchemas';
import type { AttemptState, VerificationAttemptStore } from './attemptStore';
import type { ConversationIdentity, VerificationMethod, VerificationStore } from './verificationStore';
import type { SmsSender } from './smsSender';
import type { BorrowerTokenVerifier } from './borrowerTokenVerifier';
import { normaliseIdLast6, normaliseMobile, normaliseOneTimeCode } from './identityNormalisers';

export interface VerificationPolicy {
  /** IDENTITY_MAX_ATTEMPTS (3). The attempt stores must be built with the same value. */
  maxAttempts: number;
  /** IDENTITY_VERIFICATION_TTL_SECONDS × 1000. */
  verificationTtlMs: number;
  /** IDENTITY_CODE_TTL_SECONDS × 1000. */
  codeTtlMs: number;
}

/** Random integers (injected so tests can pick the one-time code). */
export interface RandomSource {
  int(maxExclusive: number): number;
}
export const cryptoRandom: RandomSource = { int: (max) => randomInt(max) };

export interface VerificationServiceDeps {
  /** Only the lookup is used; pass the cached or the plain account service. */
  accounts: Pick<AccountService, 'lookupBorrower'>;
  attempts: VerificationAttemptStore;
  verifications: VerificationStore;
  sms: SmsSender;
  /** Absent when no token key is configured: tokens are then ignored (and logged). */
  tokens?: BorrowerTokenVerifier;
  policy: VerificationPolicy;
  /** Limits how often one-time codes are sent, per mobile and per conversation (SMS costs money and can be abused). */
  codeLimits?: { limiter: RateLimiter; perHour: number };
  clock?: Clock;
  random?: RandomSource;
  logger?: Logger;
}

/** Why a verification step did not verify. Only `no_match` and a wrong code count as failures. */
export type VerifyFailureReason =
  | 'invalid_mobile'
  | 'invalid_id_last6'
  | 'invalid_code'
  | 'no_match'
  | 'locked'
  | 'no_code'
  | 'code_expired'
  | 'invalid_token';

export type VerifyResult =
  | { ok: true; borrowerId: string; method: VerificationMethod; language?: BorrowerLanguage; expiresAt: string }
  | {
      ok: false;
      reason: VerifyFailureReason;
      /** Tries left before the lock (0 when locked). */
      remainingAttempts: number;
      /** ISO date-time the lock ends, when `reason` is `locked`. */
      lockedUntil?: string;
    };

export type SendCodeResult =
  | { ok: true; sentTo: string; expiresAt: string }
  | { ok: false; reason: 'too_many_codes'; retryAfterMs: number }
  | { ok: false; reason: 'invalid_mobile' | 'locked'; remainingAttempts: number; lockedUntil?: string };

export type VerificationStatus =
  | { verified: true; borrowerId: string; method: VerificationMethod; language?: BorrowerLanguage; expiresAt: string }
  | { verified: false; locked: boolean; lockedUntil?: string; remainingAttempts: number; codeSentTo?: string };

const conversationSubject = (conversationId: string) => `conv:${conversationId}`;
/** Mobile numbers are counted too (a new conversation must not reset the count); hashed so keys hold no number. */
const mobileSubject = (mobile: string) => `mobile:${createHash('sha256').update(`bsb-verify:${mobile}`).digest('hex').slice(0, 32)}`;

/**
 * Identity verification per conversation, for the verification dialog:
 * - `verify(conversationId, mobile, idLast6)`: registered mobile + last 6 ID characters through the lender lookup;
 * - `sendOneTimeCode` / `verifyOneTimeCode`: a 6-digit code through the SmsSender (same answer whether the
 *   mobile is registered or not, so the bot cannot be used to probe numbers);
 * - `verifyToken`: a signed borrower token from the host page or app.
 * `maxAttempts` failures (per conversation, and per mobile number) lock verification for the lock duration.
 * Inputs are raw borrower text; they are normalised here and never logged unmasked.
 * Lender outages surface as BotError('ACCOUNT_SERVICE_UNAVAILABLE') and do not count as failures.
 */
export class VerificationService {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly random: RandomSource;

  constructor(private readonly deps: VerificationServiceDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger();
    this.random = deps.random ?? cryptoRandom;
  }

  /** Is this conversation verified (and as whom), locked, or neither? */
  async status(conversationId: string): Promise<VerificationStatus> {
    const identity = await this.deps.verifications.get(conversationId);
    if (identity?.state === 'verified') {
      const { borrowerId, method, language, expiresAt } = identity;
      return { verified: true, borrowerId, method, language, expiresAt };
    }
    const attempts = await this.deps.attempts.get(conversationSubject(conversationId));
    return {
      verified: false,
      locked: attempts.lockedUntil !== undefined,
      lockedUntil: this.iso(attempts.lockedUntil),
      remainingAttempts: this.remaining(attempts),
      codeSentTo: identity?.state === 'code_sent' ? identity.maskedMobile : undefined,
    };
  }

  /** The verified borrower id, or undefined. What a dialog checks before showing any account detail. */
  async verifiedBorrowerId(conversationId: string): Promise<string | undefined> {
    const identity = await this.deps.verifications.get(conversationId);
    return identity?.state === 'verified' ? identity.borrowerId : undefined;
  }

  async verify(conversationId: string, mobileInput: string, idLast6Input: string): Promise<VerifyResult> {
    const convSubject = conversationSubject(conversationId);
    const locked = await this.lockedResult(convSubject);
    if (locked) return locked;
    const mobile = normaliseMobile(mobileInput);
    const idLast6 = normaliseIdLast6(idLast6Input);
    if (!mobile || !idLast6) return this.notCounted(convSubject, mobile ? 'invalid_id_last6' : 'invalid_mobile');
    const mobSubject = mobileSubject(mobile);
    const mobileLocked = await this.lockedResult(mobSubject);
    if (mobileLocked) {
      this.logger.warn({ event: 'identity.locked_mobile', conversationId, mobile: maskMobile(mobile) }, 'verification refused: mobile locked');
      return mobileLocked;
    }
    const match = await this.deps.accounts.lookupBorrower(mobile, idLast6);
    if (!match) return this.fail(conversationId, [convSubject, mobSubject], 'id_last6', maskMobile(mobile));
    await this.succeed(convSubject, mobSubject);
    return this.markVerified(conversationId, match.borrowerId, 'id_last6', match.language);
  }

  async sendOneTimeCode(conversationId: string, mobileInput: string): Promise<SendCodeResult> {
    const convSubject = conversationSubject(conversationId);
    const locked = await this.lockedResult(convSubject);
    if (locked) return { ok: false, reason: 'locked', remainingAttempts: 0, lockedUntil: locked.lockedUntil };
    const mobile = normaliseMobile(mobileInput);
    if (!mobile) return { ok: false, reason: 'invalid_mobile', remainingAttempts: this.remaining(await this.deps.attempts.get(convSubject)) };
    const mobSubject = mobileSubject(mobile);
    const mobileLocked = await this.lockedResult(mobSubject);
    if (mobileLocked) return { ok: false, reason: 'locked', remainingAttempts: 0, lockedUntil: mobileLocked.lockedUntil };
    const limited = await this.codeLimited(convSubject, mobSubject);
    if (limited) {
      this.logger.warn({ event: 'identity.code_rate_limited', conversationId, mobile: maskMobile(mobile) }, 'one-time code refused: too many');
      return { ok: false, reason: 'too_many_codes', retryAfterMs: limited };
    }
    const match = await this.deps.accounts.lookupBorrower(mobile);
    const code = String(this.random.int(1_000_000)).padStart(6, '0');
    const expiresAt = new Date(this.clock.now() + this.deps.policy.codeTtlMs).toISOString();
    const masked = maskMobile(mobile);
    await this.deps.verifications.set(conversationId, {
      state: 'code_sent',
      borrowerId: match?.borrowerId ?? '',
      language: match?.language,
      codeHash: this.codeHash(conversationId, code),
      mobileSubject: mobSubject,
      maskedMobile: masked,
      expiresAt,
    });
    if (match) await this.deps.sms.sendCode(mobile, code, match.language);
    this.logger.info({ event: 'identity.code_requested', conversationId, mobile: masked, registered: Boolean(match) }, 'one-time code requested');
    return { ok: true, sentTo: masked, expiresAt };
  }

  /** Milliseconds until another code may be sent, or 0 when one may be sent now (counts this request). */
  private async codeLimited(...subjects: string[]): Promise<number> {
    const limits = this.deps.codeLimits;
    if (!limits) return 0;
    const limit = { limit: limits.perHour, windowMs: 3_600_000 };
    let wait = 0;
    for (const subject of subjects) {
      const decision = await limits.limiter.hit(`sms:${subject}`, limit);
      if (!decision.allowed) wait = Math.max(wait, decision.retryAfterMs || 1);
    }
    return wait;
  }

  async verifyOneTimeCode(conversationId: string, codeInput: string): Promise<VerifyResult> {
    const convSubject = conversationSubject(conversationId);
    const locked = await this.lockedResult(convSubject);
    if (locked) return locked;
    const pending = await this.deps.verifications.get(conversationId);
    if (pending?.state !== 'code_sent') {
      // Expired codes vanish from the store with their TTL; both cases ask for a new code.
      return this.notCounted(convSubject, 'no_code');
    }
    if (Date.parse(pending.expiresAt) <= this.clock.now()) return this.notCounted(convSubject, 'code_expired');
    const code = normaliseOneTimeCode(codeInput);
    if (!code) return this.notCounted(convSubject, 'invalid_code');
    const expected = Buffer.from(pending.codeHash, 'hex');
    const given = Buffer.from(this.codeHash(conversationId, code), 'hex');
    if (!pending.borrowerId || !timingSafeEqual(expected, given)) {
      const result = await this.fail(conversationId, [convSubject, pending.mobileSubject], 'one_time_code', pending.maskedMobile);
      if (!result.ok && result.reason === 'locked') await this.deps.verifications.delete(conversationId);
      return result;
    }
    await this.succeed(convSubject, pending.mobileSubject);
    return this.markVerified(conversationId, pending.borrowerId, 'one_time_code', pending.language);
  }

  /**
   * A signed token from the host page/app. Valid: the conversation is verified from the start. Invalid,
   * expired or not configured: ignored (the borrower verifies in the chat) and logged.
   */
  async verifyToken(conversationId: string, token: string): Promise<VerifyResult> {
    const remainingAttempts = this.remaining(await this.deps.attempts.get(conversationSubject(conversationId)));
    if (!this.deps.tokens) {
      this.logger.warn({ event: 'identity.token_ignored', conversationId, reason: 'not_configured' }, 'borrower token ignored: no token key configured');
      return { ok: false, reason: 'invalid_token', remainingAttempts };
    }
    const check = await this.deps.tokens.check(token);
    if (!check.ok) {
      this.logger.warn({ event: 'identity.token_rejected', conversationId, reason: check.reason }, 'borrower token rejected');
      return { ok: false, reason: 'invalid_token', remainingAttempts };
    }
    return this.markVerified(conversationId, check.borrowerId, 'token', check.language, check.expiresAt);
  }

  /** End the conversation's verification (the borrower signs out, or an agent asks). */
  async forget(conversationId: string): Promise<void> {
    await this.deps.verifications.delete(conversationId);
  }

  private async markVerified(
    conversationId: string,
    borrowerId: string,
    method: VerificationMethod,
    language: BorrowerLanguage | undefined,
    notAfter = Infinity,
  ): Promise<VerifyResult> {
    const now = this.clock.now();
    const expiresAt = new Date(Math.min(now + this.deps.policy.verificationTtlMs, notAfter)).toISOString();
    const identity: ConversationIdentity = { state: 'verified', borrowerId, method, language, verifiedAt: new Date(now).toISOString(), expiresAt };
    await this.deps.verifications.set(conversationId, identity);
    this.logger.info({ event: 'identity.verified', conversationId, borrowerId, method }, 'conversation verified');
    return { ok: true, borrowerId, method, language, expiresAt };
  }

  private async fail(conversationId: string, subjects: string[], method: VerificationMethod, maskedMobile: string): Promise<VerifyResult> {
    const states = await Promise.all(subjects.map((s) => this.deps.attempts.recordFailure(s)));
    const lockedUntil = states.reduce<number | undefined>((m, s) => (s.lockedUntil && (!m || s.lockedUntil > m) ? s.lockedUntil : m), undefined);
    const remainingAttempts = Math.min(...states.map((s) => this.remaining(s)));
    this.logger.warn(
      { event: lockedUntil ? 'identity.locked' : 'identity.verify_failed', conversationId, method, mobile: maskedMobile, remainingAttempts },
      lockedUntil ? 'verification locked after repeated failures' : 'verification failed',
    );
    return lockedUntil
      ? { ok: false, reason: 'locked', remainingAttempts: 0, lockedUntil: this.iso(lockedUntil) }
      : { ok: false, reason: 'no_match', remainingAttempts };
  }

  private async succeed(...subjects: string[]): Promise<void> {
    await Promise.all(subjects.map((s) => this.deps.attempts.reset(s)));
  }

  private async lockedResult(subject: string): Promise<(VerifyResult & { ok: false }) | undefined> {
    const state = await this.deps.attempts.get(subject);
    return state.lockedUntil ? { ok: false, reason: 'locked', remainingAttempts: 0, lockedUntil: this.iso(state.lockedUntil) } : undefined;
  }

  private async notCounted(subject: string, reason: VerifyFailureReason): Promise<VerifyResult> {
    return { ok: false, reason, remainingAttempts: this.remaining(await this.deps.attempts.get(subject)) };
  }

  private remaining(state: AttemptState): number {
    return state.lockedUntil ? 0 : Math.max(0, this.deps.policy.maxAttempts - state.failures);
  }

  private codeHash(conversationId: string, code: string): string {
    return createHash('sha256').update(`${conversationId}\u0000${code}`).digest('hex');
  }

  private iso(ms: number | undefined): string | undefined {
    return ms === undefined ? undefined : new Date(ms).toISOString();
  }
}

