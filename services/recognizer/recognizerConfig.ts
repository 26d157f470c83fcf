// Configuration keys of services/recognizer: spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example.
import { z } from 'zod';
import { vars } from '../config/vars';

export const recognizerConfigShape = {
  /** Which recogniser answers: embedded (in-process, default), luis or clu (cloud, falling back to embedded). */
  NLU_BACKEND: z.enum(['embedded', 'luis', 'clu']).default('embedded'),
  /** Score at or above which the top intent is routed directly (chosen from evaluation data: data/nlu/README.md). */
  NLU_HIGH_CONFIDENCE: vars.number(0.6, 0, 1),
  /** Score below which the message is treated as not understood; between the two the bot asks "A or B?". */
  NLU_LOW_CONFIDENCE: vars.number(0.3, 0, 1),
  /** A cloud back end slower than this (ms) is abandoned for the embedded recogniser. */
  NLU_CLOUD_TIMEOUT_MS: vars.int(1500, 50, 30000),
  /** Path of an embedded model JSON; empty: the committed services/recognizer/model/embeddedModel.json. */
  NLU_MODEL_PATH: vars.optionalString(),
  /** Comma-separated product names reported as loan_ref entities (kind product). */
  NLU_PRODUCT_NAMES: vars.list([]),
  /** LUIS prediction endpoint, e.g. https://<resource>.cognitiveservices.azure.com (NLU_BACKEND=luis). */
  LUIS_ENDPOINT: vars.url(),
  /** LUIS app id (a GUID; the SDK refuses anything else). */
  LUIS_APP_ID: z.uuid({ error: 'must be the LUIS app GUID' }).optional(),
  /** LUIS prediction key. */
  LUIS_PREDICTION_KEY: vars.optionalString(),
  /** LUIS publishing slot: production or staging. */
  LUIS_SLOT: z.enum(['production', 'staging']).default('production'),
  /** Azure AI Language endpoint, e.g. https://<resource>.cognitiveservices.azure.com (NLU_BACKEND=clu). */
  CLU_ENDPOINT: vars.url(),
  /** Azure AI Language key. */
  CLU_KEY: vars.optionalString(),
  /** CLU project name. */
  CLU_PROJECT: vars.optionalString(),
  /** CLU deployment name. */
  CLU_DEPLOYMENT: vars.optionalString(),
};
