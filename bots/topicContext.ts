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
  if (!isShort(recognition.text)) return recognition;
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
  return {
    ...recognition,
    intent: ranked[0].intent,
    score: ranked[0].score,
    runnerUp: ranked[1],
    scores: Object.fromEntries(ranked.map((s) => [s.intent, s.score])) as RecognitionResult['scores'],
    beforeContext: { intent: recognition.intent, score: recognition.score, topic: lastTopic },
  };
}
