import { EventFactory, MessageFactory, TurnContext, type Activity, type StatePropertyAccessor, type Transcript } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AccountService, AccountSnapshot } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import type { HandoffRequest, HandoffService } from '../../services/handoff/handoffService';
import { buildHubHandoff } from '../../services/handoff/hubHandoff';
import type { Priority, Skill } from '../../services/handoff/ticket';
import type { TranscriptStore } from '../../services/handoff/transcriptStore';
import type { VerificationService } from '../../services/identity/verificationService';
import type { Logger } from '../../services/logging/logger';
import type { Intent } from '../../services/recognizer/intentRecognizer';
import type { FiledRecords } from '../filedRecords';
import { formatLocalTime } from '../format';
import { intentLabel, menuActions, wantsToLeaveMessage } from '../menu';
import { t, type Locale, type MessageKey } from '../messages';
import { queuePlaceText } from './queuePlace';
import { conversationKey, defaultProfile, turnInfoOrUndefined, type ConversationProfile } from '../turnInfo';

export const HANDOFF_DIALOG = 'handoff.request';
const MESSAGE_FLOW = `${HANDOFF_DIALOG}.message`;
/** The free-text prompt for a message left for a person: only "cancel" interrupts it (see MainDialog). */
export const HANDOFF_MESSAGE_PROMPT = 'handoff.messagePrompt';

export interface HandoffDialogDeps {
  mode: 'queue' | 'hub';
  handoff: HandoffService;
  transcripts: TranscriptStore;
  accounts: AccountService;
  verification: VerificationService;
  filedRecords: FiledRecords;
  profile: StatePropertyAccessor<ConversationProfile>;
  clock: Clock;
  timeZone: string;
  logger: Logger;
}

const P1: Intent[] = ['harassment_complaint'];
const P2: Intent[] = ['lawsuit_threat', 'installment_plan', 'negotiation_refused', 'verify_collector', 'doorstep_visit'];
const SKILL_OF: Partial<Record<Intent, Skill>> = {
  lawsuit_threat: 'legal',
  installment_plan: 'negotiation',
  negotiation_refused: 'negotiation',
  harassment_complaint: 'complaints',
  doorstep_visit: 'complaints',
};
const COURT_STAGES = new Set(['filed', 'judgment', 'enforcement']);

/** P1 harassment, threats and filed lawsuits; P2 negotiation, refused negotiation, scams, visits; P3 the rest. */
export function handoffPriority(intents: readonly string[], snapshot?: AccountSnapshot): Priority {
  if (intents.some((i) => P1.includes(i as Intent))) return 1;
  if (intents.includes('lawsuit_threat') && snapshot && COURT_STAGES.has(snapshot.account.legal.stage)) return 1;
  if (intents.some((i) => P2.includes(i as Intent))) return 2;
  return 3;
}

/**
 * Buttons when no person can take the conversation: leave a message (when the queue can take one) and book a
 * callback first, then self-service (not "a person" again).
 */
export function callbackActions(locale: Locale, { message = false } = {}): string[] {
  const first = message ? [t(locale, 'handoff.leaveMessage'), t(locale, 'handoff.bookCallback')] : [t(locale, 'handoff.bookCallback')];
  const actions = [...first, ...menuActions(locale).map((a) => String(a.title)).filter((x) => x !== intentLabel(locale, 'human_agent'))];
  return actions.slice(0, 5);
}

/**
 * `human_agent` (and "talk to a person" at any step): queue the conversation for a person with everything the agent
 * needs (reason, recent intents, verified account snapshot, records filed here), or, with an external agent hub,
 * emit Bot Framework's `handoff.initiate` event. Outside hours or with nobody available, offers to leave a message
 * for a person (a ticket that waits for the next agent, answered in this conversation) or to book a callback.
 */
export class HandoffDialog extends ComponentDialog {
  constructor(private readonly deps: HandoffDialogDeps) {
    super(HANDOFF_DIALOG);
    this.addDialog(new WaterfallDialog(`${HANDOFF_DIALOG}.flow`, [this.requestStep.bind(this)]));
    this.addDialog(new WaterfallDialog(MESSAGE_FLOW, [this.askMessageStep.bind(this), this.leaveMessageStep.bind(this)]));
    this.addDialog(new TextPrompt(HANDOFF_MESSAGE_PROMPT, async (p: PromptValidatorContext<string>) => isMessageText(p.recognized.value)));
    this.initialDialogId = `${HANDOFF_DIALOG}.flow`;
  }

  private async requestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const locale = turnInfoOrUndefined(context)?.locale ?? 'zh-CN';
    if (this.deps.mode === 'queue' && wantsToLeaveMessage(context.activity.text ?? '')) return step.beginDialog(MESSAGE_FLOW);
    const profile = await this.deps.profile.get(context, defaultProfile());
    const request = await this.buildRequest(context, profile, locale);

