/**
 * Masks personal identifiers in free text: mainland ID card numbers (and the last 6 characters of one, named as such
 * or ending in X), bank card numbers and mobile numbers.
 * Applied to every log line and to every transcript an agent sees. Order matters: the longer patterns first.
 */

// 18-character resident ID: 17 digits and a digit or X. Not part of a longer digit run.
const ID_CARD = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
// The last 6 characters of an ID (the verification secret) named as such ("身份证后六位是12345X"), or 5 digits and an
// X on their own: no amount or code looks like that.
const ID_TAIL = /((?:身份证|身份證|证件号|證件號|\bID\b)[^\d\n]{0,12}?|[后後](?:六|6)位[^\d\n]{0,4}?)(\d{5}[\dXx])(?![0-9A-Za-z])/gi;
const ID_TAIL_X = /(?<![0-9A-Za-z*])\d{5}[Xx](?![0-9A-Za-z])/g;
// Bank card: 13–19 digits, optionally grouped by spaces or dashes (4-digit groups). Not the fraction of a decimal
// number (a recogniser score such as 0.99970123450357 in a log line).
const BANK_CARD = /(?<![\d*]|\d\.)\d(?:[ -]?\d){12,18}(?![\d*])/g;
// Mainland mobile, optionally with +86 / 86 and separators: 138 1234 5678, 138-1234-5678.
const MOBILE = /(?<!\d)((?:\+?86[ -]?)?1[3-9]\d)([ -]?)(\d{4})([ -]?)(\d{4})(?!\d)/g;

// Full-width digits, plus signs, spaces and hyphens (１３８１２３４５６７８): the patterns below read ASCII only.
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B\uFF0D\u3000\uFF38\uFF58]/g;
const HAS_FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;

export function maskPii(text: string): string {
  if (!text) return text;
  // Only text with full-width digits is rewritten (to ASCII, NFKC), so every other character stays as it was.
  if (HAS_FULL_WIDTH_DIGIT.test(text)) text = text.replace(FULL_WIDTH, (c) => c.normalize('NFKC'));
  return text
    .replace(ID_CARD, (_m, head: string, _mid: string, tail: string) => `${head.slice(0, 3)}***********${tail.slice(-4)}`)
    .replace(ID_TAIL, (_m, named: string) => `${named}******`)
    .replace(ID_TAIL_X, '******')
    .replace(MOBILE, (_m, head: string, s1: string, _mid: string, s2: string, tail: string) => `${head}${s1}****${s2}${tail}`)
    .replace(BANK_CARD, (m: string) => {
      const digits = m.replace(/\D/g, '');
      return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
    });
}

/** Mask a mobile number for display: 13812345678 → 138****5678. */
export function maskMobile(mobile: string): string {
  const d = mobile.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return d.length === 11 ? `${d.slice(0, 3)}****${d.slice(7)}` : '*'.repeat(Math.max(4, d.length));
}

/** maskPii over every string (and every number that looks like an identifier) inside a JSON value. */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (typeof value === 'number') {
    const masked = maskPii(String(value));
    return masked === String(value) ? value : masked;
  }
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v)]));
  }
  return value;
}
