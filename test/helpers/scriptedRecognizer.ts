import { INTENTS, type Intent, type IntentRecognizer, type RecognitionResult, type RecognizeContext } from '../../services/recognizer/intentRecognizer';
import { detectLanguage } from '../../services/recognizer/language';

/** A recogniser whose answers a test dictates: text → [intent, score, runner-up]. Unknown text → none. */
export class ScriptedRecognizer implements IntentRecognizer {
  constructor(private readonly script: Record<string, [Intent, number, Intent?]>) {}

  async recognize(text: string, context: RecognizeContext): Promise<RecognitionResult> {
    const [intent, score, runnerUp = 'none'] = this.script[text] ?? ['none', 0.95];
    const scores = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
    scores[intent] = score;
    scores[runnerUp] = Math.max(0, 1 - score - 0.05);
    return {
      text,
      intent,
      score,
      runnerUp: { intent: runnerUp, score: scores[runnerUp] },
      scores,
      entities: [],
      language: detectLanguage(text, context.previousLanguage),
      source: 'embedded',
    };
  }
}