    if (this.deps.mode === 'hub') {
      const turns = await this.deps.transcripts.recent(request.conversationId ?? '').catch(() => []);
      const { handoffContext, transcript } = buildHubHandoff(request, turns);
      await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities: transcript.activities as Activity[] } satisfies Transcript));
      await context.sendActivity(t(locale, 'handoff.hubRequested'));
      return step.endDialog();
    }

    let result;
    try {
      result = await this.deps.handoff.requestHandoff(request);
    } catch (err) {
      this.deps.logger.warn({ event: 'handoff.request_failed', err }, 'hand-off request failed');
      await this.offerCallback(context, locale, 'handoff.unavailable');
      return step.endDialog();
    }
    if ('unavailable' in result) {
      if (result.unavailable === 'outside_hours' && result.nextOpening) {
        await this.offerCallback(context, locale, 'handoff.outsideHours', { from: this.localTime(result.nextOpening.from) }, { message: true });
      } else {
        await this.offerCallback(context, locale, 'handoff.noAgents', undefined, { message: true });
      }
      return step.endDialog();
    }
    profile.handoffTicket = result.ticketId;
    if (!result.created && result.kind === 'message') {
      await context.sendActivity(t(locale, 'handoff.alreadyLeftMessage', { reference: result.ticketId }));
      return step.endDialog();
    }
    const key = result.created ? 'handoff.queued' : 'handoff.alreadyQueued';
    await context.sendActivity(queuePlaceText(locale, key, { position: result.position, waitSeconds: result.estimatedWaitSeconds, reference: result.ticketId }));
    return step.endDialog();
  }

  private async askMessageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = turnInfoOrUndefined(step.context)?.locale ?? 'zh-CN';
    return step.prompt(HANDOFF_MESSAGE_PROMPT, { prompt: t(locale, 'handoff.askMessage'), retryPrompt: t(locale, 'handoff.askMessageAgain') });
  }

  /** File the message as a ticket that waits for a person (whatever the hours), and say when it will be read. */
  private async leaveMessageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const locale = turnInfoOrUndefined(context)?.locale ?? 'zh-CN';
    const profile = await this.deps.profile.get(context, defaultProfile());
    let left;
    try {
      left = await this.deps.handoff.leaveMessage(await this.buildRequest(context, profile, locale), String(step.result).trim());
    } catch (err) {
      this.deps.logger.warn({ event: 'handoff.message_failed', err }, 'message for a person not stored');
      await this.offerCallback(context, locale, 'handoff.messageFailed');
      return step.endDialog();
    }
    profile.handoffTicket = left.ticketId;
    const reference = left.ticketId;
    if (!left.created) {
      await context.sendActivity(t(locale, 'handoff.messageAdded', { reference }));
    } else if (left.answerFrom) {
      await this.offerCallback(context, locale, 'handoff.messageLeft', { reference, from: this.localTime(left.answerFrom) });
    } else {
      await this.offerCallback(context, locale, 'handoff.messageLeftOpen', { reference });
    }
    return step.endDialog();
  }

  private localTime(iso: string): string {
    return formatLocalTime(iso, this.deps.timeZone, this.deps.clock.now());
  }

  private async buildRequest(context: TurnContext, profile: ConversationProfile, locale: Locale): Promise<HandoffRequest & { conversationId: string }> {
    const conversationId = conversationKey(context);
    const intents = profile.recentIntents ?? [];
    const names = intents.map((i) => i.intent);
    const borrowerId = await this.deps.verification.verifiedBorrowerId(conversationId).catch(() => undefined);
    const snapshot = borrowerId ? await this.deps.accounts.getAccount(borrowerId).catch(() => undefined) : undefined;
    const skills = [...new Set(names.map((i) => SKILL_OF[i as Intent]).filter((s): s is Skill => !!s))];
    const main = [...names].reverse().find((i) => i !== 'human_agent') as Intent | undefined;
    return {
      conversationId,
      conversationReference: TurnContext.getConversationReference(context.activity),
      reason: profile.urgent ? t('zh-CN', `handoff.reason.${profile.urgent}`) : main ? intentLabel('zh-CN', main) : intentLabel('zh-CN', 'human_agent'),
      priority: profile.urgent ? 1 : handoffPriority(names, snapshot),
      skills,
      intents,
      language: locale,
      borrowerId,
      accountSnapshot: snapshot?.account,
      records: (await this.deps.filedRecords.list(context)).map(({ kind, reference }) => ({ kind, reference })),
    };
  }

  private async offerCallback(context: TurnContext, locale: Locale, key: MessageKey, params?: Record<string, string>, options?: { message: boolean }): Promise<void> {
    await context.sendActivity(MessageFactory.suggestedActions(callbackActions(locale, options), t(locale, key, params)));
  }
}

/** Words, not only emoji, symbols or spaces (a card submit or a picture alone asks again). MAX_MESSAGE_CHARS bounds the length. */
function isMessageText(value: string | undefined): boolean {
  return /[\p{L}\p{N}]/u.test(value ?? '');
}
