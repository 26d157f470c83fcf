import { formatFen, type Account, type Loan } from '../../services/accounts/accountSchemas';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { formatDate, formatLocalTime } from '../format';
import { t, type Locale } from '../messages';

/** One line per loan, in the borrower's language. */
export function loanLine(loan: Loan, locale: Locale): string {
  const money = (fen: number | null) => (fen === null ? t(locale, 'account.noDue') : formatFen(fen));
  const params = {
    product: loan.productName,
    days: loan.daysOverdue,
    overdue: money(loan.overdueAmountFen),
    outstanding: money(loan.outstandingPrincipalFen),
    penalty: money(loan.penaltyInterestFen),
    fees: money(loan.feesFen),
    dueDate: formatDate(loan.nextDueDate, locale, t(locale, 'account.noDue')),
    dueAmount: money(loan.nextDueAmountFen),
  };
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
export function accountStatusText(snapshot: AccountSnapshot, locale: Locale, timeZone: string, now: number): string {
  const lines: string[] = [];
  if (snapshot.stale) lines.push(t(locale, 'account.stale', { time: formatLocalTime(snapshot.asOf, timeZone, now) }));
  const account: Account = snapshot.account;
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
