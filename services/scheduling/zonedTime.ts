/** Wall-clock arithmetic in an IANA time zone with the built-in Intl API (no dependency). Pure. */

export interface LocalDate {
  y: number;
  m: number; // 1..12
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for an unknown zone; call once at start-up to validate TIME_ZONE. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** Local calendar fields of an instant. */
export function localParts(instantMs: number, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const date: LocalDate = { y: p.year, m: p.month, d: p.day };
  return { date, minuteOfDay: p.hour * 60 + p.minute, second: p.second };
}

/** Offset of the zone from UTC at an instant, in ms. */
function offsetMs(instantMs: number, timeZone: string): number {
  const { date, minuteOfDay, second } = localParts(instantMs, timeZone);
  const asUtc = Date.UTC(date.y, date.m - 1, date.d, 0, minuteOfDay, second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant of a local wall-clock time. In a DST gap the later offset applies; Asia/Shanghai has none. */
export function localToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d, 0, minuteOfDay);
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  return guess;
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function isoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** The lender's local date (YYYY-MM-DD) at an instant: what the plan engine takes as `today`. */
export function localIsoDate(instantMs: number, timeZone: string): string {
  return isoDate(localParts(instantMs, timeZone).date);
}
