import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { buildApp, type App } from '../../index';
import type { Clock } from '../../services/clock';
import { parseConfig } from '../../services/config/config';
import { silentLogger, type Logger } from '../../services/logging/logger';

export interface RunningApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** Build and start the real app on a free port with the given environment (embedded defaults otherwise). */
export async function startApp(env: Record<string, string> = {}, logger: Logger = silentLogger(), clock?: Clock): Promise<RunningApp> {
  const app = await buildApp(parseConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }), { logger, clock });
  const url = await app.listen();
  return { app, url, close: () => app.close() };
}

/** A message activity as the Emulator would post it. */
export function messageActivity(conversationId: string, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId: 'emulator',
    serviceUrl: 'http://localhost:1',
    locale: 'en-US',
    conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
    from: { id: `user-${conversationId}`, name: 'borrower' },
    recipient: { id: 'bot', name: 'bot' },
    ...extra,
  };
}

/** POST an activity with deliveryMode expectReplies; returns the bot's replies (trace activities left out). */
export async function sendExpectReplies(url: string, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { activities?: Partial<Activity>[] };
  return (body.activities ?? []).filter((a) => a.type !== 'trace');
}

export const textsOf = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '');
