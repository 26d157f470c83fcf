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

const MOBILE_IN_TEXT = /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s\-\u2010-\u2015]?\d){8}(?!\d)/;
const ID_IN_TEXT = /(?<![\dA-Za-z])(?:\d{17}|\d{5})[\dXx](?![\dA-Za-z])/;
/** ID_IN_TEXT's whole-number half. */
const FULL_ID_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;

const ID_GROUPS = new RegExp(ID_IN_TEXT.source, 'g');

/** The ID characters alone, or the one group of them in a sentence ("身份证后六位是12345X"); undefined when unclear. */
export function idLast6InText(input: string): string | undefined {
  const direct = normaliseIdLast6(input);
  if (direct) return direct;
  const groups = toHalfWidth(input ?? '').match(ID_GROUPS) ?? [];
  return groups.length === 1 ? normaliseIdLast6(groups[0]) : undefined;
}

/** A whole ID number somewhere in a sentence ("我的身份证是1101…"): a secret wherever it is typed. */
export function fullIdInText(input: string): boolean {
  return FULL_ID_IN_TEXT.test(toHalfWidth(input ?? '').replace(/[\s-]/g, ''));
}

/**
 * The mobile number in a sentence ("我的手机是138-0000-0002"), never a run of digits inside a longer one (an ID
 * number), and the ID's last 6 (or whole ID number) when the same message gives it too ("…，身份证后六位234561").
 */
export function mobileInText(input: string): { mobile: string; idLast6?: string } | undefined {
  const text = toHalfWidth(input ?? '');
  const whole = normaliseMobile(text);
  if (whole) return { mobile: whole };
  const found = MOBILE_IN_TEXT.exec(text);
  const mobile = found ? normaliseMobile(found[0]) : undefined;
  if (!found || !mobile) return undefined;
  const rest = text.slice(0, found.index) + ' ' + text.slice(found.index + found[0].length);
  const id = ID_IN_TEXT.exec(rest);
  const idLast6 = id ? normaliseIdLast6(id[0]) : undefined;
  return idLast6 ? { mobile, idLast6 } : { mobile };
}

// "手机13800000002", "我的手机号是…", "my number is …": the number right after words that make it the writer's own.
const OWN_NUMBER_CUE = /(?:手机|手機|电话|電話|号码|號碼|手机号|手機號|mobile|phone|number|cell)\s*(?:号|號)?\s*(?:是|为|為|:|：|is)?\s*$/i;
// …but not someone else's ("这个号码…", "对方的电话…", "the caller's number …").
const OTHERS_NUMBER = /(这个|這個|那个|那個|对方|對方|他|她|催收|来电|來電|caller|this|that|their|his|her)/i;

/**
 * The mobile a message gives as the writer's own, in so many words ("帮我查下欠款，手机13800000002"): a task may start
 * verification from it. A bare number in a sentence may be a caller's, so it needs the cue.
 */
export function ownMobileInText(input: string): string | undefined {
  const text = toHalfWidth(input ?? '');
  const found = MOBILE_IN_TEXT.exec(text);
  if (!found) return undefined;
  const before = text.slice(Math.max(0, found.index - 16), found.index);
  if (!OWN_NUMBER_CUE.test(before) || OTHERS_NUMBER.test(before)) return undefined;
  return normaliseMobile(found[0]);
}

/** A one-time code as typed: 6 digits, full-width allowed, separators ignored. */
export function normaliseOneTimeCode(input: string): string | undefined {
  const s = toHalfWidth(input ?? '').replace(SEPARATORS, '');
  return /^\d{6}$/.test(s) ? s : undefined;
}
