import { LUISRuntimeClient } from '@azure/cognitiveservices-luis-runtime';
import { ApiKeyCredentials } from '@azure/ms-rest-js';
import type { IntentRecognizer, RecognitionResult, RecognizeContext } from '../intentRecognizer';
import { BotError } from '../../errors/botError';
import { cloudResult } from './cloudResult';

export interface LuisRecognizerOptions {
  /** e.g. https://<resource>.cognitiveservices.azure.com (the SDK appends /luis/prediction/v3.0). */
  endpoint: string;
  appId: string;
  predictionKey: string;
  slot?: 'production' | 'staging';
  productNames?: readonly string[];
}

/**
 * LUIS prediction v3 back end (`POST {endpoint}/luis/prediction/v3.0/apps/{appId}/slots/{slot}/predict`,
 * `showAllIntents=true`). Maps LUIS's intent scores to ours (`None` → none). Throws BotError
 * ('RECOGNIZER_UNAVAILABLE') on any failure or abort: wrap it in a FallbackRecognizer (the factory does).
 */
export class LuisRecognizer implements IntentRecognizer {
  private readonly client: LUISRuntimeClient;

  constructor(private readonly options: LuisRecognizerOptions) {
    const credentials = new ApiKeyCredentials({ inHeader: { 'Ocp-Apim-Subscription-Key': options.predictionKey } });
    // No SDK retries: the fallback decides what a slow or failing service means for the turn.
    this.client = new LUISRuntimeClient(credentials, options.endpoint.replace(/\/+$/, ''), { noRetryPolicy: true });
  }

  async recognize(text: string, context: RecognizeContext, signal?: AbortSignal): Promise<RecognitionResult> {
    let response;
    try {
      response = await this.client.prediction.getSlotPrediction(
        this.options.appId,
        this.options.slot ?? 'production',
        { query: text.slice(0, 500) },
        { showAllIntents: true, verbose: false, abortSignal: signal as never },
      );
    } catch (err) {
      throw new BotError('RECOGNIZER_UNAVAILABLE', `LUIS prediction failed: ${(err as Error).message}`, { cause: err });
    }
    const prediction = response?.prediction;
    if (!prediction || typeof prediction.intents !== 'object' || prediction.intents === null) {
      throw new BotError('RECOGNIZER_UNAVAILABLE', 'LUIS answered without a prediction');
    }
    const reported = Object.entries(prediction.intents).map(([name, v]) => ({ name, score: Number(v?.score ?? 0) }));
    return cloudResult(text, context, 'luis', reported, prediction.topIntent, this.options.productNames);
  }
}
