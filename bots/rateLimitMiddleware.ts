import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../services/logging/logger';
import type { RateLimit, RateLimiter } from '../services/ratelimit/rateLimiter';
import { detectLanguage, localeOf } from '../services/recognizer/language';
import { t } from '../dialogs/messages';

export interface RateLimitDeps {
  limiter: RateLimiter;
  perConversation: RateLimit;
  perUser: RateLimit;
  logger: Logger;
  onLimited?: (scope: 'conversation' | 'user') => void;
}

/**
 * Refuses messages over the per-conversation or per-user rate, politely and once per window (further messages
 * in the same window are dropped without a reply). If the limiter itself is down, messages pass (fail open):
 * availability for borrowers matters more than throttling.
 */
export class RateLimitMiddleware implements Middleware {
  constructor(private readonly deps: RateLimitDeps) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    if (a.type !== ActivityTypes.Message) return next();
    const checks: Array<['conversation' | 'user', string | undefined, RateLimit]> = [
      ['conversation', a.conversation?.id && `c:${a.channelId}/${a.conversation.id}`, this.deps.perConversation],
      ['user', a.from?.id && `u:${a.channelId}/${a.from.id}`, this.deps.perUser],
    ];
    for (const [scope, key, limit] of checks) {
      if (!key) continue;
      let decision;
      try {
        decision = await this.deps.limiter.hit(key, limit);
      } catch (err) {
        this.deps.logger.warn({ event: 'ratelimit.unavailable', err }, 'rate limiter unavailable; allowing');
        return next();
      }
      if (!decision.allowed) {
        this.deps.onLimited?.(scope);
        this.deps.logger.info({ event: 'ratelimit.refused', scope, conversationId: a.conversation?.id }, 'rate limited');
        if (decision.count === limit.limit + 1) {
          const locale = localeOf(detectLanguage(typeof a.text === 'string' ? a.text : ''));
          await context.sendActivity(t(locale, 'core.rateLimited', { seconds: Math.ceil(decision.retryAfterMs / 1000) }));
        }
        return;
      }
    }
    return next();
  }
}
