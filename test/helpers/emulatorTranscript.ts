import type { Activity } from 'botbuilder';
import { ManualClock } from '../../services/clock';
import { messageActivity, sendExpectReplies, startApp } from './app';

/**
 * The Bot Framework Emulator's `.transcript` format: a JSON array of the conversation's activities in order, each
 * with `from.role` 'user' or 'bot'. The file opens in the Emulator (File → Open Transcript).
 */
export type TranscriptActivity = Partial<Activity> & { from: { id: string; name: string; role: 'user' | 'bot' } };

/** The demo conversation runs on a fixed clock, so the demo lender's relative dates are the same on every replay. */
export const TRANSCRIPT_CLOCK_MS = Date.UTC(2026, 10, 20, 2, 0, 0); // Friday 10:00 in Asia/Shanghai

export const CONVERSATION_ID = 'emulator-demo';

/** What a replay compares: the words, the buttons and the kind of attachments of each bot message. */
export function meaningOf(activity: Partial<Activity>) {
  return {
    type: activity.type,
    text: activity.text ?? '',
    actions: (activity.suggestedActions?.actions ?? []).map((a) => a.title),
    attachments: (activity.attachments ?? []).map((a) => a.contentType),
  };
}

/** Send the user's side of a conversation to a fresh bot (as the Emulator posts it) and collect the whole exchange. */
export async function runConversation(userActivities: Array<Partial<Activity>>): Promise<TranscriptActivity[]> {
  const app = await startApp({}, undefined, new ManualClock(TRANSCRIPT_CLOCK_MS));
  try {
    const out: TranscriptActivity[] = [];
    for (const user of userActivities) {
      const activity = { ...messageActivity(CONVERSATION_ID, user.text ?? ''), ...user };
      delete activity.id;
      out.push({ ...user, from: { id: 'user-demo', name: 'User', role: 'user' } } as TranscriptActivity);
      for (const reply of await sendExpectReplies(app.url, { ...activity, from: { id: 'user-demo', name: 'User' } })) {
        // Keep what the Emulator renders; drop what differs on every run (ids, times, addresses).
        const { type, text, suggestedActions, attachments, inputHint } = reply;
        out.push({ type, text, suggestedActions, attachments, inputHint, from: { id: 'bot', name: 'Bot', role: 'bot' } });
      }
    }
    return out;
  } finally {
    await app.close();
  }
}
