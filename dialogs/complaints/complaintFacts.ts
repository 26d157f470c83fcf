import type { ComplaintBody } from '../../services/accounts/accountSchemas';
import type { Entity } from '../../services/recognizer/intentRecognizer';
import { addLocalDays, isoDate, localParts, type LocalDate } from '../../services/scheduling/zonedTime';
import { mentionsCriminalThreat } from '../guidance/lawsuitThreatDialog';

export const CHANNELS = ['phone', 'sms', 'visit', 'app', 'social', 'other'] as const;
export type ComplaintChannel = (typeof CHANNELS)[number];
export const CONTACTED = ['self', 'family', 'employer', 'friends', 'other'] as const;
export type Contacted = (typeof CONTACTED)[number];
export type ComplaintCategory = ComplaintBody['category'];

// The extractors resolve dates forwards (15号 said on the 20th is next month's 15th) and have no "yesterday":
// a complaint is about the past, so these two small rules turn their answer into the past day that was meant.
const DAYS_AGO: Array<[RegExp, number]> = [
  [/大前天|three days ago/i, 3],
  [/前天|day before yesterday/i, 2],
  [/昨天|昨日|昨晚|昨儿|yesterday|last night/i, 1],
];

function compare(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function validDate(d: LocalDate): boolean {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d));
  return t.getUTCFullYear() === d.y && t.getUTCMonth() === d.m - 1 && t.getUTCDate() === d.d;
}

/**
 * The local date (YYYY-MM-DD) a complaint answer names, never in the future: 今天/昨天/前天/yesterday, or the
 * extractor's date-time entity moved back to the latest matching past day (a week, a month or a year earlier).
 * Undefined when the text names no date.
 */
export function pastDateOf(text: string, entities: readonly Entity[], now: number, timeZone: string): string | undefined {
  const today = localParts(now, timeZone).date;
  for (const [re, days] of DAYS_AGO) if (re.test(text)) return isoDate(addLocalDays(today, -days));
  const when = entities.find((e): e is Extract<Entity, { type: 'datetime' }> => e.type === 'datetime');
  if (!when) return undefined;
  const date = localParts(Date.parse(when.from), timeZone).date;
  if (compare(date, today) <= 0) return isoDate(date);
  const candidates: LocalDate[] = [
    addLocalDays(date, -7),
    date.m === 1 ? { y: date.y - 1, m: 12, d: date.d } : { y: date.y, m: date.m - 1, d: date.d },
    { y: date.y - 1, m: date.m, d: date.d },
  ];
  const past = candidates.find((c) => validDate(c) && compare(c, today) <= 0);
  return past ? isoDate(past) : undefined;
}

const IMPERSONATION = /冒充|假冒|假装|假裝|自称是?(警察|法院|法官|公安|检察|律师|政府)|自稱是?(警察|法院|法官|公安|檢察|律師|政府)|impersonat|pretend(?:ed|ing)? to be|claimed to be (?:a |the )?(?:police|court|officer|official)/i;
const THREAT = /威胁|威脅|恐吓|恐嚇|打死|弄死|砍|杀了|殺了|伤害|傷害|threat|kill|hurt you|violence|violent/i;

/** The complaint's category: a preset one (from the button that started it), else read from what the borrower told. */
export function complaintCategory(description: string, contacted: Contacted, preset?: ComplaintCategory): ComplaintCategory {
  if (preset) return preset;
  if (THREAT.test(description) || mentionsCriminalThreat(description)) return 'threat';
  if (IMPERSONATION.test(description)) return 'impersonation';
  if (contacted !== 'self') return 'third_party_contact';
  return 'harassment';
}

/**
 * Every complaint taken here is about collection conduct (harassment, threats, posing as officials, contacting
 * others): the conversation design files them high priority (P1).
 */
export function complaintPriority(category: ComplaintCategory): 'high' | 'normal' {
  return category === 'fees' || category === 'other' ? 'normal' : 'high';
}

