// Reply validation for the load benchmark: every reply is checked by meaning (which catalog message it is,
// in which locale, with which numbers and references), not by status code. A wrong reply, a missing reply, an
// extra reply or a failed request each count as one error for the turn.
import { t, type Locale, type MessageKey } from '../../dialogs/messages';

/** A check on one `{placeholder}` of a catalog message: the exact value, a pattern, or a predicate. */
export type ParamCheck = string | number | RegExp | ((value: string) => boolean);

/** What one reply must be. */
export type ReplyExpectation =
  /**
   * The catalog message `key` (or any one of several keys) in `locale`; placeholders may hold anything unless checked
   * in `params`. `prefix`: the message starts the reply and more text may follow (composed replies).
   */
  | { kind: 'message'; locale: Locale; key: MessageKey | MessageKey[]; params?: Record<string, ParamCheck>; suggestedActions?: boolean; prefix?: boolean }
  /** Free text (not from one catalog entry): exact text, or every listed fragment present. */
  | { kind: 'text'; label: string; equals?: string; includes?: string[] };

/** One borrower message and the replies it must produce (in order, nothing more, nothing less). */
export interface TurnExpectation {
  label: string;
  replies: ReplyExpectation[];
}

/** What came back for a turn: the replies (trace activities are ignored), or a request failure. */
export type TurnOutcome =
  | { replies: Array<{ type?: string; text?: string; suggestedActions?: { actions?: unknown[] } }> }
  | { failure: string };

export type Verdict = { ok: true } | { ok: false; reason: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new Map<string, { re: RegExp; names: string[] }>();

/** The catalog template as an anchored pattern: literal text exact, each `{name}` a capture, each plural `{name:one|other}` either form. */
function templatePattern(locale: Locale, key: MessageKey, prefix: boolean): { re: RegExp; names: string[] } {
  const id = `${locale}\u0000${key}\u0000${prefix}`;
  let entry = compiled.get(id);
  if (!entry) {
    // Without params, t() leaves each placeholder visible as `{name}`.
    const template = t(locale, key);
    const names: string[] = [];
    let source = '^';
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g)) {
      source += escape(template.slice(last, m.index));
      if (m[2] === undefined) {
        names.push(m[1]);
        source += '([\\s\\S]*?)';
      } else source += `(?:${escape(m[2])}|${escape(m[3])})`;
      last = m.index + m[0].length;
    }
    source += escape(template.slice(last));
    entry = { re: new RegExp(prefix ? source : `${source}$`), names };
    compiled.set(id, entry);
  }
  return entry;
}

function checkParam(name: string, value: string, check: ParamCheck): string | undefined {
  const ok =
    typeof check === 'function' ? check(value) : check instanceof RegExp ? check.test(value) : value === String(check);
  return ok ? undefined : `{${name}} was "${value.slice(0, 80)}", expected ${check instanceof RegExp ? check : typeof check === 'function' ? 'a valid value' : `"${check}"`}`;
}

/** Check one reply against one expectation. */
export function checkReply(expected: ReplyExpectation, reply: { text?: string; suggestedActions?: { actions?: unknown[] } }): Verdict {
  const text = reply.text ?? '';
  if (expected.kind === 'text') {
    if (expected.equals !== undefined && text !== expected.equals) return { ok: false, reason: `${expected.label}: got "${text.slice(0, 120)}"` };
    for (const fragment of expected.includes ?? []) {
      if (!text.includes(fragment)) return { ok: false, reason: `${expected.label}: "${fragment}" missing from "${text.slice(0, 120)}"` };
    }
    return { ok: true };
  }
  const keys = Array.isArray(expected.key) ? expected.key : [expected.key];
  let problem: string | undefined;
  for (const key of keys) {
    const { re, names } = templatePattern(expected.locale, key, expected.prefix === true);
    const m = re.exec(text);
    if (!m) continue;
    problem = undefined;
    for (const [name, check] of Object.entries(expected.params ?? {})) {
      const index = names.indexOf(name);
      problem = index < 0 ? `${key} has no {${name}}` : checkParam(name, m[index + 1], check);
      if (problem) break;
    }
    if (!problem && expected.suggestedActions && !(reply.suggestedActions?.actions?.length ?? 0)) problem = 'suggested actions missing';
    if (!problem) return { ok: true };
    problem = `${key}: ${problem}`;
  }
  return { ok: false, reason: problem ?? `expected ${expected.locale} ${keys.join(' | ')}, got "${text.slice(0, 120)}"` };
}

/** Check a whole turn: same number of (non-trace) replies, each matching in order. */
export function checkTurn(expected: TurnExpectation, outcome: TurnOutcome): Verdict {
  if ('failure' in outcome) return { ok: false, reason: `${expected.label}: request failed: ${outcome.failure}` };
  const replies = outcome.replies.filter((r) => r.type !== 'trace');
  for (let i = 0; i < expected.replies.length; i++) {
    const reply = replies[i];
    if (!reply) return { ok: false, reason: `${expected.label}: reply ${i + 1} of ${expected.replies.length} missing` };
    const verdict = checkReply(expected.replies[i], reply);
    if (!verdict.ok) return { ok: false, reason: `${expected.label}: reply ${i + 1}: ${verdict.reason}` };
  }
  if (replies.length > expected.replies.length) {
    return { ok: false, reason: `${expected.label}: ${replies.length - expected.replies.length} unexpected extra reply(ies): "${(replies[expected.replies.length].text ?? '').slice(0, 80)}"` };
  }
  return { ok: true };
}

/** Counts turns and errors over a run; keeps a few failure reasons for the report. */
export class LoadValidator {
  turns = 0;
  errors = 0;
  readonly samples: string[] = [];
  readonly errorsByLabel = new Map<string, number>();

  constructor(private readonly maxSamples = 10) {}

  /** Record one turn; returns true when it was right. */
  record(expected: TurnExpectation, outcome: TurnOutcome): boolean {
    this.turns++;
    const verdict = checkTurn(expected, outcome);
    if (verdict.ok) return true;
    this.errors++;
    this.errorsByLabel.set(expected.label, (this.errorsByLabel.get(expected.label) ?? 0) + 1);
    if (this.samples.length < this.maxSamples) this.samples.push(verdict.reason);
    return false;
  }
}
