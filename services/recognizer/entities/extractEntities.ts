import type { Entity } from '../intentRecognizer';
import { extractDateTimes } from './dateTimeEntities';
import { entityText } from './entityText';
import { extractInstallments } from './installmentEntities';
import { extractLoanRefs } from './loanRefEntities';
import { extractMoney } from './moneyEntities';
import { extractPhones } from './phoneEntities';

export interface EntityContext {
  /** Epoch ms that relative dates resolve against. */
  now: number;
  timeZone: string;
  /** Configured product names reported as loan_ref (kind 'product'). */
  productNames?: readonly string[];
}

/** Longest text the extractors read; entities further in are not looked for. */
export const MAX_ENTITY_TEXT = 2000;

/**
 * Every entity of the conversation design in one pass, sorted by position. Where candidates overlap, the more
 * specific kind wins: phone and loan reference before date-time before months before money (so 12期 is not
 * money and 13812345678 is not an amount). Never throws: a failing extractor contributes nothing.
 */
export function extractEntities(text: string, context: EntityContext): Entity[] {
  const original = typeof text === 'string' ? text.slice(0, MAX_ENTITY_TEXT) : '';
  if (!original) return [];
  const t = entityText(original);
  const groups: Array<() => Entity[]> = [
    () => extractPhones(t, original),
    () => extractLoanRefs(t, original, (context.productNames ?? []).map(entityText)),
    () => extractDateTimes(t, original, context.now, context.timeZone),
    () => extractInstallments(t, original),
    () => extractMoney(t, original),
  ];
  const kept: Entity[] = [];
  for (const group of groups) {
    let found: Entity[] = [];
    try {
      found = group();
    } catch {
      found = [];
    }
    for (const e of found) {
      if (!kept.some((k) => e.start < k.end && e.end > k.start)) kept.push(e);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