// What a complaint's opening message may already say (the borrower who writes "they call my mother every day"
// should not be asked what happened, how, and whom they contacted). Only an unambiguous mention fills a fact.
const COMPLAINT_WORDS = /我要|我想|想要|投诉|投訴|举报|舉報|催收员|催收員|催收|你们|你們|的|了|i want to|i'd like to|make a|file a|complain(t|ts)?|report|about|the|your|collectors?|collection|agents?/gi;
const CHANNEL_CUES: Array<[ComplaintChannel, RegExp]> = [
  // "they called me names" is no phone call.
  ['phone', /电话|電話|打给|打給|打我|来电|來電|\bcall(s|ed|ing)?\b(?! me (names|an? ))|phon/i],
  ['sms', /短信|簡訊|短訊|\bsms\b|text(ed)? message|texts? me|\btext(ed|ing)\b/i],
  ['visit', /上门|上門|到我家|来我家|來我家|到单位|到單位|came to my|visit(ed|s)? (me|my)/i],
  ['social', /微信|微博|QQ|朋友圈|抖音|群里|群裡|家族群|群聊|wechat|whatsapp|weibo|group chat|social media/i],
];
/** Words typed at "how did they contact you?" that name a channel ("微信群", "打电话"), beside the buttons' labels. */
export const CHANNEL_SYNONYMS: Record<ComplaintChannel, string[]> = {
  phone: ['电话', '電話', '来电', '來電', 'call', 'called', 'phone'],
  sms: ['短信', '簡訊', '短訊', 'text', 'texts', 'texted', 'sms'],
  visit: ['上门', '上門', '到家', '来家里', '來家裡', 'visit', 'visited', 'came'],
  app: ['app', '站内信', '站內信', '推送', 'push'],
  social: ['微信', '群', 'QQ', '朋友圈', '微博', '抖音', 'wechat', 'whatsapp', 'group', 'social'],
  other: [],
};
const CONTACTED_CUES: Array<[Contacted, RegExp]> = [
  ['family', /家人|家里人|家裡人|父母|爸|妈|媽|老婆|老公|妻子|丈夫|孩子|儿子|兒子|女儿|女兒|亲戚|親戚|老豆|老母|哥哥|弟弟|姐姐|妹妹|family|\bmom\b|\bmum\b|mother|\bdad\b|father|wife|husband|parents|relatives|son|daughter/i],
  ['employer', /单位|單位|公司|领导|領導|老板|老闆|同事|employer|boss|colleague|workplace/i],
  ['friends', /朋友|同学|同學|通讯录|通訊錄|联系人|聯絡人|聯繫人|friends|contacts/i],
];

/** Words typed at "who did they contact?" ("只有我自己", "我妈", "我们领导"), beside the buttons' labels. */
export const CONTACTED_SYNONYMS: Record<Contacted, string[]> = {
  self: ['我自己', '自己', '本人', '只有我', '就我', '只打给我', 'me', 'myself', 'only me', 'just me'],
  family: ['家人', '家里人', '家裡人', '父母', '爸', '妈', '媽', '老婆', '老公', '妻子', '丈夫', '孩子', '亲戚', '親戚', '老豆', '哥哥', '弟弟', '姐姐', '妹妹', 'family', 'mother', 'father', 'parents', 'wife', 'husband'],
  employer: ['单位', '單位', '公司', '领导', '領導', '老板', '老闆', '同事', 'employer', 'boss', 'colleagues', 'work'],
  friends: ['朋友', '同学', '同學', '通讯录', '通訊錄', '联系人', '聯絡人', 'friends', 'contacts'],
  other: ['邻居', '鄰居', '房东', '房東', 'neighbour', 'neighbor', 'landlord'],
};

