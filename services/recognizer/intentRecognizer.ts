/** Intents of shared/docs/conversation-design.md. The order is the order of menus and reports. */
export const INTENTS = [
  'cannot_reach_collector',
  'installment_plan',
  'lawsuit_threat',
  'doorstep_visit',
  'negotiation_refused',
  'harassment_complaint',
  'account_status',
  'credit_report',
  'repayment_howto',
  'verify_collector',
  'human_agent',
  'greeting',
  'help',
  'thanks',
  'goodbye',
  'cancel',
  'none',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents that say nothing about what the borrower needs (no task, no button label, not shown to agents). */
export const SMALL_TALK_INTENTS: readonly Intent[] = ['greeting', 'help', 'thanks', 'goodbye', 'cancel', 'none'];

/** The borrower's tasks: every intent that is not small talk. */
export const TASK_INTENTS: readonly Intent[] = INTENTS.filter((i) => !SMALL_TALK_INTENTS.includes(i));

/** What the borrower's messages are about: the tasks other than "a person, please" (bots/topicContext.ts). */
export const TOPIC_INTENTS: readonly Intent[] = TASK_INTENTS.filter((i) => i !== 'human_agent');

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

/** Script/language of a message: decides the reply language (zh-Hans → zh-CN, zh-Hant → zh-TW, en → en). */
export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

interface EntityBase {
  /** The matched text as the borrower wrote it. */
  text: string;
  /** UTF-16 offsets into the recognised text. */
  start: number;
  end: number;
}

/**
 * Entities of the conversation design. Money is integer fen. Date-times are resolved against
 * `RecognizeContext.now` in `RecognizeContext.timeZone` and given as ISO-8601 instants.
 */
export type Entity =
  | (EntityBase & {
      type: 'money';
      /** The amount (for a range, its lower end), in integer fen: 1500 元 → 150000. */
      fen: number;
      /** Upper bound for ranges like 两三千 (2000..3000) and caps like 最多两千 (= fen). */
      maxFen?: number;
      /** 1500左右, 大概两千, about 2000. */
      approximate?: boolean;
      /** 最多 / at most → 'atMost' (fen is the cap); 至少 / at least → 'atLeast'. */
      bound?: 'atMost' | 'atLeast';
      /**
       * What the amount is, when the words before it say so: earned ("工资只有三千"), owed or borrowed ("借了两万"),
       * spent on something else ("房租一千五"), or to pay ("每个月只能还一千", "工资到手能还1500"). Unset with no such words.
       */
      role?: 'income' | 'debt' | 'expense' | 'payment';
    })
  | (EntityBase & { type: 'installments'; months: number })
  | (EntityBase & { type: 'datetime'; from: string; to: string })
  | (EntityBase & { type: 'phone'; digits: string })
  | (EntityBase & { type: 'loan_ref'; id: string; /** 'loan' (a loan or contract id) unless a configured product name matched. */ kind?: 'loan' | 'product' });

export type EntityType = Entity['type'];

export interface RecognizeContext {
  /** Epoch milliseconds; relative dates (明天, 下周三) resolve against it. */
  now: number;
  /** IANA zone for relative dates; the lender's zone. */
  timeZone: string;
  /** The conversation's language so far; used when the text itself carries no signal (emoji, digits). */
  previousLanguage?: Language;
}

export interface IntentScore {
  intent: Intent;
  score: number;
}

export interface RecognitionResult {
  text: string;
  intent: Intent;
  /** Confidence of `intent` in [0, 1]. */
  score: number;
  runnerUp: IntentScore;
  /** Every intent's score in [0, 1]. */
  scores: Record<Intent, number>;
  entities: Entity[];
  language: Language;
  /** Which back end answered; `fallback` is set when a cloud back end failed and the embedded one answered. */
  source: 'embedded' | 'keyword' | 'luis' | 'clu';
  fallback?: boolean;
  /**
   * Set when the conversation's last topic changed the top intent of a short follow-up, or raised its middling score
   * (bots/topicContext.ts): the recogniser's own top intent and score, and the topic that was weighed in.
   */
  beforeContext?: IntentScore & { topic: Intent };
}

/** The recogniser port: embedded (default), LUIS and CLU implement it. Must never throw on any input text. */
export interface IntentRecognizer {
  recognize(text: string, context: RecognizeContext): Promise<RecognitionResult>;
}
