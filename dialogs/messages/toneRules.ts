/**
 * Phrases the tone rules of the conversation design forbid in anything the bot says. Checked by a test over every
 * catalog message in every locale (rendered with sample parameters). Rules name what they guard so a failure
 * explains itself.
 *
 * Some rules forbid words the bot legitimately needs when it reassures or explains ("催收人员无权抓人", "collectors
 * cannot arrest you", "we never promise deletion", "如果有人说要起诉您…"). Those rules list what excuses a match:
 * a negation just before it in the same clause, a third party's words being reported, or a word quoted as a
 * mention (「洗白征信」). A conditional consequence ("不还就…", "if you don't pay…") never counts as a negation.
 */

/** What can excuse a match of a rule. */
type Excuse = 'negated' | 'reported' | 'quoted';

export interface ToneRule {
  rule: string;
  pattern: RegExp;
  excuses?: readonly Excuse[];
}

// --- what excuses a match (looked for in the clause just before it) ---

/** Clause boundaries: a negation or a quotation does not reach across them. */
const CLAUSE_BREAK = /[，。！？；、,.!?;\n：:]/;
/** Words between a negation and the match that turn it into a conditional threat ("不能按时还就抓你"). */
const CONDITIONAL_ZH = '就|则|則|才|否则|否則|不然|要不';
const NEGATION_ZH = new RegExp(
  '(?:不会|不會|不能|不可能|不可以|不得|不应|不應|不用|不必|不代表|不等于|不等於|不意味|无权|無權|无法|無法|没有权|沒有權|' +
    '绝不|絕不|从不|從不|从来不|從來不|并不|並不|不是|并非|並非|不存在|谁也不能|誰也不能|任何人都不能)' +
    `(?:(?!${CONDITIONAL_ZH})[^，。！？；,.!?;\\n]){0,8}$|不$`,
);
const NEGATION_EN =
  /\b(?:not|never|cannot|can't|won't|don't|doesn't|isn't|aren't|no|nobody|no one|no (?:power|right|authority) to)\b(?:(?!\b(?:if|unless|then|otherwise|or else|pay|repay)\b)[^,.;!?\n]){0,30}$/i;
/** Someone else's words being reported ("催收说要起诉您", "a collector says you will be arrested"). */
const REPORTED_ZH =
  /(?:对方|對方|催收(?:人员|人員|员|員)?|有人|他们|他們|来电|來電|短信|簡訊|律师函|律師函|自称|自稱)[^，。！？；,.!?;\n]{0,6}(?:说|說|称|稱|声称|聲稱|扬言|揚言|威胁|威脅|表示|告诉您|告訴您)[^，。！？；,.!?;\n]{0,8}$/;
const REPORTED_EN =
  /\b(?:they|collectors?|someone|somebody|anyone|callers?|the caller|a caller|he|she|a message|the message|a text|an sms)\b[^,.;!?\n]{0,20}\b(?:says?|said|claims?|claimed|tells? you|told you|threatens?|threatened|warns?|warned)\b[^,.;!?\n]{0,25}$/i;
const OPENING_QUOTE = /["“「『'‘]$/;

function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  let start = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_BREAK.test(before[i])) {
      start = i + 1;
      break;
    }
  }
  return before.slice(start);
}

function excused(text: string, index: number, excuses: readonly Excuse[]): boolean {
  const clause = clauseBefore(text, index);
  return excuses.some((excuse) => {
    if (excuse === 'negated') return NEGATION_ZH.test(clause) || NEGATION_EN.test(clause);
    if (excuse === 'reported') return REPORTED_ZH.test(clause) || REPORTED_EN.test(clause);
    return OPENING_QUOTE.test(text.slice(0, index));
  });
}

// --- building blocks ---

