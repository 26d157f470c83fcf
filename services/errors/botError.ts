/** Stable, machine-readable error codes. Dialogs switch on these; logs and metrics group by them. */
export type BotErrorCode =
  | 'CONFIG_INVALID'
  | 'STATE_CONFLICT'
  | 'STATE_UNAVAILABLE'
  | 'LOCK_TIMEOUT'
  | 'ACCOUNT_NOT_FOUND'
  | 'ACCOUNT_SERVICE_UNAVAILABLE'
  | 'ACCOUNT_INVALID_RESPONSE'
  | 'IDENTITY_LOCKED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'RECOGNIZER_UNAVAILABLE'
  | 'HANDOFF_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'BAD_INPUT'
  | 'INTERNAL';

/** The one error base of the project: a stable `code`, a message for operators, the original error as `cause`. */
export class BotError extends Error {
  constructor(
    readonly code: BotErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BotError';
  }
}

export function isBotError(err: unknown, code?: BotErrorCode): err is BotError {
  return err instanceof BotError && (code === undefined || err.code === code);
}

/**
 * Best-effort code of any thrown value, for logs, metrics and the turn error handler. Looks through wrappers
 * (botbuilder's DialogContextError keeps the original as `error`; standard wrappers use `cause`).
 */
export function errorCode(err: unknown): BotErrorCode {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (e instanceof BotError) return e.code;
    const wrapper = e as { error?: unknown; cause?: unknown };
    e = wrapper.error ?? wrapper.cause;
  }
  return 'INTERNAL';
}
