import type { Config } from '../config/config';
import { BotError } from '../errors/botError';
import type { DailyHours } from './schedulingConfig';
import { addLocalDays, assertTimeZone, isoDate, localParts, localToInstant, weekday } from './zonedTime';

/** When people (agents, callbacks) are available, in the lender's time zone. Plain data, built once at start-up. */
export interface ServiceHours {
  timeZone: string;
  /** Monday to Friday. */
  weekdays: DailyHours;
  /** Saturday and Sunday. */
  weekends: DailyHours;
  /** Local dates without service (YYYY-MM-DD). */
  closedDates: readonly string[];
  /** A callback starts at least this long after now. */
  minLeadMinutes: number;
  /** Shortest window offered. */
  minWindowMinutes: number;
}

/** A span of time between two instants, as ISO strings (UTC, `Z`): plain JSON for dialog state. */
export interface TimeWindow {
  from: string;
  to: string;
}

/** Longest look-ahead for an opening; a config that finds none in it is rejected at start-up. */
const HORIZON_DAYS = 400;

export type ServiceHoursConfig = Pick<
  Config,
  'TIME_ZONE' | 'SERVICE_HOURS' | 'SERVICE_HOURS_WEEKEND' | 'SERVICE_CLOSED_DATES' | 'CALLBACK_MIN_LEAD_MINUTES' | 'CALLBACK_MIN_WINDOW_MINUTES'
>;

/** Build (and check) the service hours from config. Throws BotError('CONFIG_INVALID') naming the bad keys. */
export function serviceHoursFromConfig(config: ServiceHoursConfig): ServiceHours {
  const problems: string[] = [];
  try {
    assertTimeZone(config.TIME_ZONE);
  } catch {
    problems.push(`  TIME_ZONE: unknown time zone "${config.TIME_ZONE}"`);
  }
  if (!config.SERVICE_HOURS && !config.SERVICE_HOURS_WEEKEND) {
    problems.push('  SERVICE_HOURS, SERVICE_HOURS_WEEKEND: at least one must be open');
  }
  for (const [key, h] of [
    ['SERVICE_HOURS', config.SERVICE_HOURS],
    ['SERVICE_HOURS_WEEKEND', config.SERVICE_HOURS_WEEKEND],
  ] as const) {
    if (h && h.closeMinute - h.openMinute < config.CALLBACK_MIN_WINDOW_MINUTES) {
      problems.push(`  ${key}: shorter than CALLBACK_MIN_WINDOW_MINUTES (${config.CALLBACK_MIN_WINDOW_MINUTES})`);
    }
  }
  if (problems.length > 0) throw new BotError('CONFIG_INVALID', `Invalid configuration:\n${problems.join('\n')}`);
  return Object.freeze({
    timeZone: config.TIME_ZONE,
    weekdays: config.SERVICE_HOURS ? Object.freeze({ ...config.SERVICE_HOURS }) : null,
    weekends: config.SERVICE_HOURS_WEEKEND ? Object.freeze({ ...config.SERVICE_HOURS_WEEKEND }) : null,
    closedDates: Object.freeze([...config.SERVICE_CLOSED_DATES]),
    minLeadMinutes: config.CALLBACK_MIN_LEAD_MINUTES,
    minWindowMinutes: config.CALLBACK_MIN_WINDOW_MINUTES,
  });
}

interface Period {
  open: number;
  close: number;
}

/** Service periods (epoch ms), day by day from the local date of `fromMs`; some may already have ended. */
export function* servicePeriods(fromMs: number, hours: ServiceHours): Generator<Period> {
  let date = localParts(fromMs, hours.timeZone).date;
  for (let i = 0; i < HORIZON_DAYS; i++, date = addLocalDays(date, 1)) {
    const wd = weekday(date);
    const daily = wd === 0 || wd === 6 ? hours.weekends : hours.weekdays;
    if (!daily || hours.closedDates.includes(isoDate(date))) continue;
    yield {
      open: localToInstant(date, daily.openMinute, hours.timeZone),
      close: localToInstant(date, daily.closeMinute, hours.timeZone),
    };
  }
}

function noOpening(): never {
  throw new BotError('INTERNAL', `no service period within ${HORIZON_DAYS} days (check SERVICE_CLOSED_DATES)`);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Whether a person is available at `nowMs`. */
export function isWithinServiceHours(nowMs: number, hours: ServiceHours): boolean {
  for (const p of servicePeriods(nowMs, hours)) {
    if (p.open > nowMs) return false;
    if (nowMs < p.close) return true;
  }
  return false;
}

/**
 * The current or next service period: `from` is `nowMs` itself when open now, else the next opening; `to` is
 * when that period closes. Hand-off uses it outside hours: "a person is available from {from}; book a callback?"
 */
export function nextOpening(nowMs: number, hours: ServiceHours): TimeWindow & { openNow: boolean } {
  for (const p of servicePeriods(nowMs, hours)) {
    if (p.close > nowMs) return { from: iso(Math.max(p.open, nowMs)), to: iso(p.close), openNow: p.open <= nowMs };
  }
  return noOpening();
}
