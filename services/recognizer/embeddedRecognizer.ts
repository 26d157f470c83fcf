import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INTENTS, isIntent, type Intent, type IntentRecognizer, type IntentScore, type RecognitionResult, type RecognizeContext } from './intentRecognizer';
import { detectLanguage } from './language';
import { LinearModel, type LinearModelJson } from './embedded/linearModel';
import { extractEntities } from './entities/extractEntities';
import { normalizeText } from './text/normalizeText';
import { BotError } from '../errors/botError';
import type { Logger } from '../logging/logger';
import { PROJECT_ROOT } from '../projectRoot';

/** The committed model that `npm run nlu:train` writes. */
export const DEFAULT_MODEL_PATH = path.join(PROJECT_ROOT, 'services', 'recognizer', 'model', 'embeddedModel.json');

export interface EmbeddedRecognizerOptions {
  /** Configured product names, reported as loan_ref entities (kind 'product'). */
  productNames?: readonly string[];
  /** Longest text classified; the rest of a longer message is ignored (latency stays bounded). */
  maxChars?: number;
  logger?: Logger;
}

/**
 * The default recogniser: in-process, no network. A softmax linear model over character/word n-grams of the
 * normalised text (Traditional → Simplified, so zh-TW shares the zh-CN model) plus the rule-based entity
 * extractors. Recognition is synchronous work of well under a millisecond; it never throws.
 */
export class EmbeddedRecognizer implements IntentRecognizer {
  private readonly classIntents: Intent[];

  constructor(
    private readonly model: LinearModel,
    private readonly options: EmbeddedRecognizerOptions = {},
  ) {
    this.classIntents = model.classes.map((c) => {
      if (!isIntent(c)) throw new BotError('RECOGNIZER_UNAVAILABLE', `model class "${c}" is not an intent`);
      return c;
    });
  }

  /** Load the committed model (or another model file). Throws BotError('RECOGNIZER_UNAVAILABLE') if unreadable. */
  static fromFile(file = DEFAULT_MODEL_PATH, options: EmbeddedRecognizerOptions = {}): EmbeddedRecognizer {
    try {
      const json = JSON.parse(readFileSync(file, 'utf8')) as LinearModelJson;
      return new EmbeddedRecognizer(LinearModel.fromJson(json), options);
    } catch (err) {
      if (err instanceof BotError) throw err;
      throw new BotError('RECOGNIZER_UNAVAILABLE', `cannot load the embedded NLU model from ${file}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Scores of every intent for a text (synchronous; the evaluation and benchmark use it). */
  classify(text: string): { intent: Intent; score: number; runnerUp: IntentScore; scores: Record<Intent, number> } {
    const scores = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
    const normalized = normalizeText(text, this.options.maxChars ?? 512);
    // No letters (digits, symbols, emoji): a phone number, an amount or a menu number carries no intent of its
    // own; the prompt or the channel's numbered list reads it. (A model guess here once sent "13800000002" to goodbye.)
    if (!/\p{L}/u.test(normalized)) {
      scores.none = 1;
      return { intent: 'none', score: 1, runnerUp: { intent: 'help', score: 0 }, scores };
    }
    const p = this.model.predictNormalized(normalized);
    let best = 0;
    let second = -1;
    for (let i = 0; i < p.length; i++) {
      scores[this.classIntents[i]] = p[i];
      if (i === 0) continue;
      if (p[i] > p[best]) {
        second = best;
        best = i;
      } else if (second < 0 || p[i] > p[second]) second = i;
    }
    const intent = this.classIntents[best];
    const runner = second >= 0 ? this.classIntents[second] : intent === 'none' ? 'help' : 'none';
    return { intent, score: p[best], runnerUp: { intent: runner, score: second >= 0 ? p[second] : 0 }, scores };
  }

  /** Synchronous recognition (the promise-returning port method wraps it). */
  recognizeSync(text: string, context: RecognizeContext): RecognitionResult {
    const safeText = typeof text === 'string' ? text : String(text ?? '');
    try {
      const { intent, score, runnerUp, scores } = this.classify(safeText);
      return {
        text: safeText,
        intent,
        score,
        runnerUp,
        scores,
        entities: extractEntities(safeText, { now: context.now, timeZone: context.timeZone, productNames: this.options.productNames }),
        language: detectLanguage(safeText.slice(0, 2000), context.previousLanguage),
        source: 'embedded',
      };
    } catch (err) {
      // Never throw on input: an internal failure is logged and answered as "not understood".
      this.options.logger?.error({ event: 'nlu.failed', err }, 'embedded recogniser failed on an input');
      const scores = Object.fromEntries(INTENTS.map((i) => [i, i === 'none' ? 1 : 0])) as Record<Intent, number>;
      return {
        text: safeText,
        intent: 'none',
        score: 1,
        runnerUp: { intent: 'help', score: 0 },
        scores,
        entities: [],
        language: context.previousLanguage ?? 'zh-Hans',
        source: 'embedded',
      };
    }
  }

  async recognize(text: string, context: RecognizeContext): Promise<RecognitionResult> {
    return this.recognizeSync(text, context);
  }
}
