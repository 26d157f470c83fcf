import { z } from 'zod';
import { vars } from '../config/vars';

/** Contact is never arranged 22:00–08:00 (CBA guideline, 30 Jan 2026; domain.md §2). */
export const EARLIEST_CONTACT_MINUTE = 8 * 60;
export const LATEST_CONTACT_MINUTE = 22 * 60;

const HOURS = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Daily opening, minutes after local midnight; null when closed all day. */
export type DailyHours = { openMinute: number; closeMinute: number } | null;

/** "HH:MM-HH:MM" inside 08:00–22:00, or "closed". */
const dailyHours = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v, ctx): DailyHours => {
      const s = v.trim().toLowerCase();
      if (s === 'closed') return null;
      const m = HOURS.exec(s);
      const open = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
      const close = m ? Number(m[3]) * 60 + Number(m[4]) : NaN;
      if (!m || open >= close || close > 24 * 60) {
        ctx.addIssue({ code: 'custom', message: 'must be "HH:MM-HH:MM" (opening before closing) or "closed"' });
        return z.NEVER;
      }
      if (open < EARLIEST_CONTACT_MINUTE || close > LATEST_CONTACT_MINUTE) {
        ctx.addIssue({ code: 'custom', message: 'must lie within 08:00-22:00 (no contact 22:00-08:00)' });
        return z.NEVER;
      }
      return { openMinute: open, closeMinute: close };
    });

// Configuration keys of services/scheduling, spread into plansConfigShape (and so into the one schema).
export const schedulingConfigShape = {
  /** Service (callback and agent) hours on weekdays, lender's TIME_ZONE: "HH:MM-HH:MM" within 08:00-22:00, or "closed". */
  SERVICE_HOURS: dailyHours('09:00-21:00'),
  /** Service hours on Saturdays and Sundays, same format. */
  SERVICE_HOURS_WEEKEND: dailyHours('09:00-21:00'),
  /** Local dates (YYYY-MM-DD, comma-separated) with no service, e.g. public holidays. */
  SERVICE_CLOSED_DATES: vars.list([]).pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be YYYY-MM-DD'))),
  /** A callback starts at least this many minutes from now. */
  CALLBACK_MIN_LEAD_MINUTES: vars.int(15, 0, 24 * 60),
  /** Shortest callback window offered, in minutes. */
  CALLBACK_MIN_WINDOW_MINUTES: vars.int(30, 5, 12 * 60),
};
