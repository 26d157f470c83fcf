import type { Locale } from './messages';

/** Time of day of an instant in the lender's zone: "14:05". Adds the date when it is not today there. */
export function formatLocalTime(instant: string | number, timeZone: string, now: number = Date.now()): string {
  const date = new Date(instant);
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone });
  const time = date.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
  return day(date) === day(new Date(now)) ? time : `${day(date)} ${time}`;
}

/** A calendar date for display: 2026-11-30 stays as is in every locale (unambiguous on every channel). */
export function formatDate(isoDate: string | null | undefined, _locale: Locale, none: string): string {
  return isoDate ?? none;
}
