import { ConversationState, MemoryStorage, TestAdapter, type Activity, type CardAction } from 'botbuilder';
import { BorrowerBot } from '../../../../bots/borrowerBot';
import { OfferRecorder } from '../../../../bots/typedFollowUp';
import { createTurnErrorHandler } from '../../../../bots/turnErrorHandler';
import { accountModule } from '../../../../dialogs/account/accountModule';
import { complaintsModule } from '../../../../dialogs/complaints/complaintsModule';
import type { DialogModule } from '../../../../dialogs/dialogModule';
import { FiledRecords, type FiledRecord } from '../../../../dialogs/filedRecords';
import { guidanceModule } from '../../../../dialogs/guidance/guidanceModule';
import { MainDialog } from '../../../../dialogs/mainDialog';
import { coreRoutes } from '../../../../dialogs/routes';
import type { ConversationProfile } from '../../../../dialogs/turnInfo';
import type { AccountService } from '../../../../services/accounts/accountService';
import { buildAccountService } from '../../../../services/accounts/accountServiceFactory';
import { ManualClock } from '../../../../services/clock';
import { parseConfig } from '../../../../services/config/config';
import { buildVerificationService } from '../../../../services/identity/verificationServiceFactory';
import type { VerificationService } from '../../../../services/identity/verificationService';
import { silentLogger } from '../../../../services/logging/logger';
import type { Intent, IntentRecognizer } from '../../../../services/recognizer/intentRecognizer';
import { serviceHoursFromConfig } from '../../../../services/scheduling/serviceHours';
import { ScriptedRecognizer } from '../../../helpers/scriptedRecognizer';

/** The conversation key TestAdapter's default conversation has (`<channel>/<conversation id>`). */
export const CONVERSATION = 'test/Convo1';

/** Demo borrowers (services/accounts/fixtures/README.md): mobile and the last 6 ID characters. */
export const BORROWERS = {
  D001: ['13800000001', '12345X'],
  D002: ['13800000002', '234561'],
  D004: ['13800000004', '45678X'],
  D005: ['13800000005', '567894'],
  D006: ['13800000006', '678905'],
  D008: ['13800000008', '890127'],
  D009: ['13800000009', '90123X'],
} as const;

/**
 * What the borrower says in these transcripts and what it means. Everything else (prompt answers) is `none`, as the
 * recogniser would have it; the prompts read the answers through the shared entity extractors.
 */
export const UTTERANCES: Record<string, Intent> = {
  催收说要起诉我: 'lawsuit_threat',
  催收说我不还钱就要坐牢: 'lawsuit_threat',
  催收說要起訴我: 'lawsuit_threat',
  'A collector says they will sue me': 'lawsuit_threat',
  他们说明天要上门催收: 'doorstep_visit',
  他們說明天要上門催收: 'doorstep_visit',
  'They say they will visit my home tomorrow': 'doorstep_visit',
  逾期会上征信吗: 'credit_report',
  逾期會上徵信嗎: 'credit_report',
  'Will this go on my credit report?': 'credit_report',
  逾期记录多久才能从征信上消掉: 'credit_report',
  怎么查征信: 'credit_report',
  他们说要去我老家贴告示: 'doorstep_visit',
  我收到短信说我涉嫌诈骗要被起诉: 'lawsuit_threat',
  自称法院的人给我打电话: 'verify_collector',
  逾期一天有影响吗: 'credit_report',
  我已经还清了为什么征信还显示逾期: 'credit_report',
  徵信紀錄有誤怎麼辦: 'credit_report',
  'How do I get a copy of my credit report?': 'credit_report',
  怎么还款: 'repayment_howto',
  自动扣款失败了怎么办: 'repayment_howto',
  还款失败了怎么办: 'repayment_howto',
  能用微信还吗: 'repayment_howto',
  还款能用信用卡吗: 'repayment_howto',
  '自动扣款失败了，能用支付宝还吗': 'repayment_howto',
  我想还钱但是app打不开: 'repayment_howto',
  "The app won't open and I need to pay": 'repayment_howto',
  还了显示没还: 'repayment_howto',
  我已经还了为什么还显示逾期: 'repayment_howto',
  昨天还的: 'repayment_howto',
  'I already paid yesterday but it still shows overdue': 'repayment_howto',
  怎麼還款: 'repayment_howto',
  自動扣款失敗了怎麼辦: 'repayment_howto',
  還了顯示沒還: 'repayment_howto',
  'How do I repay? The auto-debit failed': 'repayment_howto',
  还款的时候重复扣款了怎么办: 'repayment_howto',
  我想一次性还清: 'repayment_howto',
  能不能提前结清: 'repayment_howto',
  自动还款扣了两次: 'repayment_howto',
  'The auto-debit charged me twice': 'repayment_howto',
  这个号码是你们的吗: 'verify_collector',
  '这个号码是你们的吗 400-000-0002': 'verify_collector',
  '這個號碼是你們的嗎 13912345678': 'verify_collector',
  'Is this number really you? 021-00000002': 'verify_collector',
  催收天天打我家人电话: 'harassment_complaint',
  催收天天打我家人電話: 'harassment_complaint',
  'A collector keeps calling my family': 'harassment_complaint',
  'I want to complain about a collector': 'harassment_complaint',
  'A collector called my mother yesterday and shouted at her': 'harassment_complaint',
  我要投诉催收: 'harassment_complaint',
  催收打电话给我妈和我同事: 'harassment_complaint',
  他们把我的照片发到了我家族群里: 'harassment_complaint',
  贷后专员电话一直打不通: 'cannot_reach_collector',
  '贷后专员电话一直打不通，帮我预约回电': 'cannot_reach_collector',
  '打不通，请明天上午给我回电': 'cannot_reach_collector',
  貸後專員電話一直打不通: 'cannot_reach_collector',
  "I can't reach my collector": 'cannot_reach_collector',
  帮助: 'help',
  help: 'help',
  取消: 'cancel',
  转人工: 'human_agent',
  你好: 'greeting',
};

