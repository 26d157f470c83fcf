import type { CardAction, TurnContext } from 'botbuilder';
import { formatFen } from '../../services/accounts/accountSchemas';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { t, type Locale, type MessageKey } from '../messages';
import { InfoAnswerDialog, topicsAsked, type GuidanceDeps } from './infoAnswerDialog';
import { intentActions } from './nextActions';

export const REPAYMENT_HOWTO_DIALOG = 'guidance.repaymentHowto';

/** A repayment taken twice or too much. */
const DOUBLE_CHARGED =
  /扣了?(两|兩|2|二)次|(两|兩|2)次扣款|重复扣|重複扣|多扣|扣多了|扣重了|扣错|扣錯|charged (me )?twice|debited twice|taken twice|double.?(charged|debited|debit|payment)|overcharged/i;

/** The official app will not open or log in ("我想还钱但是app打不开"). */
const APP_DOWN =
  /(app|软件|軟體|客户端|客戶端|应用|應用)[^，。,.!?！？]{0,6}(打不开|打不開|进不去|進不去|登不上|登录不了|登錄不了|登陆不了|闪退|閃退|用不了|崩了|卡住)|can'?t (open|log ?in to|get into) the app|app (won'?t|doesn'?t|does not|will not) (open|work|load|let me)|app (keeps )?crash\w*/i;

/** A way of paying named ("能用微信还吗", "还款能用信用卡吗", "可以转账到你们对公账户吗"). */
const METHOD =
  /微信|支付宝|支付寶|信用卡|云闪付|雲閃付|对公|對公|转账|轉帳|汇款|匯款|柜台|櫃檯|线下|線下|现金|現金|\b(wechat|alipay|credit card|bank transfer|wire|cash|in person|at a branch)\b/i;

/** Which part of "how do I repay" the borrower asked about; all of them when the message does not say. */
const TOPICS: Array<[MessageKey, RegExp]> = [
  ['guidance.repay.early', /提前|一次性[还還]|一次[还還]清|全部[还還]清|[结結]清|early|pay (it )?off|pay (it )?(all|in full)/i],
  ['guidance.repay.autodebit', /扣款|自动扣|自動扣|代扣|[还還]款(失败|失敗|不成功|没成功|沒成功)|[还還]不进去|[还還]不進去|auto.?debit|direct debit|(repayment|payment) (failed|did ?n[o']t go through)/i],
  [
    'guidance.repay.notPosted',
    // Not a wish ("我想提前把剩下的都还了" is early repayment, not a payment made).
    /^(?![\s\S]*(想|打算|准备|準備|希望)[^，。,.!?！？]{0,12}[还還](过|過)?了)[\s\S]*?(没还|沒還|未还|未還|没到账|沒到帳|未入账|未入帳|没显示|沒顯示|显示逾期|顯示逾期|还(过)?了|還(過)?了|(已经|已經|刚刚|剛剛|昨天|前天)[还還]|(已|刚|剛|今早|上午|下午|晚上)还的|not (yet )?(showing|posted)|(isn'?t|is not|hasn'?t|has not) (been )?(showing|posted|shown)( up)?|still shows|shows (unpaid|overdue)|already (re)?paid|paid (it )?(yesterday|already|this morning))/i,
  ],
];

/** How long a payment takes to show ("还款一般多久到账"). */
const POSTING_TIME =
  /(多久|多长时间|多長時間|什么时候|什麼時候|几天|幾天)[^，。,.!?！？]{0,4}(到账|到帳|入账|入帳|显示|顯示)|(到账|到帳|入账|入帳)(时间|時間|要多久)|how long[\s\S]{0,30}\b(post|show|arrive|clear|credited)/i;

/**
 * `repayment_howto`: official channels only (the lender's app), never a personal account; early repayment, failed
 * auto-debit, a payment not yet showing (keep the receipt, a person checks it; verified, whether the account still shows it overdue),
 * how long a payment takes to show (the app's repayment page says; no time of our own is promised), a
 * repayment taken twice (keep the debit records, do not pay again, a person checks it; no refund is promised).
 * Verified: the next due date and amount.
 */
export class RepaymentHowtoDialog extends InfoAnswerDialog {
  constructor(deps: GuidanceDeps) {
    super(REPAYMENT_HOWTO_DIALOG, 'repayment_howto', deps);
  }

  protected facts(context: TurnContext, locale: Locale): string[] {
    const text = context.activity.text ?? '';
    // Charged twice, an app that will not open, how long a payment takes to show and a way of paying are their own answers, given only when asked (a
    // general question gets the three usual topics).
    const own: MessageKey | undefined = DOUBLE_CHARGED.test(text)
      ? 'guidance.repay.doubleCharged'
      : APP_DOWN.test(text)
        ? 'guidance.repay.appDown'
        : POSTING_TIME.test(text)
          ? 'guidance.repay.postingTime'
          : METHOD.test(text) && TOPICS.every(([, cue]) => !cue.test(text))
            ? 'guidance.repay.methods'
            : undefined;
    const topics = own ? [own] : topicsAsked(text, TOPICS);
    const answers = topics.map((k) => t(locale, k));
    const channels = t(locale, 'guidance.repay.channels');
    // A question about one thing ("已经还了为什么还显示逾期") gets its answer first, the official channels after.
    return [(topics.length < TOPICS.length ? [...answers, channels] : [channels, ...answers]).join('\n\n')];
  }

  protected async sendPersonal(context: TurnContext, locale: Locale, snapshot: AccountSnapshot): Promise<void> {
    // What is overdue comes before the next due date; asked "我昨天还了，怎么还显示逾期", it is the answer itself.
    const asked = topicsAsked(context.activity.text ?? '', TOPICS);
    const notPosted = asked.length < TOPICS.length && asked.includes('guidance.repay.notPosted');
    for (const l of snapshot.account.loans.filter((x) => x.overdueAmountFen > 0 && x.status !== 'settled')) {
      await context.sendActivity(t(locale, notPosted ? 'guidance.repay.stillOverdue' : 'guidance.repay.overdueNow', { product: l.productName, amount: formatFen(l.overdueAmountFen) }));
    }
    const due = snapshot.account.loans
      .filter((l) => l.nextDueDate !== null && l.nextDueAmountFen !== null && l.status !== 'settled')
      .sort((a, b) => (a.nextDueDate! < b.nextDueDate! ? -1 : 1))[0];
    if (due) {
      await context.sendActivity(t(locale, 'guidance.repay.nextDue', { product: due.productName, date: due.nextDueDate!, amount: formatFen(due.nextDueAmountFen!) }));
    }
  }

  protected next(_context: TurnContext, locale: Locale): { key: MessageKey; actions: CardAction[] } {
    return { key: 'guidance.repay.next', actions: intentActions(locale, ['account_status', 'installment_plan', 'human_agent']) };
  }
}
