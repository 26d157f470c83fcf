import type { Language } from './intentRecognizer';

// Characters that exist only in Traditional script (their Simplified forms differ), common in this domain.
const TRADITIONAL_ONLY = new Set(
  '們個還錢款這說將會麼為與對嗎賬帳單號碼電話貸額際機關聯繫係協議處請問據録錄雙場點時間給讓認證訊息幫辦開門見覺現樣應該員專連絡絡過調節當決問題寫實無愛歡謝謝謝聽記習態處務購買賣銀幣東車師學業體線經歷區縣鄉鎮來頭險權證據費轉帳戶擔憂罰計劃劃訴訟訟傳票護護們麼後裡裏著陳閱報導盡據從徵信紀錄聯絡禮貌債務還清逾期繳納繳費託請願緊張壓壓債權審核規範護權傷騷擾親屬爸媽妳您們歲'
    .split(''),
);
// Simplified-only counterparts, to break ties when both appear.
const SIMPLIFIED_ONLY = new Set(
  '们个还钱款这说将会么为与对吗账单号码电话贷额际机关联系协议处请问据录双场点时间给让认证讯息帮办开门见觉现样应该员专连络过调节当决问题写实无爱欢谢听记习态务购买卖银币东车师学业体线经历区县乡镇来头险权证费转户担忧罚计划诉讼传票护们么后里着陈阅报导尽从征信纪录礼貌债务还清缴纳托愿紧张压审核规范伤骚扰亲属岁'
    .split(''),
);

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
  return LATIN_WORD.test(text) ? 'en' : previous;
}

/** The reply locale for a language. */
export function localeOf(language: Language): 'zh-CN' | 'zh-TW' | 'en' {
  return language === 'zh-Hant' ? 'zh-TW' : language === 'zh-Hans' ? 'zh-CN' : 'en';
}
