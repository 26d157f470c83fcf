import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { formatFen } from '../../services/accounts/accountSchemas';
import type { PlanPolicy } from '../../services/plans/planPolicy';
import { t, type Locale } from '../messages';
import { asksAQuestion } from '../questionForm';
import { turnInfoOrUndefined } from '../turnInfo';
import { collectionDuringReviewText, countList } from './planText';

/**
 * Questions about what a plan is like, whoever asks them: what it costs, whether the penalty interest can be waived or
 * the debt reduced, how long it can run, how long the review takes, what "停息挂账" is, and why collectors still call
 * during one. They need no account, so they are answered from the policy straight away, before
 * verification or at any step of the plan flow, instead of "please enter your mobile" or being taken as the answer
 * to the step's question.
 */
export type PlanTerm = 'stopInterest' | 'waiver' | 'reduction' | 'cost' | 'length' | 'review' | 'chased';

const COST = /手续费|手續費|利息|费用|費用|收费|收費|收钱|收錢|服务费|服務費|加钱|加錢|额外|額外|多收|多交|另外(收|交|付|加)|交钱|交錢|\b(fees?|interest|charges?|costs?)\b/i;
const LENGTH =
  /几期|幾期|多少期|分多久|分多长|分多長|最长|最長|最多.{0,4}期|最少.{0,6}(期|每[个個]?月|一期)|每期最少|每[个個]月最少|\bhow many (months|installments|instalments|payments)\b|\b(longest|maximum|max|minimum)\b/i;
const REVIEW =
  /(审核|審核|批下来|批下來|批准|通过|通過|结果|結果).{0,6}(多久|多长时间|多長時間|几天|幾天|什么时候|什麼時候)|(多久|多长时间|多長時間|几天|幾天|什么时候|什麼時候).{0,6}(审核|審核|批|通过|通過|结果|結果|答复|答覆)|\bhow long\b.{0,30}\b(review|approv\w*|decision|answer)|\bwhen\b.{0,30}\b(approv\w*|decision|hear back)/i;
/** "能不能把罚息免了", "can the penalty be waived": what the policy allows, subject to review. */
const WAIVER = /(免|减免|減免|豁免|少收|不收).{0,4}(罚息|罰息|滞纳金|滯納金)|(罚息|罰息|滞纳金|滯納金).{0,6}(免|减免|減免|豁免|少收|不收)|\bwaive\w*|\bwaiver\b|\b(remov|cancel|drop|forgiv|wip|reduc)\w*\b.{0,20}\b(late fees?|late charges?|penalt(y|ies)( interest| charges?)?)\b|\b(late fees?|penalt(y|ies)( interest| charges?)?)\b.{0,20}\b(removed|cancell?ed|dropped|forgiven|wiped|reduced)\b/i;
/**
 * "我能不能只还本金", "欠款能不能减免一部分", "能打个折吗", "can you reduce what I owe": less than what is owed. Nothing can be
 * promised; the policy's penalty waiver (if any) is what a plan may bring, and paid "debt relief" agents are a scam.
 */
const REDUCTION =
  /只(还|還)本金|本金以外|(减免|減免)(一部分|一些|一点|一點|部分|点|點|利息|欠款|债务|債務|本金)?|少(还|還)(一点|一點|一些|点|點)|打(个|個)?折|折扣|\b(reduce|lower|cut)\b.{0,20}\b(debt|balance|what i owe|amount)\b|\bsettle for less\b|\bdiscount\b|\bonly (pay|repay) (back )?the principal\b|\bwrite (it )?off\b/i;
/** "我已经在分期了为什么还有人催", "分期审核期间还在催收吗": collection while a plan is under review or running. */
const CHASED =
  /(已经|已經|正在|在|申请了|申請了|办了|辦了|办理了|辦理了|提交了)[^，。,.!?！？]{0,4}(分期|协商|協商)[^。.!?！？]{0,14}(催|打电话|打電話|联系我|聯繫我)|(分期|协商|協商)[^，。]{0,4}(期间|期間|中|以后|以後|之后|之後)[^。.!?！？]{0,8}(催|打电话|打電話)|\bstill\b.{0,20}\b(call\w*|chas\w*|contact\w*)\b.{0,30}\b(plan|installments?)\b|\b(plan|installments?)\b.{0,30}\bstill\b.{0,20}\b(call\w*|chas\w*|contact\w*)/i;
