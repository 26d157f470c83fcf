import type { TurnContext } from 'botbuilder';
import type { AffordableAmount } from '../../services/plans/planEngine';
import { entityText } from '../../services/recognizer/entities/entityText';
import { extractEntities } from '../../services/recognizer/entities/extractEntities';
import type { Entity } from '../../services/recognizer/intentRecognizer';
import { turnInfoOrUndefined } from '../turnInfo';

/**
 * Reading the borrower's answers in the plan and hardship dialogs: amounts in any form (the recogniser's money
 * extractor, never a second parser), picks from a list (label, number, card submit), yes / no.
 */

type Money = Extract<Entity, { type: 'money' }>;

/** A card submit or messageBack value: an object, else undefined. */
export function submittedValue(context: TurnContext): Record<string, unknown> | undefined {
  const v = context.activity.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The `action` of this turn's submitted value, if any (`plan.choose`, `plan.confirm`, …). */
export function submittedAction(context: TurnContext): string | undefined {
  const action = submittedValue(context)?.action;
  return typeof action === 'string' ? action : undefined;
}

/** A money entity as the engine's affordable amount: a range keeps both ends, a cap (`最多两千`) is the amount. */
export function affordableOf(money: Money): AffordableAmount {
  if (money.maxFen !== undefined && money.maxFen > money.fen) return { minFen: money.fen, maxFen: money.maxFen };
  return money.fen;
}

/**
 * The amount to pay among `entities`, as an affordable amount: the first one named as a payment ("…每个月只有四千多…
 * 每个月还一千左右" is ¥1,000), else the first that is not income, a debt or another expense ("工资只有三千，房租一千五"
 * names no amount to pay).
 */
export function affordableFromEntities(entities: readonly Entity[] | undefined): AffordableAmount | undefined {
  const amounts = (entities ?? []).filter((e): e is Money => e.type === 'money' && e.fen > 0);
  const money = amounts.find((e) => e.role === 'payment') ?? amounts.find((e) => !e.role);
  return money ? affordableOf(money) : undefined;
}

/**
 * The entities of an answer typed this turn: the recogniser's when it already read this very text and found some,
 * else the same extractor run on the answer (prompt answers are not always recognised with entities).
 */
function answerEntities(context: TurnContext, text: string, now: number, timeZone: string): readonly Entity[] {
  const recognition = turnInfoOrUndefined(context)?.recognition;
  if (recognition && recognition.entities.length > 0 && recognition.text.trim() === text.trim()) return recognition.entities;
  return extractEntities(text, { now, timeZone });
}

/** The monthly amount in this turn's answer. */
export function affordableFromTurn(context: TurnContext, text: string, now: number, timeZone: string): AffordableAmount | undefined {
  return affordableFromEntities(answerEntities(context, text, now, timeZone));
}

/** The number of installments the entities name ("分12期", "一年", "24 months"), if any. */
export function monthsFromEntities(entities: readonly Entity[] | undefined): number | undefined {
  return entities?.find((e): e is Extract<Entity, { type: 'installments' }> => e.type === 'installments')?.months;
}

/** The number of installments in this turn's answer. */
export function monthsFromTurn(context: TurnContext, text: string, now: number, timeZone: string): number | undefined {
  return monthsFromEntities(answerEntities(context, text, now, timeZone));
}

const AMOUNT_UNKNOWN =
  /(几百|幾百|几千|幾千|不知道|不清楚|不确定|不確定|说不好|說不好|说不准|說不準|看情况|看情況|没想好|沒想好|不好说|不好說|都行|随便|隨便|跳过|跳過|don'?t know|do not know|not sure|no idea|depends|whatever works|any amount|\bskip\b)/i;

/**
 * "不知道能还多少" / "not sure" / "几百块吧" at the amount question, with no amount in it: plans of a few lengths are
 * shown instead. So is "跳过" / "skip": the question before it could be skipped, and this one is not a wall either.
 */
export function saysAmountUnknown(text: string): boolean {
  return AMOUNT_UNKNOWN.test(text) && !/\d/.test(text);
}


const norm = (text: string) =>
  entityText(text)
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”「」]+|[\s"'“”「」。.!！?？,，]+$/g, '')
    .trim();

const CN_ORDINAL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMBERED = /^(?:第|方案|选项|选|option|no\.?|number|#)?\s*(\d{1,2}|[一二两三四五六七八九])\s*(?:个|项|号|个方案)?$/;

/** A number the borrower typed for a numbered list (`1`, `方案2`, `第三个`, `option 3`), 1-based. */
export function typedNumber(text: string): number | undefined {
  const m = NUMBERED.exec(norm(text));
  if (!m) return undefined;
  return /\d/.test(m[1]) ? Number(m[1]) : CN_ORDINAL[m[1]];
}

/**
 * Which of `options` the text names: an exact label (any locale; Traditional and full-width folded), or its
 * number in the list. Each option may have several labels. Returns a 0-based index.
 */
export function pickOption(text: string | undefined, options: ReadonlyArray<readonly string[]>): number | undefined {
  if (!text) return undefined;
  const t = norm(text);
  if (!t) return undefined;
  const byLabel = options.findIndex((labels) => labels.some((l) => norm(l) === t));
  if (byLabel >= 0) return byLabel;
  const n = typedNumber(t);
  return n !== undefined && n >= 1 && n <= options.length ? n - 1 : undefined;
}

/** What a typed choice among proposals can name besides its label or number: its length, or its monthly amount. */
export interface ProposalChoice {
  installmentCount: number;
  largestInstallmentFen: number;
}

const FEWEST_INSTALLMENTS = /期数最少|期數最少|最短|最快|最早还完|最早還完|\b(shortest|quickest|fastest)\b/i;
const MOST_INSTALLMENTS = /期数最多|期數最多|最长|最長|\blongest\b/i;
const LOWEST_MONTHLY = /(每月|月供|每期|每个月|每個月|月还|月還).{0,4}(最少|最低|最小)|(最少|最低|最小|最便宜|最轻松|最輕鬆).{0,3}(的|那个|那個|月供|每月)|\b(lowest|smallest|cheapest)\b|least (per|a|each) month/i;

/**
 * The proposal a typed reply picks: by label or number (pickOption), by the length it names ("24期那个", "the 12
 * month one": an `installments` entity of the turn) when one proposal has it, or by a superlative ("每月最少的那个",
 * "the shortest").
 */
export function pickProposal(
  text: string | undefined,
  entities: readonly Entity[],
  proposals: readonly ProposalChoice[],
  labels: ReadonlyArray<readonly string[]>,
): number | undefined {
  const byOption = pickOption(text, labels);
  if (byOption !== undefined || !text) return byOption;
  const months = entities.find((e) => e.type === 'installments');
  if (months?.type === 'installments') {
    const same = proposals.flatMap((p, i) => (p.installmentCount === months.months ? [i] : []));
    return same.length === 1 ? same[0] : undefined;
  }
  const extreme = (score: (p: ProposalChoice) => number) => proposals.reduce((best, p, i) => (score(p) < score(proposals[best]) ? i : best), 0);
  if (FEWEST_INSTALLMENTS.test(text)) return extreme((p) => p.installmentCount);
  if (MOST_INSTALLMENTS.test(text)) return extreme((p) => -p.installmentCount);
  if (LOWEST_MONTHLY.test(text)) return extreme((p) => p.largestInstallmentFen);
  return undefined;
}

const YES = /^(是|是的|好|好的|对|对的|确认|确定|可以|行|嗯|嗯嗯|同意|提交|没问题|ok|okay|yes|y|yeah|yep|sure|confirm|submit|go ahead)$/;
const NO = /^(不|不是|不用|不要|否|先不|先不了|不了|不提交|暂时不|暂时不用|no|n|nope|not now|don'?t|do not)$/;
// Several yes words in a row, with fillers: "好的提交吧", "确认提交", "yes submit it", "ok do it", "yes please".
const YES_WORDS_ZH = /^(?:好的?|是的?|对的?|嗯+|可以|行|确认|确定|同意|提交|没问题|那就|就这样|麻烦|帮我|请)+$/;
const YES_WORDS_EN = new Set(['yes', 'y', 'yeah', 'yep', 'sure', 'ok', 'okay', 'confirm', 'submit', 'go', 'ahead', 'please', 'it', 'do', 'that', 'this', 'fine', 'correct', 'right', 'alright', 'send']);
const YES_STRONG_EN = /\b(yes|yeah|yep|sure|ok|okay|confirm|submit|go ahead|fine|alright|send)\b/;
const NEGATION = /不|别|別|没|算了|no\b|not|don'?t|never|cancel|stop|wait/;
const FILLERS = /[吧啊呀哦了呢嘛哈～~]+/g;

/** Yes in more than one word ("好的提交吧", "yes submit it"); never with a negation in it. */
function severalYesWords(t: string): boolean {
  if (NEGATION.test(t)) return false;
  const zh = t.replace(FILLERS, '').replace(/[\s，,。.!！]/g, '');
  if (zh && YES_WORDS_ZH.test(zh)) return true;
  const words = t.split(/[\s,.!]+/).filter(Boolean);
  return words.length > 0 && YES_STRONG_EN.test(t) && words.every((w) => YES_WORDS_EN.has(w));
}

/** Yes / no from our own labels (first = yes) or common words in the three languages. Undefined otherwise. */
export function yesNo(text: string | undefined, labels: { yes: readonly string[]; no: readonly string[] }): boolean | undefined {
  if (!text) return undefined;
  const picked = pickOption(text, [labels.yes, labels.no]);
  if (picked !== undefined) return picked === 0;
  const t = norm(text).toLowerCase();
  if (YES.test(t) || severalYesWords(t)) return true;
  if (NO.test(t) || NO.test(t.replace(FILLERS, ''))) return false;
  return undefined;
}

/** Numbers listed in a reply like `1 3`, `1、3`, `1,2` (1-based, unique, in range), or undefined if it is not such a list. */
export function numberList(text: string | undefined, count: number): number[] | undefined {
  if (!text) return undefined;
  const t = norm(text);
  if (!/^\d{1,2}(?:(?:\s*(?:[,，、&/]|和|及|and)\s*|\s+)\d{1,2})*$/.test(t)) return undefined;
  const nums = [...new Set((t.match(/\d{1,2}/g) ?? []).map(Number))];
  return nums.every((n) => n >= 1 && n <= count) ? nums.sort((a, b) => a - b) : undefined;
}

/** A hardship told ("还不起了", "我失业了", "老公住院了", "laid off"): a plan request, with its reason in the borrower's words. */
const HARDSHIP =
  /还不起|還不起|还不上|還不上|还不了|還不了|没办法还|沒辦法還|没能力还|沒能力還|没钱|沒錢|没有钱|沒有錢|拿不出|付不起|失业|失業|裁员|裁員|被辞退|被辭退|没收入|沒收入|没有收入|沒有收入|住院|生病|太困难|太困難|压力太大|壓力太大|can'?t (afford|pay)|cannot (afford|pay)|no money|no income|lost my job|laid off|unemployed|in hospital|\bbroke\b/i;

export function toldHardship(text: string): boolean {
  return HARDSHIP.test(text);
}

/** A one-off deferral asked for instead of a plan ("我是想延期到15号一次还清", "能晚几天还吗", "pay it all on the 15th"). */
const DEFERRAL =
  /延期到|推迟到|推遲到|晚(几|幾|两|兩|一)?(天|周|週)|([0-9]{1,2}|[一二三四五六七八九十]{1,3})(号|號).{0,4}(一次性?|全部)?(还清|還清|还完|還完)|一次性?(还清|還清)|\b(defer|postpone|pay (it )?(all|in full) (on|by))\b/i;

export function asksForDeferral(text: string): boolean {
  return DEFERRAL.test(text);
}
