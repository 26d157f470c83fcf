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
