import { MessageFactory, type Activity } from 'botbuilder';
import { verifyAction } from '../dialogs/guidance/nextActions';
import { imBack, intentLabel, menuActions } from '../dialogs/menu';
import { toldHardship } from '../dialogs/plans/planInput';
import { t, type Locale, type MessageKey } from '../dialogs/messages';
import type { Intent } from '../services/recognizer/intentRecognizer';
import { toldFearOnly } from './inputText';

/**
 * Messages that get a fixed answer before recognition, with no task under way: they are not requests the recogniser
 * can place, and "outside what I can help with" would be the wrong answer to each.
 */

/** Someone who is not the borrower ("我不是借款人，别再打给我了", "你们打错了", "I'm not the borrower"). */
const NOT_THE_BORROWER =
  /我不是借款人|我不是借钱的人|不是我借的|我(从来)?没(有)?借过(钱|你们的?钱|你们的?款)?(?=$|[，。！!,.?？\s])|我不认识(他|她|这个人|這個人)|(你们|你們)打(错|錯)|打(错|錯)(人|电话|電話)|不是本人|\bwrong number\b|\bi('m| am) not the borrower\b|\bi never borrowed\b|\bi don'?t know (him|her|this person)\b|\bnot my (loan|debt)\b/i;
/** Someone whose identity or mobile was used to borrow ("有人冒用我的身份借款"). */
const IDENTITY_MISUSED = /冒用|盗用|盜用|被人用了?我的(身份|身分|手机|手機|名字)|身份证被(人)?(借|用)|\bidentity theft\b|\bstolen identity\b|\bborrowed in my name\b/i;

/** Who is writing, when they say they are not the borrower: someone else, or someone whose identity was misused. */
export function notTheBorrower(text: string): 'third_party' | 'identity_misused' | undefined {
  if (text.length > 200) return undefined;
  if (IDENTITY_MISUSED.test(text)) return 'identity_misused';
  return NOT_THE_BORROWER.test(text) ? 'third_party' : undefined;
}

/** Someone close to the borrower, named by the one writing. */
const RELATIVE = '(儿子|兒子|女儿|女兒|老公|老婆|丈夫|妻子|爸爸|妈妈|媽媽|爸|妈|媽|父亲|父親|母亲|母親|孩子|朋友|家人|亲戚|親戚|弟弟|哥哥|姐姐|妹妹|男朋友|女朋友)';
/** Asking what someone else owes, or to pay it for them ("我儿子欠了你们多少钱", "我替他还", "I'm his mother"). */
const SOMEONE_ELSES_DEBT = new RegExp(
  [
    `我(的)?${RELATIVE}.{0,10}(欠|借)(了)?(你们|你們)?.{0,6}(多少|几|幾)`,
    `(替|帮|幫|代)(他|她|我${RELATIVE})(还|還)`,
    `我是(借款人|他|她)的${RELATIVE}`,
    `\\bhow much (does|did) (he|she|my (son|daughter|husband|wife|father|mother|brother|sister|friend)) owe\\b`,
    `\\bpay (it )?(for|on behalf of) (him|her|my (son|daughter|husband|wife|father|mother|brother|sister|friend))\\b`,
    `\\bi('m| am) (his|her|the borrower's) (mother|father|wife|husband|sister|brother|son|daughter|friend)\\b`,
  ].join('|'),
  'i',
);

/** Someone asking about another person's debt: account details go only to the verified borrower. */
export function asksAboutSomeoneElsesDebt(text: string): boolean {
  return text.length <= 200 && SOMEONE_ELSES_DEBT.test(text);
}

/** A plea and nothing else ("救救我", "救命", "求求你们了", "please help me"). */
const PLEA = /^(救救我|救命|求求你们?|求求你們?|求你们了|求你們了|求求了|sos|please help me|help me please|somebody help( me)?)[\s\p{P}吧啊呀了]*$/iu;

/** "救救我": a plea, not a request the recogniser can place. Met with care (and 110 if in danger), never "outside what I can help with". */
export function isPlea(text: string): boolean {
  return PLEA.test(text.trim());
}

/** The borrower means to call the police, or asks whether to ("我要报警", "能报警吗", "should I call the police"). */
const WANTS_POLICE =
  /^(我)?(要|想|会|會|得|准备|準備|现在就|現在就|马上|馬上)?(去)?(报警|報警)|^(我)?(能|可以|该|該|应该|應該|要不要|能不能|可不可以)(不)?(去)?(报警|報警)|^(i('ll| will| want to| am going to| am gonna|'m going to|'m gonna)|should i|can i|do i need to) (call|phone|contact|report (this|it|them|you) to) (the )?police\b/i;

/** "我要报警" and nothing much else: a short message that is about calling the police, not one reporting threats. */
export function wantsPolice(text: string): boolean {
  const t = text.trim();
  return t.length <= (/\p{Script=Han}/u.test(t) ? 12 : 40) && WANTS_POLICE.test(t);
}

/** A document the lender issues: a settlement certificate, a proof of payment, the loan contract. */
const DOCUMENT_REQUEST =
  /(结清|結清|清偿|清償|无欠款|無欠款|还款|還款|缴款|繳款)(证明|證明|凭证|憑證)|借款(合同|合約)|(合同|合約)(复印件|影本|副本|原件)|\b(settlement|pay-?off|clearance|no[- ]debt) (certificate|letter)\b|\bproof of (payment|repayment|settlement)\b|\b(copy of )(my |the )?(loan )?(contract|agreement)\b/i;

/** Asking for it to be issued or sent, not showing one ("我有还款凭证，为什么还显示逾期" is a payment not credited). */
const ISSUE = /开|開|出具|申请|申請|办|辦|要|提供|给我|給我|发我|發我|寄|拿|哪里|哪裡|\b(need|get|send|issue|request|want|obtain|where|how)\b/i;
const NOT_CREDITED = /显示|顯示|到账|到帳|逾期|没还|沒還|\b(shows?|overdue|not (credited|received))\b/i;

/** Asks for a document the bot cannot issue ("结清证明怎么开", "I need a settlement certificate"). */
export function asksForDocument(text: string): boolean {
  return text.length <= 200 && DOCUMENT_REQUEST.test(text) && ISSUE.test(text) && !NOT_CREDITED.test(text);
}

/**
 * The rate or the charges called usury or unlawful ("利息这么高是高利贷吧", "年化超过24%是不是不用还"). "利息太高了" alone is
 * left to the recogniser: it is often the reason for a plan request.
 */
const RATE_DISPUTE =
  /高利[贷貸]|(利息|利率|年化|费用|費用|收费|收費).{0,8}(合法|违法|違法|犯法|上限|超过|超過|24|36)|(24|36)\s*%|\busury\b|\bloan shark|\b(interest|rate|charges?|fees?)\b.{0,20}\b(illegal|unlawful|legal cap|above the cap|usurious)\b|\b(illegal|unlawful|usurious)\b.{0,10}\b(interest|rates?|charges?|fees?)\b/i;

/** A task asked for beside it ("…高利贷吧，我要投诉", "…能不能分期"): the task is the request. */
const ASKS_A_TASK = /分期|协商|協商|延期|减免|減免|人工|投诉|投訴|举报|舉報|\b(plan|installments?|person|agent|complain\w*|report)\b/i;

/** Disputes the rate or the charges, and asks for nothing else. */
export function disputesTheRate(text: string): boolean {
  return text.length <= 200 && RATE_DISPUTE.test(text) && !ASKS_A_TASK.test(text);
}

/** A complaint about something other than collection: a deduction, a charge, the service, the app. */
const COMPLAINT = /投诉|投訴|举报|舉報|\bcomplain\w*|\bcomplaint\b/i;
const NOT_COLLECTION =
  /乱扣|亂扣|扣款|扣费|扣費|扣钱|扣錢|多扣|收费|收費|手续费|手續費|客服|\bapp\b|软件|軟體|系统|系統|闪退|閃退|登录|登錄|登入|\b(fees?|charges?|charged|deduct\w*|customer service)\b/i;
const COLLECTION = /催收|催款|贷后|貸後|电话|電話|打给|打給|骂|罵|威胁|威脅|恐吓|恐嚇|上门|上門|家人|通讯录|通訊錄|\b(collectors?|collection|harass\w*|call(s|ed|ing)?|threat\w*)\b/i;

/** "我要投诉你们乱扣款", "投诉你们客服态度差": not the collection-misconduct intake; a person takes it. */
export function complainsOfOtherThanCollection(text: string): boolean {
  return text.length <= 200 && COMPLAINT.test(text) && NOT_COLLECTION.test(text) && !COLLECTION.test(text);
}

/** An outside collection agency named ("催收公司", "第三方", "collection agency"). */
const AGENCY =
  /催收公司|催收机构|催收機構|外包|第三方|委外|\b(collection|debt[- ]collect\w*|recovery) (agenc\w*|compan\w*|firm)|\bthird[- ]part(y|ies)\b|\boutsourc\w*/i;
/** Why, or by what right, the debt or the borrower's details went to it. */
const WHY_HANDED =
  /凭什么|憑什麼|为什么|為什麼|为啥|為啥|谁允许|誰允許|谁同意|誰同意|经过我同意|經過我同意|有什么权利|有什麼權利|合法吗|合法嗎|违法|違法|可以这样|可以這樣|\bwhy\b|\bwho (gave|allowed|authori[sz]ed)\b|\b(is|was) (it|that|this) (legal|allowed)\b|\bby what right\b/i;
const HANDED = /给|給|交给|交給|卖给|賣給|转给|轉給|转到|轉到|外包|委托|委託|泄露|洩露|\b(gave|give|given|sold|sell|pass(ed)?|hand(ed)?|shared?|outsourc\w*)\b/i;

/** Whether the collectors are an outside agency at all ("你们的催收是外包公司吗", "is the collector a third party?"). */
const IS_IT_AN_AGENCY =
  /是(不是)?[^，。,.!?！？]{0,6}(外包|第三方|委外|催收公司|催收机构|催收機構)[^，。,.!?！？]{0,4}([吗嗎吧]|$)|(还是|還是)[^，。,.!?！？]{0,4}(外包|第三方|委外)|\b(is|are) (it|this|that|he|she|they|the (caller|collectors?|person))\b.{0,25}\b(third[- ]part(y|ies)|(collection|debt[- ]collection) (agenc\w*|compan\w*)|outsourc\w*)/i;

/** "你们凭什么把我的信息给催收公司", "why did you pass my debt to a collection agency", "催收是外包的吗": asks, and asks for no task. */
export function asksWhyAnAgency(text: string): boolean {
  if (text.length > 120 || !AGENCY.test(text) || ASKS_A_TASK.test(text)) return false;
  return (WHY_HANDED.test(text) && HANDED.test(text)) || (text.length <= 40 && IS_IT_AN_AGENCY.test(text));
}

/** The borrower means to sue the lender ("我要起诉你们", "I'll take you to court"), not the other way round. */
const BORROWER_SUES =
  /^(那)?我(就)?(要|想|会|會|准备|準備|一定|打算){0,2}(去)?(法院)?(起诉|起訴|告)(你们|你們|贵公司|貴公司|你们公司|你們公司|催收)|\bi('ll| will| am going to|'m going to| want to| wanna)( be)? (sue|suing|take you to court)\b/i;

/** "我要起诉你们": the borrower's right, a complaint first if they like, 12378, a lawyer or legal aid. */
export function meansToSueTheLender(text: string): boolean {
  return text.length <= 60 && BORROWER_SUES.test(text.trim());
}

/** "我不想还了", "反正我没钱，爱怎么样怎么样", "I'm not paying": what happens then, said plainly, and what can help. */
const REFUSES_TO_PAY =
  /不想还|不想還|不打算还|不打算還|不还了|不還了|不会再还|不會再還|不会还的|不會還的|爱怎么样就?怎么样|愛怎麼樣就?怎麼樣|随便你们|隨便你們|反正我?没钱|反正我?沒錢|\bi('m| am) not (going to )?pay(ing)?\b|\bi won'?t pay\b|\bnot paying\b/i;

export function refusesToPay(text: string): boolean {
  return text.length <= 40 && REFUSES_TO_PAY.test(text) && !ASKS_A_TASK.test(text) && !/怎么还|怎麼還|how (do|can) i pay/i.test(text);
}

/** An insult at us and nothing else ("你们这些吸血鬼", "垃圾平台"): heard, and the way on offered; never answered in kind. */
const INSULT_ONLY =
  /^(你们|你們)?(这些|這些|这帮|這幫|就是|都是|真是)?(一群|一帮|一幫)?(吸血鬼|流氓|黑社会|黑社會|垃圾|人渣|王八蛋|强盗|強盜|土匪|骗子公司|騙子公司|高利贷公司|高利貸公司)(公司|平台|机构|機構)?[！!。.~～\s]*$|^(傻逼|傻b|sb|煞笔|垃圾|狗屎)(客服|公司|平台|机器人|機器人|app)?[！!。.~～\s]*$|^(fuck (you|off)|you (people |guys )?are (thieves|scum|bloodsuckers|crooks|a joke))[!.\s]*$/i;

export function isInsultOnly(text: string): boolean {
  return INSULT_ONLY.test(text.trim());
}

/** Why a charge is what it is ("罚息为什么这么多", "这个费用是什么费用", "how is the penalty calculated"). */
const CHARGE_QUESTION =
  /(罚息|罰息|费用|費用|手续费|手續費|利息|违约金|違約金|滞纳金|滯納金).{0,8}(为什么|為什麼|为啥|為啥|怎么算|怎麼算|怎么来的|怎麼來的|是什么|是什麼|哪来的|哪來的|这么多|這麼多|这么高|這麼高)|(为什么|為什麼|为啥|為啥).{0,10}(罚息|罰息|费用|費用|手续费|手續費|违约金|違約金|滞纳金|滯納金)|\b(why|how) (is|are|was|were) (the |my |this )?(penalty|penalties|fees?|charges?|interest)\b.{0,20}\b(so (high|much)|calculated|charged)\b|\bwhat (is|are) (this|these|the) (fees?|charges?)( for)?\b/i;

/** Asks how a charge came about, and asks for no task (a waiver or a plan beside it is a plan question). */
export function asksAboutACharge(text: string): boolean {
  return text.length <= 60 && CHARGE_QUESTION.test(text) && !ASKS_A_TASK.test(text);
}

/** A day the borrower will pay ("我明天就还", "下周一还", "I'll pay tomorrow"), and nothing else. */
const PROMISE_TO_PAY =
  /^(我|那我|等我)?(明天|后天|後天|今天|今晚|下周[一二三四五六日天]?|下週[一二三四五六日天]?|下个月|下個月|月底|周末|週末|马上|馬上|这就|這就|发工资后|發工資後|\d{1,2}号|\d{1,2}號)?[，,\s]?((发|發)(了)?(工资|工資)|(工资|工資)(到了|下来|下來|到账|到帳)|有钱|有錢)?(了|后|後|以后|以後|之后|之後)?[，,\s]?(就|会|會|一定|肯定|马上|馬上)?(去)?(还|還)(钱|錢|上|清)?(了|的|吧|啊)?[。！!.~～\s]*$|^i('ll| will) (pay|repay)( it| you)?( back)? (tomorrow|today|tonight|next (week|month)|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (week|weekend))[.!\s]*$/i;

/** A day, or payday, named in the promise ("还" alone or "我会还的" names neither). */
const WHEN_PAYING = /明天|后天|後天|今天|今晚|下周|下週|下个月|下個月|月底|周末|週末|马上|馬上|这就|這就|\d{1,2}[号號]|工资|工資|有钱|有錢|tomorrow|today|tonight|next|this/i;

export function promisesToPay(text: string): boolean {
  const t = text.trim();
  return PROMISE_TO_PAY.test(t) && WHEN_PAYING.test(t);
}

/** Moving the monthly due date ("能不能把还款日改到每月15号", "change my due date"): not a plan, and not self-service. */
const DUE_DATE_CHANGE =
  /(改|更改|修改|调整|調整|换|換|变更|變更|推迟|推遲|延后|延後).{0,6}(还款日|還款日|扣款日|账单日|帳單日|还款时间|還款時間)|(还款日|還款日|扣款日|账单日|帳單日).{0,8}(改|调|調|换|換|变|變|推迟|推遲)|\b(change|move|shift) (my |the )?(monthly )?(due|payment|repayment|billing) (date|day)\b/i;

/** Asks to move the due date, and for nothing else (a hardship named beside it is a plan request). */
export function asksToMoveDueDate(text: string): boolean {
  return text.length <= 80 && DUE_DATE_CHANGE.test(text) && !ASKS_A_TASK.test(text) && !toldHardship(text);
}

/** "逾期了怎么办", "借呗逾期了该怎么处理", "I'm overdue, what should I do": what to do now, with no task named. */
const OVERDUE_WHAT_NOW =
  /^(你好|您好|请问|請問)?[，,\s]*(我的?)?(借呗|借唄|花呗|花唄|微粒贷|微粒貸|借款|贷款|貸款|这笔|這筆|loan)?\s*(已经|已經|现在|現在)?\s*(逾期|预期|預期|overdue)了?[，,\s]*(那|我)?(该|該|应该|應該)?(怎么办|怎麼辦|咋办|咋辦|怎么处理|怎麼處理|如何处理|如何處理)[啊呀呢吧？?。！!\s]*$|^(i('m| am) (overdue|behind|late)( on my (loan|payments?))?|my (loan|payment) is overdue)[,.\s]*(what (should|do|can) i do( now)?)[?.!\s]*$/i;

/** What to do now that the loan is overdue, asked with no task named: the options, not "which did you mean?". */
export function asksWhatToDoWhenOverdue(text: string): boolean {
  return OVERDUE_WHAT_NOW.test(text.trim());
}

/**
 * "你们这样催收是违法的", "这是违法催收": the collection called unlawful, with nothing told of what happened. Words of
 * conduct beside it ("天天打电话骚扰是犯法的") make it a complaint for the recogniser.
 */
const UNLAWFUL = /违法|違法|犯法|不合法|不合規|不合规|\b(illegal|unlawful|against the law)\b/i;
const UNLAWFUL_FRAME =
  /违法|違法|犯法|不合法|不合規|不合规|你们|你們|这样|這樣|这是|這是|这么|這麼|催收|催款|做|搞|是|的|吧|啊|呀|了|知道吗|知道嗎|\b(this|that|is|it|your|you('re| are)?|are|collection|collecting|debt|illegal|unlawful|against the law|what|doing)\b/gi;

export function callsCollectionUnlawful(text: string): boolean {
  const t = text.trim();
  return t.length <= 30 && UNLAWFUL.test(t) && !ASKS_A_TASK.test(t) && t.replace(UNLAWFUL_FRAME, '').replace(/[\s\p{P}\p{S}]/gu, '').length === 0;
}

/**
 * "我想问一下", "有个问题", "I have a question": the question is still to come. After a greeting ("你好，请问一下") the
 * greeting's answer ("有什么可以帮您？") serves as well.
 */
const PREAMBLE =
  /^(我)?(想|要)?(问一下|問一下|请问一下|請問一下|问个问题|問個問題|问下|問下|咨询一下|諮詢一下|咨询个事|諮詢個事|有个问题|有個問題|有件事|有点事|有點事|打扰一下|打擾一下)[吗嗎呢啊呀。,，.!！?？…\s]*$|^(i have a (quick )?question|can i ask (you )?(something|a question)|quick question)[?.!\s]*$/i;

export function announcesAQuestion(text: string): boolean {
  return PREAMBLE.test(text.trim());
}

/** "12378是干嘛的，能管你们吗", "what is 12378": what the regulator's hotline is for. */
const ABOUT_12378 = /12378.{0,6}(是(什么|什麼|啥|干嘛|幹嘛|干什么|幹什麼|哪里|哪裡|哪个|哪個)|干嘛|幹嘛|管用|有用|能管|管得了)|(什么|什麼)是\s*12378|\bwhat(?:'s| is) 12378\b|\b12378\b.{0,20}\b(for|help|work)\b/i;

export function asksAbout12378(text: string): boolean {
  return text.length <= 40 && ABOUT_12378.test(text);
}

/** A fixed answer: which message a text gets (if any), and its buttons. */
interface FixedAnswer {
  /** The message, or messages said one after the other in one reply. */
  answer: (text: string) => MessageKey | readonly MessageKey[] | undefined;
  /** The tasks offered as buttons, or the main menu. */
  buttons: readonly Intent[] | 'menu';
  /** A last "verify and see my account" button for this intent's route. */
  verifyFor?: Intent;
}

const when = (test: (text: string) => boolean, key: MessageKey | readonly MessageKey[]) => (text: string) => (test(text) ? key : undefined);

/** The fixed answers, the first that fits winning. */
const FIXED_ANSWERS: readonly FixedAnswer[] = [
  // A plea: care, 110 if in danger, the menu.
  { answer: when(isPlea, 'core.plea'), buttons: 'menu' },
  // A question announced, not yet asked: "go ahead", the menu.
  { answer: when(announcesAQuestion, 'core.askAway'), buttons: 'menu' },
  // Fear told alone: calm, the civil-matter fact, what the bot can do about what frightens people, the menu.
  { answer: when(toldFearOnly, 'core.afraid'), buttons: 'menu' },
  // Someone asking about another person's debt: only the borrower, once verified, hears about it.
  { answer: when(asksAboutSomeoneElsesDebt, 'core.someoneElsesDebt'), buttons: ['human_agent'] },
  // Someone who is not the borrower: the rules on third parties, or 110 for a misused identity; a person.
  {
    answer: (text) => {
      const who = notTheBorrower(text);
      return who === 'third_party' ? 'core.notBorrower' : who === 'identity_misused' ? 'core.identityMisused' : undefined;
    },
    buttons: ['human_agent'],
  },
  // A complaint about a deduction, a charge, the service or the app: a person, the app's complaint channel, 12378.
  { answer: when(complainsOfOtherThanCollection, 'core.otherComplaint'), buttons: ['human_agent', 'account_status'] },
  // The rate called usury: the contract's terms, what the private-lending cap covers, where to complain, a court
  // decides (domain.md section 4).
  { answer: when(disputesTheRate, 'core.rateDispute'), buttons: ['account_status', 'human_agent'] },
  // A document the lender issues: it cannot be issued here; a person.
  { answer: when(asksForDocument, 'core.documents'), buttons: ['human_agent'] },
  // Why the debt went to an outside agency: it may, after telling the borrower, and the agency keeps the same rules
  // (domain.md section 3). "Verify and see my account" shows the team that handles the account and its numbers.
  { answer: when(asksWhyAnAgency, 'core.agency'), buttons: ['verify_collector', 'harassment_complaint', 'human_agent'], verifyFor: 'cannot_reach_collector' },
  // "逾期了怎么办": pay through the app if possible, a plan if not, the account once verified; civil, no arrest.
  { answer: when(asksWhatToDoWhenOverdue, 'core.overdueWhatNow'), buttons: ['account_status', 'installment_plan', 'repayment_howto', 'human_agent'] },
  // Moving the due date: a person decides; a plan if paying is the trouble.
  { answer: when(asksToMoveDueDate, 'core.dueDateChange'), buttons: ['human_agent', 'installment_plan', 'account_status'] },
  // The borrower means to sue us: their right; a complaint first if they like (15 days), 12378, a lawyer or legal aid.
  { answer: when(meansToSueTheLender, 'core.borrowerSues'), buttons: ['harassment_complaint', 'human_agent'] },
  // How a charge came about: the contract decides; the loan details and the contract show it; a person checks one.
  { answer: when(asksAboutACharge, 'core.chargeQuestion'), buttons: ['account_status', 'human_agent', 'installment_plan'] },
  // A day the borrower will pay: thanks, the official app, keep the receipt, a plan if the money falls short.
  { answer: when(promisesToPay, 'core.promiseToPay'), buttons: ['account_status', 'repayment_howto', 'installment_plan'] },
  // Refusing to pay: what happens then, without threats (domain.md §1), and what can help: a plan, a person.
  { answer: when(refusesToPay, 'core.refusesToPay'), buttons: ['installment_plan', 'human_agent', 'account_status'] },
  // An insult at us and nothing else: heard, and the way on offered (the menu).
  { answer: when(isInsultOnly, 'core.insulted'), buttons: 'menu' },
  // The collection called unlawful: the rules collectors keep, and a complaint or a person.
  { answer: when(callsCollectionUnlawful, ['complaints.rules', 'complaints.rulesOffer']), buttons: ['harassment_complaint', 'human_agent'] },
  // What 12378 is: the regulator's consumer-complaint hotline, after the lender's own channel.
  { answer: when(asksAbout12378, 'core.about12378'), buttons: ['harassment_complaint', 'human_agent'] },
  // Wanting to call the police: when to call 110 and 96110, a complaint, the caller check and a person.
  { answer: when(wantsPolice, 'core.police'), buttons: ['harassment_complaint', 'verify_collector', 'human_agent'] },
];

/** The fixed answer to the message, with its buttons, if it gets one (FIXED_ANSWERS). */
export function fixedReply(text: string, locale: Locale): Partial<Activity> | undefined {
  for (const fixed of FIXED_ANSWERS) {
    const key = fixed.answer(text);
    if (!key) continue;
    const buttons = fixed.buttons === 'menu' ? menuActions(locale) : fixed.buttons.map((i) => imBack(intentLabel(locale, i)));
    const message = (typeof key === 'string' ? [key] : key).map((k) => t(locale, k)).join('\n\n');
    return MessageFactory.suggestedActions(fixed.verifyFor ? [...buttons, verifyAction(locale, fixed.verifyFor)] : buttons, message);
  }
  return undefined;
}
