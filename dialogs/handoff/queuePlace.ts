import { t, type Locale } from '../messages';

/** The messages that tell a borrower their place in the queue; each has a "…Next" form for the one next in line. */
type QueueMessage = 'handoff.queued' | 'handoff.alreadyQueued' | 'handoff.position';

/**
 * A queue message for a ticket at `position` (1 = next in line) with `waitSeconds` to go: "您是下一位" rather than
 * "您前面还有 0 位", and the wait in whole minutes (at least 1).
 */
export function queuePlaceText(locale: Locale, key: QueueMessage, place: { position: number; waitSeconds: number; reference?: string }): string {
  const ahead = Math.max(0, place.position - 1);
  const params = { reference: place.reference ?? '', minutes: Math.max(1, Math.round(place.waitSeconds / 60)) };
  return ahead === 0 ? t(locale, `${key}Next`, params) : t(locale, key, { ...params, position: ahead });
}
