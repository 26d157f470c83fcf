import type { Activity } from 'botbuilder';

/** Longest text the recogniser looks at; longer messages are understood from their start. */
export const MAX_RECOGNIZED_CHARS = 2000;
/** Longest text relayed to an agent (a long letter fits; longer is cut). MAX_MESSAGE_CHARS does not apply to it. */
export const MAX_RELAYED_CHARS = 20_000;

// Zero-width, bidi-control and other invisible format characters, and C0/C1 controls except tab and newline.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * The message text as the recogniser should see it: invisible characters removed, trimmed, bounded (by default to
 * MAX_RECOGNIZED_CHARS; text relayed to an agent passes a larger bound so a long message reaches them whole).
 */
export function cleanText(raw: unknown, maxChars = MAX_RECOGNIZED_CHARS): string {
  if (typeof raw !== 'string') return '';
  return raw.replace(INVISIBLE, '').trim().slice(0, maxChars);
}

/** A card submit (Adaptive Card Action.Submit / postBack object): `value` set, no text. */
export function submittedValue(activity: Partial<Activity>): Record<string, unknown> | undefined {
  const v = activity.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
