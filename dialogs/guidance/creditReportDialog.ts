import type { CardAction, TurnContext } from 'botbuilder';
import { formatFen } from '../../services/accounts/accountSchemas';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { t, type Locale, type MessageKey } from '../messages';
import { InfoAnswerDialog, topicsAsked, type GuidanceDeps } from './infoAnswerDialog';
import { intentActions } from './nextActions';

export const CREDIT_REPORT_DIALOG = 'guidance.creditReport';

/** "我已经还清了为什么征信还显示逾期": the record outlives the debt (retention), or it is wrong (dispute). */
const PAID_OFF = /还清|還清|结清|結清|还完了|還完了|paid (?:it )?off|settled|cleared (?:it|the debt)/i;

/**
 * Which part of the credit-report rules the borrower asked about ("多久能消除", "怎么查征信", "记录有误"); all of
 * them when the message does not say ("逾期会上征信吗").
 */
const TOPICS: Array<[MessageKey, RegExp]> = [
  ['guidance.credit.notice', /通知|notif|tell me (?:first|before)|warn me/i],
  ['guidance.credit.retention', new RegExp(`${PAID_OFF.source}|多久|多长时间|多長時間|几年|幾年|保留|保存|消除|删除|刪除|清除|消掉|抹掉|洗白|修复|修復|how long|stay|remove|delete|clear|wipe|erase`, 'i')],
  ['guidance.credit.access', /怎么查|怎麼查|查询|查詢|查看|在哪查|哪里查|哪裡查|打印|下载|下載|(?:check|see|get|view|pull)(?: a| my)? (?:credit )?report|copy of/i],
  ['guidance.credit.dispute', new RegExp(`${PAID_OFF.source}|有误|有誤|错误|錯誤|不对|不對|不是我的|异议|異議|申诉|申訴|wrong|mistake|error|incorrect|dispute|not mine`, 'i')],
];

/** Asked to have a record taken off ("能不能帮我把记录删掉", "can you delete it if I pay today"); not "多久能消除". */
const ASKS_DELETION = /^(?![\s\S]*(多久|多长时间|多長時間|几年|幾年|什么时候|什麼時候|how long|when))[\s\S]*(?:(帮|幫|给|給|替)我?.{0,6}(删|刪|消除|清除|消掉|抹掉|洗白|撤销|撤銷)|(能不能|可不可以|可以|能)[^，。,.!?！？]{0,8}(删|刪|消除|清除|消掉|抹掉|撤销|撤銷)|\b(can|could|will|would) you (delete|remove|erase|wipe|clear)\b|\b(delete|remove|erase) (it|the record|my record)\b)/i;
/** Whether it goes on the report, asked ("会上征信吗", "will it be reported"). */
const REPORTED = /上征信|上徵信|报征信|報徵信|上报|上報|报送|報送|\b(reported|go on (my )?credit)\b/i;
/** The PBOC's one-time credit repair named ("一次性信用修复", "信用修复政策"). */
const ONE_TIME_REPAIR = /一次性.{0,4}(修复|修復)|信用(修复|修復)政策|(修复|修復)政策|\bone-?time (credit )?repair\b/i;

/** "逾期会怎么样", "逾期一天有影响吗", "what happens if I don't pay": the consequences of being overdue, not only the record. */
const ASKS_CONSEQUENCES = /会怎么样|會怎麼樣|会怎样|會怎樣|什么后果|什麼後果|后果|後果|有什么影响|有什麼影響|有影响吗|有影響嗎|有没有影响|有沒有影響|影响大吗|影響大嗎|what happens|consequences?/i;

