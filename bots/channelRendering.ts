import { ActionTypes, CardFactory, type Activity, type Attachment, type BotState, type CardAction, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

interface ChannelCapabilities {
  adaptiveCards: boolean;
  /** Most suggested actions the channel shows; 0 = none. */
  suggestedActions: number;
  /**
   * Where suggested actions do not fit: most actions put on a hero card as buttons instead; 0 = use a numbered
   * list instead. Set only where we know the card buttons work as taps that send the action's text (imBack).
   */
  cardButtons: number;
}

// From the Bot Framework channel reference (Channel Inspector) and botbuilder-dialogs' own channel table.
// Teams shows suggested actions in every scope but only the first three (Teams docs, "suggested actions"), and
// card buttons (botbuilder-dialogs allows 50 card actions there; we put at most 6 on a card so it stays readable).
const CAPABILITIES: Record<string, ChannelCapabilities> = {
  emulator: { adaptiveCards: true, suggestedActions: 100, cardButtons: 0 },
  directline: { adaptiveCards: true, suggestedActions: 100, cardButtons: 0 },
  webchat: { adaptiveCards: true, suggestedActions: 100, cardButtons: 0 },
  test: { adaptiveCards: true, suggestedActions: 100, cardButtons: 0 },
  msteams: { adaptiveCards: true, suggestedActions: 3, cardButtons: 6 },
  telegram: { adaptiveCards: false, suggestedActions: 100, cardButtons: 0 },
  facebook: { adaptiveCards: false, suggestedActions: 10, cardButtons: 0 },
  line: { adaptiveCards: false, suggestedActions: 13, cardButtons: 0 },
  slack: { adaptiveCards: false, suggestedActions: 0, cardButtons: 0 },
  sms: { adaptiveCards: false, suggestedActions: 0, cardButtons: 0 },
  email: { adaptiveCards: false, suggestedActions: 0, cardButtons: 0 },
};
const UNKNOWN: ChannelCapabilities = { adaptiveCards: false, suggestedActions: 0, cardButtons: 0 };

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

/** What each number of a numbered list stands for (plain JSON: it is kept in conversation state). */
export interface NumberedList {
  /** The text a reply of `i + 1` stands for: the action's value (an imBack's text), else its title. */
  values: string[];
  /**
   * The value a tap would have posted with that text (a messageBack's object value, such as "verify and see my
   * account"), where the list has any: without it a reply by number would be read as typed words only.
   */
  payloads?: (Record<string, unknown> | null)[];
}

export interface RenderOptions {
  /**
   * Number the list that replaces suggested actions (default), or bullet it: a list whose numbers will not be
   * remembered must not invite a reply by number.
   */
  numbered?: boolean;
}

/** The rendered activity and, when its suggested actions became a numbered list, what the numbers stand for. */
export interface Rendered {
  activity: Partial<Activity>;
  list?: NumberedList;
}

/** Adapt one outgoing activity to what its channel can show. Pure; exported for tests. */
export function renderForChannel(activity: Partial<Activity>, channelId: string | undefined, options: RenderOptions = {}): Partial<Activity> {
  return renderWithList(activity, channelId, options).activity;
}

/** renderForChannel, also returning the numbered list it made (if any). Pure. */
export function renderWithList(activity: Partial<Activity>, channelId: string | undefined, options: RenderOptions = {}): Rendered {
  if (activity.type !== 'message') return { activity };
  const caps = capabilitiesOf(channelId);
  let out = activity;
  const cards = (activity.attachments ?? []).filter((a: Attachment) => a.contentType === ADAPTIVE_CARD);
  if (cards.length > 0 && !caps.adaptiveCards) {
    const cardTexts = cards.map((c) => cardAsText(c.content));
    // The message's own line is left out where a card's text already says it (a card's reply hint).
    const own = activity.text && !cardTexts.some((c) => c.includes(activity.text!.trim())) ? activity.text : undefined;
    const texts = [own, ...cardTexts].filter((x): x is string => !!x && x.trim() !== '');
    out = { ...out, text: texts.join('\n\n'), attachments: (activity.attachments ?? []).filter((a) => a.contentType !== ADAPTIVE_CARD) };
    if (out.attachments?.length === 0) delete out.attachments;
  }
  // A channel without buttons cannot be tapped: "点“没有号码”" is said as "回复“没有号码”" there.
  if (caps.suggestedActions === 0 && caps.cardButtons === 0 && out.text) out = { ...out, text: asReplies(out.text) };
  const actions = out.suggestedActions?.actions ?? [];
  if (actions.length === 0 || actions.length <= caps.suggestedActions) return { activity: out };
  if (actions.length <= caps.cardButtons) {
    const buttons = CardFactory.heroCard('', undefined, actions);
    return { activity: { ...out, attachments: [...(out.attachments ?? []), buttons], suggestedActions: undefined } };
  }
  // A text that numbers items of its own (a card's checklist) gets its buttons bulleted: "1" must mean one thing.
  const numbered = (options.numbered ?? true) && !NUMBERED_LINE.test(out.text ?? '');
  const lines = actions.map((a, i) => `${numbered ? `${i + 1}.` : '-'} ${a.title ?? String(a.value)}`).join('\n');
  out = { ...out, text: [out.text, lines].filter(Boolean).join('\n'), suggestedActions: undefined };
  if (!numbered) return { activity: out };
  const payloads = actions.map(actionPayload);
  return { activity: out, list: { values: actions.map(actionText), ...(payloads.some((p) => p) ? { payloads } : {}) } };
}

const NUMBERED_LINE = /^\s*1[.、]\s/m;

/** "点“X”" / "點「X」" / "tap "X"" → reply with it, for channels where nothing can be tapped. */
function asReplies(text: string): string {
  return text.replace(/(?:点击|点|點擊|點)(?=[“「])/g, (m) => (m.startsWith('點') ? '回覆' : '回复')).replace(/\b[Tt]ap(?= ")/g, (m) => (m === 'Tap' ? 'Reply' : 'reply'));
}

/** The object a messageBack posts as its value, if any. */
function actionPayload(action: CardAction): Record<string, unknown> | null {
  const v: unknown = action.value;
  return action.type === ActionTypes.MessageBack && v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
}

/** The text a tap on the action would have sent. */
function actionText(action: CardAction): string {
  if (action.type === ActionTypes.MessageBack) return action.text ?? action.displayText ?? action.title ?? '';
  return typeof action.value === 'string' && action.value ? action.value : (action.title ?? String(action.value ?? ''));
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 1-99 written as 一 … 九十九 (十, 十二, 二十, 二十三); undefined for anything else. */
function chineseNumber(s: string): number | undefined {
  const m = /^([一二两兩三四五六七八九])?(十)?([一二两兩三四五六七八九])?$/.exec(s);
  if (!m || !s) return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (ones ? CHINESE_DIGITS[ones] : 0);
}

/**
 * The number a reply consisting of a list number only stands for: "2", "２", "2.", "第2个", "第二项", "#2".
 * Undefined for anything else (an amount, a phone number, a sentence with a number in it).
 */
export function bareNumber(text: string): number | undefined {
  const halfWidth = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = BARE_NUMBER.exec(halfWidth);
  if (!m) return undefined;
  return /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
}
const BARE_NUMBER = /^(?:第|#|＃|no\.?)?\s*(\d{1,2}|[一二两兩三四五六七八九十]{1,3})\s*(?:个选项|個選項|个|個|项|項|号|號|条|條|种|種)?\s*[.。、)）!！]?$/i;

/**
 * The text a bare list number stands for, if the number is in range. A reply that is itself one of the list's
 * entries (a list of ratings "1" … "5", or of amounts) is left alone: the borrower typed the entry, not its number.
 */
export function numberedChoice(text: string, list: NumberedList | undefined): string | undefined {
  return numberedPick(text, list)?.text;
}

/** numberedChoice, with the value a tap on that entry would have posted (NumberedList.payloads). */
export function numberedPick(text: string, list: NumberedList | undefined): { text: string; value?: Record<string, unknown> } | undefined {
  if (!list || list.values.length === 0) return undefined;
  const trimmed = text.trim();
  if (list.values.some((v) => v.trim() === trimmed)) return undefined;
  const n = bareNumber(trimmed);
  if (n === undefined || n < 1 || n > list.values.length) return undefined;
  const value = list.payloads?.[n - 1];
  return { text: list.values[n - 1], ...(value ? { value } : {}) };
}

const TYPED_TEXT = Symbol('channelRendering.typedText');

/** What the borrower typed when numberReplies rewrote a bare list number ("2") to its entry; undefined otherwise. */
export function typedText(context: TurnContext): string | undefined {
  return context.turnState.get(TYPED_TEXT) as string | undefined;
}

/** Set while the inner half (numberReplies) runs its turn: lists sent then are remembered with that turn's state. */
const REMEMBERING = Symbol('channelRendering.remembering');

interface TurnMemory {
  /** A message has been sent in this turn (the first one replaces the remembered list, with a list or none). */
  sentMessage: boolean;
  /** The remembered list changed in this turn. */
  changed: boolean;
}

export interface ChannelRenderingDeps {
  /** The conversation's last numbered list (a property of conversation state). */
  numberedList: StatePropertyAccessor<NumberedList | undefined>;
  /**
   * The state the property lives in: saved after a turn that changed the list and would not save otherwise (a
   * proactive message such as a hand-off rating question). Normal turns are saved by the bot; saving again is a no-op.
   */
  conversationState: BotState;
}

/**
 * Outgoing middleware: cards become text and suggested actions become hero card buttons or a numbered list where a
 * channel lacks them. With `deps`, the last numbered list of a conversation is remembered and a reply of only a list
 * number ("2", "２", "第2个") is rewritten to that entry's text before the bot reads it (see `numberReplies`).
 *
 * Two halves, because conversation state may be read only under the turn lock while every reply must be rendered:
 * use this middleware before the rate limit and turn lock (it renders every reply, including theirs and the turn
 * error handler's) and `numberReplies` after the turn lock.
 */
export class ChannelRenderingMiddleware implements Middleware {
  /** The inner half: register it after the turn lock. It rewrites bare numbers and keeps the list with the state. */
  readonly numberReplies: Middleware;

  constructor(private readonly deps?: ChannelRenderingDeps) {
    this.numberReplies = { onTurn: (context, next) => this.rememberingTurn(context, next) };
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const channelId = ctx.activity.channelId;
      const memory = ctx.turnState.get(REMEMBERING) as TurnMemory | undefined;
      // Without a place to remember it (no deps, a rate-limit reply, the error handler after the turn), no numbers.
      const numbered = !this.deps || !!memory;
      for (let i = 0; i < activities.length; i++) {
        const { activity, list } = renderWithList(activities[i], channelId, { numbered });
        activities[i] = activity;
        if (memory && activity.type === 'message') await this.remember(ctx, memory, list);
      }
      return nextSend();
    });
    await next();
  }

  private async rememberingTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!this.deps) return next();
    const activity = context.activity;
    if (activity.type === 'message' && typeof activity.text === 'string' && !activity.value && bareNumber(activity.text) !== undefined) {
      const choice = numberedPick(activity.text, await this.deps.numberedList.get(context));
      if (choice !== undefined) {
        context.turnState.set(TYPED_TEXT, activity.text);
        activity.text = choice.text;
        if (choice.value) activity.value = choice.value;
      }
    }
    const memory: TurnMemory = { sentMessage: false, changed: false };
    context.turnState.set(REMEMBERING, memory);
    try {
      await next();
    } finally {
      context.turnState.delete(REMEMBERING);
    }
    if (memory.changed) await this.deps.conversationState.saveChanges(context, false);
  }

  /** The turn's first message replaces the remembered list (with its own, or none); later ones replace it only with a list. */
  private async remember(context: TurnContext, memory: TurnMemory, list: NumberedList | undefined): Promise<void> {
    const first = !memory.sentMessage;
    memory.sentMessage = true;
    if (!this.deps || (!list && !first)) return;
    if (list) {
      await this.deps.numberedList.set(context, list);
      memory.changed = true;
    } else if (await this.deps.numberedList.get(context)) {
      await this.deps.numberedList.delete(context);
      memory.changed = true;
    }
  }
}
