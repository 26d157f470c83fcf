import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../services/logging/logger';
import type { RateDecision, RateLimit, RateLimiter } from '../services/ratelimit/rateLimiter';
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
    const checks: Array<{ scope: 'conversation' | 'user'; key: string; limit: RateLimit }> = [];
    if (a.conversation?.id) checks.push({ scope: 'conversation', key: `c:${a.channelId}/${a.conversation.id}`, limit: this.deps.perConversation });
    if (a.from?.id) checks.push({ scope: 'user', key: `u:${a.channelId}/${a.from.id}`, limit: this.deps.perUser });
    let decisions: RateDecision[];
    try {
      decisions = await this.deps.limiter.hitMany(checks);
    } catch (err) {
      this.deps.logger.warn({ event: 'ratelimit.unavailable', err }, 'rate limiter unavailable; allowing');
      return next();
    }
    const refused = checks.findIndex((_, i) => !decisions[i].allowed);
    if (refused >= 0) {
      const { scope, limit } = checks[refused];
      const decision = decisions[refused];
      this.deps.onLimited?.(scope);
      this.deps.logger.info({ event: 'ratelimit.refused', scope, conversationId: a.conversation?.id }, 'rate limited');
      if (decision.count === limit.limit + 1) {
        const locale = localeOf(detectLanguage(typeof a.text === 'string' ? a.text : ''));
        await context.sendActivity(t(locale, 'core.rateLimited', { seconds: Math.ceil(decision.retryAfterMs / 1000) }));
      }
      return;
    }
    return next();
  }
}