/** Promise words ("将全部减免", "保证减免", "一定会…"). */
const PROMISE_ZH = '将|將|会|會|一定|肯定|保证|保證|承诺|承諾|确保|確保|必定|必然|马上|馬上|直接|包';
/** Words that may sit between a promise word and what is promised. */
const FILLER_ZH =
  '全部|全额|全額|部分|所有|一律|都|被|予以|为您|為您|帮您|幫您|给您|給您|替您|为你|為你|帮你|幫你|给你|給你|会|會|能|可以|一定|就|罚息|罰息|利息|费用|費用|您的|你的|的|马上|馬上|自动|自動|永久|彻底|徹底';
const WAIVE_ZH = '减免|減免|免除|免掉|免去|豁免|一笔勾销|一筆勾銷|停息挂账|停息掛賬|停息掛帳|免息';
const DELETE_ZH = '清除|删除|刪除|消除|洗白|抹掉|抹去|清零|消掉|撤销|撤銷';
const CREDIT_RECORD_ZH = '征信|徵信|信用记录|信用紀錄|信用报告|信用報告|不良记录|不良紀錄|逾期记录|逾期紀錄|黑户|黑戶';
/** "we will", "I can", "we're going to" … followed by up to `words` words that are not a negation. */
const WE_WILL_EN = (words: number) =>
  `\\b(?:we|i)\\s*(?:'ll|'re going to|will|shall|can|could|are going to|am going to|are about to)\\s+(?:(?!not\\b|never\\b|no\\b)[a-z]+\\s+){0,${words}}?`;
const VISIT_ZH = '上门|上門|外访|外訪|家访|家訪|登门|登門|到家里|到家裡|来家里|來家裡|到您家|到你家|拜访|拜訪';
/** Words that make a "visit … unlawful" sentence about conduct on the visit, not the visit itself. */
const CONDUCT_ZH = '威胁|威脅|强行|強行|冒充|辱骂|辱罵|暴力|骚扰|騷擾|闯|闖|限制|伤害|傷害|恐吓|恐嚇|否则|否則|如果|若|没有|沒有|未|超过|超過|夜间|夜間|深夜';
const UNLAWFUL_ZH = '违法|違法|非法|不合法|不合规|不合規|犯法|违规|違規';

