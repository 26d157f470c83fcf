import { ConversationState, MemoryStorage, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { BorrowerBot } from '../../../../bots/borrowerBot';
import { createTurnErrorHandler } from '../../../../bots/turnErrorHandler';
import { accountModule } from '../../../../dialogs/account/accountModule';
import type { DialogModule } from '../../../../dialogs/dialogModule';
import { FiledRecords, type FiledRecord } from '../../../../dialogs/filedRecords';
import { handoffDialogModule } from '../../../../dialogs/handoff/handoffModule';
import { MainDialog } from '../../../../dialogs/mainDialog';
import { plansModule } from '../../../../dialogs/plans/plansModule';
import { coreRoutes } from '../../../../dialogs/routes';
import type { ConversationProfile } from '../../../../dialogs/turnInfo';
import type { AccountService } from '../../../../services/accounts/accountService';
import { buildAccountService } from '../../../../services/accounts/accountServiceFactory';
import type { FixtureAccountService } from '../../../../services/accounts/fixtureAccountService';
import { ManualClock } from '../../../../services/clock';
import type { HandoffRequest, HandoffRequestResult, HandoffService } from '../../../../services/handoff/handoffService';
import type { TranscriptStore } from '../../../../services/handoff/transcriptStore';
import { parseConfig } from '../../../../services/config/config';
import { buildVerificationService } from '../../../../services/identity/verificationServiceFactory';
import { silentLogger } from '../../../../services/logging/logger';
import { loadPlanPolicy, type PlanPolicy } from '../../../../services/plans/planPolicy';
import { confidenceThresholds, createRecognizer } from '../../../../services/recognizer/createRecognizer';
import type { IntentRecognizer } from '../../../../services/recognizer/intentRecognizer';

/** Demo borrowers (services/accounts/fixtures/README.md): mobile and ID last 6. */
export const DEMO = {
  D001: ['13800000001', '12345X'],
  D004: ['13800000004', '45678X'],
  D002: ['13800000002', '234561'],
  D005: ['13800000005', '567894'],
  D008: ['13800000008', '890127'],
  D009: ['13800000009', '90123X'],
  D010: ['13800000010', '012348'],
} as const;

export interface PlanBotOptions {
  /** Wrap the account service the dialogs use (fault injection). */
  wrap?: (accounts: AccountService) => AccountService;
  policy?: PlanPolicy;
  recognizer?: IntentRecognizer;
  /**
   * Route `human_agent` to the real hand-off dialog over a queue that records what it is asked to queue (see
   * `handoffRequests`) and answers "queued, position 1". Without it, `human_agent` only answers with its label.
   */
  handoff?: boolean;
}

/** A hand-off queue that records every request (priority, skills, intents, records) and queues it first in line. */
function recordingHandoff(requests: HandoffRequest[]): HandoffService {
  const fake: Pick<HandoffService, 'requestHandoff'> = {
    async requestHandoff(request: HandoffRequest): Promise<HandoffRequestResult> {
      requests.push(request);
      return { ticketId: `H-20261120-000${requests.length}`, position: 1, estimatedWaitSeconds: 120, state: 'queued', created: true };
    },
  };
  return fake as HandoffService;
}

/**
 * The real bot, main dialog, identity + account module and plans module over the embedded demo lender and
 * in-memory verification (no Redis), on a manual clock (2026-11-20 10:00 in Shanghai), with the real embedded
 * recogniser. Replies are read per turn.
 */
export async function makePlanBot(options: PlanBotOptions = {}) {
  const clock = new ManualClock();
  const logger = silentLogger();
  const config = parseConfig({ LOG_LEVEL: 'silent' });
  const { accounts, backend } = buildAccountService(config, { logger, clock });
  const service = options.wrap ? options.wrap(accounts) : accounts;
  const verification = await buildVerificationService(config, { accounts: service, logger, clock });
  const conversationState = new ConversationState(new MemoryStorage());
  const profile = conversationState.createProperty<ConversationProfile>('profile');
  const filedRecords = new FiledRecords(conversationState.createProperty<FiledRecord[]>('filedRecords'));
  let id = 0;
  const handoffRequests: HandoffRequest[] = [];
  const modules: DialogModule[] = [
    accountModule({ accounts: service, verification, clock, timeZone: config.TIME_ZONE }),
    plansModule({
      accounts: service,
      policy: options.policy ?? loadPlanPolicy(),
      filedRecords,
      clock,
      timeZone: config.TIME_ZONE,
      newId: () => `test-key-${++id}`,
    }),
  ];
  if (options.handoff) {
    const transcripts: Pick<TranscriptStore, 'recent'> = { recent: async () => [] };
    modules.push(
      handoffDialogModule({
        mode: 'queue',
        handoff: recordingHandoff(handoffRequests),
        transcripts: transcripts as TranscriptStore,
        accounts: service,
        verification,
        filedRecords,
        profile,
        clock,
        timeZone: config.TIME_ZONE,
        logger,
      }),
    );
  }
  const humanAgent = options.handoff ? {} : { human_agent: { reply: 'core.intent.human_agent' } };
  const mainDialog = new MainDialog({
    routes: Object.assign({}, coreRoutes, ...modules.map((m) => m.routes), humanAgent),
    dialogs: modules.flatMap((m) => m.dialogs),
    profile,
    thresholds: confidenceThresholds(config),
  });
  const recognizer = options.recognizer ?? createRecognizer(config, { logger });
  const bot = new BorrowerBot({ conversationState, profile, mainDialog, recognizer, clock, timeZone: config.TIME_ZONE, maxMessageChars: 5000, logger, filedRecords });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = createTurnErrorHandler({ logger, conversationState });
  const fixture = backend as FixtureAccountService;
  return {
    adapter,
    fixture,
    clock,
    /** What the hand-off dialog asked the queue for (with `handoff: true`), oldest first. */
    handoffRequests,
    /** One borrower turn: a text, or an activity (a card submit); resolves to the bot's replies (traces left out). */
    async say(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
      adapter.activeQueue.splice(0);
      await adapter.processActivity(typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input });
      return adapter.activeQueue.splice(0).filter((a) => a.type !== 'trace');
    },
    async planRequests(borrowerId: string) {
      return (await fixture.getAccount(borrowerId)).account.planRequests;
    },
    async hardshipReviews(borrowerId: string) {
      return (await fixture.getAccount(borrowerId)).account.hardshipReviews;
    },
  };
}

