import type { Entity } from '../intentRecognizer';

type Phone = Extract<Entity, { type: 'phone' }>;

// Mainland mobile (+86 optional, spaces or dashes between groups), landline with area code (in brackets or not,
// the local number whole or in two groups: 021-66889900, (021) 6688 9900), 400/800 service
// numbers, and 95xxx / 96xxx short service numbers (how collectors and banks call).
const PHONE_RE = new RegExp(
  [
    '(?:\\+?86[\\s-]?)?1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}',
    '(?:\\(0\\d{2,3}\\)|0\\d{2,3})[\\s-]?\\d{3,4}[\\s-]?\\d{4}',
    '[48]00[\\s-]?\\d{3}[\\s-]?\\d{4}',
    '9[56]\\d{3}(?:\\d{3})?',
  ].join('|'),
  'g',
);

/** Phone numbers; `digits` keeps the digits only (with 86 dropped from mobiles). */
export function extractPhones(text: string, original: string): Phone[] {
  const out: Phone[] = [];
  PHONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (/[0-9a-z]/.test(text[start - 1] ?? '') || /[0-9a-z]/.test(text[end] ?? '')) continue;
    let digits = m[0].replace(/\D/g, '');
    if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
    out.push({ type: 'phone', text: original.slice(start, end), start, end, digits });
  }
  return out;
}
