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

/** Lower case, with no spaces, punctuation or symbols: "That's all!" → "thatsall". */
const squeezed = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

const ACKNOWLEDGEMENTS = new Set(
  [
    '好', '好的', '好吧', '好滴', '好嘞', '嗯', '嗯嗯', '恩', '哦', '噢', '喔', '哦哦', '行', '行吧', '可以', '知道了', '明白', '明白了', '了解', '收到',
    '好啊', '好喔', '知道啦', '曉得了', '瞭解', '了解了',
    'ok', 'okay', 'k', 'kk', 'okok', 'sure', 'alright', 'all right', 'fine', 'got it', 'i see', 'understood', 'noted', 'cool', 'ok got it',
  ].map(squeezed),
);

/**
 * "好的" / "嗯" / "ok" / "got it" and nothing else: the borrower heard the answer. Not "outside what I can help with"
 * (the recogniser reads most of these as `none`), and not a miss.
 */
export function isAcknowledgement(text: string): boolean {
  return ACKNOWLEDGEMENTS.has(squeezed(text));
}

const CLOSINGS = new Set(
  [
    '没有了', '沒有了', '没有了谢谢', '沒有了謝謝', '暂时没有了', '暫時沒有了', '没别的了', '沒別的了', '没其他问题了', '沒其他問題了',
    '没有其他问题了', '沒有其他問題了', '没有别的问题了', '沒有別的問題了',
    'nothing else', 'nothing more', "that's all", 'that is all', 'no thanks', 'no thank you', 'all good',
  ].map(squeezed),
);

/**
 * "没有了" / "that's all" and nothing else: the borrower has nothing more to ask (often after "anything else?"): a
 * goodbye, not "outside what I can help with" (the recogniser reads "没有了" as `none`, 没有 being common there).
 */
export function isClosing(text: string): boolean {
  return CLOSINGS.has(squeezed(text));
}

const NOBODY_ANSWERS = new Set(
  [
    '人呢', '人呢人呢', '人去哪了', '人都去哪了', '怎么没人回', '怎么没人回我', '怎么没人回复', '怎麼沒人回', '怎麼沒人回我', '没人回我吗', '沒人回我嗎',
    '怎么没人理我', '怎麼沒人理我', '没人理我吗', '沒人理我嗎', '没人管吗', '沒人管嗎', '怎么不回我', '怎麼不回我', '怎么不回了', '怎麼不回了',
    'is anyone there', 'is anybody there', 'why is nobody answering', 'why does nobody answer', 'hello is anyone there',
  ].map(squeezed),
);

/** "人呢" / "怎么没人回我" / "is anyone there" and nothing else: waiting for a person, and saying so. */
export function asksWhereThePersonIs(text: string): boolean {
  return NOBODY_ANSWERS.has(squeezed(text));
}

const VERIFY_SELF = new RegExp(
  '^(?:我|我要|我想|我先|请|請|帮我|幫我|麻烦|麻煩|先)*(?:确认|確認|验证|驗證|核实|核實|认证|認證)(?:一下|下)?(?:我的)?(?:身份|身分)' +
    '(?:[，,、 ]*(?:看|查)(?:一下|下)?(?:我的)?(?:账户|帳戶|账号|帳號|欠款))?[。.!！]?$' +
    "|^(?:i (?:want|would like|need) to |let me |please )?(?:verify|confirm) (?:my )?(?:identity|id)(?: and see my account)?[.!]?$|^verify and see my account[.!]?$",
  'i',
);

/**
 * "我要确认身份" / "验证身份" / the typed label of "verify and see my account": the borrower wants to verify (their own
 * identity), not to check whether a caller is ours, which the model reads from 确认 / 身份.
 */
export function asksToVerifySelf(text: string): boolean {
  return VERIFY_SELF.test(text.trim());
}

const WHEN_ANSWERED =
  /^(请问|請問|那|那么|那麼)?(大概|大约|大約)?(多久|多长时间|多長時間|什么时候|什麼時候|几天|幾天|哪天)(能|会|會|可以|才|才能)?(有结果|有結果|出结果|出結果|答复|答覆|回复|回覆|处理|處理|处理好|處理好|有消息|有回音|通知我|回我)[吗嗎呢啊呀]?[？?。.!！]*$|^(when will (i|we) (hear|know|get an answer)|how long (will|does) (it|this) take)\b[\s\S]{0,20}$/i;

