import { TOPIC_INTENTS, type Intent, type RecognitionResult } from '../services/recognizer/intentRecognizer';

/** How much more likely a short follow-up is to stay on the last topic than its words alone say. */
export const STAY_ON_TOPIC_WEIGHT = 6;
/** Up to this many letters and digits (a Han character is one), or this many English words, is a follow-up. */
const FOLLOW_UP_MAX_CHARS = 14;
const FOLLOW_UP_MAX_WORDS = 7;
/** The last topic needs at least this score of its own: context breaks a near tie, it does not invent a topic. */
const MIN_OWN_SCORE = 0.1;

function isShort(text: string): boolean {
  const words = text.match(/[A-Za-z]+/g) ?? [];
  if (words.length > 0 && !/\p{Script=Han}/u.test(text)) return words.length <= FOLLOW_UP_MAX_WORDS;
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length <= FOLLOW_UP_MAX_CHARS;
}

/**
 * A short follow-up to the last answer often has no topic words of its own: "他们真的会来吗" after the doorstep-visit
 * answer scores `lawsuit_threat` 0.71 and `doorstep_visit` 0.25 (people ask "真的会起诉吗" too), "这样是违法的吧"
 * after the harassment answer scores `goodbye`. For such a message the last topic's score is weighed up
 * (× STAY_ON_TOPIC_WEIGHT, then all scores renormalised), the way a person reads a follow-up in the light of what
 * was just said; a follow-up the recogniser already puts on the last topic, but only middling, is confirmed rather
 * than asked about ("did you mean…?"). A clear new topic keeps its intent: "会坐牢吗" (`lawsuit_threat` 1.00) after
 * the doorstep answer, "我想分期" after anything. Long messages, button presses and a last topic the recogniser gives
 * under MIN_OWN_SCORE are left as they are.
 */
export function withTopicContext(recognition: RecognitionResult, lastTopic: Intent | undefined): RecognitionResult {
  if (!lastTopic || !TOPIC_INTENTS.includes(lastTopic) || recognition.source === 'keyword') return recognition;
  if (TIMED_TOPICS.includes(lastTopic) && onlyATime(recognition)) return onTopic(recognition, lastTopic, 1);
  if (!isShort(recognition.text)) return recognition;
  // "多久" / "真的吗" / "可以吗" and nothing else: a question about the last answer, which no topic words could place.
  if (BARE_FOLLOW_UP.test(recognition.text.trim())) return onTopic(recognition, lastTopic, 1);
  if ((recognition.scores[lastTopic] ?? 0) < MIN_OWN_SCORE) return recognition;
  const weighed = Object.entries(recognition.scores).map(([intent, score]) => ({
    intent: intent as Intent,
    score: intent === lastTopic ? score * STAY_ON_TOPIC_WEIGHT : score,
  }));
  const total = weighed.reduce((sum, s) => sum + s.score, 0);
  const ranked = weighed.map((s) => ({ intent: s.intent, score: s.score / total })).sort((a, b) => b.score - a.score);
  // Another topic that stays on top keeps its own score; the last topic on top (taking over, or confirmed when it
  // was only middling: "can you delete it if I pay" after the credit answer) gets the weighed one.
  if (ranked[0].intent !== lastTopic) return recognition;
  return onTopic(recognition, lastTopic, ranked[0].score, ranked);
}

/** A follow-up with no words of its own ("多久", "真的吗", "为什么", "really?"). */
const BARE_FOLLOW_UP =
  /^(那|那么|那麼)?(要)?(多久|多长时间|多長時間|几天|幾天|几年|幾年|真的吗|真的嗎|真的假的|是真的吗|是真的嗎|可以吗|可以嗎|能吗|能嗎|为什么|為什麼|为啥|為啥|然后呢|然後呢)[啊呀呢吗嗎？?。.!！]*$|^(really|how long|why|is that true|then what)[?.!]*$/i;

/**
 * Topics a day or a time on its own follows: when they come ("明天" after the doorstep-visit answer), when they
 * say they will sue, when to call back, when the borrower will pay. After any other answer it means nothing by itself.
 */
const TIMED_TOPICS: readonly Intent[] = ['doorstep_visit', 'lawsuit_threat', 'cannot_reach_collector', 'repayment_howto'];
/** Words that may stand beside a day or time without making it a request ("明天吧", "大概下周三"). */
const TIME_FILLER = /[\s\p{P}\p{S}吧啊呢呀了就哦嘛]|大概|可能|应该|應該|左右|之前|以后|以後|前后|前後|\b(maybe|probably|about|around|by|on|at|in|the)\b/giu;

/** The message is a day or a time and nothing more ("明天", "下周三下午", "tomorrow morning"). */
function onlyATime(recognition: RecognitionResult): boolean {
  const when = recognition.entities.find((e) => e.type === 'datetime');
  if (!when) return false;
  const rest = recognition.text.slice(0, when.start) + recognition.text.slice(when.end);
  return rest.replace(TIME_FILLER, '').length === 0;
}

/** The recognition moved onto the last topic, with what the recogniser said before kept beside it. */
function onTopic(recognition: RecognitionResult, topic: Intent, score: number, ranked?: Array<{ intent: Intent; score: number }>): RecognitionResult {
  const scores = ranked
    ? (Object.fromEntries(ranked.map((s) => [s.intent, s.score])) as RecognitionResult['scores'])
    : (Object.fromEntries(Object.keys(recognition.scores).map((intent) => [intent, intent === topic ? score : 0])) as RecognitionResult['scores']);
  const runnerUp = ranked?.[1] ?? { intent: recognition.intent === topic ? recognition.runnerUp.intent : recognition.intent, score: 0 };
  return {
    ...recognition,
    intent: topic,
    score,
    runnerUp,
    scores,
    beforeContext: { intent: recognition.intent, score: recognition.score, topic },
  };
}
