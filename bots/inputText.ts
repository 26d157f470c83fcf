import type { Activity } from 'botbuilder';

/** Longest text the recogniser looks at; longer messages are understood from their start. */
export const MAX_RECOGNIZED_CHARS = 2000;
/** Longest text relayed to an agent (a long letter fits; longer is cut). MAX_MESSAGE_CHARS does not apply to it. */
export const MAX_RELAYED_CHARS = 20_000;

// Zero-width, bidi-control and other invisible format characters, and C0/C1 controls except tab and newline.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * The message text as the recogniser should see it: invisible characters removed, trimmed, bounded (by default to
 * MAX_RECOGNIZED_CHARS; text relayed to an agent passes a larger bound so a long message reaches them whole).
 */
export function cleanText(raw: unknown, maxChars = MAX_RECOGNIZED_CHARS): string {
  if (typeof raw !== 'string') return '';
  return raw.replace(INVISIBLE, '').trim().slice(0, maxChars);
}

/** A card submit (Adaptive Card Action.Submit / postBack object): `value` set, no text. */
export function submittedValue(activity: Partial<Activity>): Record<string, unknown> | undefined {
  const v = activity.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const MACHINE = '机器人|機器人|机器|機器|ai|人工智能|智能客服|自动回复|自動回覆';
const PERSON = '真人|真的人|人工|活人';
const ASKS_IF_BOT = new RegExp(
  [
    String.raw`(你|您)(是|是不是|是否)(不是)?(个|個|一个|一個)?(${MACHINE}|${PERSON})`,
    String.raw`(${PERSON}|人)(还是|還是)(${MACHINE})`,
    String.raw`(${MACHINE})(还是|還是)(${PERSON}|人)`,
    String.raw`(跟|和|与|與)(${MACHINE})在?(说话|說話|聊天|对话|對話)(吗|嗎|呢|\?|？)`,
    String.raw`\bare you (a |an )?(bot|robot|machine|ai|real|human|person)\b`,
    String.raw`\b(am i|is this|are we) (talking|chatting|speaking) (to|with) (a |an )?(bot|robot|machine|ai|real person|person|human)\b`,
  ].join('|'),
  'i',
);

/**
 * "Are you a robot?" (你是机器人吗 / 是真人还是机器人 / are you a bot): a question about who is answering, not a request
 * for a person ("能转真人吗" is that, and is left to the recogniser).
 */
export function asksIfBot(text: string): boolean {
  return ASKS_IF_BOT.test(text) && !/(转|轉|找|接|要|给我|給我|transfer|connect|put me)/i.test(text);
}

/** "How much longer?" / "我前面还有几个人": about waiting for a person. */
const ASKS_ABOUT_WAIT =
  /(还要等|還要等|要等多久|等多久|等了好久|还要多久|還要多久|多久才|多久能|前面还有|前面還有|排第几|排第幾|排到我|轮到我|輪到我|怎么还没人|怎麼還沒人|还没人接|還沒人接|什么时候有人|什麼時候有人|how (much )?long|how much longer|my (place|position)|when will (someone|a person|an agent)|still waiting)/i;

export function asksAboutWait(text: string): boolean {
  return ASKS_ABOUT_WAIT.test(text);
}

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

const ACKNOWLEDGEMENTS = new Set([
  '好', '好的', '好吧', '好滴', '好嘞', '嗯', '嗯嗯', '恩', '哦', '噢', '喔', '哦哦', '行', '行吧', '可以', '知道了', '明白', '明白了', '了解', '收到',
  '好啊', '好喔', '知道啦', '曉得了', '瞭解', '了解了',
  'ok', 'okay', 'k', 'kk', 'okok', 'sure', 'alright', 'all right', 'fine', 'got it', 'i see', 'understood', 'noted', 'cool', 'ok got it',
]);

/**
 * "好的" / "嗯" / "ok" / "got it" and nothing else: the borrower heard the answer. Not "outside what I can help with"
 * (the recogniser reads most of these as `none`), and not a miss.
 */
export function isAcknowledgement(text: string): boolean {
  const bare = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
  return ACKNOWLEDGEMENTS.has(bare) || ACKNOWLEDGEMENTS.has(bare.replace(/ /g, ''));
}

/** Most clauses looked at in one message (each is one more recognition). */
export const MAX_CLAUSES = 6;
const CLAUSE_BREAK = /[，,。！!？?；;\n]+|另外|还有|還有|顺便问一下|順便問一下|顺便问|順便問|\band also\b|\balso\b/i;
/**
 * "…是你们吗" / "…是不是你们" / "is that you" closing a message without a comma: a question of its own, whether the
 * caller was us ("95188打电话说要起诉我是你们吗" asks about the lawsuit and about the caller).
 */
const WAS_IT_YOU_TAIL = /(?<=\p{Script=Han}{3})((?:这|這|那)?(?:是不是你们|是不是你們|是你们|是你們)[^，,。？?！!]{0,3}[吗嗎嘛]?[？?]?)$/u;

/** The clauses of a message that asks more than one thing: at least two of a few characters each, or none. */
export function clausesOf(text: string): string[] {
  const clauses = text
    .replace(WAS_IT_YOU_TAIL, '，$1')
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => c.replace(/[\s\p{P}]/gu, '').length >= 3);
  return clauses.length >= 2 ? clauses.slice(0, MAX_CLAUSES) : [];
}
