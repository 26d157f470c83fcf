import type { Language } from './intentRecognizer';
import { TRADITIONAL_TO_SIMPLIFIED } from './text/traditionalToSimplified';

// Characters that exist only in Traditional script (their Simplified forms differ), common in this domain.
const TRADITIONAL_ONLY = new Set(
  '們個還錢這說將會麼為與對嗎賬帳單號碼電話貸額際機關聯繫係協議處請問據録錄雙場點時間給讓認證訊幫辦開門見覺現樣應該員專連絡過調節當決題寫實無愛歡謝聽記習態務購買賣銀幣東車師學業體線經歷區縣鄉鎮來頭險權費轉戶擔憂罰計劃訴訟傳護後裡裏陳閱報導盡從徵紀禮債繳納託願緊張壓審規範傷騷擾親屬媽妳歲'
    .split(''),
);
// Simplified-only counterparts, to break ties when both appear.
const SIMPLIFIED_ONLY = new Set(
  '们个还钱这说将会么为与对吗账单号码电话贷额际机关联系协议处请问据录双场点时间给让认证讯帮办开门见觉现样应该员专连络过调节当决题写实无爱欢谢听记习态务购买卖银币东车师学业体线经历区县乡镇来头险权费转户担忧罚计划诉讼传护着陈阅报导尽从征纪礼债缴纳愿紧张压审规范伤骚扰亲属岁'
    .split(''),
);

// Characters of the Traditional → Simplified table count as Traditional too, except those also written in
// Simplified text (著名, 慰藉, 於是 in names): the table is the normaliser's, this set is for detection.
for (const trad of TRADITIONAL_TO_SIMPLIFIED.keys()) if (!'著藉於祢妳'.includes(trad)) TRADITIONAL_ONLY.add(trad);

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * Decide the message's language from the text itself (the client's `locale` is not trusted: the Emulator
 * always sends en-US). Text with no signal (digits, emoji, punctuation) keeps the previous language.
 */
export function detectLanguage(text: string, previous: Language = 'zh-Hans'): Language {
  let han = 0;
  let trad = 0;
  let simp = 0;
  for (const ch of text) {
    if (HAN.test(ch)) {
      han++;
      if (TRADITIONAL_ONLY.has(ch) && !SIMPLIFIED_ONLY.has(ch)) trad++;
      else if (SIMPLIFIED_ONLY.has(ch) && !TRADITIONAL_ONLY.has(ch)) simp++;
    }
  }
  if (han > 0) {
    if (trad > simp) return 'zh-Hant';
    if (simp > trad) return 'zh-Hans';
    return previous === 'en' ? 'zh-Hans' : previous;
  }
  // "ok" is typed in every language: it keeps the conversation's.
  if (NEUTRAL_LATIN.test(text.replace(/[\s\p{P}\p{S}]/gu, ''))) return previous;
  // Markup is not words: "<script>alert(1)</script>" keeps the conversation's language. Latin letters are English only
  // with an English word among them: pinyin ("wo xiang fen qi"), a keyboard mash, JSON keys or an SQL string keep it.
  const words = text.replace(MARKUP, ' ');
  return LATIN_WORD.test(words) && ENGLISH_WORD.test(words) ? 'en' : previous;
}

/**
 * Common English words and this domain's (one is enough). \b does not split "account_status": identifiers do not count.
 * Left out on purpose: words of code ("or", "select", "from", "table", "script") and words that are also pinyin syllables
 * ("a", "an", "he", "me", "she").
 */
const ENGLISH_WORD = new RegExp(
  `\\b(${[
    "i('?m|'?ve|'?ll|'?d)?", 'my', 'mine', 'you', 'your', 'we', 'us', 'our', 'they', 'them', 'their', 'his', 'her', 'it', 'its', 'this', 'that',
    'the', 'is', 'am', 'are', 'was', 'were', 'be', 'been', "do(es)?(n'?t)?", "did(n'?t)?", "can'?t", 'cannot', 'can', 'could', 'will', "won'?t", 'would',
    'should', 'have', 'has', 'had', 'not', 'no', 'yes', 'yeah', 'yep', 'nope', 'and', 'of', 'to', 'for', 'with', 'about', 'if', 'but', 'how', 'what', 'why',
    'when', 'where', 'who', 'which', 'please', 'pls', 'plz', 'thanks?', 'thx', 'hi', 'hello', 'hey', 'bye', 'goodbye', 'help', 'sorry', 'sure', 'want',
    'need', 'pay\\w*', 'repay\\w*', 'loans?', 'owe[sd]?', 'debts?', 'plans?', 'instal+ments?', 'overdue', 'late', 'call\\w*', 'collect\\w*', 'court', 'sue[sd]?',
    'suing', 'lawsuit', 'lawyer', 'credit', 'report', 'agents?', 'person', 'human', 'someone', 'somebody', 'menu', 'cancel', 'stop', 'quit', 'code',
    'option', 'scam\\w*', 'police', 'money', 'bank', 'card', 'balance', 'account', 'status', 'due', 'fees?', 'interest', 'penalty', 'harass\\w*',
    'threat\\w*', 'visit\\w*', 'home', 'family', 'job', 'afraid', 'scared', 'now', 'today', 'tomorrow', 'months?', 'weeks?', 'number', 'phone',
    'complain\\w*', 'verif\\w*', 'real', 'fake', 'sms', 'good', 'morning', 'evening', 'afternoon', 'cheers', 'ty', 'later', 'never',
    'mind', 'abort', 'tell', 'much', 'appreciated',
  ].join('|')})\\b`,
  'i',
);

/** HTML tags, and the code or styles inside script and style elements. */
const MARKUP = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?[a-z][^>]*>/gi;

const NEUTRAL_LATIN = /^(?:o+k+|okay|k+)$/i;

/** The reply locale for a language. */
export function localeOf(language: Language): 'zh-CN' | 'zh-TW' | 'en' {
  return language === 'zh-Hant' ? 'zh-TW' : language === 'zh-Hans' ? 'zh-CN' : 'en';
}
