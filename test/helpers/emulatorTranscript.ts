import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { ManualClock } from '../../services/clock';
import { startApp } from './app';

/**
 * The Bot Framework Emulator's `.transcript` format: a JSON array of the conversation's activities in order, each
 * with `from.role` 'user' or 'bot'; trace activities (type 'trace') show in the inspector. The file opens in the
 * Emulator (File → Open Transcript).
 */
export type TranscriptActivity = Partial<Activity> & { from: { id: string; name: string; role: 'user' | 'bot' } };

/** The demo conversation runs on a fixed clock, so the demo lender's relative dates are the same on every replay. */
export const TRANSCRIPT_CLOCK_MS = Date.UTC(2026, 10, 20, 2, 0, 0); // Friday 10:00 in Asia/Shanghai

export const CONVERSATION_ID = 'emulator-demo';

const USER = { id: 'user-demo', name: 'User' };
const BOT = { id: 'bot', name: 'Bot' };
const CONVERSATION = { id: CONVERSATION_ID, isGroup: false, conversationType: '', name: '' };

/** How long one user turn may take: the bot's POST /api/messages returns once the turn's replies were posted. */
const TURN_TIMEOUT_MS = 10_000;

/** The recogniser trace's value as recorded: what the inspector is for, without every intent's float score. */
const roundedScore = (score: unknown) => (typeof score === 'number' ? Math.round(score * 100) / 100 : score);

/**
 * What a replay compares: the words, the buttons and the kind of attachments of each bot message; for a trace its
 * name and label, and for the recogniser trace the intent. The recogniser's score is recorded (rounded) for the
 * reader but not compared: retraining moves scores without changing what the bot does, and rounding alone would
 * still churn whenever a score crosses a rounding boundary. A score change that does change the bot's behaviour
 * (a confidence threshold, a clarifying question) changes a reply, and the replies are compared word for word.
 */
export function meaningOf(activity: Partial<Activity>) {
  if (activity.type === 'trace') {
    const value = activity.value as { intent?: unknown } | undefined;
    return {
      type: activity.type,
      name: activity.name,
      label: activity.label,
      ...(activity.name === 'recognizer' ? { intent: value?.intent } : {}),
    };
  }
  return {
    type: activity.type,
    text: activity.text ?? '',
    actions: (activity.suggestedActions?.actions ?? []).map((a) => a.title),
    attachments: (activity.attachments ?? []).map((a) => a.contentType),
  };
}

/** One activity the bot posted to the Bot Connector routes of the fake Emulator. */
interface PostedActivity {
  conversationId: string;
  replyToId?: string;
  activity: Partial<Activity>;
}

/**
 * The Emulator's side of the Bot Connector: a local HTTP server the bot's replies are posted to (the `serviceUrl`
 * of every user activity). It answers `POST /v3/conversations/:id/activities[/:replyToId]` with 200 `{ id }` and
 * records each activity in the order it arrived; anything else is 404.
 */
