import type { TurnContext } from 'botbuilder';
import type { Entity } from '../../services/recognizer/intentRecognizer';
import { extractEntities } from '../../services/recognizer/entities/extractEntities';
import { maskMobile } from '../../services/logging/mask';
import { turnInfoOrUndefined } from '../turnInfo';

type Phone = Extract<Entity, { type: 'phone' }>;
type DateTime = Extract<Entity, { type: 'datetime' }>;

/**
 * Entities of this turn's message: the recogniser's when it found some, else the shared extractors run on the
 * text (prompt answers, button presses and back ends without entities all go through the same extractors).
 */
export function turnEntities(context: TurnContext, now: number, timeZone: string): Entity[] {
  const recognition = turnInfoOrUndefined(context)?.recognition;
  const text = typeof context.activity.text === 'string' ? context.activity.text : '';
  if (recognition && recognition.entities.length > 0 && recognition.text === text) return recognition.entities;
  return extractEntities(text, { now, timeZone });
}

export function firstPhone(entities: readonly Entity[]): Phone | undefined {
  return entities.find((e): e is Phone => e.type === 'phone');
}

export function firstDateTime(entities: readonly Entity[]): DateTime | undefined {
  return entities.find((e): e is DateTime => e.type === 'datetime');
}

/** Digits a number is compared by: separators gone, a leading 86 dropped from mobiles. */
export function phoneDigits(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length === 13 && d.startsWith('861') ? d.slice(2) : d;
}

export function samePhone(a: string, b: string): boolean {
  return phoneDigits(a) === phoneDigits(b);
}

/** A number as the bot echoes it: mobiles masked (138****5678); service and office numbers as they are public. */
export function displayPhone(digits: string): string {
  const d = phoneDigits(digits);
  if (/^1[3-9]\d{9}$/.test(d)) return maskMobile(d);
  if (/^[48]00\d{7}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  // A landline with its area code, as it is written: 010 and 02x are three digits, the others four (021-12345678).
  const area = /^0(?:10|2\d)(?=\d{8}$)|^0[3-9]\d{2}(?=\d{7,8}$)/.exec(d);
  if (area) return `${area[0]}-${d.slice(area[0].length)}`;
  return d;
}

/** Any number, partly hidden (for echoing what the borrower typed in a complaint): 138****5678, 021****02. */
export function maskedPhone(digits: string): string {
  const d = phoneDigits(digits);
  if (/^1[3-9]\d{9}$/.test(d)) return maskMobile(d);
  return d.length > 6 ? `${d.slice(0, 3)}****${d.slice(-2)}` : '****';
}

const NUMBER_UNKNOWN =
  /(不知道|不清楚|不记得|不記得|记不清|記不清|忘了|忘记|忘記|没有|沒有|没号|沒號|没显示|沒顯示|未显示|未顯示|不显示|不顯示|隐藏|隱藏|私人号码|私人號碼|跳过|跳過|don'?t know|do not know|not sure|no idea|unknown|hidden|withheld|private number|no number|can'?t remember|don'?t remember|don'?t have|do not have|haven'?t got|none)/i;

/** "No / don't know / it was hidden" typed at a caller's-number question (complaint, scam check), with no digits in it. */
export function saysNumberUnknown(text: string): boolean {
  const trimmed = text.trim();
  if (/\d/.test(trimmed)) return false;
  return NUMBER_UNKNOWN.test(trimmed) || /^(no|nope|n\/?a|skip)[.!]?$/i.test(trimmed);
}
