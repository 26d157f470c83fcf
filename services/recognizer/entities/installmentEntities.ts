import type { Entity } from '../intentRecognizer';
import { CN_NUMERAL_CHARS, parseMixedNumber } from './chineseNumber';

type Installments = Extract<Entity, { type: 'installments' }>;

const NUM = `(\\d{1,3}|[${CN_NUMERAL_CHARS}]{1,4})`;
const EN_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36, a: 1, an: 1,
};
const EN_NUM = `(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|twenty|thirty-six|thirty|an?)`;

interface Rule {
  re: RegExp;
  /** `before`: the text just before the match. */
  months: (m: RegExpExecArray, before: string) => number | undefined;
}

const num = (s: string) => parseMixedNumber(s);
const RULES: Rule[] = [
  // 一年半 / 1年半 → 18
  { re: new RegExp(`${NUM}年半`, 'g'), months: (m) => (num(m[1]) ?? NaN) * 12 + 6 },
  { re: /半年/g, months: () => 6 },
  // 分12期, 12期, 十二期 (not 第12期, not 逾期/分期 alone)
  { re: new RegExp(`(?<!第)${NUM}期`, 'g'), months: (m) => num(m[1]) },
  // 分12个月, 12个月, 三个月, 24个月还完. "一个月" alone is "a month" ("我一个月只能拿出一百块": per month), not one
  // installment; only 分 / 延期 … before it makes it a length.
  { re: new RegExp(`${NUM}个(?:多)?月`, 'g'), months: (m, before) => (num(m[1]) === 1 && !/(分|延期|延长|推迟|缓|晚|宽限)$/.test(before) ? undefined : num(m[1])) },
  // 两年, 一年 (as a duration: 分两年还, 两年还完, 延期一年) — not 2025年 / 年底
  { re: new RegExp(`(?<![\\d年])([一二两三四五]|[1-5])年(?![\\d底初末前后级])`, 'g'), months: (m) => (num(m[1]) ?? NaN) * 12 },
  // English
  { re: new RegExp(`\\b${EN_NUM}[\\s-]+(?:monthly\\s+)?(?:months?|installments?|instalments?|payments)\\b`, 'g'), months: (m) => (/^an?$/.test(m[1]) ? undefined : enNum(m[1])) },
  { re: new RegExp(`\\b${EN_NUM}[\\s-]+years?\\b`, 'g'), months: (m) => (enNum(m[1]) ?? NaN) * 12 },
  { re: /\bhalf\s+a\s+year\b|\bsix-month\b/g, months: () => 6 },
];

function enNum(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : EN_WORDS[s];
}

/** Number of months / installments: 12期, 分12个月, 一年, 半年, 一年半, 24 months, two years. */
export function extractInstallments(text: string, original: string): Installments[] {
  const out: Installments[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (/\d/.test(text[start - 1] ?? '')) continue;
      const months = rule.months(m, text.slice(Math.max(0, start - 2), start));
      if (months === undefined || !Number.isInteger(months) || months < 1 || months > 120) continue;
      if (out.some((e) => start < e.end && end > e.start)) continue;
      out.push({ type: 'installments', text: original.slice(start, end), start, end, months });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
