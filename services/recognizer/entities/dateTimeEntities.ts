import type { Entity } from '../intentRecognizer';
import { addLocalDays, localParts, localToInstant, weekday, type LocalDate } from '../../scheduling/zonedTime';
import { parseChineseInteger } from './chineseNumber';

type DateTime = Extract<Entity, { type: 'datetime' }>;

/** Parts of the day, local minutes [from, to). Chosen to match how people book a call back. */
const PARTS: Record<string, [number, number]> = {
  dawn: [0, 6 * 60],
  early: [7 * 60, 9 * 60],
  morning: [9 * 60, 12 * 60],
  noon: [12 * 60, 14 * 60],
  afternoon: [13 * 60, 18 * 60],
  dusk: [17 * 60, 19 * 60],
  evening: [18 * 60, 22 * 60],
  lateNight: [22 * 60, 24 * 60],
};
const PART_WORDS: Array<[RegExp, keyof typeof PARTS]> = [
  [/^(?:早上|早晨|清早|一早|早)$/, 'early'],
  [/^(?:上午|morning)$/, 'morning'],
  [/^(?:中午|noon|lunchtime)$/, 'noon'],
  [/^(?:下午|afternoon)$/, 'afternoon'],
  [/^(?:傍晚)$/, 'dusk'],
  [/^(?:晚上|晚间|夜里|晚|evening|night|tonight)$/, 'evening'],
  [/^(?:凌晨)$/, 'dawn'],
  [/^(?:半夜|深夜|午夜|midnight)$/, 'lateNight'],
];
const PART_RE = '早上|早晨|清早|上午|中午|下午|傍晚|晚上|晚间|夜里|凌晨|半夜|深夜|午夜|morning|afternoon|evening|noon|midnight|night';

const WEEKDAY_CN: Record<string, number> = { 日: 0, 天: 0, 七: 0, '7': 0, 一: 1, '1': 1, 二: 2, '2': 2, 三: 3, '3': 3, 四: 4, '4': 4, 五: 5, '5': 5, 六: 6, '6': 6 };
const WEEKDAY_EN: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

interface DateHit {
  start: number;
  end: number;
  date: LocalDate;
  /** A part of the day that came with the date word (今晚, 明早, tonight). */
  part?: keyof typeof PARTS;
  /** Several days (周末 / weekend). */
  days?: number;
}

interface TimeHit {
  start: number;
  end: number;
  /** Local minutes [from, to). */
  from: number;
  to: number;
  /** Clock times with no part word: an hour that may be read as p.m. */
  ambiguousHour?: boolean;
  /** Only a part of the day (下午), no clock. */
  partOnly?: boolean;
}

const DAY = '[0-9]{1,2}|[一二三四五六七八九十]{1,3}';
const DATE_RE = new RegExp(
  [
    '(?<rel>大后天|后天|明天|明日|今天|今日|今晚|今早|明早|明晚|明儿|day after tomorrow|tomorrow|today|tonight)',
    '(?<wk>(?:下下|下个?|上个?|这个?|本|next |this |last )?(?:周|星期|礼拜)(?:[一二三四五六日天1-7]))',
    '(?<wkend>(?:下个?|这个?|本)?周末|(?:next |this )?weekend)',
    '(?<nextwk>下个?(?:周|星期|礼拜)(?![一二三四五六日天1-7末])|next week)',
    '(?<indays>过两天|過兩天|in (?:a couple of|two) days)',
    '(?<monthEnd>(?:这个?|這個?|本|下个?|下個?)?月(?:底|末)|(?:(?:by |at )?the )?end of (?:the |this |next )?month)',
    '(?<nextMonthStart>(?:下个?|下個?)月初|(?:at )?the (?:start|beginning) of next month|early next month)',
    '(?<en>(?:next |this |last )?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday))',
    `(?<md>(?:(?<mon>${DAY})月|(?<monRel>下个?月|上个?月|这个?月|本月))?(?<dom>${DAY})(?:号|日)(?![元块万千期个])|(?<mon2>${DAY})月(?<dom2>${DAY})(?![元块万千期个\\d]))`,
  ].join('|'),
  'g',
);

