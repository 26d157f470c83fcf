import { BotError } from '../errors/botError';
import { servicePeriods, type ServiceHours, type TimeWindow } from './serviceHours';

/** Why the window offered differs from the one asked for. The dialog confirms the new window with the borrower. */
export type CallbackWindowReason =
  /** The requested window (or its start) was already past, or closer than the minimum lead time. */
  | 'IN_THE_PAST_MOVED'
  /** The requested window lay (partly) outside service hours: clipped to them, or moved to the next opening. */
  | 'OUTSIDE_SERVICE_HOURS_MOVED';

export interface CallbackWindowResult extends TimeWindow {
  /** true when from/to differ from the request; `reasons` then says why. */
  adjusted: boolean;
  reasons: CallbackWindowReason[];
}

const MINUTE = 60_000;
/** Windows computed from "now" start on a 5-minute mark, so the borrower reads 15:20, not 15:17:43. */
const ROUND = 5 * MINUTE;

function parseInstant(s: string, field: string): number {
  const ms = Date.parse(s);
  if (!Number.isFinite(ms)) throw new BotError('BAD_INPUT', `callback window ${field} is not an ISO instant: "${s}"`);
  return ms;
}

/**
 * Fit a requested callback window (ISO instants from the recogniser: 明天上午 → tomorrow 09:00–12:00) into service
 * hours. Rule, in order:
 * 1. the start is moved to no earlier than now + minimum lead (IN_THE_PAST_MOVED if that changes it);
 * 2. the first part of what is left that overlaps a service period for at least the minimum window is offered,
 *    clipped to that period (OUTSIDE_SERVICE_HOURS_MOVED if clipping changes it);
 * 3. if nothing is left, the earliest service time after that start is offered, as long as the request (at least
 *    the minimum window, at most until the period closes).
 * The result is always inside one service period, never before now, never shorter than the minimum window, and
 * so never 22:00–08:00. Pure: `nowMs` comes from the injected clock.
 */
export function fitCallbackWindow(requested: TimeWindow, nowMs: number, hours: ServiceHours): CallbackWindowResult {
  const reqFrom = parseInstant(requested.from, 'from');
  const reqTo = parseInstant(requested.to, 'to');
  if (reqTo <= reqFrom) throw new BotError('BAD_INPUT', 'callback window must end after it starts');
  const minWindow = hours.minWindowMinutes * MINUTE;
  const earliest = Math.ceil((nowMs + hours.minLeadMinutes * MINUTE) / ROUND) * ROUND;

  const reasons: CallbackWindowReason[] = [];
  let start = reqFrom;
  if (start < earliest) {
    reasons.push('IN_THE_PAST_MOVED');
    start = earliest;
  }
  const result = (from: number, to: number): CallbackWindowResult => {
    const adjusted = from !== reqFrom || to !== reqTo;
    if (adjusted && reasons.length === 0) reasons.push('OUTSIDE_SERVICE_HOURS_MOVED');
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), adjusted, reasons };
  };

  // 2. Clip what is left of the request into the first service period that holds enough of it.
  if (reqTo - start >= minWindow) {
    for (const p of servicePeriods(start, hours)) {
      if (p.open >= reqTo) break;
      const s = Math.max(p.open, start);
      const e = Math.min(p.close, reqTo);
      if (e - s >= minWindow) {
        if ((s !== start || e !== reqTo) && !reasons.includes('OUTSIDE_SERVICE_HOURS_MOVED')) reasons.push('OUTSIDE_SERVICE_HOURS_MOVED');
        return result(s, e);
      }
    }
    // The future part of the request never meets service hours: that is an hours problem too.
    reasons.push('OUTSIDE_SERVICE_HOURS_MOVED');
  }

  // 3. Move to the next service time with room for a window.
  const wanted = reqTo - reqFrom;
  for (const p of servicePeriods(start, hours)) {
    const s = Math.max(p.open, start);
    if (p.close - s < minWindow) continue;
    return result(s, s + Math.min(Math.max(wanted, minWindow), p.close - s));
  }
  throw new BotError('INTERNAL', 'no service period ahead (check SERVICE_CLOSED_DATES)');
}
