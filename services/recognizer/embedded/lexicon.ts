/**
 * A small domain lexicon: words of consumer-credit customer service grouped into concepts. A text containing
 * any word of a concept gets the feature `%CONCEPT`, and every pair of concepts present gets `%A+B`
 * (e.g. `%overdue+credit` for 逾期…征信). Synonyms then share weight: a word seen in training for one concept
 * helps its unseen siblings, and the pair features separate "my overdue debt" from "using the product".
 * Applied to the normalised text (Simplified, typos corrected).
 */
export const LEXICON: Readonly<Record<string, readonly string[]>> = {
  // using the product: out of scope for the post-loan bot
  limit: ['额度', '提额', '降额', '调额', '涨额', '额渡', '临额', '授信'],
  open: ['开通', '开启', '激活', '关闭', '关掉', '注销', '入口', '开不了', '用不了', '不能用', '没有了', '不见了', '评估'],
  shop: ['商品', '购物', '下单', '订单', '淘宝', '天猫', '商家', '卖家', '店家', '发货', '退货', '退款', '快递', '售后', '收款码', '收钱码', '扫码', '买东西', '分期购', '购买', '付款', '支付'],
  admin: ['绑定', '解绑', '绑卡', '换绑', '手机号', '实名', '认证', '登录', '密码', '人脸', '刷脸', '账号', '闪退'],
  promo: ['红包', '优惠券', '免息券', '积分', '奖励金', '活动', '抽奖', '赏金', '打折券'],
  newloan: ['借款申请', '审核', '放款', '到账', '能借', '借多少', '借不了', '借不出', '被拒', '未通过', '不通过', '利率', '年化'],
  // in scope
  credit: ['征信', '信用报告', '不良记录', '信用记录', '人行', '央行', '人民银行', '黑名单', '芝麻分', '芝麻信用', '结清证明', '影响信用', '信用'],
  bill: ['账单', '应还', '待还', '欠', '还剩', '剩余', '本金', '罚息', '利息', '滞纳金', '还款日', '到期', '多少钱', '几号', '哪天', '明细'],
  pay: ['还款', '还钱', '扣款', '提前还', '结清', '自动还', '还清', '还了', '怎么还', '在哪还', '到账'],
  defer: ['分期', '延期', '推迟', '宽限', '协商', '展期', '停息', '挂账', '减免', '还不上', '还不起', '没钱', '缓', '晚点还', '最低还款'],
  overdue: ['逾期', '晚还', '拖欠', '迟还', '没还'],
  scam: ['冒充', '诈骗', '骗子', '被骗', '转账', '个人账户', '私人', '链接', '验证码', '自称', '安全账户', '保证金', '是你们', '真的吗', '假的'],
  human: ['人工', '客服', '真人'],
  collector: ['催收', '催款', '贷后', '专员', '催债'],
  legal: ['起诉', '法院', '律师', '坐牢', '立案', '判刑', '传票', '被抓', '失信', '强制执行', '告我'],
  harass: ['骚扰', '通讯录', '家人', '亲戚', '朋友', '同事', '领导', '辱骂', '威胁', '恐吓', '曝光'],
  visit: ['上门', '来我家', '到我家', '到我单位', '到我公司'],
  refused: ['拒绝', '不同意', '不给', '没通过', '不能分期', '不让'],
  unreach: ['联系不上', '联系不到', '打不通', '没人接', '不接电话', '不回', '找不到人', '失联', '空号', '关机', '占线'],
  sales: ['推销', '营销', '推广', '广告', '业务员', '代办'],
};

/** Phrases whose words would fire a misleading concept (上门 of a sales visit is not a collection visit). */
const MASKS: ReadonlyArray<[RegExp, string]> = [[/上门(?=推销|推广|营销|服务|办理|安装|维修|取件|取货|送货)/g, '']];

/** Lexicon words by their first UTF-16 code unit: one scan of the text finds every word (no per-word search). */
const BY_FIRST = new Map<number, Array<[string, string]>>();
for (const [concept, words] of Object.entries(LEXICON)) {
  for (const w of words) {
    const list = BY_FIRST.get(w.charCodeAt(0)) ?? [];
    list.push([w, concept]);
    BY_FIRST.set(w.charCodeAt(0), list);
  }
}

/** Concept features of a normalised text (see module comment). */
export function lexiconFeatures(text: string): string[] {
  for (const [re, to] of MASKS) text = text.replace(re, to);
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const candidates = BY_FIRST.get(text.charCodeAt(i));
    if (candidates === undefined) continue;
    for (const [word, concept] of candidates) if (!found.has(concept) && text.startsWith(word, i)) found.add(concept);
  }
  const concepts = [...found].sort();
  const out = concepts.map((c) => `%${c}`);
  for (let i = 0; i < concepts.length; i++) for (let j = i + 1; j < concepts.length; j++) out.push(`%${concepts[i]}+${concepts[j]}`);
  return out;
}
