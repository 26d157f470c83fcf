import type { Activity } from 'botbuilder';
import type { HandoffRequest } from './handoffService';
import type { TranscriptTurn } from './transcriptStore';

/**
 * External agent hubs (HANDOFF_MODE=hub): Dynamics 365 Omnichannel, LivePerson, Copilot Studio's generic hand-off.
 * services/ cannot call botbuilder at runtime, so this file builds only the data; the bot layer sends it:
 *
 *   const { handoffContext, transcript } = buildHubHandoff(request, await transcripts.recent(conversationId));
 *   await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, transcript));
 *
 * and on every incoming `event` activity named `handoff.status` calls `readHandoffStatus(activity)`:
 *   accepted  → the hub has the conversation: the bot stops answering (relay is the hub's job) until completed or
 *               failed (bots/borrowerBot.ts keeps `hubAgentActive` in the conversation profile);
 *   failed    → tell the borrower no person is available now and offer a callback or a message ticket;
 *               `message` (hub's reason) is for the log, not for the borrower;
 *   completed → the bot is back in charge (ask for the 1–5 rating if desired; there is no ticket to store it on).
 * The protocol carries no queue position, typing or agent identity: hubs show those in their own UI.
 */

/** The `handoffContext` (event value) the hub receives: what the agent needs, no wording for the borrower. */
export interface HubHandoffContext {
  conversationId: string;
  reason: string;
  /** "P1" | "P2" | "P3": hubs route on strings. */
  priority: string;
  skills: string[];
  intents: { intent: string; confidence: number }[];
  language: string;
  borrowerId?: string;
  accountSnapshot?: unknown;
  records: { kind: string; reference: string }[];
}

/** Bot Framework `Transcript` shape ({ activities }), attached by createHandoffInitiation as JSON. */
export interface HubTranscript {
  activities: Partial<Activity>[];
}

export function buildHubHandoff(request: HandoffRequest, turns: readonly TranscriptTurn[]): { handoffContext: HubHandoffContext; transcript: HubTranscript } {
  const ref = request.conversationReference;
  const conversationId = request.conversationId ?? ref.conversation?.id ?? '';
  const handoffContext: HubHandoffContext = {
    conversationId,
    reason: request.reason,
    priority: `P${request.priority}`,
    skills: [...(request.skills ?? [])],
    intents: (request.intents ?? []).map((i) => ({ intent: i.intent, confidence: Math.round(i.confidence * 1000) / 1000 })),
    language: request.language,
    records: [...(request.records ?? [])],
    ...(request.borrowerId !== undefined ? { borrowerId: request.borrowerId } : {}),
    ...(request.accountSnapshot !== undefined ? { accountSnapshot: request.accountSnapshot } : {}),
  };
  const user = { id: ref.user?.id ?? 'borrower', name: ref.user?.name ?? 'borrower', role: 'user' };
  const bot = { id: ref.bot?.id ?? 'bot', name: ref.bot?.name ?? 'bot', role: 'bot' };
  const transcript: HubTranscript = {
    activities: turns.map((t) => ({
      type: 'message',
      text: t.text,
      timestamp: new Date(t.at) as unknown as Date,
      from: t.from === 'borrower' ? user : { ...bot, ...(t.from === 'agent' ? { name: 'agent' } : {}) },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      channelId: ref.channelId,
    })) as Partial<Activity>[],
  };
  return { handoffContext, transcript };
}

export type HubHandoffState = 'accepted' | 'failed' | 'completed';

/** A `handoff.status` event's value, or undefined if the activity is not one (or carries an unknown state). */
export function readHandoffStatus(activity: { type?: string; name?: string; value?: unknown }): { state: HubHandoffState; message?: string } | undefined {
  if (activity.type !== 'event' || activity.name !== 'handoff.status') return undefined;
  const value = activity.value as { state?: unknown; message?: unknown } | undefined;
  const state = typeof value?.state === 'string' ? value.state.toLowerCase() : '';
  if (state !== 'accepted' && state !== 'failed' && state !== 'completed') return undefined;
  return typeof value?.message === 'string' && value.message ? { state, message: value.message } : { state };
}