export type PlanBot = Awaited<ReturnType<typeof makePlanBot>>;

/** All texts of a turn's replies, joined. */
export const textOf = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');
/** Suggested-action titles of a turn's replies. */
export const buttonsOf = (replies: Partial<Activity>[]) => replies.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x) => x.title));
/** Suggested actions (with values) of a turn's replies. */
export const actionsOf = (replies: Partial<Activity>[]) => replies.flatMap((a) => a.suggestedActions?.actions ?? []);

export interface CardContent {
  type: string;
  version: string;
  fallbackText: string;
  body: unknown[];
  actions?: Array<{ type: string; title: string; data: Record<string, unknown> }>;
}

/** The Adaptive Cards of a turn's replies. */
export const cardsOf = (replies: Partial<Activity>[]): CardContent[] =>
  replies.flatMap((a) => (a.attachments ?? []).filter((x: Attachment) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content as CardContent));

/** Verify as a demo borrower: the mobile, then the ID's last 6; resolves to the replies of the last turn. */
export async function verifyAs(bot: PlanBot, who: keyof typeof DEMO): Promise<Partial<Activity>[]> {
  await bot.say(DEMO[who][0]);
  return bot.say(DEMO[who][1]);
}

/** D002 asks for 12 installments, skips the reason, takes the first plan and submits it: the reply to the submit. */
export async function fileTwelveMonthPlan(bot: PlanBot): Promise<Partial<Activity>[]> {
  await bot.say('我想分12期');
  await verifyAs(bot, 'D002');
  await bot.say('跳过');
  await bot.say('1');
  return bot.say('确认提交');
}
