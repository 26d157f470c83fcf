import { TRADITIONAL_TO_SIMPLIFIED } from './traditionalToSimplified';

/**
 * Spelling slips and homophones borrowers type for the domain's key words (pinyin input picks the wrong
 * characters). Mapped to the intended word before features are taken, so one training word covers them all.
 * Applied after Traditional → Simplified.
 */
const TYPOS: Array<[RegExp, string]> = [
  [/预期(?!收益|效果|目标|的效果|年化)/g, '逾期'],
  [/(?:愈|余|渝|预)期(?=了|[0-9一二两三四五六七八九十几多]+天|会|后|的?记录|费|罚息|利息|还款)/g, '逾期'],
  [/征心|怔信|正信|征性/g, '征信'],
  [/花被|花贝|花唄|花坝/g, '花呗'],
  [/借被|借贝|借唄/g, '借呗'],
  [/分其|分7(?=还)/g, '分期'],
  [/还宽|还欵|还歀/g, '还款'],
  [/催shou|崔收|催手/g, '催收'],
  [/罚吸/g, '罚息'],
  [/做牢/g, '坐牢'],
  [/人公客服|人共客服/g, '人工客服'],
];

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g;
const WHITESPACE = /\s+/g;

/** Replace every Traditional character the table knows by its Simplified form. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/**
 * The text as the classifier sees it: control and invisible characters removed, NFKC (full-width → half-width),
 * lower case, Traditional → Simplified, common typos of domain words corrected, whitespace collapsed, bounded
 * to `maxChars`. Never throws: lone surrogates and odd code points pass through as characters.
 */
export function normalizeText(text: string, maxChars = 512): string {
  let s = String(text ?? '');
  if (s.length > maxChars * 2) s = s.slice(0, maxChars * 2);
  s = s.replace(INVISIBLE, ' ');
  try {
    s = s.normalize('NFKC');
  } catch {
    // keep the text as it is
  }
  s = toSimplified(s.toLowerCase());
  for (const [re, to] of TYPOS) s = s.replace(re, to);
  s = s.replace(WHITESPACE, ' ').trim();
  return s.length > maxChars ? s.slice(0, maxChars) : s;
}