const CLOCK = `(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,3})`;
const TIME_RE = new RegExp(
  [
    // 晚上8点半以后, 下午3点到5点, 3:30, 8点以后, 10点前
    `(?<part>${PART_RE})?(?<h1>${CLOCK})(?:[点时:](?<m1>半|[0-9]{2}|[一二三四五]十)?分?)` +
      `(?:(?:到|至|-|~)(?<part2>${PART_RE})?(?<h2>${CLOCK})[点时:]?(?<m2>半|[0-9]{2})?分?)?(?<mod>以后|之后|后|以前|之前|前|左右)?`,
    // 8pm, 8:30 am, after 8pm, before 10am, 3-5pm
    `(?<enmod>after |before |around )?(?<eh1>[0-9]{1,2})(?::(?<em1>[0-9]{2}))?\\s?(?:(?<eap1>am|pm)\\s?)?(?:(?:-|to)\\s?(?<eh2>[0-9]{1,2})(?::(?<em2>[0-9]{2}))?\\s?)?(?<eap>am|pm|o'clock)`,
    `(?<ponly>${PART_RE}|(?<![今明])晚)`,
  ].join('|'),
  'g',
);

function cnNumber(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : parseChineseInteger(s);
}

function partOf(word: string | undefined): keyof typeof PARTS | undefined {
  if (!word) return undefined;
  for (const [re, part] of PART_WORDS) if (re.test(word)) return part;
  return undefined;
}

/**
 * The 24-hour clock hour (24 is the midnight that ends the day). 凌晨2点 is 02:00 and 凌晨12点 00:00; 半夜12点 and
 * 晚上12点 are midnight (24), 深夜11点 23:00, 半夜2点 02:00.
 */
function toHour(h: number, part: keyof typeof PARTS | undefined, ampm?: string): number {
  if (ampm === 'pm' && h < 12) return h + 12;
  if (ampm === 'am' && h === 12) return 0;
  if (part === 'dawn') return h === 12 ? 0 : h;
  if (part === 'lateNight') return h === 12 ? 24 : h >= 6 && h < 12 ? h + 12 : h;
  if (part === 'evening' && h === 12) return 24;
  if ((part === 'afternoon' || part === 'evening' || part === 'dusk') && h < 12) return h + 12;
  if (part === 'noon' && h < 6) return h + 12;
  return h;
}

function minutePart(m: string | undefined): number {
  if (!m) return 0;
  if (m === '半') return 30;
  return cnNumber(m) ?? 0;
}

function findDates(text: string, today: LocalDate): DateHit[] {
  const out: DateHit[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const todayDow = weekday(today);
  while ((m = DATE_RE.exec(text)) !== null) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (/[a-z]/.test(text[start - 1] ?? '') && (g.rel || g.en || g.wkend || g.nextwk || g.indays || g.monthEnd || g.nextMonthStart)) continue;
    if (/\d/.test(text[start - 1] ?? '')) continue;
    if (g.rel) {
      const w = g.rel;
      const offset = w.startsWith('大后') ? 3 : w.startsWith('后') || w.startsWith('day after') ? 2 : /^明|tomorrow/.test(w) ? 1 : 0;
      const part = /晚|tonight/.test(w) ? 'evening' : /早/.test(w) ? 'early' : undefined;
      out.push({ start, end, date: addLocalDays(today, offset), part });
    } else if (g.wk) {
      const dow = WEEKDAY_CN[g.wk.slice(-1)];
      const prefix = g.wk.replace(/(?:周|星期|礼拜).$/, '').trim();
      const weeksAhead = prefix.startsWith('下下') ? 2 : prefix.startsWith('下') || prefix === 'next' ? 1 : prefix.startsWith('上') || prefix === 'last' ? -1 : 0;
      // Weeks start on Monday: 下周三 is Wednesday of next Monday's week, 上周三 of last Monday's; 周三 alone is the
      // coming one.
      const mondayOffset = ((todayDow + 6) % 7) * -1;
      const dowIndex = (dow + 6) % 7; // Monday 0 .. Sunday 6
      let offset: number;
      if (weeksAhead !== 0 || prefix) offset = mondayOffset + weeksAhead * 7 + dowIndex;
      else {
        offset = (dow - todayDow + 7) % 7;
      }
      out.push({ start, end, date: addLocalDays(today, offset) });
    } else if (g.nextwk) {
      // 下周 with no day: the whole of next week, Monday to Sunday.
      out.push({ start, end, date: addLocalDays(today, 7 - ((todayDow + 6) % 7)), days: 7 });
    } else if (g.indays) {
      out.push({ start, end, date: addLocalDays(today, 2) });
    } else if (g.monthEnd) {
      // 月底 / "the end of the month": the month's last day (下个月底: next month's), the day before the next first.
      out.push({ start, end, date: addLocalDays(firstOfMonth(today, /下|next/.test(g.monthEnd) ? 2 : 1), -1) });
    } else if (g.nextMonthStart) {
      // 下个月初: the first of next month.
      out.push({ start, end, date: firstOfMonth(today, 1) });
    } else if (g.wkend) {
      const next = /下|next/.test(g.wkend);
      let offset = (6 - todayDow + 7) % 7;
      if (todayDow === 0) offset = next ? 6 : -1; // Sunday: this weekend started yesterday
      else if (next) offset += 7;
      out.push({ start, end, date: addLocalDays(today, Math.max(offset, 0)), days: offset < 0 ? 1 : 2 });
    } else if (g.en) {
      const name = g.en.replace(/^(?:next|this|last) /, '');
      const dow = WEEKDAY_EN[name];
      let offset = (dow - todayDow + 7) % 7;
      // "last Friday": the latest Friday before today.
      if (g.en.startsWith('last ')) offset = -((todayDow - dow + 7) % 7 || 7);
      if (g.en.startsWith('next ')) offset = offset === 0 ? 7 : offset + (offset < 7 && dowAfterNextMonday(todayDow, dow) ? 7 : 0);
      out.push({ start, end, date: addLocalDays(today, offset) });
    } else {
      const dom = cnNumber(g.dom ?? g.dom2 ?? '');
      const monText = g.mon ?? g.mon2;
      let y = today.y;
      let mon = monText ? cnNumber(monText) : today.m;
      if (dom === undefined || mon === undefined || dom < 1 || dom > 31 || mon < 1 || mon > 12) continue;
      if (g.monRel && /下/.test(g.monRel)) mon += 1;
      if (g.monRel && /上/.test(g.monRel)) mon -= 1;
      if (mon > 12) {
        mon -= 12;
        y += 1;
      } else if (mon < 1) {
        mon += 12;
        y -= 1;
      }
      let date: LocalDate = { y, m: mon, d: dom };
      // A bare day or month-day already past means the next one (15号 said on the 20th → next month's 15th).
      if (!g.monRel && compare(date, today) < 0) {
        date = monText ? { y: y + 1, m: mon, d: dom } : mon === 12 ? { y: y + 1, m: 1, d: dom } : { y, m: mon + 1, d: dom };
      }
      if (!validDate(date)) continue;
      out.push({ start, end, date });
    }
  }
  return out;
}

