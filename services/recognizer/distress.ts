import { normalizeText } from './text/normalizeText';

// Words of wanting to die or to hurt oneself, after normalizeText (Traditional read as Simplified, lower case). A
// word list, not the intent model: it has to catch these whatever else the message says, and a false alarm costs a
// kind word and a person, which is acceptable; a miss is not.
const CHINESE = [
  '不想活', '活不下去', '活不了了', '没法活', '不活了', '想死', '寻死', '求死', '死了算了', '不如死了', '一死了之', '去死算了',
  '自杀', '轻生', '跳楼', '跳河', '跳桥', '割腕', '上吊', '喝农药', '吃安眠药', '烧炭', '结束生命', '结束自己', '了结自己',
  '逼死我', '逼我去死', '逼得我想死', '想不开', '活着没意思', '活着没有意义',
];
const ENGLISH =
  /\b(kill(ing)? myself|suicid(e|al)|end (my|my own) life|end(ing)? it all|want to die|wanna die|don'?t want to (live|be alive)|better off dead|no reason to live|can'?t go on|hurt myself|take my (own )?life)\b/;

/**
 * The message speaks of wanting to die or of hurting oneself (conversation design: urgent, 110 where there is danger,
 * a person at once). "逼死我" counts too: said in despair, it is not left to chance.
 */
export function expressesDistress(text: string): boolean {
  if (!text) return false;
  const s = normalizeText(text, 2000);
  return CHINESE.some((w) => s.includes(w)) || ENGLISH.test(s);
}
