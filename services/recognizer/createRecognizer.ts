import type { IntentRecognizer } from './intentRecognizer';
import { EmbeddedRecognizer, DEFAULT_MODEL_PATH } from './embeddedRecognizer';
import { FallbackRecognizer } from './cloud/fallbackRecognizer';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { BotError } from '../errors/botError';

/** The configuration keys the recogniser reads (a slice of Config, so tests can pass just these). */
export type RecognizerConfig = Pick<
  Config,
  | 'NLU_BACKEND'
  | 'NLU_HIGH_CONFIDENCE'
  | 'NLU_LOW_CONFIDENCE'
  | 'NLU_CLOUD_TIMEOUT_MS'
  | 'NLU_MODEL_PATH'
  | 'NLU_PRODUCT_NAMES'
  | 'LUIS_ENDPOINT'
  | 'LUIS_APP_ID'
  | 'LUIS_PREDICTION_KEY'
  | 'LUIS_SLOT'
  | 'CLU_ENDPOINT'
  | 'CLU_KEY'
  | 'CLU_PROJECT'
  | 'CLU_DEPLOYMENT'
>;

export interface RecognizerDeps {
  logger: Logger;
  /** Counts cloud fallbacks (e.g. a prom-client counter's inc). */
  onFallback?: (reason: 'timeout' | 'error', backend: string) => void;
}

/** High/low thresholds for the main dialog (`MainDialog`'s `thresholds`). */
export function confidenceThresholds(config: Pick<Config, 'NLU_HIGH_CONFIDENCE' | 'NLU_LOW_CONFIDENCE'>): { high: number; low: number } {
  if (config.NLU_LOW_CONFIDENCE > config.NLU_HIGH_CONFIDENCE) {
    throw new BotError('CONFIG_INVALID', `NLU_LOW_CONFIDENCE (${config.NLU_LOW_CONFIDENCE}) must not exceed NLU_HIGH_CONFIDENCE (${config.NLU_HIGH_CONFIDENCE})`);
  }
  return { high: config.NLU_HIGH_CONFIDENCE, low: config.NLU_LOW_CONFIDENCE };
}

function required(config: RecognizerConfig, keys: Array<keyof RecognizerConfig>): void {
  const missing = keys.filter((k) => config[k] === undefined || config[k] === '');
  if (missing.length > 0) {
    throw new BotError('CONFIG_INVALID', `NLU_BACKEND=${config.NLU_BACKEND} needs ${missing.join(', ')}`);
  }
}

/**
 * The recogniser the bot uses, by NLU_BACKEND: the embedded model, or LUIS / CLU wrapped in a
 * FallbackRecognizer over the embedded model (so the bot keeps understanding when the cloud is down).
 * Throws BotError('CONFIG_INVALID') for missing cloud settings, 'RECOGNIZER_UNAVAILABLE' for an unreadable model.
 * A cloud back end's module (and its Azure SDK) is loaded only when it is selected, so the embedded default does
 * not carry them in memory.
 */
export function createRecognizer(config: RecognizerConfig, deps: RecognizerDeps): IntentRecognizer {
  confidenceThresholds(config);
  const productNames = config.NLU_PRODUCT_NAMES ?? [];
  const embedded = EmbeddedRecognizer.fromFile(config.NLU_MODEL_PATH ?? DEFAULT_MODEL_PATH, { productNames, logger: deps.logger });
  if (config.NLU_BACKEND === 'embedded') return embedded;
  if (config.NLU_BACKEND === 'luis') {
    required(config, ['LUIS_ENDPOINT', 'LUIS_APP_ID', 'LUIS_PREDICTION_KEY']);
    const { LuisRecognizer } = require('./cloud/luisRecognizer') as typeof import('./cloud/luisRecognizer');
    const primary = new LuisRecognizer({
      endpoint: config.LUIS_ENDPOINT!,
      appId: config.LUIS_APP_ID!,
      predictionKey: config.LUIS_PREDICTION_KEY!,
      slot: config.LUIS_SLOT,
      productNames,
    });
    return new FallbackRecognizer({ primary, fallback: embedded, timeoutMs: config.NLU_CLOUD_TIMEOUT_MS, logger: deps.logger, onFallback: deps.onFallback, name: 'luis' });
  }
  required(config, ['CLU_ENDPOINT', 'CLU_KEY', 'CLU_PROJECT', 'CLU_DEPLOYMENT']);
  const { CluRecognizer } = require('./cloud/cluRecognizer') as typeof import('./cloud/cluRecognizer');
  const primary = new CluRecognizer({
    endpoint: config.CLU_ENDPOINT!,
    key: config.CLU_KEY!,
    projectName: config.CLU_PROJECT!,
    deploymentName: config.CLU_DEPLOYMENT!,
    productNames,
  });
  return new FallbackRecognizer({ primary, fallback: embedded, timeoutMs: config.NLU_CLOUD_TIMEOUT_MS, logger: deps.logger, onFallback: deps.onFallback, name: 'clu' });
}
