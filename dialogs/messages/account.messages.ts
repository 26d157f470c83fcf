import { defineMessages } from './catalog';

/** Account status. Amounts arrive formatted (¥1,234.56); dates as YYYY-MM-DD. */
export const accountMessages = defineMessages({
  'zh-CN': {
    'account.header': '{name}，您名下共有 {count} 笔借款：',
    'account.stale': '（系统暂时无法获取最新数据，以下是截至 {time} 的信息，仅供参考。）',
    'account.loan.overdue':
      '【{product}】已逾期 {days} 天。逾期金额 {overdue}，剩余本金 {outstanding}，罚息 {penalty}，费用 {fees}。下次还款日 {dueDate}，应还 {dueAmount}。',
    'account.loan.current': '【{product}】正常还款中。剩余本金 {outstanding}。下次还款日 {dueDate}，应还 {dueAmount}。',
    'account.loan.settled': '【{product}】已结清。',
    'account.loan.chargedOff': '【{product}】已逾期 {days} 天，已转入专门处理。待还金额 {overdue}，罚息 {penalty}，费用 {fees}。',
    'account.noDue': '暂无',
    'account.next': '接下来您可以：申请分期、了解还款方式，或转人工客服。',
    'account.notFound': '抱歉，没有找到与您身份对应的借款记录。如有疑问，可以转人工客服核实。',
    'account.unavailable': '抱歉，账户系统暂时无法访问，我现在没法给您准确的数字。请稍后再试，或转人工客服。',
  },
  'zh-TW': {
    'account.header': '{name}，您名下共有 {count} 筆借款：',
    'account.stale': '（系統暫時無法取得最新資料，以下是截至 {time} 的資訊，僅供參考。）',
    'account.loan.overdue':
      '【{product}】已逾期 {days} 天。逾期金額 {overdue}，剩餘本金 {outstanding}，罰息 {penalty}，費用 {fees}。下次還款日 {dueDate}，應還 {dueAmount}。',
    'account.loan.current': '【{product}】正常還款中。剩餘本金 {outstanding}。下次還款日 {dueDate}，應還 {dueAmount}。',
    'account.loan.settled': '【{product}】已結清。',
    'account.loan.chargedOff': '【{product}】已逾期 {days} 天，已轉入專門處理。待還金額 {overdue}，罰息 {penalty}，費用 {fees}。',
    'account.noDue': '暫無',
    'account.next': '接下來您可以：申請分期、了解還款方式，或轉人工客服。',
    'account.notFound': '抱歉，沒有找到與您身分對應的借款紀錄。如有疑問，可以轉人工客服核實。',
    'account.unavailable': '抱歉，帳戶系統暫時無法存取，我現在沒法給您準確的數字。請稍後再試，或轉人工客服。',
  },
  en: {
    'account.header': '{name}, you have {count} {count:loan|loans} with us:',
    'account.stale': "(I can't reach the account system right now; this is the information as of {time}, for reference only.)",
    'account.loan.overdue':
      '[{product}] {days} {days:day|days} overdue. Overdue amount {overdue}, outstanding principal {outstanding}, penalty interest {penalty}, fees {fees}. Next due date {dueDate}, amount {dueAmount}.',
    'account.loan.current': '[{product}] Up to date. Outstanding principal {outstanding}. Next due date {dueDate}, amount {dueAmount}.',
    'account.loan.settled': '[{product}] Settled.',
    'account.loan.chargedOff': '[{product}] {days} {days:day|days} overdue and with our recoveries team. Amount due {overdue}, penalty interest {penalty}, fees {fees}.',
    'account.noDue': 'none',
    'account.next': 'Next, you can apply for an installment plan, see how to repay, or talk to a person.',
    'account.notFound': "Sorry, I couldn't find loans under your identity. A person can check this with you.",
    'account.unavailable': "Sorry, the account system is unavailable right now, so I can't give you exact figures. Please try again later, or talk to a person.",
  },
});
