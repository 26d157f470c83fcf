import type { Middleware, TurnContext } from 'botbuilder';
import type { Metrics } from '../services/metrics/metrics';

/** Counts turns and measures their latency by channel. */
export class MetricsMiddleware implements Middleware {
  constructor(private readonly metrics: Metrics) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const channel = context.activity.channelId ?? 'unknown';
    this.metrics.turns.inc({ channel, type: context.activity.type ?? 'unknown' });
    const end = this.metrics.turnDuration.startTimer({ channel });
    try {
      await next();
    } finally {
      end();
    }
  }
}
