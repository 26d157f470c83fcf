import { formatFen, type Account, type Loan } from '../../services/accounts/accountSchemas';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { formatDate, formatLocalTime } from '../format';
import { t, type Locale } from '../messages';

/** One part of the account asked about ("最晚什么时候还", "罚息是多少"); a general question gets the whole answer. */
export type AccountField = 'due' | 'penalty';

const FIELD_CUES: Array<[AccountField, RegExp]> = [
  ['due', /(什么时候|什麼時候|哪天|几号|幾號|最晚|哪一天)[^，。,.!?！？]{0,4}(还|還|扣款)|还款日|還款日|到期日|\b(due date|when (is|am) (it|i) due|when do i (have to )?pay)\b/i],
  ['penalty', /罚息|罰息|违约金|違約金|滞纳金|滯納金|\b(penalty|late fees?)\b/i],
];

/** The one part of the account the question asks about, if it names exactly one. */
export function accountFieldAsked(text: string): AccountField | undefined {
  const hits = FIELD_CUES.filter(([, re]) => re.test(text)).map(([f]) => f);
  return hits.length === 1 ? hits[0] : undefined;
}

function loanParams(loan: Loan, locale: Locale) {
  const money = (fen: number | null) => (fen === null ? t(locale, 'account.noDue') : formatFen(fen));
  return {
    product: loan.productName,
    days: loan.daysOverdue,
    overdue: money(loan.overdueAmountFen),
    outstanding: money(loan.outstandingPrincipalFen),
    penalty: money(loan.penaltyInterestFen),
    fees: money(loan.feesFen),
    dueDate: formatDate(loan.nextDueDate, locale, t(locale, 'account.noDue')),
    dueAmount: money(loan.nextDueAmountFen),
  };
}

/** One line per loan, in the borrower's language. */
export function loanLine(loan: Loan, locale: Locale): string {
  const params = loanParams(loan, locale);
  switch (loan.status) {
    case 'settled':
      return t(locale, 'account.loan.settled', params);
    case 'charged_off':
      return t(locale, 'account.loan.chargedOff', params);
    case 'overdue':
      return t(locale, 'account.loan.overdue', params);
    default:
      return t(locale, 'account.loan.current', params);
  }
}

/**
 * The whole status answer: a stale notice when the data is the last known state, a header, one line per loan, and
 * what the borrower filed that is still being handled ("how is my plan request doing?").
 */
export function accountStatusText(snapshot: AccountSnapshot, locale: Locale, timeZone: string, now: number, field?: AccountField): string {
  const lines: string[] = [];
  if (snapshot.stale) lines.push(t(locale, 'account.stale', { time: formatLocalTime(snapshot.asOf, timeZone, now) }));
  const account: Account = snapshot.account;
  const unsettled = account.loans.filter((l) => l.status !== 'settled');
  if (field && unsettled.length > 0) {
    // The part asked about, per loan still running: not the whole account again.
    for (const loan of unsettled) {
      const overdue = loan.overdueAmountFen > 0;
      const key = field === 'due' ? (overdue ? 'account.focus.dueOverdue' : 'account.focus.due') : overdue || loan.penaltyInterestFen > 0 ? 'account.focus.penalty' : 'account.focus.noPenalty';
      lines.push(t(locale, key, loanParams(loan, locale)));
    }
    return lines.join('\n\n');
  }
  lines.push(t(locale, 'account.header', { name: account.borrower.name, count: account.loans.length }));
  for (const loan of account.loans) lines.push(loanLine(loan, locale));
  const open = openRequestsText(account, locale);
  if (open) lines.push(open);
  return lines.join('\n\n');
}

/** What the borrower filed that is still being handled, under its header; undefined when nothing is. */
export function openRequestsText(account: Account, locale: Locale): string | undefined {
  const open = openRequestLines(account, locale);
  return open.length ? [t(locale, 'account.open.header'), ...open.map((l) => `• ${l}`)].join('\n') : undefined;
}

type OpenStatus = 'submitted' | 'under_review' | 'open' | 'in_progress';
const OPEN: ReadonlySet<string> = new Set<OpenStatus>(['submitted', 'under_review', 'open', 'in_progress']);

/** Plan requests, complaints and hardship reviews the lender is still handling, each with its answer date. */
function openRequestLines(account: Account, locale: Locale): string[] {
  const line = (key: 'account.open.plan' | 'account.open.complaint' | 'account.open.hardship', r: { reference: string; status: string; answerBy: string }) =>
    t(locale, key, { reference: r.reference, status: t(locale, `account.open.status.${r.status as OpenStatus}`), answerBy: r.answerBy });
  return [
    ...account.planRequests.filter((r) => OPEN.has(r.status)).map((r) => line('account.open.plan', r)),
    ...account.complaints.filter((r) => OPEN.has(r.status)).map((r) => line('account.open.complaint', r)),
    ...account.hardshipReviews.filter((r) => OPEN.has(r.status)).map((r) => line('account.open.hardship', r)),
  ];
}
