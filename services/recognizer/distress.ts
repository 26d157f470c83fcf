import { normalizeText } from './text/normalizeText';

// Words of wanting to die or to hurt oneself, after normalizeText (Traditional read as Simplified, lower case). A
// word list, not the intent model: it has to catch these whatever else the message says, and a false alarm costs a
// kind word and a person, which is acceptable; a miss is not.
const CHINESE = [
  '不想活', '活不下去', '活不了了', '没法活', '不活了', '想死', '寻死', '求死', '死了算了', '不如死了', '一死了之', '去死算了',
  '自杀', '轻生', '跳楼', '跳河', '跳桥', '割腕', '上吊', '喝农药', '吃安眠药', '烧炭', '结束生命', '结束自己', '了结自己',
  '逼死我', '逼我去死', '逼得我想死', '想不开', '活着没意思', '活着没有意义',
  '一了百了', '撑不下去', '熬不下去', '走投无路', '死路一条', '跳下去', '活够了', '不想再活', '离开这个世界',
];
const ENGLISH =
  /\b(kill(ing)? myself|suicid(e|al)|end (my|my own) life|end(ing)? it all|want to die|wanna die|don'?t want to (live|be alive)|better off dead|no reason to live|can'?t go on|hurt myself|take my (own )?life|jump off|not worth living)\b/;

/**
 * The message speaks of wanting to die or of hurting oneself (conversation design: urgent, 110 where there is danger,
 * a person at once). "逼死我" counts too: said in despair, it is not left to chance.
 */
export function expressesDistress(text: string): boolean {
  return !!text && distressIn(normalizeText(text, 2000));
}

function distressIn(normalized: string): boolean {
  return CHINESE.some((w) => normalized.includes(w)) || ENGLISH.test(normalized);
}

// Danger now: held against one's will, or violence threatened or done (domain.md: 110 at once). After normalizeText.
const DANGER_CHINESE = [
  '不让我走', '不让我离开', '不让我出门', '不让我回家', '扣住我', '把我关', '关着我', '限制我的人身自由', '限制我人身自由', '非法拘禁',
  '弄死', '杀了我', '杀我', '杀全家', '要我的命', '要我命', '打断我的腿', '打断腿', '打断你的腿', '要打死', '把我打死', '砍死', '砍我',
  '泼硫酸', '动手打', '打了我', '被他们打', '打伤',
];
const DANGER_ENGLISH =
  /\b(won'?t let me (leave|go)|not letting me (leave|go)|threaten(s|ed|ing)? to (kill|hurt|beat|break)|kill (me|my)|break my (legs?|arms?)|beat me|hit me|attacked me|locked me)\b/;

/**
 * The message tells of danger now: someone will not let the borrower go, or threatens or uses violence. Like the
 * words of wanting to die, a word list read before the intent model, and a false alarm (a kind word, 110 and a person)
 * costs less than a miss.
 */
export function speaksOfDanger(text: string): boolean {
  return !!text && dangerIn(normalizeText(text, 2000));
}

function dangerIn(normalized: string): boolean {
  return DANGER_CHINESE.some((w) => normalized.includes(w)) || DANGER_ENGLISH.test(normalized);
}

/** Why a conversation is urgent: words of wanting to die, or danger now (held, or violence threatened or done). */
export type Urgency = 'distress' | 'danger';

/** What makes the message urgent, if anything: the text normalised once for both word lists (every turn reads it). */
export function urgencyOf(text: string): Urgency | undefined {
  if (!text) return undefined;
  const normalized = normalizeText(text, 2000);
  return distressIn(normalized) ? 'distress' : dangerIn(normalized) ? 'danger' : undefined;
}
