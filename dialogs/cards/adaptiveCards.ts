import { CardFactory, type Activity, type CardAction } from 'botbuilder';

/**
 * Adaptive Card 1.5 builders shared by dialogs (the Emulator and Web Chat render 1.5). Every card gets a
 * `fallbackText` built from the same content as its body, so it is complete by construction: channels without
 * cards show it instead (bots/channelRendering.ts). Callers pass words already rendered from a catalog.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  /** The whole card as plain text. */
  fallbackText: string;
  body: unknown[];
  actions?: unknown[];
}

export interface CardFact {
  title: string;
  value: string;
}

/** An `Action.Submit`: the channel sends `data` back as the activity's `value`, with no text. */
export interface CardSubmit {
  title: string;
  data: Record<string, unknown>;
}

export interface CardOption {
  title: string;
  facts: CardFact[];
  submit: CardSubmit;
}

export interface OptionListCardSpec {
  title: string;
  intro?: string;
  /** Numbered 1..n in the fallback text, in this order. */
  options: CardOption[];
  /** Lines shown under the options (conditions, notices). */
  notes?: string[];
  /** How to answer without the card's buttons; fallback text only. */
  replyHint?: string;
}

export interface SummaryCardSpec {
  title: string;
  facts: CardFact[];
  notes?: string[];
  actions?: CardSubmit[];
  replyHint?: string;
}

export interface ChecklistCardSpec {
  title: string;
  /** One toggle per item (ids `item.0`, `item.1`…), numbered 1..n in the fallback text. */
  items: string[];
  submit: CardSubmit;
  replyHint?: string;
}

const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
const factSet = (facts: CardFact[]) => ({ type: 'FactSet', facts: facts.map((f) => ({ title: f.title, value: f.value })) });
const submitAction = (s: CardSubmit) => ({ type: 'Action.Submit', title: s.title, data: s.data });
const factLines = (facts: CardFact[], indent = '') => facts.map((f) => `${indent}${f.title}: ${f.value}`);
const joinLines = (lines: Array<string | undefined>) => lines.filter((l): l is string => !!l && l.trim() !== '').join('\n');

function card(fallbackText: string, body: unknown[], actions: unknown[]): AdaptiveCard {
  const c: AdaptiveCard = { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', fallbackText, body };
  if (actions.length > 0) c.actions = actions;
  return c;
}

/** Numbered options, each with its facts and one Action.Submit. */
export function optionListCard(spec: OptionListCardSpec): AdaptiveCard {
  const body: unknown[] = [textBlock(spec.title, { weight: 'Bolder', size: 'Medium' })];
  if (spec.intro) body.push(textBlock(spec.intro));
  for (const o of spec.options) {
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items: [textBlock(o.title, { weight: 'Bolder' }), factSet(o.facts)] });
  }
  for (const note of spec.notes ?? []) body.push(textBlock(note, { isSubtle: true, size: 'Small' }));
  const fallback = joinLines([
    spec.title,
    spec.intro,
    ...spec.options.flatMap((o, i) => [`${i + 1}. ${o.title}`, ...factLines(o.facts, '   ')]),
    ...(spec.notes ?? []),
    spec.replyHint,
  ]);
  return card(fallback, body, spec.options.map((o) => submitAction(o.submit)));
}

/** A title, facts and notes (a request to check before it is submitted, a filed record). */
export function summaryCard(spec: SummaryCardSpec): AdaptiveCard {
  const body: unknown[] = [textBlock(spec.title, { weight: 'Bolder', size: 'Medium' }), factSet(spec.facts)];
  for (const note of spec.notes ?? []) body.push(textBlock(note, { isSubtle: true, size: 'Small' }));
  const actions = spec.actions ?? [];
  const fallback = joinLines([
    spec.title,
    ...factLines(spec.facts),
    ...(spec.notes ?? []),
    ...actions.map((a, i) => `${i + 1}. ${a.title}`),
    spec.replyHint,
  ]);
  return card(fallback, body, actions.map(submitAction));
}

/** A list the borrower ticks (Input.Toggle per item) and sends with one Action.Submit. */
export function checklistCard(spec: ChecklistCardSpec): AdaptiveCard {
  const body: unknown[] = [
    textBlock(spec.title, { weight: 'Bolder', size: 'Medium' }),
    ...spec.items.map((item, i) => ({ type: 'Input.Toggle', id: `item.${i}`, title: item, value: 'false', valueOn: 'true', valueOff: 'false', wrap: true })),
  ];
  const fallback = joinLines([spec.title, ...spec.items.map((item, i) => `${i + 1}. ${item}`), spec.replyHint]);
  return card(fallback, body, [submitAction(spec.submit)]);
}

/** Indexes of the items ticked in a checklist card's submit (`value` of the activity). */
export function checkedItems(value: Record<string, unknown> | undefined, count: number): number[] {
  if (!value) return [];
  const ticked: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = value[`item.${i}`];
    if (v === true || v === 'true') ticked.push(i);
  }
  return ticked;
}

/** A message with the card attached, a short `text` beside it, and optional suggested actions. */
export function cardActivity(adaptiveCard: AdaptiveCard, text: string, suggestedActions: CardAction[] = []): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', text, attachments: [CardFactory.adaptiveCard(adaptiveCard)] };
  if (suggestedActions.length > 0) activity.suggestedActions = { actions: suggestedActions, to: [] };
  return activity;
}

/** A button that sends `text` (so typing it works the same) and `value` (so a stale press can be recognised). */
export function messageBackAction(title: string, value: Record<string, unknown>, text: string = title): CardAction {
  return { type: 'messageBack', title, text, displayText: title, value };
}
