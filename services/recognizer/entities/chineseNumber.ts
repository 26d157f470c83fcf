/** Chinese numerals as borrowers write them: 一千五 = 1500, 一万二 = 12000, 两三千 = 2000..3000, 1.5万, 3k. */

export const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
export const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 100000000 };

/** Characters a Chinese numeral is made of (for regular expressions). */
export const CN_NUMERAL_CHARS = '零〇一幺二两俩三四五六七八九十百千万亿';

/**
 * Value of a Chinese numeral (no Arabic digits), or undefined if it is not one. Handles the colloquial
 * elided last unit: 一千五 → 1500, 三万二 → 32000, 一百五 → 150; and 十二 → 12, 二十 → 20.
 */
export function parseChineseInteger(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0; // completed 万/亿 sections
  let section = 0; // inside the current 万 section
  let digit: number | undefined;
  let lastUnit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined && ch !== '零' && ch !== '〇') {
        // digit sequence like 二〇二五 or 一二: read positionally
        digit = digit * 10 + CN_DIGITS[ch];
      } else digit = CN_DIGITS[ch];
      continue;
    }
    const unit = CN_UNITS[ch];
    if (unit === undefined) return undefined;
    if (unit >= 10000) {
      section += digit ?? 0;
      total = (total + (section || (total === 0 ? 1 : 0))) * unit;
      section = 0;
      lastUnit = unit;
    } else {
      section += (digit ?? 1) * unit;
      lastUnit = unit;
    }
    digit = undefined;
  }
  if (digit !== undefined) {
    // 一千五: a trailing digit after a unit means one unit lower (五 → 500); after 零 it is units (一千零五).
    const elided = /零|〇/.test(s.slice(-2, -1)) ? 1 : lastUnit >= 10 ? lastUnit / 10 : 1;
    section += digit * (lastUnit === 10000 || lastUnit === 100000000 ? lastUnit / 10 : elided);
  }
  return total + section;
}

/** A number written with Arabic digits and/or Chinese numerals and units: 1500, 1,500, 1.5万, 1万2, 3k, 两万. */
export function parseMixedNumber(raw: string): number | undefined {
  const s = raw.replace(/[,，\s]/g, '').toLowerCase();
  if (!s) return undefined;
  let m = /^(\d+(?:\.\d+)?)(k|w|千|万|百|十|亿)?$/.exec(s);
  if (m) {
    const base = Number(m[1]);
    const mult = { k: 1000, w: 10000, 千: 1000, 万: 10000, 百: 100, 十: 10, 亿: 1e8 }[m[2] ?? ''] ?? 1;
    return round2(base * mult);
  }
  m = /^(\d+)(千|万)(\d)$/.exec(s); // 1万2 → 12000, 3千5 → 3500
  if (m) {
    const unit = m[2] === '万' ? 10000 : 1000;
    return Number(m[1]) * unit + Number(m[3]) * (unit / 10);
  }
  m = /^(\d+(?:\.\d+)?)万(\d+)$/.exec(s); // 1万2000
  if (m) return Number(m[1]) * 10000 + Number(m[2]);
  return parseChineseInteger(s);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
