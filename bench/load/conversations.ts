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
const SAYS: Record<Locale, { greeting: string[]; status: string[]; plan: string[]; amount: string[]; complaint: string[]; what: string[]; when: string[]; handoff: string[] }> = {
  'zh-CN': {
    greeting: ['你好', '您好'],
    status: ['我还欠多少钱', '我现在逾期多少'],
    plan: ['我要申请分期', '能不能分期还款'],
    amount: ['每个月能还800', '每月最多还八百'],
    complaint: ['我要投诉催收', '我要投诉你们的催收人员'],
    what: ['他们说话很难听，还威胁我', '对方骂我是骗子，说不还钱就让我好看'],
    when: ['昨天', '今天'],
    handoff: ['转人工', '我要人工客服'],
  },
  'zh-TW': {
    greeting: ['您好，請問', '你好，請問一下'],
    status: ['我還欠多少錢', '我現在還欠多少'],
    plan: ['我想申請分期', '可以協商分期還款嗎'],
    amount: ['每個月能還800', '每月最多還八百'],
    complaint: ['我要投訴你們的催收', '投訴催收人員'],
    what: ['他們說話很難聽，還威脅我', '對方罵我是騙子，說不還錢就讓我好看'],
    when: ['昨天', '今天'],
    handoff: ['轉人工', '我要真人客服'],
  },
  en: {
    greeting: ['hello', 'hi there'],
    status: ['how much do I owe', 'what is my balance'],
    plan: ['I need an installment plan', 'can I get a payment plan'],
    amount: ['I can pay 800 a month', '800 per month'],
    complaint: ['I want to complain about a collector', 'I want to file a complaint about your collectors'],
    what: ['They called me names and threatened me', 'They said I was a cheat and would be sorry'],
    when: ['yesterday', 'today'],
    handoff: ['talk to a person', 'I want a real person'],
  },
};

const REFERENCE = /^H-\d{8}-\d+$/;
const PLAN_REFERENCES = /^PR-\d{8}-\d+(?:(?:、|, )PR-\d{8}-\d+)*$/;
const COMPLAINT_REFERENCE = /^CP-\d{8}-\d+$/;
const AMOUNT_800 = '¥800.00';
const COUNT = /^\d+$/;

/** The locale mix: 60 % zh-CN, 20 % zh-TW, 20 % English. */
export function localeOf(index: number): Locale {
  const r = index % 10;
  return r < 6 ? 'zh-CN' : r < 8 ? 'zh-TW' : 'en';
}

/** Which conversation of its locale this is (0, 1, 2 … per locale), from the 6 / 2 / 2 mix of every ten. */
function localeOrdinal(index: number): number {
  const r = index % 10;
  const tens = Math.floor(index / 10);
  return r < 6 ? tens * 6 + r : r < 8 ? tens * 2 + r - 6 : tens * 2 + r - 8;
}

/**
 * A borrower who writes in the conversation's language: the k-th conversation of a locale gets the k-th such
 * borrower (so with `benchFixture`'s copies, every conversation has a borrower of its own; with the demo file
 * alone, they rotate).
 */
export function borrowerFor(index: number, locale: Locale, borrowers: FixtureBorrower[]): FixtureBorrower {
  const pool = borrowers.filter((b) => b.account.borrower.language === locale && PLAN_ELIGIBLE.has(baseId(b.account.borrower.id)));
  return pool[localeOrdinal(index) % pool.length];
}

/**
 * Borrowers the plan policy lets apply for an installment plan on their own (the others are told why not and offered
 * a person, which the benchmark does not script): D001 owes nothing due, D005 and D010 are charged off in court.
 */
const PLAN_ELIGIBLE = new Set(['D002', 'D003', 'D004', 'D006', 'D007', 'D008', 'D009']);

/** `D002-17` (a copy) → `D002`. */
const baseId = (id: string) => id.replace(/-\d+$/, '');

/**
 * The demo fixture (raw JSON, relative dates kept) with `copies` more of each plan-eligible borrower: ids `D002-1`…,
 * mobiles 139xxxxxxxx (never a demo one), the same ID characters and account. Real traffic is many borrowers;
 * with only the demo ones, each filed a plan request and a complaint per conversation, so their accounts grew
 * through a run and every later turn read (and validated, and cached) a larger account.
 */
