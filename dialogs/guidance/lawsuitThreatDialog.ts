import type { CardAction, TurnContext } from 'botbuilder';
import type { LegalStage } from '../../services/accounts/accountSchemas';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { t, type Locale, type MessageKey } from '../messages';
import type { RouteOptions } from '../routes';
import { InfoAnswerDialog, type GuidanceDeps } from './infoAnswerDialog';
import { intentActions, nextAction } from './nextActions';

export const LAWSUIT_THREAT_DIALOG = 'guidance.lawsuitThreat';

/** Words that show a collector threatened criminal consequences (read from the borrower's message, never said back). */
const CRIMINAL_THREAT =
  /坐牢|做牢|坐監|坐监|被关|被關|关起来|關起來|监狱|監獄|抓[你我人]|抓起来|抓起來|拘留|逮捕|判刑|刑事|犯罪|涉嫌|骗贷|騙貸|恶意逃债|惡意逃債|报案|報案|说我(是)?诈骗|說我(是)?詐騙|公安|警察|派出所|jail|arrest|prison|criminal|fraud|police/i;

export function mentionsCriminalThreat(text: string | undefined): boolean {
  return CRIMINAL_THREAT.test(text ?? '');
}

/** Jail or arrest named ("欠钱不还会坐牢吗", "will I be arrested"): the answer to that comes first. */
const JAIL =
  /坐牢|做牢|坐監|坐监|被关|被關|关起来|關起來|监狱|監獄|抓[你我人]|抓起来|抓起來|拘留|逮捕|判刑|刑事|犯罪|涉嫌|骗贷|騙貸|恶意逃债|惡意逃債|报案|報案|说我(是)?诈骗|說我(是)?詐騙|\b(jail|arrest\w*|prison|criminal|fraud)\b/i;

/** Someone who said they were from a court, the police or a procuratorate ("自称法院的人", "he is from the court"). */
const POSES_AS_OFFICIAL =
  /(自称|自稱|说是|說是|冒充|假冒|假装|假裝|称是|稱是|说他是|說他是|说自己是|說自己是)(是)?.{0,4}(法院|法官|公安|警察|派出所|检察院|檢察院|法务|法務|政府)|\b(someone|somebody|a (man|woman|guy|person|caller)|he|she|they|the caller)\b.{0,30}\b(from|with) the (court|police)\b|\b(claim\w*|pretend\w*|said|says|saying) (to be|he is|she is|they are|he was|she was|they were)( from)? (a |the )?(court|judge|police|officer|official)/i;

export function posesAsOfficial(text: string | undefined): boolean {
  return POSES_AS_OFFICIAL.test(text ?? '');
}

