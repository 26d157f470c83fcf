import type { Activity } from 'botbuilder';
import { messageActivity } from '../../helpers/app';

export interface Turn {
  status: number;
  ms: number;
  /** The bot's replies, trace activities left out. */
  replies: Partial<Activity>[];
  texts: string[];
  /** Titles of the suggested actions of every reply. */
  actions: string[];
}

/** One message with deliveryMode expectReplies, timed; never throws on a non-200 (the status is returned). */
export async function turn(url: string, conversationId: string, text: string, extra: Partial<Activity> = {}): Promise<Turn> {
  const started = performance.now();
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deliveryMode: 'expectReplies', ...messageActivity(conversationId, text, extra) }),
    signal: AbortSignal.timeout(30_000),
  });
  const raw = await res.text();
  const ms = performance.now() - started;
  let replies: Partial<Activity>[] = [];
  try {
    replies = ((JSON.parse(raw) as { activities?: Partial<Activity>[] }).activities ?? []).filter((a) => a.type !== 'trace');
  } catch {
    // not JSON: replies stay empty, the status tells
  }
  return {
    status: res.status,
    ms,
    replies,
    texts: replies.map((a) => a.text ?? ''),
    actions: replies.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x) => String(x.title ?? x.value))),
  };
}