/** The first day of the month `ahead` months after today's. */
function firstOfMonth(today: LocalDate, ahead: number): LocalDate {
  const months = today.y * 12 + (today.m - 1) + ahead;
  return { y: Math.floor(months / 12), m: (months % 12) + 1, d: 1 };
}

/** "next Friday" said on a Monday is the Friday of next week (not this one). */
function dowAfterNextMonday(todayDow: number, dow: number): boolean {
  const t = (todayDow + 6) % 7;
  const d = (dow + 6) % 7;
  return d > t;
}

function findTimes(text: string): TimeHit[] {
  const out: TimeHit[] = [];
  TIME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TIME_RE.exec(text)) !== null) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      TIME_RE.lastIndex++;
      continue;
    }
    if (g.h1 !== undefined) {
      if (/[\d.]/.test(text[start - 1] ?? '')) continue;
      const part = partOf(g.part);
      const h = cnNumber(g.h1);
      if (h === undefined || h > 24) continue;
      // 3:30 needs the colon form's minutes; "3:" alone is not a time.
      if (/^\d+:$/.test(m[0].replace(/(以后|之后|后|以前|之前|前|左右)$/, '')) || (m[0].includes(':') && !g.m1)) continue;
      const from = toHour(h, part ?? (g.part2 ? partOf(g.part2) : undefined)) * 60 + minutePart(g.m1);
      let to = from + 60;
      if (g.h2 !== undefined) {
        const h2 = cnNumber(g.h2);
        if (h2 === undefined || h2 > 24) continue;
        let hh2 = toHour(h2, partOf(g.part2) ?? part);
        if (hh2 * 60 <= from && hh2 < 12) hh2 += 12;
        to = hh2 * 60 + minutePart(g.m2);
      }
      const hit: TimeHit = { start, end, from, to, ambiguousHour: !part && !g.part2 && h < 12 };
      if (g.mod && /后/.test(g.mod)) {
        hit.to = part ? Math.max(PARTS[part][1], from + 60) : Math.max(22 * 60, from + 60);
      } else if (g.mod && /前/.test(g.mod)) {
        hit.to = from;
        hit.from = part ? Math.min(PARTS[part][0], from - 60) : Math.max(0, Math.min(8 * 60, from - 60));
      }
      out.push(hit);
    } else if (g.eh1 !== undefined) {
      if (/[\d.]/.test(text[start - 1] ?? '')) continue;
      const ap = g.eap === "o'clock" ? undefined : g.eap;
      const h = Number(g.eh1);
      if (h > 24) continue;
      const from = toHour(h, undefined, g.eap1 ?? ap) * 60 + Number(g.em1 ?? 0);
      let to = from + 60;
      if (g.eh2 !== undefined) {
        to = toHour(Number(g.eh2), undefined, ap) * 60 + Number(g.em2 ?? 0);
        if (to <= from) to = from + 60;
      }
      const hit: TimeHit = { start, end, from, to, ambiguousHour: !ap && h < 12 };
      if (g.enmod === 'after ') hit.to = Math.max(22 * 60, from + 60);
      if (g.enmod === 'before ') {
        hit.to = from;
        hit.from = Math.max(0, Math.min(8 * 60, from - 60));
      }
      const s = g.enmod ? start : start;
      out.push({ ...hit, start: s });
    } else if (g.ponly) {
      if (/[a-z]/.test(text[start - 1] ?? '') || /[a-z]/.test(text[end] ?? '')) continue;
      const part = partOf(g.ponly);
      if (!part) continue;
      const [from, to] = PARTS[part];
      out.push({ start, end, from, to, partOnly: true });
    }
  }
  return out;
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function validDate(d: LocalDate): boolean {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d));
  return t.getUTCFullYear() === d.y && t.getUTCMonth() === d.m - 1 && t.getUTCDate() === d.d;
}

