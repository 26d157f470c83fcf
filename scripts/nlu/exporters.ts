import type { LabelledUtterance } from './trainingData';
import { INTENTS } from '../../services/recognizer/intentRecognizer';

/** Our `none` is the cloud services' built-in `None` intent; the back ends map it back. */
export const cloudIntentName = (intent: string): string => (intent === 'none' ? 'None' : intent);

const PHONE_REGEX = '(\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}|0\\d{2,3}-?\\d{7,8}|[48]00-?\\d{3}-?\\d{4}|9[56]\\d{3}';
const LOAN_REF_REGEX = '(LN|LOAN|JK|HT|DK)[-_]?\\d{6,20}';

/**
 * The LUIS app in LUIS's JSON import format (schema 7.0.0, culture zh-cn): our intents with their training
 * utterances, prebuilt number / money / datetimeV2 and regex entities for phone numbers and loan references.
 * An operator imports it in the LUIS portal (or with `az`/the authoring API), trains and publishes it.
 */
export function exportLuisApp(data: readonly LabelledUtterance[], name = 'borrower-support'): Record<string, unknown> {
  return {
    luis_schema_version: '7.0.0',
    versionId: '0.1',
    name,
    desc: 'Borrower-support intents, exported from data/nlu by npm run nlu:train -- --export-luis',
    culture: 'zh-cn',
    tokenizerVersion: '1.0.0',
    intents: INTENTS.map((i) => ({ name: cloudIntentName(i), features: [] })),
    entities: [],
    hierarchicals: [],
    composites: [],
    closedLists: [],
    prebuiltEntities: [
      { name: 'number', roles: [] },
      { name: 'money', roles: [] },
      { name: 'datetimeV2', roles: [] },
    ],
    utterances: data.map((u) => ({ text: u.text, intent: cloudIntentName(u.intent), entities: [] })),
    patterns: [],
    regex_entities: [
      { name: 'phone', regexPattern: PHONE_REGEX, roles: [] },
      { name: 'loan_ref', regexPattern: LOAN_REF_REGEX, roles: [] },
    ],
    patternAnyEntities: [],
    phraselists: [],
    regex_features: [],
    settings: [],
  };
}

const CLU_LANGUAGE: Record<string, string> = { 'zh-CN': 'zh-hans', 'zh-TW': 'zh-hant', en: 'en-us' };

function cluLanguage(locale: string | undefined): string {
  if (!locale) return 'zh-hans';
  return CLU_LANGUAGE[locale] ?? CLU_LANGUAGE[locale.split('.')[0]] ?? 'zh-hans';
}

/**
 * The CLU project in the Conversation project export/import format (projectFileVersion 2022-10-01-preview),
 * multilingual, with our intents, utterances tagged zh-hans / zh-hant / en-us, and entities built from
 * prebuilt components (currency, date-time, number) and regexes (phone, loan reference).
 */
export function exportCluProject(data: readonly LabelledUtterance[], projectName = 'borrower-support'): Record<string, unknown> {
  return {
    projectFileVersion: '2022-10-01-preview',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: 'Conversation',
      projectName,
      multilingual: true,
      description: 'Borrower-support intents, exported from data/nlu by npm run nlu:train -- --export-clu',
      language: 'zh-hans',
      settings: { confidenceThreshold: 0 },
    },
    assets: {
      projectKind: 'Conversation',
      intents: INTENTS.map((i) => ({ category: cloudIntentName(i) })),
      entities: [
        { category: 'money', compositionSetting: 'combineComponents', prebuilts: [{ category: 'Quantity.Currency' }] },
        { category: 'installments', compositionSetting: 'combineComponents', prebuilts: [{ category: 'Quantity.Number' }] },
        { category: 'datetime', compositionSetting: 'combineComponents', prebuilts: [{ category: 'DateTime' }] },
        {
          category: 'phone',
          compositionSetting: 'combineComponents',
          regex: { expressions: [{ regexKey: 'phone', language: 'zh-hans', regexPattern: PHONE_REGEX }] },
        },
        {
          category: 'loan_ref',
          compositionSetting: 'combineComponents',
          regex: { expressions: [{ regexKey: 'loan_ref', language: 'zh-hans', regexPattern: LOAN_REF_REGEX }] },
        },
      ],
      utterances: data.map((u) => ({
        text: u.text,
        intent: cloudIntentName(u.intent),
        language: cluLanguage(u.locale),
        dataset: 'Train',
        entities: [],
      })),
    },
  };
}
