import { INTENTS, type Intent, type Language, type RecognitionResult } from './intentRecognizer';

/** A result the bot is certain of (a menu button, a card submit naming its intent): score 1, everything else 0. */
export function certainResult(text: string, intent: Intent, language: Language): RecognitionResult {
  const scores = Object.fromEntries(INTENTS.map((i) => [i, i === intent ? 1 : 0])) as Record<Intent, number>;
  return {
    text,
    intent,
    score: 1,
    runnerUp: { intent: intent === 'none' ? 'help' : 'none', score: 0 },
    scores,
    entities: [],
    language,
    source: 'keyword',
  };
}
