import type { Intent } from '../services/recognizer/intentRecognizer';
import type { MessageKey } from './messages';

/** What the main dialog does for an intent: start a dialog, or answer with a message followed by the menu. */
export type Route = { dialog: string } | { reply: MessageKey };

/** Intent → route. Intents missing from the table take the "none" path. */
export type RouteTable = Partial<Record<Intent, Route>>;

/** Routes of the small-talk intents; task areas add theirs in index.ts. */
export const coreRoutes: RouteTable = {
  greeting: { reply: 'core.greeting' },
  help: { reply: 'core.help' },
  thanks: { reply: 'core.thanks' },
  goodbye: { reply: 'core.goodbye' },
  cancel: { reply: 'core.nothingToCancel' },
};