export const FORBIDDEN: ToneRule[] = [
  {
    rule: 'no arrest or jail talk',
    pattern:
      /坐牢|逮捕|拘留|刑拘|判刑|入狱|入獄|监狱|監獄|抓人|抓你|抓您|抓走|被抓|关起来|關起來|\b(?:arrest\w*|jail\w*|prison\w*|detain\w*|detention|locked up|handcuff\w*)\b/i,
    excuses: ['negated', 'reported'],
  },
  { rule: 'no blacklist threats', pattern: /黑名单|黑名單|blacklist/i },
  {
    rule: 'a home visit is not illegal in itself',
    pattern: new RegExp(
      `(?:${VISIT_ZH})(?:(?!${CONDUCT_ZH})[^，。！？；,.!?;\\n]){0,10}?(?<!不|并不|並不|不是|并非|並非|不算|不一定)(?:${UNLAWFUL_ZH})` +
        // English: the visit is the subject of its clause ("A home visit is unlawful", "Visiting your home is illegal").
        "|(?:^|[.!?;:,]\\s*)(?:(?:a|an|the|any|this|that|their|such|your)\\s+)?(?:home\\s+|doorstep\\s+|in-person\\s+)?" +
        "(?:visits(?:\\s+themselves)?\\s+(?:are|were)|visit(?:\\s+(?:itself|in itself))?\\s+(?:is|was|would be)|" +
        "visiting(?:\\s+(?:your|my|a|the|someone's|their)\\s+(?:home|house|door|workplace|family))?\\s+(?:is|would be))" +
        "\\s+(?:(?!not\\b|never\\b)[a-z]+\\s+)?(?:illegal|unlawful|against the law|not legal|not lawful|not allowed)" +
        '|\\b(?:illegal|unlawful) (?:home )?visits?\\b',
      'i',
    ),
  },
  {
    rule: 'no promise that a plan will be approved',
    pattern:
      /(?:保证|保證|一定|肯定|承诺|承諾)[^，。,.]{0,10}(?:通过(?!官方|App|渠道|以下|下面)|通過(?!官方|App|管道|以下|下面)|批准|获批|獲批)|\bguarantee\w*|we will approve|will (?:definitely |surely )?be approved/i,
    excuses: ['negated'],
  },
  {
    rule: 'no promise of a waiver',
    pattern: new RegExp(
      `(?:${PROMISE_ZH})(?:${FILLER_ZH}){0,3}(?:${WAIVE_ZH})` +
        `|${WE_WILL_EN(2)}(?:waive|forgive|cancel|write off)\\b` +
        '|\\b(?:will|shall) (?:definitely |surely |all |fully |completely )?be (?:fully |completely |all )?(?:waived|forgiven|written off)\\b',
      'i',
    ),
    excuses: ['negated'],
  },
  {
    rule: 'no promise to delete credit records',
    pattern: new RegExp(
      `(?:${PROMISE_ZH}|可以|能)(?:${FILLER_ZH}){0,3}(?:${DELETE_ZH})` +
        `|(?:${DELETE_ZH}|修复|修復)(?:掉)?(?:您的|你的)?(?:${CREDIT_RECORD_ZH})` +
        `|${WE_WILL_EN(3)}(?:wipe|erase|delete|remove|clear|clean|scrub|fix|repair)\\b(?:\\s+[a-z]+){0,3}?\\s+(?:credit|record|records|report|history|entry|entries|file)\\b` +
        '|\\b(?:credit|record|records|report|history|entry|entries)\\b[^,.;!?]{0,30}\\b(?:will|can|would|could|shall|is going to) be (?:[a-z]+ )?(?:wiped|erased|deleted|removed|cleared|cleaned)\\b' +
        '|\\bgets? (?:wiped|erased|deleted)\\b|\\b(?:wipe|erase)\\w*\\b',
      'i',
    ),
    excuses: ['negated', 'quoted'],
  },
  {
    rule: 'no threats to sue the borrower',
    pattern: new RegExp(
      '(?<![转轉报報通忠劝勸预預广廣公宣控被原])(?:起诉|起訴|告)你(?!们|們)' +
        '|(?:就|马上|馬上|立刻|立即|直接|准备|準備|等着|等著)(?:去)?(?:法院)?(?:起诉|起訴|告)(?:你|您)' +
        '|(?:我们|我們|我)(?:会|會|要|将|將|就|一定)?(?:去)?(?:起诉|起訴|告)(?:你|您)' +
        '|(?:会|會|将|將|就要|一定|肯定|马上|馬上)被(?:起诉|起訴|告)' +
        `|${WE_WILL_EN(1)}(?:sue|prosecute|take you to court|report you|press charges)\\b` +
        "|\\byou(?:'ll| will) be (?:sued|prosecuted|taken to court)\\b|\\bwe(?:'re| are) suing you\\b",
      'i',
    ),
    excuses: ['negated', 'reported'],
  },
  { rule: 'no threats or pressure', pattern: /最后警告|最後警告|后果自负|後果自負|last warning|or else|通知您?的?(家人|单位|單位|通讯录|通訊錄)|tell your (family|employer)/i },
  { rule: 'never ask for payment to a personal account', pattern: /请(转账|汇款|打款)到|請(轉帳|匯款|打款)到|pay (it )?(in)?to (this|my|the following) (personal )?account/i },
  { rule: 'never ask for passwords or codes to be shared with a person', pattern: /(告诉|告訴|发给|發給)(我|客服|专员|專員)[^。]{0,6}(密码|密碼|验证码|驗證碼)|tell (me|us) your (password|pin)/i },
];

function breaks({ pattern, excuses }: ToneRule, text: string): boolean {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const match of text.matchAll(global)) {
    if (!excuses || !excused(text, match.index, excuses)) return true;
  }
  return false;
}

/** The rules a text breaks (empty when it is fine). */
export function toneViolations(text: string): string[] {
  return FORBIDDEN.filter((rule) => breaks(rule, text)).map(({ rule }) => rule);
}
