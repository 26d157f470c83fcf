import type { WorkingHours } from '../../services/accounts/accountSchemas';
import type { ServiceHours, TimeWindow } from '../../services/scheduling/serviceHours';
import { localParts, isoDate } from '../../services/scheduling/zonedTime';
import { t, type Locale, type MessageKey } from '../messages';

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** How a time zone is named to the borrower: 北京时间 / Beijing time for Asia/Shanghai, else the zone id. */
export function zoneLabel(locale: Locale, timeZone: string): string {
  return timeZone === 'Asia/Shanghai' ? t(locale, 'callback.zone') : timeZone;
}

const weekdayName = (locale: Locale, isoWeekday: number) => t(locale, `callback.weekday.${isoWeekday}` as MessageKey);

/** ISO weekdays as the borrower reads them: [1,2,3,4,5] → 周一至周五; [1,3] → 周一、周三. */
export function formatWeekdays(locale: Locale, weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs
    .map(([a, b]) =>
      a === b
        ? weekdayName(locale, a)
        : b === a + 1
          ? `${weekdayName(locale, a)}${t(locale, 'callback.listSeparator')}${weekdayName(locale, b)}`
          : t(locale, 'callback.weekdayRange', { from: weekdayName(locale, a), to: weekdayName(locale, b) }),
    )
    .join(t(locale, 'callback.listSeparator'));
}

/** A collection team's hours: days, from, to, zone (for the callback.assignment message). */
export function workingHoursParams(locale: Locale, hours: WorkingHours): { days: string; from: string; to: string; zone: string } {
  return { days: formatWeekdays(locale, hours.weekdays), from: hours.from, to: hours.to, zone: zoneLabel(locale, hours.timeZone) };
}

/** Callback service hours in one line: 工作日 09:00–21:00，周末 10:00–18:00, or 每天 09:00–21:00 when both are the same. */
export function formatServiceHours(locale: Locale, hours: ServiceHours): string {
  const part = (key: MessageKey, closedKey: MessageKey, daily: ServiceHours['weekdays']) =>
    daily ? t(locale, key, { from: hhmm(daily.openMinute), to: hhmm(daily.closeMinute) }) : t(locale, closedKey);
  const { weekdays, weekends } = hours;
  if (weekdays && weekends && weekdays.openMinute === weekends.openMinute && weekdays.closeMinute === weekends.closeMinute) {
    return t(locale, 'callback.hoursDaily', { from: hhmm(weekdays.openMinute), to: hhmm(weekdays.closeMinute) });
  }
  return [part('callback.hoursWeekdays', 'callback.hoursWeekdaysClosed', hours.weekdays), part('callback.hoursWeekends', 'callback.hoursWeekendsClosed', hours.weekends)].join(locale === 'en' ? ', ' : '，');
}

/** A window in the lender's zone: 2026-11-21（周六）09:00–12:00; the end date is added when it differs. */
export function formatWindow(locale: Locale, window: TimeWindow, timeZone: string): string {
  const from = localParts(Date.parse(window.from), timeZone);
  const to = localParts(Date.parse(window.to), timeZone);
  const weekday = new Date(Date.UTC(from.date.y, from.date.m - 1, from.date.d)).getUTCDay() || 7;
  const day = locale === 'en' ? `${weekdayName(locale, weekday)} ${isoDate(from.date)}` : `${isoDate(from.date)}（${weekdayName(locale, weekday)}）`;
  const sameDay = isoDate(from.date) === isoDate(to.date) || (to.minuteOfDay === 0 && Date.parse(window.to) - Date.parse(window.from) <= 86400000);
  const end = sameDay ? hhmm(to.minuteOfDay === 0 ? 24 * 60 : to.minuteOfDay) : `${isoDate(to.date)} ${hhmm(to.minuteOfDay)}`;
  return `${day} ${hhmm(from.minuteOfDay)}–${end}`;
}