/** "要是一直不还会怎么样", "这周还不上会怎样", "晚几天还有什么后果", "what happens if I can't pay": not paying (on time), asked about. */
const ASKS_IF_NOT_PAID =
  /(不还|不還|没还|沒還|还不上|還不上|还不了|還不了|还不起|還不起|晚(几|幾|两|兩)?天(还|還)|晚(还|還))(钱|錢|款)?(的话|的話)?.{0,4}(会怎么样|會怎麼樣|会怎样|會怎樣|会如何|會如何|有什么后果|有什麼後果|什么后果|什麼後果|后果|後果)|\bwhat (happens|will happen|would happen) if i (don'?t|do not|never|stop|can'?t|cannot|am unable to) (pay|repay)|\bwhat (happens|will happen|would happen) if i (pay (it )?late|miss (a|the|my) (payment|installment))/i;

/**
 * What not paying leads to, asked in a short message: the consequences this dialog gives (read before recognition,
 * which heard a lawsuit in "一直不还会怎么样" and answered only that). A plan's "还不上怎么办" is the plan's question.
 */
export function asksWhatIfNotPaid(text: string): boolean {
  return text.length <= 40 && ASKS_IF_NOT_PAID.test(text) && !/分期|协商|協商|减免|減免|起诉|起訴|坐牢|plan|sue|jail|prison/i.test(text);
}

/**
 * `credit_report`: notice before reporting, 5-year retention after the overdue ends, 2 free reports a year,
 * 20-day written answer to a dispute (the part asked about, or all of them); paid "credit repair" is a scam.
 * Verified: overdue now or not, and what stops further negative records. Never promises deletion.
 */
export class CreditReportDialog extends InfoAnswerDialog {
  constructor(deps: GuidanceDeps) {
    super(CREDIT_REPORT_DIALOG, 'credit_report', deps);
  }

  protected facts(context: TurnContext, locale: Locale): string[] {
    const text = context.activity.text ?? '';
    const named = topicsAsked(text, TOPICS);
    // "会上征信吗？多久能消除": whether it is reported (and told first) belongs beside the part asked about.
    const topics = named.length < TOPICS.length && REPORTED.test(text) && !named.includes('guidance.credit.notice') ? ['guidance.credit.notice' as const, ...named] : named;
    const answer = [t(locale, 'guidance.credit.intro'), ...topics.map((k) => `- ${t(locale, k)}`)].join('\n');
    // "逾期会怎么样": the credit report is one of the consequences; the others (domain.md §1) come first.
    const consequences = ASKS_CONSEQUENCES.test(text) ? [t(locale, 'guidance.credit.consequences')] : [];
    // Asked to delete a record or about the one-time repair: that answer first (never a promise).
    const asked = [
      ...(ONE_TIME_REPAIR.test(text) ? [t(locale, 'guidance.credit.oneTimeRepair')] : ASKS_DELETION.test(text) ? [t(locale, 'guidance.credit.noDeletion')] : []),
    ];
    // Paid "repair" preys on people who want a record gone: said with the full answer and with the retention one.
    return [...asked, ...consequences, answer, ...(topics.includes('guidance.credit.retention') ? [t(locale, 'guidance.credit.scam')] : [])];
  }

  protected async sendPersonal(context: TurnContext, locale: Locale, snapshot: AccountSnapshot): Promise<void> {
    const overdue = snapshot.account.loans.filter((l) => l.status !== 'settled' && (l.daysOverdue > 0 || l.status === 'overdue' || l.status === 'charged_off'));
    if (overdue.length === 0) {
      await context.sendActivity(t(locale, 'guidance.credit.current'));
      return;
    }
    const days = Math.max(...overdue.map((l) => l.daysOverdue));
    const amount = formatFen(overdue.reduce((sum, l) => sum + l.overdueAmountFen, 0));
    await context.sendActivity(t(locale, 'guidance.credit.overdue', { count: overdue.length, days, amount }));
  }

  protected next(_context: TurnContext, locale: Locale): { key: MessageKey; actions: CardAction[] } {
    return { key: 'guidance.credit.next', actions: intentActions(locale, ['account_status', 'installment_plan', 'human_agent']) };
  }
}