async function startConnector(): Promise<{ serviceUrl: string; posted: PostedActivity[]; close(): Promise<void> }> {
  const posted: PostedActivity[] = [];
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    const route = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec((req.url ?? '').split('?')[0]);
    if (req.method !== 'POST' || !route) {
      reply(res, 404, { error: 'not found' });
      return;
    }
    readBody(req).then(
      (body) => {
        let activity: Partial<Activity>;
        try {
          activity = JSON.parse(body) as Partial<Activity>;
        } catch {
          reply(res, 400, { error: 'expected a JSON activity' });
          return;
        }
        const id = `bot-activity-${posted.length + 1}`;
        posted.push({
          conversationId: decodeURIComponent(route[1]),
          replyToId: route[2] === undefined ? undefined : decodeURIComponent(route[2]),
          activity: { ...activity, id },
        });
        reply(res, 200, { id });
      },
      () => reply(res, 400, { error: 'unreadable body' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    posted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What is kept of a bot activity: what the Emulator renders and inspects, not what differs on every run. */
function recordedBotActivity(activity: Partial<Activity>): TranscriptActivity {
  const { type, id, replyToId, channelId, locale, conversation, text, speak, inputHint, suggestedActions, attachments } = activity;
  const kept: TranscriptActivity = {
    type,
    id,
    replyToId,
    channelId,
    locale,
    conversation,
    from: { id: activity.from?.id ?? BOT.id, name: activity.from?.name ?? BOT.name, role: 'bot' },
    recipient: { id: activity.recipient?.id ?? USER.id, name: activity.recipient?.name ?? USER.name, role: 'user' },
    text,
    speak,
    inputHint,
    suggestedActions,
    attachments,
  };
  if (type === 'trace') {
    const { name, label, valueType, value } = activity;
    let recordedValue = value as unknown;
    if (name === 'recognizer' && value && typeof value === 'object') {
      const { intent, score, entities } = value as { intent?: unknown; score?: unknown; entities?: unknown };
      recordedValue = { intent, score: roundedScore(score), entities };
    }
    Object.assign(kept, { name, label, valueType, value: recordedValue });
  }
  return kept;
}

/**
 * Send the user's side of a conversation to a fresh bot the way the Emulator does (no deliveryMode; channelId
 * 'emulator', locale 'en-US', a serviceUrl the bot posts its replies to) and collect the whole exchange, trace
 * activities included. Only the content of each user activity is taken (type, text, value, membersAdded, ...):
 * ids, addresses and the envelope are the Emulator's, so a recorded transcript can be fed back in as it is.
 */
export async function runConversation(userActivities: Array<Partial<Activity>>): Promise<TranscriptActivity[]> {
  const connector = await startConnector();
  // Anonymous mode posts replies only to allowlisted serviceUrls (index.ts, services/http/serviceUrlAllowlist.ts).
  // 127.0.0.1 is on the default list; it is named here (SERVICE_URL_ALLOWLIST, as the README documents) so the
  // replay does not depend on that default.
  const app = await startApp({ SERVICE_URL_ALLOWLIST: '127.0.0.1' }, undefined, new ManualClock(TRANSCRIPT_CLOCK_MS));
  try {
    const out: TranscriptActivity[] = [];
    let seen = 0;
    for (const [index, user] of userActivities.entries()) {
      const { type, text, value, membersAdded, membersRemoved, attachments, name } = user;
      const activity: Partial<Activity> = {
        type,
        id: `user-activity-${index + 1}`,
        ...(text !== undefined ? { text } : {}),
        ...(value !== undefined ? { value } : {}),
        ...(membersAdded ? { membersAdded } : {}),
        ...(membersRemoved ? { membersRemoved } : {}),
        ...(attachments ? { attachments } : {}),
        ...(name !== undefined ? { name } : {}),
        channelId: 'emulator',
        locale: 'en-US',
        conversation: CONVERSATION,
        from: USER,
        recipient: BOT,
      };
      out.push({ ...activity, from: { ...USER, role: 'user' }, recipient: { ...BOT, role: 'bot' } } as TranscriptActivity);

      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, serviceUrl: connector.serviceUrl }),
        signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
      }).catch((err: Error) => {
        throw new Error(`user activity ${index + 1} (${type} ${text ?? ''}): no answer from /api/messages within ${TURN_TIMEOUT_MS} ms: ${err.message}`);
      });
      if (res.status < 200 || res.status > 299) throw new Error(`user activity ${index + 1}: HTTP ${res.status}: ${await res.text()}`);
      await res.body?.cancel();

      for (const reply of connector.posted.slice(seen)) {
        if (reply.conversationId !== CONVERSATION_ID) throw new Error(`a reply was posted to conversation ${reply.conversationId}`);
        if (reply.replyToId !== undefined && reply.replyToId !== reply.activity.replyToId) {
          throw new Error(`a reply was posted to /activities/${reply.replyToId} with replyToId ${reply.activity.replyToId}`);
        }
        out.push(recordedBotActivity(reply.activity));
      }
      seen = connector.posted.length;
    }
    return out;
  } finally {
    await app.close();
    await connector.close();
  }
}
