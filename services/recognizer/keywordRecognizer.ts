import { INTENTS, type Intent, type IntentRecognizer, type RecognitionResult, type RecognizeContext } from './intentRecognizer';
import { detectLanguage } from './language';

/**
 * Minimal KEYWORD recogniser: a stop-gap behind the IntentRecognizer port so the bot runs end to end before the
 * embedded statistical recogniser exists. Substring rules only; no entities.
 */
const RULES: Array<[Intent, RegExp]> = [
  ['human_agent', /转人工|轉人工|人工客服|真人|talk to a (person|human)|real person|human agent/i],
  ['cancel', /^(取消|算了|不要了|cancel|stop|never ?mind)$/i],
  ['help', /^(帮助|幫助|help|菜单|選單|菜單|menu)$|能做什么|能做什麼|what can you do/i],
  ['harassment_complaint', /骚扰|騷擾|爆通讯录|爆通訊錄|骂|罵|威胁|威脅|harass|threaten|insult/i],
  ['lawsuit_threat', /起诉|起訴|律师函|律師函|坐牢|法院|传票|傳票|sue|lawsuit|court/i],
  ['doorstep_visit', /上门|上門|到我单位|到我單位|home visit|visit my home|come to my (home|house)/i],
  ['negotiation_refused', /不同意.*分期|不能协商|不能協商|拒绝协商|拒絕協商|refuse[sd]? to negotiate/i],
  ['installment_plan', /分期|协商|協商|延期|减免|減免|installment|payment plan/i],
  ['cannot_reach_collector', /打不通|联系不上|聯繫不上|不回|can'?t reach/i],
  ['verify_collector', /是你们的吗|是你們的嗎|个人账户|個人帳戶|诈骗|詐騙|scam|really you/i],
  ['credit_report', /征信|徵信|信用报告|信用報告|credit report/i],
  ['repayment_howto', /怎么还|怎麼還|还款方式|還款方式|扣款|how (do|can) i (re)?pay/i],
  ['account_status', /欠多少|还欠|還欠|逾期多少|罚息|罰息|还款日|還款日|how much do i owe|balance/i],
  ['thanks', /谢谢|謝謝|thank/i],
  ['goodbye', /再见|再見|拜拜|bye/i],
  ['greeting', /^(你好|您好|hi|hello|hey)/i],
];

export class KeywordRecognizer implements IntentRecognizer {
  async recognize(text: string, context: RecognizeContext): Promise<RecognitionResult> {
    const trimmed = text.trim().slice(0, 2000);
    const hit = RULES.find(([, re]) => re.test(trimmed));
    const intent: Intent = hit ? hit[0] : 'none';
    const scores = Object.fromEntries(INTENTS.map((i) => [i, i === intent ? 0.9 : 0])) as Record<Intent, number>;
    return {
      text,
      intent,
      score: 0.9,
      runnerUp: { intent: intent === 'none' ? 'help' : 'none', score: 0 },
      scores,
      entities: [],
      language: detectLanguage(trimmed, context.previousLanguage),
      source: 'keyword',
    };
  }
}