const GAP = /^[\s的,，]{0,2}$/;

/**
 * Dates and time windows, resolved against `now` in `timeZone` into [from, to) ISO instants:
 * 明天上午 → tomorrow 09:00–12:00; 今晚8点以后 → today 20:00–22:00; 下周三 → next week's Wednesday, all day;
 * 15号 → the coming 15th; 周六下午; tomorrow morning; after 8pm. A clock hour under 8 with no part word
 * (3点) is read as p.m. (15:00): people don't book calls at 3 a.m. A time with no date is today's if it
 * has not ended yet, else tomorrow's.
 */
export function extractDateTimes(text: string, original: string, now: number, timeZone: string): DateTime[] {
  const allTimes = findTimes(text);
  DATE_RE.lastIndex = 0;
  // Most messages name no date or time: skip the time-zone arithmetic (Intl formatToParts) for them.
  if (allTimes.length === 0 && !DATE_RE.test(text)) return [];
  const { date: today, minuteOfDay: nowMinute } = localParts(now, timeZone);
  const dates = findDates(text, today);
  const times = allTimes.filter((t) => !dates.some((d) => t.start < d.end && t.end > d.start));
  const out: DateTime[] = [];
  const usedTimes = new Set<TimeHit>();
  const emit = (start: number, end: number, date: LocalDate, from: number, to: number) => {
    if (from >= 24 * 60) {
      // Midnight at the end of the day (半夜12点) is the next day's 00:00.
      date = addLocalDays(date, 1);
      from -= 24 * 60;
      to -= 24 * 60;
    }
    const toDate = to > 24 * 60 ? addLocalDays(date, 1) : date;
    out.push({
      type: 'datetime',
      text: original.slice(start, end),
      start,
      end,
      from: new Date(localToInstant(date, from, timeZone)).toISOString(),
      to: new Date(localToInstant(toDate, to > 24 * 60 ? to - 24 * 60 : to, timeZone)).toISOString(),
    });
  };
  for (const d of dates) {
    const t = times.find((x) => !usedTimes.has(x) && x.start >= d.end && GAP.test(text.slice(d.end, x.start)));
    if (t) {
      usedTimes.add(t);
      let { from, to } = t;
      if (d.part && !t.partOnly) {
        // 今晚8点以后: the clock inside the date's part of the day.
        if (t.ambiguousHour && from < 12 * 60 && PARTS[d.part][0] >= 12 * 60) {
          from += 12 * 60;
          to = to <= 12 * 60 ? to + 12 * 60 : to;
        }
        if (to === 22 * 60 && PARTS[d.part][1] < to) to = Math.max(PARTS[d.part][1], from + 60);
        // 今晚10点以后: "after" a clock the window read as ending at 22:00 has reached; an hour from it, as said.
        if (to <= from) to = Math.min(from + 60, 24 * 60);
      } else if (t.ambiguousHour && from < 8 * 60 && from >= 60) {
        from += 12 * 60;
        to += 12 * 60;
      }
      emit(d.start, t.end, d.date, from, Math.max(to, from + 1));
    } else if (d.part) {
      emit(d.start, d.end, d.date, ...PARTS[d.part]);
    } else {
      emit(d.start, d.end, d.date, 0, 24 * 60 * (d.days ?? 1));
    }
  }
  for (const t of times) {
    if (usedTimes.has(t)) continue;
    let { from, to } = t;
    if (t.ambiguousHour && from < 8 * 60 && from >= 60) {
      from += 12 * 60;
      to += 12 * 60;
    }
    const date = to <= nowMinute ? addLocalDays(today, 1) : today;
    emit(t.start, t.end, date, from, Math.max(to, from + 1));
  }
  return out.sort((a, b) => a.start - b.start);
}