/** Court papers the borrower says arrived, or a suit they say was filed ("法院传票到了", "收到开庭短信", "I got a summons"). */
const PAPERS_RECEIVED =
  /(收到|接到|寄来|寄來|送来|送來|来了|來了|到了|拿到)[^，。,.!?！？]{0,8}(传票|傳票|应诉通知|應訴通知|起诉状|起訴狀|开庭|開庭|判决书|判決書|法院的?(短信|簡訊|信|文书|文書|通知|材料|電話|电话))|(传票|傳票|应诉通知|應訴通知|起诉状|起訴狀|开庭通知|開庭通知)[^，。,.!?！？]{0,4}(到了|来了|來了|收到了)|我(已经|已經)?被(起诉|起訴|告)了|\b(got|received|have) (a |the )?(summons|court (papers?|letter|notice|sms|text)|hearing notice)\b|\bi('ve| have)? been sued\b/i;
/** A payment order (支付令) named: its own 15-day rule. */
const PAYMENT_ORDER = /支付令|\bpayment order\b/i;
/** The defaulter list or a restricted-consumption order named ("上失信黑名单", "限高", "孩子不能上学"). */
const ENFORCEMENT_LISTS = /失信|黑名单|黑名單|老赖|老賴|限高|限制消费|限制消費|高消费|高消費|孩子.{0,6}(上学|上學|读书|讀書|考公|学校|學校)|子女.{0,6}(上学|上學|学校|學校)|政审|政審|\b(blacklist\w*|defaulter list|travel ban|consumption ban)\b/i;
/** Mediation named ("调解中心打电话说要诉前调解"): it is real, and how to check it (domain.md section 3). */
const MEDIATION = /调解|調解|\bmediat(ion|or|e)\b/i;
/** A mediation body or step named: the lawsuit answer, not the scam check its "是不是骗子" would get. */
export const NAMES_MEDIATION = /诉前调解|訴前調解|先行调解|先行調解|调解中心|調解中心|调解员|調解員|调解委员会|調解委員會|\b(pre-?litigation|court) mediation\b|\bmediation (centre|center)\b/i;

export function saysPapersArrived(text: string | undefined): boolean {
  return PAPERS_RECEIVED.test(text ?? '');
}

const STAGE_KEY: Record<LegalStage['stage'], MessageKey> = {
  none: 'guidance.lawsuit.stage.none',
  lawyer_letter: 'guidance.lawsuit.stage.lawyer_letter',
  mediation: 'guidance.lawsuit.stage.mediation',
  filed: 'guidance.lawsuit.stage.caseFiled',
  judgment: 'guidance.lawsuit.stage.judgment',
  enforcement: 'guidance.lawsuit.stage.enforcement',
};

const party = (locale: Locale, name: string | undefined) => (!name ? '' : locale === 'en' ? ` (${name})` : `（${name}）`);

/** The account's legal stage in plain words: only what the lender's data shows, with the case number when there is one. */
export function legalStageText(locale: Locale, legal: LegalStage): string {
  switch (legal.stage) {
    case 'none':
      return t(locale, STAGE_KEY.none);
    case 'lawyer_letter':
      return t(locale, STAGE_KEY.lawyer_letter, { date: legal.sentOn, party: party(locale, legal.lawFirm) });
    case 'mediation':
      return t(locale, STAGE_KEY.mediation, { date: legal.since, party: party(locale, legal.mediator) });
    case 'filed':
      return t(locale, STAGE_KEY.filed, { date: legal.filedOn, court: legal.court, caseNumber: legal.caseNumber });
    case 'judgment':
      return t(locale, STAGE_KEY.judgment, { date: legal.judgedOn, court: legal.court, caseNumber: legal.caseNumber });
    case 'enforcement':
      return t(locale, STAGE_KEY.enforcement, { date: legal.since, court: legal.court, caseNumber: legal.caseNumber });
  }
}

/**
 * `lawsuit_threat`: overdue debt is generally civil; real court papers come from the court and can be checked
 * (area code + 12368, 人民法院在线服务); a lawyer's letter is not a court document. Verified: the actual legal stage.
 * A collector threatening criminal consequences: offer a misconduct complaint. Papers that arrived: check them, do not
 * ignore real ones, mediation first; a payment order's 15 days (domain.md section 3).
 */
export class LawsuitThreatDialog extends InfoAnswerDialog {
  constructor(deps: GuidanceDeps) {
    super(LAWSUIT_THREAT_DIALOG, 'lawsuit_threat', deps);
  }

  protected facts(context: TurnContext, locale: Locale): string[] {
    const text = context.activity.text;
    return [
      ...(JAIL.test(text ?? '') ? [t(locale, 'guidance.lawsuit.criminal')] : []),
      t(locale, 'guidance.lawsuit.facts'),
      ...(saysPapersArrived(text) ? [t(locale, 'guidance.lawsuit.papers')] : []),
      ...(PAYMENT_ORDER.test(text ?? '') ? [t(locale, 'guidance.lawsuit.paymentOrder')] : []),
      ...(MEDIATION.test(text ?? '') ? [t(locale, 'guidance.lawsuit.mediation')] : []),
      ...(ENFORCEMENT_LISTS.test(text ?? '') ? [t(locale, 'guidance.lawsuit.lists')] : []),
      ...(posesAsOfficial(text) ? [t(locale, 'guidance.lawsuit.impersonation')] : []),
      ...(mentionsCriminalThreat(text) ? [t(locale, 'guidance.lawsuit.threat')] : []),
    ];
  }

  /** Asked again ("那我怎么知道是不是真的起诉了"): how to check for a real case. */
  protected override essentials(locale: Locale): string {
    return t(locale, 'guidance.lawsuit.check');
  }

  protected async sendPersonal(context: TurnContext, locale: Locale, snapshot: AccountSnapshot): Promise<void> {
    await context.sendActivity(legalStageText(locale, snapshot.account.legal));
  }

  protected next(context: TurnContext, locale: Locale, _options: RouteOptions): { key: MessageKey; actions: CardAction[] } {
    const actions = intentActions(locale, ['installment_plan', 'human_agent']);
    if (mentionsCriminalThreat(context.activity.text)) {
      actions.unshift(nextAction(t(locale, 'guidance.button.complaintThreat'), { intent: 'harassment_complaint', category: 'threat' }));
    }
    return { key: 'guidance.lawsuit.next', actions };
  }
}