export function scriptedRecognizer(): IntentRecognizer {
  return new ScriptedRecognizer(Object.fromEntries(Object.entries(UTTERANCES).map(([text, intent]) => [text, [intent, 0.95]])));
}

export interface Harness {
  adapter: TestAdapter;
  clock: ManualClock;
  accounts: AccountService;
  verification: VerificationService;
  filedRecords: FiledRecords;
  conversationState: ConversationState;
  /** Send a message (or an activity) and return the bot's message replies of that turn. */
  say(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Press a suggested action of an earlier reply (imBack sends its value, messageBack its text and value). */
  press(action: CardAction): Promise<Partial<Activity>[]>;
  /** Verify this conversation directly through the verification service (as if done earlier in the chat). */
  verifyAs(borrower: keyof typeof BORROWERS): Promise<void>;
  records(): Promise<FiledRecord[]>;
}

/**
 * The real modules (account + identity, guidance, complaints) behind the real main dialog and bot, on the embedded
 * fixture backend and in-memory verification stores (no Redis), a manual clock (Fri 2026-11-20 10:00 Beijing time)
 * and a scripted recogniser (deterministic routing, see UTTERANCES).
 * `human_agent` answers with its label, standing in for the hand-off module.
 */
export async function makeHarness(
  options: {
    wrapAccounts?: (accounts: AccountService) => AccountService;
    env?: Record<string, string>;
    recognizer?: IntentRecognizer;
    /** The lender-wide official numbers; default as index.ts wires them (the fixture's teams' numbers unless LENDER_OFFICIAL_PHONES is set). */
    officialPhones?: string[];
  } = {},
): Promise<Harness> {
  const clock = new ManualClock();
  const config = parseConfig({ LOG_LEVEL: 'silent', ...options.env });
  const logger = silentLogger();
  const built = buildAccountService(config, { logger, clock });
  const accounts = options.wrapAccounts ? options.wrapAccounts(built.accounts) : built.accounts;
  const verification = await buildVerificationService(config, { accounts, logger, clock });
  const conversationState = new ConversationState(new MemoryStorage());
  const profile = conversationState.createProperty<ConversationProfile>('profile');
  const filedRecords = new FiledRecords(conversationState.createProperty<FiledRecord[]>('filedRecords'));
  let sequence = 0;
  const newKey = () => `test-idempotency-${++sequence}`;
  const modules: DialogModule[] = [
    accountModule({ accounts, verification, clock, timeZone: config.TIME_ZONE }),
    guidanceModule({ accounts, verification, clock, timeZone: config.TIME_ZONE, officialPhones: options.officialPhones ?? built.officialPhones }),
    complaintsModule({ accounts, verification, filedRecords, clock, timeZone: config.TIME_ZONE, serviceHours: serviceHoursFromConfig(config), newKey }),
  ];
  const mainDialog = new MainDialog({
    routes: Object.assign({}, coreRoutes, { human_agent: { reply: 'core.intent.human_agent' } }, ...modules.map((m) => m.routes)),
    dialogs: modules.flatMap((m) => m.dialogs),
    profile,
    thresholds: { high: 0.7, low: 0.4 },
  });
  const bot = new BorrowerBot({ conversationState, profile, mainDialog, recognizer: options.recognizer ?? scriptedRecognizer(), clock, timeZone: config.TIME_ZONE, maxMessageChars: 5000, logger, filedRecords });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(new OfferRecorder());
  adapter.onTurnError = createTurnErrorHandler({ logger, conversationState });

  const say = async (input: string | Partial<Activity>) => {
    await adapter.receiveActivity(input);
    return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  };
  return {
    adapter,
    clock,
    accounts,
    verification,
    filedRecords,
    conversationState,
    say,
    press: (action) =>
      say(action.type === 'messageBack' ? { type: 'message', text: String(action.text ?? action.title), value: action.value } : String(action.value)),
    verifyAs: async (borrower) => {
      const [mobile, id] = BORROWERS[borrower];
      const result = await verification.verify(CONVERSATION, mobile, id);
      if (!result.ok) throw new Error(`could not verify ${borrower}`);
    },
    records: async () => {
      let list: FiledRecord[] = [];
      await adapter.processActivity({ type: 'event', name: 'test/records' } as Partial<Activity>, async (context) => {
        list = await filedRecords.list(context);
      });
      adapter.activeQueue.splice(0);
      return list;
    },
  };
}

export const textOf = (a: Partial<Activity>) => a.text ?? '';
export const allText = (replies: Partial<Activity>[]) => replies.map(textOf).join('\n');
export const buttonsOf = (replies: Partial<Activity>[]) => replies.flatMap((a) => a.suggestedActions?.actions ?? []);
export const titlesOf = (replies: Partial<Activity>[]) => buttonsOf(replies).map((a) => String(a.title));

/** The button titled `title` among the replies (fails loudly when it is not there). */
export function button(replies: Partial<Activity>[], title: string): CardAction {
  const found = buttonsOf(replies).find((a) => a.title === title);
  if (!found) throw new Error(`no button "${title}" in ${JSON.stringify(titlesOf(replies))}`);
  return found;
}
