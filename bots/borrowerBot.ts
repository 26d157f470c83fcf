import { ActivityHandler, MessageFactory, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logging/logger';
import { isIntent, SMALL_TALK_INTENTS, TASK_INTENTS, type Intent, type IntentRecognizer, type RecognitionResult } from '../services/recognizer/intentRecognizer';
import { toldHardship } from '../dialogs/plans/planInput';
import { normaliseIdLast6, ownMobileInText } from '../services/identity/identityNormalisers';
import { urgencyOf, type Urgency } from '../services/recognizer/distress';
import { detectLanguage, localeOf } from '../services/recognizer/language';
import { certainResult } from '../services/recognizer/recognitionResult';
import { callbackActions } from '../dialogs/handoff/handoffDialog';
import type { MainDialog } from '../dialogs/mainDialog';
import { intentLabel, intentOfLabel, menuActions, wantsHardshipReview, wantsToLeaveMessage } from '../dialogs/menu';
import { asksForCallback } from '../dialogs/complaints/callbackDialog';
import type { FiledRecords } from '../dialogs/filedRecords';
import { formatDate } from '../dialogs/format';
import { NAMES_MEDIATION } from '../dialogs/guidance/lawsuitThreatDialog';
import { t, type Locale, type MessageKey } from '../dialogs/messages';
import { conversationKey, defaultProfile, HIDDEN_TEXT, markSensitiveInput, setTurnInfo, type ConversationProfile, type TurnInfo } from '../dialogs/turnInfo';
import { innermostDialogId } from '../dialogs/dialogRuntime';
import { isSecretAnswer } from '../dialogs/identity/verifyIdentityDialog';
import { asksWhatIfNotPaid } from '../dialogs/guidance/creditReportDialog';
import { readHandoffStatus } from '../services/handoff/hubHandoff';
import type { HandoffRelay } from './handoffRelay';
import { asksForHotline, asksIfBot, asksToVerifySelf, asksWhenAnswered, asksWhereThePersonIs, clausesOf, cleanText, feelingOf, isAcknowledgement, isClosing, MAX_RELAYED_CHARS, mentionsFear, submittedValue } from './inputText';
import { fixedReply } from './fixedReplies';
import { withTopicContext } from './topicContext';
import { bareMobile, sentOffers, typedFollowUp, whoseNumber } from './typedFollowUp';


export interface BorrowerBotDeps {
  conversationState: ConversationState;
  /** The conversation profile (language, misses); shared with the main dialog. */
  profile: StatePropertyAccessor<ConversationProfile>;
  mainDialog: MainDialog;
  recognizer: IntentRecognizer;
  clock: Clock;
  timeZone: string;
  /** Longest text accepted; longer messages get a request to shorten. */
  maxMessageChars: number;
  logger: Logger;
  /** Verify a host-signed borrower token (channelData.borrowerToken) for the conversation; invalid ones are ignored. */
  verifyBorrowerToken?: (conversationKey: string, token: string) => Promise<void>;
  /** The hand-off gate (relay to an agent, stop waiting, rating, borrower typing); absent in HANDOFF_MODE=hub. */
  handoffRelay?: HandoffRelay;
  /** What this conversation filed (its answer dates answer "多久有结果"). */
  filedRecords?: FiledRecords;
  /** The lender's customer-service hotline (LENDER_HOTLINE); empty: the official app is named instead. */
  hotline?: string;
  /** Called with each recognition (metrics). */
  onRecognized?: (result: RecognitionResult) => void;
  /** A message made the conversation urgent (metrics; the log line says which conversation). */
  onUrgent?: (reason: Urgency) => void;
}

/**
 * Turns activities into dialog turns: decides the reply language from the message itself, recognises the
 * request once per turn, and runs the main dialog. Conversation state is saved at the end of every turn.
 * The bot answers nothing while a person has the conversation: an agent of our queue (the hand-off relay) or an
 * external agent hub that accepted it (`handoff.status`, flag in the conversation profile).
 */
export class BorrowerBot extends ActivityHandler {
  private readonly profile: StatePropertyAccessor<ConversationProfile>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: BorrowerBotDeps) {
    super();
    this.profile = deps.profile;
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (newcomers.length > 0) {
        const profile = await this.profile.get(context, defaultProfile());
        if (!profile.welcomed) {
          profile.welcomed = true;
          await this.replyWithMenu(context, localeOf(profile.language), 'core.welcome');
        }
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      await this.handleEvent(context);
      await next();
    });

    // Web Chat sends typing while the borrower writes: the assigned agent sees it. Never answered.
    this.onTyping(async (context, next) => {
      if (this.deps.handoffRelay) await this.deps.handoffRelay.typing(context, await this.profile.get(context, defaultProfile()));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await this.checkBorrowerToken(context);
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const profile = await this.profile.get(context, defaultProfile());
    if (profile.hubAgentActive) {
      // An external hub has the conversation: relaying is its job, and the bot must not talk over its agent.
      this.deps.logger.debug({ event: 'handoff.hub_silent', conversationId: activity.conversation?.id }, 'hub has the conversation');
      return;
    }
    let value = submittedValue(activity);
    const text = cleanText(activity.text) || cleanText(value?.text);
    const saved = await this.dialogState.get(context);
    const taskUnderWay = !!saved?.dialogStack?.length;
    // Text the same in both scripts ("我想分期", "你好") keeps the conversation's language; before the borrower has told
    // one, a Traditional client's (zh-TW, zh-HK).
    const previous = !profile.languageTold && /^zh-(tw|hk|mo|hant)/i.test(activity.locale ?? '') ? 'zh-Hant' : profile.language;
    const language = text ? detectLanguage(text, previous) : profile.language;
    if (text && detectLanguage(text, 'zh-Hans') === detectLanguage(text, 'zh-Hant')) profile.languageTold = true;
    const locale = localeOf(language);

    // The hand-off gate comes before the length limit: an agent reads a long message whole.
    // ID characters or a one-time code are not shown to the agent (the prompt marks them only later).
    const secret = !!profile.handoffTicket && isSecretAnswer(innermostDialogId(saved), activity.text ?? '');
    const relayText = secret ? HIDDEN_TEXT : cleanText(activity.text, MAX_RELAYED_CHARS) || cleanText(value?.text, MAX_RELAYED_CHARS);
    const attachments = (activity.attachments ?? []).map((a) => ({ contentType: a.contentType, name: a.name, contentUrl: a.contentUrl }));
    if (await this.deps.handoffRelay?.intercept(context, profile, { text: relayText, value, attachments }, locale)) return;

    if (typeof activity.text === 'string' && activity.text.length > this.deps.maxMessageChars) {
      await context.sendActivity(t(locale, 'core.tooLong', { max: this.deps.maxMessageChars }));
      return;
    }

    if (!text && !value) {
      const key: MessageKey = attachments.length ? 'core.unsupportedInput' : 'core.emptyInput';
      await this.replyWithMenu(context, locale, key);
      return;
    }

    // Emoji or symbols only (😡😡😡, ？？？) with no task under way: ask for a sentence rather than say "outside what
    // I can help with". Inside a task the prompt asks its own question again.
    if (!value && !/[\p{L}\p{N}]/u.test(text) && !taskUnderWay) {
      const feeling = feelingOf(text);
      await this.replyWithMenu(context, locale, feeling ? NO_WORDS[feeling] : 'core.noWords');
      return;
    }

    profile.language = language;
    // Prompts read the activity's locale: make it the conversation's language, not the client's setting.
    activity.locale = locale;

    const offers = profile.offers;
    profile.offers = undefined;
    if (!value && !taskUnderWay) {
      const shortcut = await this.typedShortcut(context, profile, text, locale, offers);
      if (shortcut === 'answered') return;
      if (shortcut) activity.value = value = shortcut;
    }

    let recognition: RecognitionResult;
    let clauseIntents: TurnInfo['clauseIntents'];
    const urgent = value ? undefined : urgencyOf(text);
    if (urgent) {
      // Words of wanting to die, or danger now: care and 110 first, then a person at once, whatever the task
      // (conversation design, domain.md).
      profile.urgent = urgent;
      this.deps.onUrgent?.(urgent);
      this.deps.logger.warn({ event: 'conversation.urgent', reason: urgent, conversationId: activity.conversation?.id }, 'urgent: to a person at P1');
      await context.sendActivity(t(locale, `core.${urgent}`));
      recognition = certainResult(text, 'human_agent', language);
    } else {
      ({ recognition, clauseIntents } = await this.understand(text, value, language, taskUnderWay, profile.lastTopic));
      // Fear told beside a task ("…每天都有人打电话给我，我真的很害怕"): heard once, before the task's first words, unless
      // every task the message names opens with words of its own for it (a complaint, a visit, a lawsuit, a hardship).
      if (!value && !taskUnderWay && !profile.fearHeard && mentionsFear(text)) {
        const tasks = [recognition.intent, ...(clauseIntents ?? []).map((c) => c.intent).filter((i) => TASK_INTENTS.includes(i) && i !== 'human_agent')];
        if (!tasks.every((i) => opensWithCalm(i, text))) {
          profile.fearHeard = true;
          await context.sendActivity(t(locale, 'core.fearHeard'));
        }
      }
    }
    const info: TurnInfo = { locale, recognition, clauseIntents, asksIfBot: !value && asksIfBot(text), factsBefore: profile.lastFacts };
    setTurnInfo(context, info);
    this.deps.onRecognized?.(recognition);
    if (!SMALL_TALK_INTENTS.includes(recognition.intent)) {
      profile.recentIntents = [...(profile.recentIntents ?? []), { intent: recognition.intent, confidence: recognition.score }].slice(-5);
    }
    // The Emulator shows traces in its inspector; no other channel should receive them (expectReplies would).
    if (activity.channelId === 'emulator') {
      await context.sendTraceActivity('recognizer', recognition, 'https://borrower-bot/schemas/recognition', 'Recognizer result');
    }
    this.deps.logger.debug(
      { event: 'turn.recognized', conversationId: activity.conversation?.id, intent: recognition.intent, score: recognition.score },
      'recognized',
    );
    await this.deps.mainDialog.run(context, this.dialogState);
    profile.lastFacts = info.factsSent;
    // Noted by OfferRecorder, which index.ts installs before the channel rendering (that may turn buttons into text).
    profile.offers = sentOffers(context);
  }

  /** Web chat's language switch, and an external agent hub's hand-off status. */
  private async handleEvent(context: TurnContext): Promise<void> {
    const { name, value } = context.activity;
    const profile = await this.profile.get(context, defaultProfile());
    if (name === 'webchat/language' && typeof value === 'string') {
      profile.language = value.startsWith('en') ? 'en' : value === 'zh-TW' ? 'zh-Hant' : 'zh-Hans';
      profile.languageTold = true;
      if (!profile.hubAgentActive) await this.replyWithMenu(context, localeOf(profile.language), 'core.menuPrompt');
      return;
    }
    const hub = readHandoffStatus(context.activity);
    if (!hub) return;
    // Only an agent hub (HANDOFF_MODE=hub, no queue relay) may silence the bot: in queue mode a client posting
    // handoff.status would otherwise mute its own conversation.
    if (this.deps.handoffRelay) {
      this.deps.logger.warn({ event: 'handoff.hub_status_ignored', conversationId: context.activity.conversation?.id }, 'handoff.status ignored in queue mode');
      return;
    }
    await this.handleHubStatus(context, profile, hub);
  }

  /**
   * HANDOFF_MODE=hub. accepted: the hub's agent has the conversation, the bot goes silent (no menu either: a tap
   * would reach the bot, not the agent). failed: say so plainly and offer a callback. completed: back in charge.
   */
  private async handleHubStatus(context: TurnContext, profile: ConversationProfile, hub: NonNullable<ReturnType<typeof readHandoffStatus>>): Promise<void> {
    const locale = localeOf(profile.language);
    // The hub's message is for operators (it may name systems or agents), never shown to the borrower.
    this.deps.logger.info(
      { event: 'handoff.hub_status', conversationId: context.activity.conversation?.id, state: hub.state, message: hub.message },
      'hand-off hub status',
    );
    switch (hub.state) {
      case 'accepted':
        profile.hubAgentActive = true;
        await context.sendActivity(t(locale, 'handoff.hubAccepted'));
        return;
      case 'failed':
        profile.hubAgentActive = undefined;
        await context.sendActivity(MessageFactory.suggestedActions(callbackActions(locale), t(locale, 'handoff.hubFailed')));
        return;
      case 'completed':
        profile.hubAgentActive = undefined;
        await this.replyWithMenu(context, locale, 'handoff.hubCompleted');
        return;
    }
  }

  /** A host page or app may name the borrower with a signed token: checked once per conversation. */
  private async checkBorrowerToken(context: TurnContext): Promise<void> {
    const token = (context.activity.channelData as { borrowerToken?: unknown } | undefined)?.borrowerToken;
    if (typeof token !== 'string' || !token || !this.deps.verifyBorrowerToken) return;
    const profile = await this.profile.get(context, defaultProfile());
    if (profile.tokenChecked) return;
    profile.tokenChecked = true;
    await this.deps.verifyBorrowerToken(conversationKey(context), token);
  }

  /**
   * What a typed message stands for before it is recognised, with no task under way: a button of the last answer
   * typed instead of pressed (the mobile for "verify and see my account", a time for "book a callback", yes to "shall
   * I connect you to a person?"), or a bare mobile right after a scam check (that check again). Or it is answered
   * here ('answered'): "好的" / "ok" after an answer (not a miss; the offers stay for the next message), a message with
   * a fixed answer (bots/fixedReplies.ts: "救救我", "我不是借款人", "我要报警"), and a bare mobile otherwise ("is it
   * yours or a caller's?").
   */
  private async typedShortcut(
    context: TurnContext,
    profile: ConversationProfile,
    text: string,
    locale: Locale,
    offers: ConversationProfile['offers'],
  ): Promise<Record<string, unknown> | 'answered' | undefined> {
    const followUp = typedFollowUp(offers, text, this.deps.clock.now(), this.deps.timeZone);
    if (followUp) return { ...followUp };
    // To verify for the task whose "verify" button was just offered, else to see the account.
    if (asksToVerifySelf(text)) return { intent: offers?.verify ?? 'account_status', action: 'verify' };
    if (isAcknowledgement(text)) {
      profile.offers = offers;
      await this.replyWithMenu(context, locale, 'core.acknowledged');
      return 'answered';
    }
    if (normaliseIdLast6(text) !== undefined) {
      // ID characters or a code typed when nothing asked for them (often after verification locked): kept out of the
      // transcript, and the borrower told where they belong.
      markSensitiveInput(context);
      await context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'account_status'), intentLabel(locale, 'human_agent')], t(locale, 'core.secretOutOfPlace')));
      return 'answered';
    }
    if (asksWhenAnswered(text)) {
      const last = (await this.deps.filedRecords?.list(context))?.filter((r) => r.answerBy).pop();
      if (last) {
        const actions = [intentLabel(locale, 'account_status'), intentLabel(locale, 'human_agent')];
        await context.sendActivity(MessageFactory.suggestedActions(actions, t(locale, 'core.answerBy', { reference: last.reference, answerBy: formatDate(last.answerBy, locale, '') })));
        return 'answered';
      }
    }
    if (asksForHotline(text)) {
      const hotline = this.deps.hotline;
      const actions = [intentLabel(locale, 'human_agent'), t(locale, 'handoff.bookCallback')];
      await context.sendActivity(MessageFactory.suggestedActions(actions, hotline ? t(locale, 'core.hotline', { hotline }) : t(locale, 'core.hotlineApp')));
      return 'answered';
    }
    const fixed = fixedReply(text, locale);
    if (fixed) {
      await context.sendActivity(fixed);
      return 'answered';
    }
    const bare = bareMobile(text, profile.lastTopic);
    if (bare?.check) return { ...bare.check };
    if (bare) {
      await context.sendActivity(whoseNumber(locale, bare.mobile));
      return 'answered';
    }
    return undefined;
  }

  /**
   * What the message asks. A short follow-up to the last answer is read in its light ("他们真的会来吗" after the
   * doorstep-visit answer); a new request that asks two things also gets each clause recognised, so the main dialog
   * can answer both.
   */
  private async understand(
    text: string,
    value: Record<string, unknown> | undefined,
    language: ConversationProfile['language'],
    taskUnderWay: boolean,
    lastTopic: ConversationProfile['lastTopic'],
  ): Promise<Pick<TurnInfo, 'recognition' | 'clauseIntents'>> {
    const recognised = await this.recognize(text, value, language);
    if (value || taskUnderWay) return { recognition: recognised };
    const recognition = withTopicContext(recognised, lastTopic);
    // "My number is 138…" with no task the recogniser can place: the borrower wants to be verified and see the account
    // (verification starts from that number: VerifyIdentityDialog reads it).
    // Also when the sentence is that and nothing more ("my number is 138…"), whatever the model makes of so few words.
    if (ownMobileInText(text) && (SMALL_TALK_INTENTS.includes(recognition.intent) || text.replace(/[\d\s\p{P}+-]/gu, '').length <= 12)) {
      return { recognition: certainResult(text, 'account_status', language) };
    }
    const clauses = clausesOf(text);
    const clauseIntents = clauses.length
      ? (await Promise.all(clauses.map((clause) => this.recognize(clause, undefined, language)))).map((r, i) => ({ text: clauses[i], intent: r.intent, score: r.score }))
      : undefined;
    return { recognition, clauseIntents };
  }

  private async recognize(
    text: string,
    value: Record<string, unknown> | undefined,
    language: ConversationProfile['language'],
  ): Promise<RecognitionResult> {
    if (value && isIntent(value.intent)) return certainResult(text, value.intent, language);
    if (!text) return { ...certainResult('', 'none', language), score: 0 };
    const typed = typedIntent(text);
    if (typed) return certainResult(text, typed, language);
    return this.deps.recognizer.recognize(text, {
      now: this.deps.clock.now(),
      timeZone: this.deps.timeZone,
      previousLanguage: language,
    });
  }

  private async replyWithMenu(context: TurnContext, locale: Locale, key: MessageKey): Promise<void> {
    await context.sendActivity(MessageFactory.suggestedActions(menuActions(locale), t(locale, key)));
  }
}

