/**
 * Phrases the tone rules of the conversation design forbid in anything the bot says. Checked by a test over every
 * catalog message in every locale. Rules name what they guard so a failure explains itself.
 */
export const FORBIDDEN: Array<{ rule: string; pattern: RegExp }> = [
  { rule: 'no arrest or jail talk', pattern: /坐牢|逮捕|拘留|判刑|入狱|入獄|抓人|抓你|arrest|jail|prison/i },
  { rule: 'no blacklist threats', pattern: /黑名单|黑名單|blacklist/i },
  { rule: 'a home visit is not illegal in itself', pattern: /上门.{0,8}(违法|非法)|上門.{0,8}(違法|非法)|(home )?visits? (is|are) illegal|illegal (home )?visit/i },
  {
    rule: 'no promises of plans, waivers or deletion',
    pattern:
      /(保证|保證|一定|肯定|承诺|承諾)[^，。,.]{0,10}(通过|通過|批准|减免|減免|免除|删除|刪除|消除|洗白)|(?<!不)(?<!無法)(?<!无法)(会|會|可以|能)(帮您|幫您|为您|為您)?(删除|刪除|消除|洗白)|guarantee|we will (waive|delete|approve|remove)|will be (approved|waived|deleted)/i,
  },
  { rule: 'no threats or pressure', pattern: /最后警告|最後警告|后果自负|後果自負|last warning|or else|通知您?的?(家人|单位|單位|通讯录|通訊錄)|tell your (family|employer)/i },
  { rule: 'never ask for payment to a personal account', pattern: /请(转账|汇款|打款)到|請(轉帳|匯款|打款)到|pay (it )?(in)?to (this|my|the following) (personal )?account/i },
  { rule: 'never ask for passwords or codes to be shared with a person', pattern: /(告诉|告訴|发给|發給)(我|客服|专员|專員)[^。]{0,6}(密码|密碼|验证码|驗證碼)|tell (me|us) your (password|pin)/i },
];

/** The rules a text breaks (empty when it is fine). */
export function toneViolations(text: string): string[] {
  return FORBIDDEN.filter(({ pattern }) => pattern.test(text)).map(({ rule }) => rule);
}
