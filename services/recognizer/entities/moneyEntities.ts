import type { Entity } from '../intentRecognizer';
import { CN_NUMERAL_CHARS, parseChineseInteger, parseMixedNumber } from './chineseNumber';

type Money = Extract<Entity, { type: 'money' }>;

const N = CN_NUMERAL_CHARS;
// One amount: Arabic (1500, 1,500, 1.5) with an optional unit (k, w, 千, 万), 1万2, or a Chinese numeral.
const AMOUNT = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:\\s?[kw](?![a-z])|[千万](?:\\d(?!\\d))?|百)?|[${N}]+)`;
// 两三千, 三四百, 一两万: two adjacent digits then a unit.
const RANGE_CN = '([一二两三四五六七八九])([二两三四五六七八九])([十百千万])';
const CURRENCY_BEFORE = '(?:[¥￥]|rmb\\s?|cny\\s?|人民币\\s?|\\$\\s?)';
const CURRENCY_AFTER = '(?:\\s?(?:块钱|元钱|元|块|rmb|yuan|cny|kuai|dollars?|bucks))';
const APPROX_BEFORE = '(?:大概|大约|差不多|约|估计|around\\s|about\\s|approximately\\s|roughly\\s|~\\s?)';
const APPROX_AFTER = '(?:左右|上下|来块|多块|多|ish)';
const MAX_BEFORE = '(?:最多|顶多|至多|不超过|不到|最高|at\\s+most\\s|up\\s+to\\s|no\\s+more\\s+than\\s|max(?:imum)?\\s)';
const MIN_BEFORE = '(?:至少|最少|起码|不少于|at\\s+least\\s|minimum\\s)';

const MONEY_RE = new RegExp(
  `(${MAX_BEFORE}|${MIN_BEFORE})?(${APPROX_BEFORE})?(${CURRENCY_BEFORE})?(?:${RANGE_CN}|(${AMOUNT})(?:\\s?(?:-|~|到|至|to)\\s?(${AMOUNT}))?)(${CURRENCY_AFTER})?(${APPROX_AFTER})?`,
  'g',
);

// What makes a bare number not money: units of time, counts, ordinals, percentages.
const NOT_MONEY_AFTER = /^\s?(?:个?月|期|天|日|号|点|时|分钟|分|秒|年|岁|周|星期|次|%|％|个|位|楼|层|号线|倍|days?|months?|years?|weeks?|installments?|times|hours?|am|pm|th|st|nd|rd|percent)/;
const NOT_MONEY_BEFORE = /(?:第|周|星期|礼拜|尾号|号码|编号|\+|#|-)\s?$/;

// What an amount is, from the words before it in the same clause ("工资只有三千", "借了两万", "房租一千五").
const CLAUSE_WINDOW = 12;
const CLAUSE_BEFORE = /[^，。,.!?！？；;\n]*$/;
const ROLES: ReadonlyArray<[NonNullable<Money['role']>, RegExp]> = [
  ['income', /工资|工資|薪水|薪资|薪資|月薪|底薪|收入|挣|掙|赚|賺|到手|\b(salary|income|earn\w*|paid me)\b/g],
  ['debt', /欠|借了|借的|借款|贷了|貸了|本金|总共|總共|一共|合计|合計|逾期|\b(owe[ds]?|borrow\w*|debts?|loan of)\b/g],
  ['expense', /房租|租金|房贷|房貸|车贷|車貸|生活费|生活費|开销|開銷|花销|花銷|学费|學費|医药费|醫藥費|\b(rent|mortgage|spend\w*|bills?)\b/g],
];
// A payment named between that word and the amount ("工资到手能还1500") makes it an amount to pay after all. 还 as
// "still" (还剩, 还有, 还欠) is not one.
const PAY = /[还還](?![剩有欠差是要在没沒得])|[付交]|\b(pay|afford|manage)/;

/**
 * The amount's role, if the clause before it (at most CLAUSE_WINDOW characters) names one (the last such word counts),
 * or 'payment' when a payment is named after that word, or with no such word ("每个月还一千左右").
 */
function roleBefore(before: string): Money['role'] {
  const clause = CLAUSE_BEFORE.exec(before)?.[0] ?? '';
  let found: { role: NonNullable<Money['role']>; end: number } | undefined;
  for (const [role, words] of ROLES) {
    for (const m of clause.matchAll(words)) {
      const end = m.index + m[0].length;
      if (!found || end > found.end) found = { role, end };
    }
  }
  if (PAY.test(clause.slice(found?.end ?? 0))) return 'payment';
  return found?.role;
}

function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Money amounts in integer fen. `text` is the entity text form (see entityText); offsets index it. */
export function extractMoney(text: string, original: string): Money[] {
  const out: Money[] = [];
  MONEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONEY_RE.exec(text)) !== null) {
    if (m[0].length === 0) {
      MONEY_RE.lastIndex++;
      continue;
    }
    const [whole, bound, approxBefore, currencyBefore, r1, r2, rUnit, a1, a2, currencyAfter, approxAfter] = m;
    let start = m.index;
    let end = m.index + whole.length;
    // Do not take a number out of the middle of a longer alphanumeric run (order ids, phone numbers).
    if (/[0-9a-z.]/.test(text[start - 1] ?? '') || /[0-9]/.test(text[end] ?? '')) continue;
    // 几百块 / 几千: "a few hundred" names no amount (it was read as ¥100).
    if (/[几幾]/.test(text[start - 1] ?? '')) continue;
    let low: number | undefined;
    let high: number | undefined;
    if (r1) {
      const unit = rUnit === '十' ? 10 : rUnit === '百' ? 100 : rUnit === '千' ? 1000 : 10000;
      low = (parseChineseInteger(r1) ?? 0) * unit;
      high = (parseChineseInteger(r2) ?? 0) * unit;
      if (!(high > low)) continue;
    } else {
      low = parseMixedNumber(a1);
      if (a2) high = parseMixedNumber(a2);
      // 两到三千: the unit of the second number applies to the first.
      if (high !== undefined && low !== undefined && low < 10 && high >= 100 && /^[一二两三四五六七八九\d]$/.test(a1)) {
        const scale = 10 ** Math.floor(Math.log10(high));
        low *= scale;
      }
    }
    if (low === undefined || !Number.isFinite(low) || low <= 0 || low > 1e10) continue;
    const marked = Boolean(currencyBefore || currencyAfter);
    const hasUnit = /[kw千万百]/.test(a1 ?? '') || Boolean(r1);
    const chinese = a1 !== undefined && /^[零〇一幺二两俩三四五六七八九十百千万亿]+$/.test(a1);
    const after = text.slice(end);
    const before = text.slice(Math.max(0, start - 4), start);
    if (!marked) {
      if (NOT_MONEY_AFTER.test(after) || NOT_MONEY_BEFORE.test(before)) continue;
      // A Chinese numeral without a money unit or marker (三, 十二) is rarely money; a bare digit run is.
      if (chinese && !/[百千万]/.test(a1)) continue;
      if (!hasUnit && !bound && !approxBefore && !approxAfter && low < 10) continue;
    }
    // Trim the trailing "多" of 两千多 only when it is read as approximate; keep offsets on the original text.
    const entity: Money = { type: 'money', text: original.slice(start, end), start, end, fen: toFen(low) };
    if (high !== undefined && high > low) entity.maxFen = toFen(high);
    if (approxBefore || approxAfter) entity.approximate = true;
    if (bound && /最多|顶多|至多|不超过|不到|最高|most|up|more|max/.test(bound)) {
      entity.maxFen = entity.maxFen ?? entity.fen;
      entity.bound = 'atMost';
    } else if (bound) entity.bound = 'atLeast';
    const role = roleBefore(text.slice(Math.max(0, start - CLAUSE_WINDOW), start));
    if (role) entity.role = role;
    out.push(entity);
    start = end;
  }
  return out;
}
