import { INTENTS, isIntent, type Intent, type RecognitionResult, type RecognizeContext } from '../intentRecognizer';
import { detectLanguage } from '../language';
import { extractEntities } from '../entities/extractEntities';

/** The cloud services' built-in `None` (and any intent we don't know) is our `none`. */
export function ourIntent(name: string | undefined): Intent | undefined {
  if (!name) return undefined;
  if (name === 'None') return 'none';
  return isIntent(name) ? name : undefined;
}

/**
 * A RecognitionResult from a cloud service's intent scores. Entities come from our own extractors, not the
 * service: money in fen and dates resolved in the lender's zone mean the same whichever back end answered.
 */
export function cloudResult(
  text: string,
  context: RecognizeContext,
  source: 'luis' | 'clu',
  reported: Array<{ name: string; score: number }>,
  topName: string | undefined,
  productNames: readonly string[] = [],
): RecognitionResult {
  const scores = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
  for (const { name, score } of reported) {
    const intent = ourIntent(name);
    if (!intent) continue;
    const s = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
    scores[intent] = Math.max(scores[intent], s);
  }
  const ranked = INTENTS.slice().sort((a, b) => scores[b] - scores[a]);
  const top = ourIntent(topName) ?? ranked[0];
  const runner = ranked.find((i) => i !== top) ?? 'none';
  return {
    text,
    intent: top,
    score: scores[top],
    runnerUp: { intent: runner, score: scores[runner] },
    scores,
    entities: extractEntities(text, { now: context.now, timeZone: context.timeZone, productNames }),
    language: detectLanguage(text.slice(0, 2000), context.previousLanguage),
    source,
  };
}