/** Routes whose first words already meet a frightened borrower: the complaint intake, a visit, a lawsuit, a hardship told. */
function opensWithCalm(intent: Intent, text: string): boolean {
  return intent === 'harassment_complaint' || intent === 'doorstep_visit' || intent === 'lawsuit_threat' || (intent === 'installment_plan' && toldHardship(text));
}

/** What a message of emoji or symbols only gets, by the feeling it shows. */
const NO_WORDS: Record<NonNullable<ReturnType<typeof feelingOf>>, MessageKey> = { sad: 'core.noWordsSad', angry: 'core.noWordsAngry', puzzled: 'core.noWordsPuzzled' };

/**
 * A typed message that stands for an intent without being recognised: a button label typed instead of pressed, or the
 * same in a few words ("留言", "我想申请困难审核", "人呢"), "一直不还会怎么样" (the consequences), or "没有了" (nothing more to ask).
 */
function typedIntent(text: string): Intent | undefined {
  const labelled = intentOfLabel(text);
  if (labelled) return labelled;
  if (wantsToLeaveMessage(text) || asksWhereThePersonIs(text)) return 'human_agent';
  if (wantsHardshipReview(text)) return 'negotiation_refused';
  if (asksForCallback(text)) return 'cannot_reach_collector';
  if (NAMES_MEDIATION.test(text)) return 'lawsuit_threat';
  if (asksWhatIfNotPaid(text)) return 'credit_report';
  return isClosing(text) ? 'goodbye' : undefined;
}
