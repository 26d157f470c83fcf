import type { Activity, Attachment, Middleware, TurnContext } from 'botbuilder';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

interface ChannelCapabilities {
  adaptiveCards: boolean;
  /** Most suggested actions the channel shows; 0 = none. */
  suggestedActions: number;
}

// From the Bot Framework channel reference (Channel Inspector) and botbuilder-dialogs' own channel table.
const CAPABILITIES: Record<string, ChannelCapabilities> = {
  emulator: { adaptiveCards: true, suggestedActions: 100 },
  directline: { adaptiveCards: true, suggestedActions: 100 },
  webchat: { adaptiveCards: true, suggestedActions: 100 },
  test: { adaptiveCards: true, suggestedActions: 100 },
  msteams: { adaptiveCards: true, suggestedActions: 0 },
  telegram: { adaptiveCards: false, suggestedActions: 100 },
  facebook: { adaptiveCards: false, suggestedActions: 10 },
  line: { adaptiveCards: false, suggestedActions: 13 },
  slack: { adaptiveCards: false, suggestedActions: 0 },
  sms: { adaptiveCards: false, suggestedActions: 0 },
  email: { adaptiveCards: false, suggestedActions: 0 },
};
const UNKNOWN: ChannelCapabilities = { adaptiveCards: false, suggestedActions: 0 };

export function capabilitiesOf(channelId: string | undefined): ChannelCapabilities {
  return CAPABILITIES[channelId ?? ''] ?? UNKNOWN;
}

/** The plain-text stand-in of an Adaptive Card: its `fallbackText`, else its text blocks. */
export function cardAsText(card: unknown): string {
  const c = card as { fallbackText?: unknown; body?: unknown[] };
  if (typeof c?.fallbackText === 'string' && c.fallbackText.trim()) return c.fallbackText;
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
    for (const value of Object.values(n)) if (Array.isArray(value)) value.forEach(walk);
  };
  walk(card);
  return texts.join('\n');
}

/** Adapt one outgoing activity to what its channel can show. Pure; exported for tests. */
export function renderForChannel(activity: Partial<Activity>, channelId: string | undefined): Partial<Activity> {
  if (activity.type !== 'message') return activity;
  const caps = capabilitiesOf(channelId);
  let out = activity;
  const cards = (activity.attachments ?? []).filter((a: Attachment) => a.contentType === ADAPTIVE_CARD);
  if (cards.length > 0 && !caps.adaptiveCards) {
    const texts = [activity.text, ...cards.map((c) => cardAsText(c.content))].filter((x): x is string => !!x && x.trim() !== '');
    out = { ...out, text: texts.join('\n\n'), attachments: (activity.attachments ?? []).filter((a) => a.contentType !== ADAPTIVE_CARD) };
    if (out.attachments?.length === 0) delete out.attachments;
  }
  const actions = out.suggestedActions?.actions ?? [];
  if (actions.length > 0 && actions.length > caps.suggestedActions) {
    const list = actions.map((a, i) => `${i + 1}. ${a.title ?? String(a.value)}`).join('\n');
    out = { ...out, text: [out.text, list].filter(Boolean).join('\n'), suggestedActions: undefined };
  }
  return out;
}

/** Outgoing middleware: cards become text and suggested actions become a numbered list where a channel lacks them. */
export class ChannelRenderingMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const channelId = ctx.activity.channelId;
      for (let i = 0; i < activities.length; i++) activities[i] = renderForChannel(activities[i], channelId);
      return nextSend();
    });
    await next();
  }
}