/** Named in any form, asked or demanded: the borrower may take it for a right. */
const STOP_INTEREST = /停息|挂账|掛賬|掛帳|\b(stop|freeze|suspend)\w*\s+(the\s+|my\s+)?interest\b/i;

/**
 * The plan terms a typed message asks about, in the order they are answered (none for anything else).
 * `named`: 停息挂账 counts when only named ("我要停息挂账"), as in the message that starts a plan request.
 */
export function planTermsAsked(text: string | undefined, options: { named?: boolean } = {}): PlanTerm[] {
  const s = text?.trim() ?? '';
  if (!s || s.length > 200) return [];
  const asks = asksAQuestion(s);
  const terms: PlanTerm[] = [];
  if (STOP_INTEREST.test(s) && (asks || options.named)) terms.push('stopInterest');
  if (!asks) return terms;
  if (WAIVER.test(s)) terms.push('waiver');
  else if (REDUCTION.test(s)) terms.push('reduction');
  else if (COST.test(s)) terms.push('cost');
  if (LENGTH.test(s)) terms.push('length');
  if (REVIEW.test(s)) terms.push('review');
  if (CHASED.test(s)) terms.push('chased');
  return terms;
}

/** The answer, from the policy's own numbers. */
export function planTermsText(locale: Locale, terms: readonly PlanTerm[], policy: PlanPolicy): string | undefined {
  // Without a waiver in the policy there is nothing the bot may say about one: a person decides.
  const waiver = policy.penaltyWaiver ? [t(locale, 'plan.terms.waiver', { percent: policy.penaltyWaiver.percent })] : [];
  return terms
    .flatMap((term) => {
      switch (term) {
        case 'stopInterest':
          return [t(locale, 'plan.terms.stopInterest')];
        case 'waiver':
          return waiver;
        case 'reduction':
          return [t(locale, 'plan.terms.reduction'), ...waiver, t(locale, 'plan.terms.reductionNext')];
        case 'cost':
          return [
            policy.annualRateBps === 0 ? t(locale, 'plan.terms.noCost') : t(locale, 'plan.terms.rate', { rate: String(policy.annualRateBps / 100) }),
            ...waiver,
          ];
        case 'length':
          return [t(locale, 'plan.terms.length', { counts: countList(locale, policy.installmentCounts), minimum: formatFen(policy.minimumInstallmentFen) })];
        case 'review':
          return [t(locale, 'plan.terms.review', { days: policy.reviewWorkingDays }), collectionDuringReviewText(locale, policy)];
        case 'chased':
          return [collectionDuringReviewText(locale, policy), t(locale, 'plan.terms.chased')];
      }
    })
    .join('\n') || undefined;
}

/**
 * The answer to a typed question about plan terms at a step of a plan or hardship flow (verification included). A
 * button, a card or a message with digits answers the step instead. `except`: terms this flow does not answer (a
 * hardship review is not a plan request: its review time is its own).
 */
export function planTermsAtStep(context: TurnContext, policy: PlanPolicy, except: readonly PlanTerm[] = []): string | undefined {
  return /\d/.test(context.activity.text ?? '') ? undefined : planTermsAnswer(context, policy, { except });
}

/**
 * The policy's answer to the plan terms this turn's typed message asks about (none for a button or a card), in the
 * turn's language. `named` and `except` as for `planTermsAsked` and `planTermsAtStep`.
 */
export function planTermsAnswer(
  context: TurnContext,
  policy: PlanPolicy,
  options: { named?: boolean; except?: readonly PlanTerm[] } = {},
): string | undefined {
  const { activity } = context;
  if (activity.value !== undefined) return undefined;
  const terms = planTermsAsked(activity.text, options).filter((term) => !options.except?.includes(term));
  return terms.length > 0 ? planTermsText(turnInfoOrUndefined(context)?.locale ?? 'zh-CN', terms, policy) : undefined;
}

/** That answer, "let's continue", then the step's question again; undefined (nothing sent) when there is none. */
export async function answerPlanTermsAtStep(
  innerDc: DialogContext,
  policy: PlanPolicy,
  except: readonly PlanTerm[] = [],
): Promise<DialogTurnResult | undefined> {
  const answer = planTermsAtStep(innerDc.context, policy, except);
  if (!answer) return undefined;
  await innerDc.context.sendActivity(answer);
  await innerDc.context.sendActivity(t(turnInfoOrUndefined(innerDc.context)?.locale ?? 'zh-CN', 'core.helpResume'));
  await innerDc.repromptDialog();
  return Dialog.EndOfTurn;
}
