// The scripted conversations the load benchmark drives, with what every reply must mean.
import type { Locale } from '../../dialogs/messages';
import { loanLine } from '../../dialogs/account/accountText';
import { t } from '../../dialogs/messages';
import { formatFen } from '../../services/accounts/accountSchemas';
import type { FixtureBorrower } from '../../services/accounts/fixtureAccountService';
import type { ReplyExpectation, TurnExpectation } from './validator';

export interface ScriptedTurn {
  text: string;
  expect: TurnExpectation;
}

export interface ScriptedConversation {
  locale: Locale;
  borrowerId: string;
  turns: ScriptedTurn[];
}

/** What the borrower types, per locale (texts a borrower would send; tested against the recogniser). */
const SAYS: Record<Locale, { greeting: string[]; status: string[]; handoff: string[] }> = {
  'zh-CN': { greeting: ['你好', '您好'], status: ['我还欠多少钱', '我现在逾期多少'], handoff: ['转人工', '我要人工客服'] },
  'zh-TW': { greeting: ['您好，請問', '你好，請問一下'], status: ['我還欠多少錢', '我的罰息是多少'], handoff: ['轉人工', '我要真人客服'] },
  en: { greeting: ['hello', 'hi there'], status: ['how much do I owe', 'what is my balance'], handoff: ['talk to a person', 'I want a real person'] },
};

const REFERENCE = /^H-\d{8}-\d+$/;
const COUNT = /^\d+$/;

/** The locale mix: 60 % zh-CN, 20 % zh-TW, 20 % English. */
export function localeOf(index: number): Locale {
  const r = index % 10;
  return r < 6 ? 'zh-CN' : r < 8 ? 'zh-TW' : 'en';
}

/** A demo borrower who writes in the conversation's language (zh-CN ones rotate). */
export function borrowerFor(index: number, locale: Locale, borrowers: FixtureBorrower[]): FixtureBorrower {
  const pool = borrowers.filter((b) => b.account.borrower.language === locale);
  return pool[Math.floor(index / 10) % pool.length];
}

const pick = (list: string[], index: number) => list[index % list.length];

/** The account answer: header with name and loan count, every loan line, and the amounts themselves. */
function accountStatus(locale: Locale, borrower: FixtureBorrower): ReplyExpectation {
  const { account } = borrower;
  const includes = [t(locale, 'account.header', { name: account.borrower.name, count: account.loans.length })];
  for (const loan of account.loans) {
    includes.push(loanLine(loan, locale));
    if (loan.overdueAmountFen) includes.push(formatFen(loan.overdueAmountFen));
    if (loan.outstandingPrincipalFen) includes.push(formatFen(loan.outstandingPrincipalFen));
  }
  return { kind: 'text', label: `account status of ${account.borrower.id}`, includes };
}

/**
 * Greeting → account status (verification as the demo borrower: mobile, then ID last 6) → hand-off request.
 * Plan proposal/acceptance and the complaint are not scripted yet: their dialogs were still being written when
 * this benchmark was built (see bench/results/load.md).
 */
export function borrowerConversation(index: number, borrowers: FixtureBorrower[]): ScriptedConversation {
  const locale = localeOf(index);
  const borrower = borrowerFor(index, locale, borrowers);
  const says = SAYS[locale];
  const m = (key: Parameters<typeof t>[1], extra: Partial<Extract<ReplyExpectation, { kind: 'message' }>> = {}): ReplyExpectation => ({ kind: 'message', locale, key, ...extra });
  const turns: ScriptedTurn[] = [
    { text: pick(says.greeting, index), expect: { label: 'greeting', replies: [m('core.greeting', { suggestedActions: true })] } },
    { text: pick(says.status, index), expect: { label: 'account status asks identity', replies: [m('identity.intro'), m('identity.askMobile')] } },
    { text: borrower.mobile, expect: { label: 'mobile', replies: [m('identity.askIdLast6')] } },
    {
      text: borrower.idLast6,
      expect: { label: 'ID last 6 → verified + account', replies: [m('identity.verified'), accountStatus(locale, borrower), m('account.next', { suggestedActions: true })] },
    },
    {
      text: pick(says.handoff, index),
      expect: { label: 'hand-off', replies: [m('handoff.queued', { params: { reference: REFERENCE, position: COUNT, minutes: COUNT } })] },
    },
  ];
  return { locale, borrowerId: borrower.account.borrower.id, turns };
}

/** The same messages against the echo bot: each reply is `echo <turn number>: <text>`. */
export function echoConversation(index: number, borrowers: FixtureBorrower[]): ScriptedConversation {
  const script = borrowerConversation(index, borrowers);
  return {
    ...script,
    turns: script.turns.map((turn, i) => ({
      text: turn.text,
      expect: { label: `echo ${turn.expect.label}`, replies: [{ kind: 'text', label: 'echo', equals: `echo ${i + 1}: ${turn.text}` }] },
    })),
  };
}
