import type { IntentRecognizer } from '../../services/recognizer/intentRecognizer';
import { TestAdapter, type Activity } from 'botbuilder';
import { buildApp, type App } from '../../index';
import { ManualClock } from '../../services/clock';
import { parseConfig } from '../../services/config/config';
import type { Logger } from '../../services/logging/logger';
import { silentLogger } from '../../services/logging/logger';

/**
 * The whole bot exactly as index.ts composes it (embedded defaults unless `env` says otherwise), driven through a
 * TestAdapter turn by turn, on a manual clock (2026-11-20 10:00 in Shanghai by default).
 */
export async function botHarness(env: Record<string, string> = {}, options: { logger?: Logger; clock?: ManualClock; recognizer?: IntentRecognizer } = {}) {
  const clock = options.clock ?? new ManualClock();
  const app: App = await buildApp(parseConfig({ LOG_LEVEL: 'silent', ...env }), { logger: options.logger ?? silentLogger(), clock, recognizer: options.recognizer });
  const adapter = new TestAdapter(async (context) => app.bot.run(context));
  app.configureAdapter(adapter);
  return {
    app,
    clock,
    adapter,
    /** One borrower turn (text, or a partial activity such as a card submit); resolves to the bot's replies. */
    async say(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
      adapter.activeQueue.splice(0);
      await adapter.processActivity(typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input });
      return adapter.activeQueue.splice(0).filter((a) => a.type !== 'trace');
    },
    close: () => app.close(),
  };
}

export const textOf = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');
export const buttonsOf = (replies: Partial<Activity>[]) => replies.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x) => x.title));
