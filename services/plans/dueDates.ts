import { BotError } from '../errors/botError';
import type { PlanPolicy } from './planPolicy';

/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), time-zone free: the caller passes the lender's local date. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CivilDate {
  y: number;
  m: number; // 1..12
  d: number;
}

export function parseIsoDate(iso: string): CivilDate {
  const m = ISO_DATE.exec(iso);
  if (m) {
    const c = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    if (c.m >= 1 && c.m <= 12 && c.d >= 1 && c.d <= daysInMonth(c.y, c.m)) return c;
  }
  throw new BotError('BAD_INPUT', `not an ISO date (YYYY-MM-DD): "${iso}"`);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function format(c: CivilDate): string {
  return `${String(c.y).padStart(4, '0')}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

/** `months` calendar months after (y, m), on `day` clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
function monthsLater(c: CivilDate, months: number, day: number): CivilDate {
  const index = c.y * 12 + (c.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(day, daysInMonth(y, m)) };
}

export function addDays(iso: string, days: number): string {
  const c = parseIsoDate(iso);
  const t = new Date(Date.UTC(c.y, c.m - 1, c.d + days));
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/**
 * Due dates of `count` monthly installments, by the policy's rule:
 * - `one_month_after`: the first is one calendar month after today, on today's day of month (clamped to the
 *   month's end), and each next one a month later on the same anchor day;
 * - `day_of_month`: the first is the first `day` on or after today + `minLeadDays`, then monthly on that day.
 */
export function dueDates(todayIso: string, count: number, rule: PlanPolicy['firstDueDate']): string[] {
  const today = parseIsoDate(todayIso);
  let first: CivilDate;
  let anchorDay: number;
  if (rule.rule === 'one_month_after') {
    anchorDay = today.d;
    first = monthsLater(today, 1, anchorDay);
  } else {
    anchorDay = rule.day;
    const earliest = parseIsoDate(addDays(todayIso, rule.minLeadDays));
    first = earliest.d <= rule.day ? { ...earliest, d: rule.day } : monthsLater(earliest, 1, rule.day);
  }
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(format(monthsLater(first, k, anchorDay)));
  return out;
}