/** "别再打电话给我了", "stop calling me": what the borrower wants, not yet what happened. */
const STOP_REQUEST =
  /(请|請|你们|你們)?(不要|别|別|停止)(再)?(给我|給我)?(打电话|打電話|(发|發)(短信|簡訊|消息|訊息)|打|骚扰|騷擾|联系|聯繫|催)(给我|給我|我)?(了|啦)?|\b(please )?(stop|don'?t|do not) (calling|call|texting|contacting|bothering|harassing)( me)?( anymore| again)?\b/gi;

/** The opening message as the complaint's description, when it tells what happened (not just "I want to complain"). */
export function openingDescription(text: string): string | undefined {
  const trimmed = text.trim();
  const rest = trimmed
    .replace(STOP_REQUEST, '')
    .replace(COMPLAINT_WORDS, '')
    .replace(REGULATOR_WORDS, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return rest.length >= 4 ? trimmed : undefined;
}

/** How the borrower would rather be reached ("只用短信联系我", "我在上班，别打电话", "text me instead"). */
const CONTACT_PREFERENCE =
  /只(通过|通過|用)?(发|發)?(短信|簡訊|微信|邮件|郵件)(联系|聯繫|通知)|(上班|工作)(时间|時間|的时候|的時候)?[，,\s]{0,2}(别|不要|別)(再)?(打|联系|聯繫)|(别|不要|別)在(上班|工作)(时间|時間|的时候|的時候)?(打|联系|聯繫)|\b(text|sms|email|message) me (instead|only)\b|\bdon'?t call (me )?(at|during) work\b|\bi'?m at work\b/i;
/** The asking around the request ("你们能不能…", "麻烦…"). */
const ASKING = /你们|你們|能不能|可不可以|可以|请|請|麻烦|麻煩|求求|求你|拜托|拜託|\b(can|could|would) you\b|\bplease\b/gi;
/** A promise said beside the request ("不要再打电话了，我会还的"): not what happened either. */
const WILL_PAY = /我(会|會)(还|還)(的|钱|錢)?|(会|會)(还|還)(钱|錢)?的|\bi('ll| will) pay( it)?( back)?\b/gi;

/**
 * Asks for the calls to stop, or for another way or time to be reached, and tells nothing that happened: the rules,
 * and a complaint, a person or a plan offered, rather than a complaint intake begun.
 */
export function asksToStopContact(text: string): boolean {
  const t = text.trim();
  // "别再打电话给我妈了": someone else called is what happened, a complaint to take.
  if (t.length > 60 || WANTS_TO_COMPLAIN.test(t) || (contactedMentioned(t) ?? 'self') !== 'self') return false;
  if (CONTACT_PREFERENCE.test(t)) return true;
  STOP_REQUEST.lastIndex = 0;
  if (!STOP_REQUEST.test(t)) return false;
  const rest = t.replace(STOP_REQUEST, '').replace(WILL_PAY, '').replace(ASKING, '').replace(/[\s\p{P}\p{S}]/gu, '');
  return rest.length < 4;
}

/** A regulator or another outside body named as where the borrower means to complain ("我要去金融监管局投诉你们"). */
/**
 * "催收一天打几十个电话合法吗", "可以打给我通讯录里的人吗", "is it legal to call at 11pm", and with no 吗 "催收能不能打我通讯录里的
 * 人", "你们会不会把我欠钱的事告诉我家人": what collectors may (or will) do.
 */
const ASKS_IF_ALLOWED =
  /(催收|你们|你們|他们|他們)[^，,。！!]{0,4}(能不能|可不可以|会不会|會不會)[^，,。！!]{0,8}(告诉|告訴|打给|打給|打我|打到|联系|聯繫|找|通知|曝光)|合法吗|合法嗎|违法吗|違法嗎|合规吗|合規嗎|正常吗|正常嗎|允许吗|允許嗎|有没有规定|有沒有規定|(可以|能不能|可不可以|有权|有權|有没有权|有沒有權).{0,14}(吗|嗎)|\b(is|are) (it|that|this|they) (legal|allowed|normal|ok)\b|\b(can|may) (they|collectors?|the collectors?)\b|\bare they allowed\b/i;
const WANTS_TO_COMPLAIN = /投诉|投訴|举报|舉報|\bcomplain|\breport\b/i;

/** Asks whether collectors may do something, and does not ask to complain (yet): the rules are the answer. */
export function asksIfAllowed(text: string): boolean {
  return text.length <= 80 && ASKS_IF_ALLOWED.test(text) && !WANTS_TO_COMPLAIN.test(text);
}

const REGULATOR = /12378|12363|12315|监管|監管|银保监|銀保監|人民银行|人民銀行|人行|消协|消協|消费者协会|消費者協會|黑猫|黑貓|曝光|\bregulators?\b|\bNFRA\b|\bPBOC\b|\bCBIRC\b/i;
/** The same, with the words around it, taken out of an opening before it is read as a description. */
const REGULATOR_WORDS =
  /(去|向|到|找|打|给|給|上)?(国家|國家|金融|总局|總局|地方|当地|當地)*(12378|12363|12315|监管局|監管局|监管部门|監管部門|监管|監管|银保监会|銀保監會|银保监|銀保監|人民银行|人民銀行|人行|消协|消協|消费者协会|消費者協會|黑猫投诉|黑貓投訴|黑猫|黑貓|媒体|媒體|曝光)|\b(to )?(the )?(regulators?|NFRA|PBOC|CBIRC)\b|\b(i|i'm|i am|will|going|gonna|go|you)\b/gi;

export function namesRegulator(text: string): boolean {
  return REGULATOR.test(text);
}

function onlyOne<T>(cues: Array<[T, RegExp]>, text: string): T | undefined {
  const hits = cues.filter(([, re]) => re.test(text)).map(([v]) => v);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The channel the text names, if it names exactly one. */
export function channelMentioned(text: string): ComplaintChannel | undefined {
  return onlyOne(CHANNEL_CUES, text);
}

/** Who besides the borrower the text says was contacted, if it names exactly one kind of person. */
export function contactedMentioned(text: string): Contacted | undefined {
  return onlyOne(CONTACTED_CUES, text);
}

const WHEN_UNKNOWN = /^(不知道|不记得了?|不記得了?|记不清了?|記不清了?|忘了|忘记了|忘記了|不清楚|i? ?(don'?t|do not) (know|remember)|not sure|can'?t remember|no idea)[。.!！]?$/i;

const WHEN_VAGUE =
  /^(大概|可能|应该是|應該是|就是)?(从|從|自从|自從|打从|打從)?(上周|上週|上星期|上礼拜|上禮拜|上个?月|上個月|前几天|前幾天|这几天|這幾天|这段时间|這段時間|最近|近期|一直|每天|天天|好几天|好幾天|几天前|幾天前|一周前|一週前|[一两兩三四五六七八九十几幾]个?多?(星期|礼拜|禮拜|周|週|月)(前|以前|了)|半个?月(前|以前|了)|last week|last month|a few days ago|the other day|recently|lately|every day|for (days|weeks|months))/i;

/**
 * "上周" / "从上周开始一直这样" / "最近一直这样" / "last week": no day to file, but a time the borrower gave. It is kept in their words beside
 * the description instead of "could not read that date".
 */
export function saysWhenVaguely(text: string): boolean {
  const s = text.trim();
  return s.length <= 20 && WHEN_VAGUE.test(s);
}

/** "I don't know / don't remember" typed instead of pressing the button. */
export function saysWhenUnknown(text: string): boolean {
  return WHEN_UNKNOWN.test(text.trim());
}
