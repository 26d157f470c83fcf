import type { IntentRecognizer, RecognitionResult, RecognizeContext } from '../intentRecognizer';
import type { Logger } from '../../logging/logger';
import { errorCode } from '../../errors/botError';

/** A cloud back end that honours an abort signal (LuisRecognizer, CluRecognizer). */
export interface AbortableRecognizer {
  recognize(text: string, context: RecognizeContext, signal?: AbortSignal): Promise<RecognitionResult>;
}

export interface FallbackRecognizerDeps {
  primary: AbortableRecognizer;
  /** The embedded recogniser: answers when the primary fails or is too slow. */
  fallback: IntentRecognizer;
  /** Longest wait for the primary, in ms. */
  timeoutMs: number;
  logger: Logger;
  /** Called once per fallback with the reason (metrics counter). */
  onFallback?: (reason: 'timeout' | 'error', backend: string) => void;
  /** Name of the primary in logs and metrics. */
  name: string;
}

/**
 * Uses the cloud back end, bounded by a timeout; on error or timeout the embedded recogniser answers and the
 * result carries `fallback: true`. Logged as `nlu.fallback` and counted through `onFallback`. Never throws.
 */
export class FallbackRecognizer implements IntentRecognizer {
  constructor(private readonly deps: FallbackRecognizerDeps) {}

  async recognize(text: string, context: RecognizeContext): Promise<RecognitionResult> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.deps.timeoutMs);
    });
    let reason: 'timeout' | 'error';
    let error: unknown;
    try {
      const outcome = await Promise.race([this.deps.primary.recognize(text, context, controller.signal), timeout]);
      if (outcome !== 'timeout') return outcome;
      reason = 'timeout';
      controller.abort();
    } catch (err) {
      reason = 'error';
      error = err;
    } finally {
      clearTimeout(timer);
    }
    this.deps.logger.warn(
      { event: 'nlu.fallback', backend: this.deps.name, reason, code: error ? errorCode(error) : undefined, err: error, timeoutMs: this.deps.timeoutMs },
      `${this.deps.name} recogniser ${reason === 'timeout' ? 'timed out' : 'failed'}; the embedded recogniser answered`,
    );
    try {
      this.deps.onFallback?.(reason, this.deps.name);
    } catch {
      // a metrics callback must not break the turn
    }
    const result = await this.deps.fallback.recognize(text, context);
    return { ...result, fallback: true };
  }
}