/**
 * "多久有结果" / "什么时候答复" / "when will I hear back", and nothing more: right after something was filed, the
 * answer is its date. A question that names what ("我的申请什么时候有结果") is the account's, which lists them all.
 */
export function asksWhenAnswered(text: string): boolean {
  return WHEN_ANSWERED.test(text.trim());
}

const HOTLINE =
  /^(?![\s\S]*(催收|专员|專員|贷后|貸後|对方|對方|他们|他們))[\s\S]{0,12}(客服|人工|热线|熱線|官方|你们|你們|贵公司|貴公司)[^，。,.!?！？]{0,4}(电话|電話|热线|熱線|号码|號碼)[^，。,.!?！？]{0,4}(是多少|多少|是什么|是什麼|是几|是幾|哪个|哪個|呢|吗|嗎|\?|？)|\b(what is|what's|give me|can i have) (your|the) (customer service |support |official )?(phone number|hotline|number)\b|\byour hotline\b/i;

/** "你们的客服电话是多少" / "what's your hotline": the lender's own number asked for, not a caller's or the collector's. */
export function asksForHotline(text: string): boolean {
  return text.length <= 40 && HOTLINE.test(text.trim());
}

/** Most clauses looked at in one message (each is one more recognition): the first ones and the last ones. */
export const MAX_CLAUSES = 8;
/** Of a longer message, the clauses kept from its start; the rest are its last (where a long story puts its questions). */
const LEADING_CLAUSES = 3;
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
  if (clauses.length < 2) return [];
  return clauses.length <= MAX_CLAUSES ? clauses : [...clauses.slice(0, LEADING_CLAUSES), ...clauses.slice(-(MAX_CLAUSES - LEADING_CLAUSES))];
}

/** Words of fear, worry or overwhelm. */
const FEAR_WORDS =
  '害怕|好怕|很怕|怕死了|吓死(我)?了|嚇死(我)?了|吓死|嚇死|很慌|好慌|心慌|慌了|慌|焦虑|焦慮|崩溃|崩潰|绝望|絕望|无助|無助|受不了|扛不住|(压力|壓力)(好|很|太|特别|特別)?大|睡不着|睡不著|' +
  '\\b(scared|afraid|terrified|frightened|panicking|anxious|stressed( out)?|overwhelmed|freaking out|desperate)\\b';
const FEAR = new RegExp(FEAR_WORDS, 'i');
/** What else a message of fear alone says: who, how much, when, and "what do I do?". */
const FEAR_FRAME = new RegExp(
  `${FEAR_WORDS}|我|现在|現在|真的|好|很|特别|特別|非常|太|快要?|都|有点|有點|超级|超級|了|啊|呀|啦|晚上|每天|天天|觉|覺|该|該|不知道|怎么办|怎麼辦|咋办|咋辦|才好|` +
    "\\b(i('m)?|am|so|really|very|too|just|completely|totally|right|now|what|should|do|can)\\b",
  'gi',
);

/** Fear, worry or overwhelm named anywhere in a message ("…每天都有人打电话给我，我真的很害怕", "I'm scared they will sue"). */
export function mentionsFear(text: string): boolean {
  return FEAR.test(text);
}

/**
 * Fear or overwhelm told with nothing else ("我好害怕", "我好怕，怎么办", "压力太大了", "I'm so scared"). Words of wanting to die
 * are not fear words: services/recognizer/distress.ts catches those first.
 */
export function toldFearOnly(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && FEAR.test(t) && t.replace(FEAR_FRAME, '').replace(/[\s\p{P}\p{S}]/gu, '').length === 0;
}

const SAD = /[😭😢😿😞😔😩😫😣😖☹🙁💔😥😰😓🥺]/u;
const ANGRY = /[😡😠🤬👿💢]/u;
const PUZZLED = /^[\s?？!！.。…~～🤔😕❓❔]*[?？🤔😕❓❔][\s?？!！.。…~～🤔😕❓❔]*$/u;

/** The feeling a message of emoji only shows, if it shows one ("😭😭😭" sad, "😡😡" angry, "？？？" puzzled); angry wins a mix. */
export function feelingOf(text: string): 'sad' | 'angry' | 'puzzled' | undefined {
  if (ANGRY.test(text)) return 'angry';
  if (SAD.test(text)) return 'sad';
  return PUZZLED.test(text) ? 'puzzled' : undefined;
}
