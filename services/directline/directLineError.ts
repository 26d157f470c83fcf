import { BotError, type BotErrorCode } from '../errors/botError';

/** Error codes Direct Line puts in `{ error: { code, message } }` (stable; the message may change). */
export type DirectLineWireCode =
  | 'BadArgument'
  | 'MissingProperty'
  | 'TokenExpired'
  | 'NotFound'
  | 'TooManyRequests'
  | 'ConversationSizeTooBig'
  | 'BotError'
  | 'BotTimeout'
  | 'ServiceError';

/**
 * A failure the Direct Line endpoint answers with a status code and an ErrorResponse body. The BotError code
 * groups it for logs and metrics; `status` and `wireCode` are what the client sees.
 */
export class DirectLineError extends BotError {
  constructor(
    readonly status: number,
    readonly wireCode: DirectLineWireCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(botCode(status), message, options);
    this.name = 'DirectLineError';
  }

  body(): { error: { code: DirectLineWireCode; message: string } } {
    return { error: { code: this.wireCode, message: this.message } };
  }
}

function botCode(status: number): BotErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'BAD_INPUT';
  return 'INTERNAL';
}

export const dlErrors = {
  unauthorized: () => new DirectLineError(401, 'BadArgument', 'Missing or malformed Authorization header'),
  invalidToken: () => new DirectLineError(403, 'BadArgument', 'Invalid token or secret'),
  expiredToken: () => new DirectLineError(403, 'TokenExpired', 'Token expired'),
  wrongConversation: () => new DirectLineError(403, 'BadArgument', 'Token not valid for this conversation'),
  notFound: () => new DirectLineError(404, 'NotFound', 'Conversation not found'),
  badArgument: (message: string) => new DirectLineError(400, 'BadArgument', message),
  tooBig: () => new DirectLineError(400, 'ConversationSizeTooBig', 'Conversation has too many activities'),
};
