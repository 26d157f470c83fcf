import type { Intent } from '../../../services/recognizer/intentRecognizer';

/**
 * Utterances the embedded recogniser must route, per intent and language. Written for the tests: none of them
 * is a training sentence (a test checks that).
 */
export const ROUTING_TABLE: Record<Intent, { 'zh-CN': string[]; 'zh-TW': string[]; en: string[] }> = {
  cannot_reach_collector: {
    'zh-CN': ['催收的电话我打了好多遍都打不通', '负责我的贷后专员联系不上了'],
    'zh-TW': ['催收專員的電話一直打不通', '負責我的催收人員聯絡不到'],
    en: ["I can't get through to my collection agent", 'my collector never answers my calls'],
  },
  installment_plan: {
    'zh-CN': ['我每个月只能还八百 能分期吗', '能不能申请延期两个月还款', '上个月被公司裁员了，现在完全没有收入'],
    'zh-TW': ['我想申請分期還款', '能不能延後一個月還款'],
    en: ['can I split what I owe into monthly payments', 'I need a payment plan, I can only pay 500 a month'],
  },
  lawsuit_threat: {
    'zh-CN': ['催收说下个月就去法院起诉我', '他们说不还钱我会被抓去坐牢', '催收说要把我列进失信名单'],
    'zh-TW': ['催收說要去法院告我', '收到一封律師函 說要提告'],
    en: ['the collector threatened to sue me', 'they say I will go to prison if I do not pay'],
  },
  doorstep_visit: {
    'zh-CN': ['催收说后天派人上门找我', '有人跑到我单位来要债'],
    'zh-TW': ['催收說明天要上門', '有人跑到我公司討債'],
    en: ['they said they will send people to my house', 'collectors turned up at my office today'],
  },
  negotiation_refused: {
    'zh-CN': ['我申请分期还款 你们的人不同意', '跟催收协商 他们说不能分期'],
    'zh-TW': ['我申請分期被拒絕了', '催收說不能協商 要一次還清'],
    en: ['my request for an installment plan was refused', 'the agent said they will not negotiate with me'],
  },
  harassment_complaint: {
    'zh-CN': ['催收一直给我的亲戚朋友打电话', '催收员打电话骂我 还威胁我', '催收在电话里说我是个老赖', '他们说我再不还就要通知我老家村委会', '你们的人昨天晚上12点还在打电话'],
    'zh-TW': ['催收一直打給我的親戚朋友', '催收打電話罵我還威脅我'],
    en: ['your collectors call my relatives every day', 'the collector swore at me and threatened me', 'someone from your company keeps calling my mom at work', 'my collector said he will post my ID card on facebook'],
  },
  account_status: {
    'zh-CN': ['帮我看下现在总共还欠多少钱', '我这笔借款逾期几天了', '我想问下我提交的分期什么时候能审批'],
    'zh-TW': ['幫我查我還欠多少錢', '我的下次還款日是哪天'],
    en: ['how much money do I still owe you', 'when is my next payment due'],
  },
  credit_report: {
    'zh-CN': ['这次晚还会不会影响我的征信', '逾期记录多久才能从征信上消掉'],
    'zh-TW': ['逾期會不會影響我的徵信', '徵信上的紀錄多久會消除'],
    en: ['will this late payment hurt my credit report', 'how long does an overdue record stay on my credit file'],
  },
  repayment_howto: {
    'zh-CN': ['我要还款 在哪里还', '自动扣款没扣成功 我怎么还'],
    'zh-TW': ['我要怎麼還款', '已經還款了 為什麼還顯示沒還'],
    en: ['how can I make a repayment', 'I paid already but it still shows as unpaid', 'I want to pay everything off today, how?'],
  },
  verify_collector: {
    'zh-CN': ['有人让我把钱转到他私人的银行卡 是你们的人吗', '刚才打电话的号码是不是你们公司的'],
    'zh-TW': ['有人要我把錢轉到個人帳戶 是你們嗎', '這個打來的號碼是你們的嗎'],
    en: ['a woman called and said she was from the court, is that real', 'someone wants me to pay into his personal account, is that you', 'is this phone number really from your company'],
  },
  human_agent: {
    'zh-CN': ['给我转人工客服', '我不要机器人 我要找真人'],
    'zh-TW': ['幫我轉人工客服', '我要找真人客服幫我處理'],
    en: ['let me talk to a real person', 'transfer me to a human agent'],
  },
  greeting: {
    'zh-CN': ['你好', '您好 在吗'],
    'zh-TW': ['您好', '哈囉 有人在嗎'],
    en: ['hello', 'hi there'],
  },
  help: {
    'zh-CN': ['你能帮我做些什么', '有什么功能'],
    'zh-TW': ['你能幫我做什麼', '選單裡有哪些功能'],
    en: ['what can you help me with', 'show me the menu'],
  },
  thanks: {
    'zh-CN': ['谢谢你', '太感谢了'],
    'zh-TW': ['謝謝你', '非常感謝你'],
    en: ['thank you very much', 'thanks'],
  },
  goodbye: {
    'zh-CN': ['再见', '拜拜 下次聊'],
    'zh-TW': ['再見', '掰掰 再會'],
    en: ['goodbye', 'ok bye, talk to you later'],
  },
  cancel: {
    'zh-CN': ['取消', '算了 不弄了'],
    'zh-TW': ['取消', '算了 不要繼續了'],
    en: ['cancel', 'please stop this'],
  },
  none: {
    'zh-CN': ['怎么把额度提高一点', '下单时能用分期付款吗'],
    'zh-TW': ['額度要怎麼提高', '今天天氣好嗎'],
    en: ['how do I increase my credit limit', 'what is the weather like today'],
  },
};
