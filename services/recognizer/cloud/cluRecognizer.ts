import { ConversationAnalysisClient } from '@azure/ai-language-conversations';
import { AzureKeyCredential } from '@azure/core-auth';
import type { IntentRecognizer, Language, RecognitionResult, RecognizeContext } from '../intentRecognizer';
import { detectLanguage } from '../language';
import { BotError } from '../../errors/botError';
import { cloudResult } from './cloudResult';

export interface CluRecognizerOptions {
  /** e.g. https://<resource>.cognitiveservices.azure.com (the SDK calls {endpoint}/language/:analyze-conversations). */
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  productNames?: readonly string[];
}

const CLU_LANGUAGE: Record<Language, string> = { 'zh-Hans': 'zh-hans', 'zh-Hant': 'zh-hant', en: 'en-us' };

/**
 * Conversational Language Understanding back end (`@azure/ai-language-conversations`, task kind
 * `Conversation`). Maps CLU's intents (`category`, `confidenceScore`; `None` → none) to ours. Throws
 * BotError('RECOGNIZER_UNAVAILABLE') on any failure or abort: wrap it in a FallbackRecognizer.
 */
export class CluRecognizer implements IntentRecognizer {
  private readonly client: ConversationAnalysisClient;

  constructor(private readonly options: CluRecognizerOptions) {
    const endpoint = options.endpoint.replace(/\/+$/, '');
    this.client = new ConversationAnalysisClient(endpoint, new AzureKeyCredential(options.key), {
      retryOptions: { maxRetries: 0 },
      // Plain http only for a stand-in on this machine (tests, local mocks): the key never crosses a network in clear.
      allowInsecureConnection: isLoopbackHttp(endpoint),
    });
  }

  async recognize(text: string, context: RecognizeContext, signal?: AbortSignal): Promise<RecognitionResult> {
    let response;
    try {
      response = await this.client.analyzeConversation(
        {
          kind: 'Conversation',
          analysisInput: {
            conversationItem: {
              id: '1',
              participantId: 'borrower',
              text: text.slice(0, 500),
              language: CLU_LANGUAGE[detectLanguage(text.slice(0, 2000), context.previousLanguage)],
            },
          },
          parameters: { projectName: this.options.projectName, deploymentName: this.options.deploymentName, stringIndexType: 'Utf16CodeUnit' },
        },
        { abortSignal: signal },
      );
    } catch (err) {
      throw new BotError('RECOGNIZER_UNAVAILABLE', `CLU analysis failed: ${(err as Error).message}`, { cause: err });
    }
    const prediction = response.kind === 'ConversationResult' ? response.result?.prediction : undefined;
    if (!prediction || prediction.projectKind !== 'Conversation' || !Array.isArray(prediction.intents)) {
      throw new BotError('RECOGNIZER_UNAVAILABLE', 'CLU answered without a conversation prediction');
    }
    const reported = prediction.intents.map((i) => ({ name: i.category, score: Number(i.confidence ?? 0) }));
    return cloudResult(text, context, 'clu', reported, prediction.topIntent, this.options.productNames);
  }
}

function isLoopbackHttp(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
