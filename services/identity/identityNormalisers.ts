/**
 * Normalisers for what borrowers type when verifying. They accept the usual variations and return the one
 * canonical form, or undefined when the input cannot be one.
 */

/** Full-width ASCII (０-９, Ｘ, ＋, －, full-width space) → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const SEPARATORS = /[\s\-\u2010-\u2015\u2212()（）.·_/]/g;

/**
 * Mainland mobile number → 11 digits. Accepts spaces, dashes, brackets, a +86 / 0086 / 86 prefix and
 * full-width digits: `+86 138-0000-0001`, `１３８００００００01` → `13800000001`.
 */
export function normaliseMobile(input: string): string | undefined {
  const s = toHalfWidth(input ?? '').replace(SEPARATORS, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(s) ? s : undefined;
}

/**
 * Last 6 characters of the resident ID number → 5 digits and a digit or upper-case X. Accepts x/X, full-width
 * characters and separators; a whole 18-character ID number is cut to its last 6 (and never kept).
 */
export function normaliseIdLast6(input: string): string | undefined {
  const s = toHalfWidth(input ?? '').replace(SEPARATORS, '').toUpperCase();
  if (/^\d{5}[\dX]$/.test(s)) return s;
  if (/^\d{17}[\dX]$/.test(s)) return s.slice(-6);
  return undefined;
}

/** A one-time code as typed: 6 digits, full-width allowed, separators ignored. */
export function normaliseOneTimeCode(input: string): string | undefined {
  const s = toHalfWidth(input ?? '').replace(SEPARATORS, '');
  return /^\d{6}$/.test(s) ? s : undefined;
}