export function benchFixture(demo: { borrowers: Array<{ mobile: string; account: { borrower: { id: string } } }> }, copies: number): typeof demo {
  let seq = 0;
  const extra = demo.borrowers
    .filter((b) => PLAN_ELIGIBLE.has(b.account.borrower.id))
    .flatMap((b) =>
      Array.from({ length: copies }, (_, n) => ({
        ...b,
        mobile: `139${String(++seq).padStart(8, '0')}`,
        account: { ...b.account, borrower: { ...b.account.borrower, id: `${b.account.borrower.id}-${n + 1}` } },
      })),
    );
  return { ...demo, borrowers: [...demo.borrowers, ...extra] };
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
 * Greeting → account status (verification as the demo borrower: mobile, then ID last 6) → installment plan
 * (reason, affordable amount, proposals, choose 1, confirm → filed with a PR reference) → harassment complaint
 * (what, when, channel, who, number → filed with a CP reference, after-care) → hand-off request (queued, H reference).
 */
export function borrowerConversation(index: number, borrowers: FixtureBorrower[]): ScriptedConversation {
  const locale = localeOf(index);
  const borrower = borrowerFor(index, locale, borrowers);
  const says = SAYS[locale];
  const m = (key: Parameters<typeof t>[1] | Array<Parameters<typeof t>[1]>, extra: Partial<Extract<ReplyExpectation, { kind: 'message' }>> = {}): ReplyExpectation => ({ kind: 'message', locale, key, ...extra });
  const turns: ScriptedTurn[] = [
    { text: pick(says.greeting, index), expect: { label: 'greeting', replies: [m('core.greeting', { suggestedActions: true })] } },
    { text: pick(says.status, index), expect: { label: 'account status asks identity', replies: [m('identity.intro'), m('identity.askMobile')] } },
    { text: borrower.mobile, expect: { label: 'mobile', replies: [m('identity.askIdLast6')] } },
    {
      text: borrower.idLast6,
      expect: { label: 'ID last 6 → verified + account', replies: [m('identity.verified'), accountStatus(locale, borrower), m(['account.next', 'account.nextPlanPending'], { suggestedActions: true })] },
    },
    { text: pick(says.plan, index), expect: { label: 'plan: reason', replies: [m('plan.askReason', { suggestedActions: true })] } },
    { text: t(locale, 'plan.reasonOption.income_drop'), expect: { label: 'plan: amount', replies: [m('plan.askAmount')] } },
    {
      text: pick(says.amount, index),
      expect: { label: 'plan: proposals', replies: [m(['plan.proposals.fits', 'plan.proposals.closest'], { params: { amount: (v) => v.includes(AMOUNT_800) }, suggestedActions: true })] },
    },
    { text: '1', expect: { label: 'plan: confirm', replies: [m('plan.confirm.ask', { suggestedActions: true })] } },
    { text: t(locale, 'plan.confirm.yes'), expect: { label: 'plan: filed', replies: [m('plan.filed', { prefix: true, params: { reference: PLAN_REFERENCES } })] } },
    { text: pick(says.complaint, index), expect: { label: 'complaint: what', replies: [m('complaints.empathy'), m('complaints.askWhat')] } },
    { text: pick(says.what, index), expect: { label: 'complaint: when', replies: [m('complaints.askWhen', { suggestedActions: true })] } },
    { text: pick(says.when, index), expect: { label: 'complaint: channel', replies: [m('complaints.askChannel', { suggestedActions: true })] } },
    { text: t(locale, 'complaints.channel.phone'), expect: { label: 'complaint: who', replies: [m('complaints.askWho', { suggestedActions: true })] } },
    { text: t(locale, 'complaints.who.self'), expect: { label: 'complaint: number', replies: [m('complaints.askNumber', { suggestedActions: true })] } },
    {
      text: t(locale, 'complaints.numberUnknown'),
      expect: {
        label: 'complaint: filed',
        replies: [
          m('complaints.summary', { params: { description: pick(says.what, index), channel: t(locale, 'complaints.channel.phone'), who: t(locale, 'complaints.who.self') } }),
          m('complaints.filed', { prefix: true, params: { reference: COMPLAINT_REFERENCE } }),
          m('complaints.external'),
          m('complaints.evidence'),
          m('complaints.offerPerson', { suggestedActions: true }),
        ],
      },
    },
    {
      text: pick(says.handoff, index),
      expect: { label: 'hand-off', replies: [m(['handoff.queued', 'handoff.queuedNext'], { params: { reference: REFERENCE, minutes: COUNT } })] },
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
