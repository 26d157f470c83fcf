import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogTurnStatus,
  ListStyle,
  WaterfallDialog,
  type Choice,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { choicesIn, cjkChoicePrompt } from './choices';
import { createDialogContext } from './dialogRuntime';
import { asksAQuestion } from './questionForm';
import { COMPLAINT_WHAT_PROMPT } from './complaints/complaintDialog';
import { AccountStatusDialog } from './account/accountStatusDialog';
import { InfoAnswerDialog } from './guidance/infoAnswerDialog';
import { CALLER_NUMBER_PROMPT } from './guidance/verifyCollectorDialog';
import { HANDOFF_MESSAGE_PROMPT, handoffPriority } from './handoff/handoffDialog';
import { DIGIT_PROMPTS } from './identity/verifyIdentityDialog';
import { isConfirmPrompt } from './plans/confirmSubmitDialog';
import { HARDSHIP_AMOUNT_PROMPT, HARDSHIP_DESCRIPTION_PROMPT } from './plans/hardshipReviewDialog';
import { PLAN_AMOUNT_PROMPT, PLAN_CHOOSE_PROMPT } from './plans/installmentPlanDialog';
import { saysAmountUnknown, yesNo } from './plans/planInput';
import { planTermsAsked } from './plans/planTerms';
import { TASK_INTENTS, TOPIC_INTENTS, type Intent } from '../services/recognizer/intentRecognizer';
import { intentLabel, menuActions, taskName } from './menu';
import { t, type Locale, type MessageKey } from './messages';
import { answersAside, hasOwnQuestions, type AsideAnswer, type RouteOptions, type RouteTable } from './routes';
import { defaultProfile, turnInfo, type ClauseIntent, type ConversationProfile } from './turnInfo';

export const MAIN_DIALOG = 'main';
const ROUTE_WATERFALL = 'main.route';
/** Intents whose clause needs no question to be answered: the borrower tells a threat because it worries them. */
const THREATS_TOLD: readonly Intent[] = ['doorstep_visit', 'lawsuit_threat'];
/** A clause the borrower opens with what they want ("我想一次性还清", "I want to pay it all off"). */
const WANTS = /^(我|我们|我們)?(想|要|打算|准备|準備|希望)|^i (want|would like|'d like|plan|need) to\b/i;
const CLARIFY_PROMPT = 'main.clarify';
/** What a plan or hardship flow's own answers sound like ("我失业了" is the plan's story, in either flow). */
const PLAN_STORY: readonly Intent[] = ['installment_plan', 'negotiation_refused'];
/** The plan and hardship flows' "how much can you pay a month?": answered by an amount (or a length, or "not sure"). */
const AMOUNT_PROMPTS: ReadonlySet<string> = new Set([PLAN_AMOUNT_PROMPT, HARDSHIP_AMOUNT_PROMPT]);

/**
 * A task's last questions: which plan, and any confirm-and-submit. Another task told there is kept for when this one is
 * done, and a fact told there is answered aside, question or not: the borrower is one step from filing.
 */
const isFinishingPrompt = (id: string) => id === PLAN_CHOOSE_PROMPT || isConfirmPrompt(id);

/** Intents that interrupt any dialog at any step. */
const INTERRUPTIONS = new Set<Intent>(['help', 'cancel', 'human_agent']);

/** Prompts whose answer is the borrower's own account of things, taken as written (never a side question). */
const AS_WRITTEN_PROMPTS = new Set([HANDOFF_MESSAGE_PROMPT, COMPLAINT_WHAT_PROMPT, HARDSHIP_DESCRIPTION_PROMPT]);

/**
 * A clause that asks for a person says so ("转人工", "我要找客服", "let me talk to someone"). "请在24小时内联系139…处理",
 * quoted from a text message, is the sender's words, not a request for a person.
 */
const NAMES_A_PERSON = /人工|真人|客服|转人|轉人|找人|专员|專員|agent|person|human|someone|somebody|representative/i;

/** "那我该怎么办" / "what should I do now" and nothing else. */
const WHAT_NOW = /^(那|那么|那麼|所以)?(我)?(现在|現在)?(该|該|应该|應該|要)?(怎么办|怎麼辦|怎么做|怎麼做)(呢|啊|呀)?[？?。.!！]*$|^(so |then )?what (should|do|can) i do( now| then| next)?[?.!]*$/i;

export interface ConfidenceThresholds {
  /** At or above: route straight away. */
  high: number;
  /** Below: treat as not understood. Between low and high: ask "did you mean A or B?". */
  low: number;
}

export interface MainDialogDeps {
  routes: RouteTable;
  /** The task dialogs the routes name. */
  dialogs: Dialog[];
  profile: StatePropertyAccessor<ConversationProfile>;
  thresholds: ConfidenceThresholds;
}

interface ClarifyValues {
  /** The one or two tasks offered ("did you mean A (or B)?"); any other choice is "neither". */
  candidates?: Intent[];
  /** The task this routing started (a different confident task may take over a closed question). */
  routed?: Intent;
  /** A second task the same message asked for, offered once the first is done ("投诉…，能不能分几个月还"). */
  later?: Intent;
  /** The message "did you mean…?" was asked about, for the task chosen to read ("能不能换一个催收员，态度太差了"). */
  asked?: string;
}

/**
 * Routes each new request by intent through the route table, asks when confidence is middling, offers a person
 * after two misses in a row, and lets help / cancel / talk-to-a-person interrupt any task at any step.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    this.addDialog(
      new WaterfallDialog(ROUTE_WATERFALL, [this.clarifyStep.bind(this), this.routeStep.bind(this), this.finalStep.bind(this)]),
    );
    this.addDialog(cjkChoicePrompt(CLARIFY_PROMPT));
    for (const dialog of deps.dialogs) this.addDialog(dialog);
    this.initialDialogId = ROUTE_WATERFALL;
  }

  /** Run one turn: continue the active task, or start routing a new request. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dc = await createDialogContext(dialogSet, context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { recognition, locale, asksIfBot } = turnInfo(innerDc.context);
    // Built once per turn: every check below reads the innermost prompt, and each level costs a DialogContext.
    const at = promptAt(innerDc);
    // A reply that answers the question asked ("Submit it" to "submit this plan?") is that answer, whatever else the
    // recogniser hears in it (it once heard "cancel").
    if (this.answersTheQuestion(at)) return super.onContinueDialog(innerDc);
    if (INTERRUPTIONS.has(recognition.intent) && recognition.score >= this.deps.thresholds.high && this.interruptible(at, recognition.intent)) {
      switch (recognition.intent) {
        case 'help':
          await innerDc.context.sendActivity(t(locale, 'core.help'));
          return this.askAgain(at, locale);
        case 'cancel':
          await innerDc.cancelAllDialogs();
          await this.replyWithMenu(innerDc.context, locale, 'core.cancelled');
          return { status: DialogTurnStatus.cancelled };
        case 'human_agent':
          await innerDc.cancelAllDialogs();
          return this.startRoute(innerDc, 'human_agent');
      }
    }
    if (at.id === CLARIFY_PROMPT && at.text && !at.pressed) {
      // "Did you mean A or B?" answered with something else: a new message, read afresh. Before, the question came
      // back for as long as the borrower typed instead of pressing a button.
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE_WATERFALL);
    }
    if (asksIfBot && !AS_WRITTEN_PROMPTS.has(at.id)) {
      // "Are you a robot?" at a task's question: the honest answer (it ends "let's continue"), then the question again.
      await innerDc.context.sendActivity(t(locale, 'core.iAmABotAside'));
      await at.dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // A question the task under way answers itself ("审核要几天" in a plan request) is its own, not another's aside.
    if (this.taskAnswersItself(innerDc)) return super.onContinueDialog(innerDc);
    const aside = this.sideQuestion(innerDc, at);
    // A question about a fact (is the lawsuit real, will it show on my credit report, once verified what do I owe) in
    // the middle of a task: answer it, then ask the task's question again.
    if (aside && (await aside.answerAside(innerDc.context, { intent: recognition.intent, entities: recognition.entities }))) {
      return this.askAgain(at, locale);
    }
    if (await this.keptForLater(innerDc, at)) return Dialog.EndOfTurn;
    if (this.isTopicChange(innerDc, at)) {
      // A closed question the borrower did not answer, and a confident request for another task: follow the borrower.
      await innerDc.cancelAllDialogs();
      return this.startRoute(innerDc, recognition.intent);
    }
    return super.onContinueDialog(innerDc);
  }

  /** "Let's continue where we were", then the innermost prompt's question again. */
  private async askAgain(at: PromptAt, locale: Locale): Promise<DialogTurnResult> {
    await at.dc.context.sendActivity(t(locale, 'core.helpResume'));
    await at.dc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /** The innermost prompt is a closed question (choices, or a confirm-and-submit yes / no) and the text answers it. */
  private answersTheQuestion(at: PromptAt): boolean {
    if (!at.text || at.pressed) return false;
    if (isConfirmPrompt(at.id)) return yesNo(at.text, { yes: [], no: [] }) !== undefined;
    if (!(at.dialog instanceof ChoicePrompt)) return false;
    const choices = ((at.dc.activeDialog?.state as { options?: { choices?: Array<string | Choice> } } | undefined)?.options?.choices ?? []) as Array<string | Choice>;
    return choicesIn(at.text, choices, at.dc.context.activity.locale).length > 0;
  }

  /** A message being left for a person is taken as written ("please have a person call me" is the message): only cancel stops it. */
  private interruptible(at: PromptAt, intent: Intent): boolean {
    return intent === 'cancel' || at.id !== HANDOFF_MESSAGE_PROMPT;
  }

  /**
   * The dialog that answers asides (the information answers, the account) when the message is a confident question
   * for it asked at a task's prompt, and not that prompt's answer: no digits, no button or card value, not a prompt
   * whose answer is taken as written, and not the task the borrower is already in.
   */
  private sideQuestion(innerDc: DialogContext, at: PromptAt): (Dialog & AsideAnswer) | undefined {
    const { recognition } = turnInfo(innerDc.context);
    if (recognition.score < this.deps.thresholds.high) return undefined;
    const info = this.routedDialog(innerDc, recognition.intent);
    if (!info || !answersAside(info)) return undefined;
    // A threat told ("他们说要去我老家找我父母") is answered like a question: its facts cannot wait for the task's step.
    const asked = asksAQuestion(at.text) || THREATS_TOLD.includes(recognition.intent) || isFinishingPrompt(at.id);
    if (!asked || /\d/.test(at.text) || at.pressed) return undefined;
    if (!at.id || AS_WRITTEN_PROMPTS.has(at.id)) return undefined;
    if (innerDc.stack.some((instance) => instance.id === info.id)) return undefined;
    return info;
  }

  /** A dialog under way answers this message itself (OwnQuestions). */
  private taskAnswersItself(innerDc: DialogContext): boolean {
    return innerDc.stack.some((instance) => {
      const dialog = innerDc.findDialog(instance.id);
      return hasOwnQuestions(dialog) && dialog.answersOwnQuestion(innerDc.context);
    });
  }

  /** The intent's route when it is an information answer (lawsuit, doorstep visit, credit report, how to repay). */
  private infoAnswer(dc: DialogContext, intent: Intent): InfoAnswerDialog | undefined {
    const dialog = this.routedDialog(dc, intent);
    return dialog instanceof InfoAnswerDialog ? dialog : undefined;
  }

  /** The dialog the intent's route starts, if it starts one. */
  private routedDialog(dc: DialogContext, intent: Intent): Dialog | undefined {
    const route = this.deps.routes[intent];
    return route && 'dialog' in route ? dc.findDialog(route.dialog) : undefined;
  }

  /**
   * "催收昨天还打电话骂我" at "submit this plan?": a confident request for another task at a finishing prompt is kept for
   * when this task is done (the route waterfall's `later`, offered by its final step), and the question asked again.
   * Before, the question came back as if nothing had been said.
   */
  private async keptForLater(innerDc: DialogContext, at: PromptAt): Promise<boolean> {
    const { recognition, locale } = turnInfo(innerDc.context);
    if (!isFinishingPrompt(at.id) || !at.text || at.pressed || recognition.score < this.deps.thresholds.high) return false;
    const intent = recognition.intent;
    if (!TASK_INTENTS.includes(intent) || intent === 'human_agent' || !this.deps.routes[intent]) return false;
    const values = (innerDc.stack.find((instance) => instance.id === ROUTE_WATERFALL)?.state as { values?: ClarifyValues } | undefined)?.values;
    if (!values?.routed || values.routed === intent || PLAN_STORY.includes(intent)) return false;
    values.later = intent;
    await innerDc.context.sendActivity(t(locale, 'core.alsoLater', { first: taskName(locale, values.routed), task: taskName(locale, intent) }));
    await at.dc.repromptDialog();
    return true;
  }

  /**
   * True when the innermost active prompt is a closed question (choices, a digits-only identity prompt, a plan's
   * amount, or the scam check's "which number called you?"), the message does not answer it, and the recogniser is confident the borrower
   * wants a different task. Free-text prompts (a complaint's description) never count: their answers often sound like
   * other tasks.
   */
  private isTopicChange(innerDc: DialogContext, at: PromptAt): boolean {
    const { recognition } = turnInfo(innerDc.context);
    if (recognition.score < this.deps.thresholds.high || !TASK_INTENTS.includes(recognition.intent)) return false;
    if (!at.text || at.pressed || !at.id) return false;
    const route = innerDc.stack.find((instance) => instance.id === ROUTE_WATERFALL);
    const startedFor = (route?.state as { values?: ClarifyValues } | undefined)?.values?.routed;
    if (startedFor === recognition.intent) return false;
    // A reply that answers the choices never gets here (answersTheQuestion took it first).
    if (at.id === CALLER_NUMBER_PROMPT) return !recognition.entities.some((entity) => entity.type === 'phone');
    // "等一下，催收刚才又打电话骂我了" at "how much can you pay a month?": no amount, and another task (a hardship told
    // there, "我失业了", is the plan's own story, in either flow).
    if (AMOUNT_PROMPTS.has(at.id)) {
      const planStory = PLAN_STORY.includes(recognition.intent);
      const answers = saysAmountUnknown(at.text) || recognition.entities.some((entity) => entity.type === 'money' || entity.type === 'installments');
      return !planStory && !answers;
    }
    return at.dialog instanceof ChoicePrompt || (DIGIT_PROMPTS.has(at.id) && !/\d/.test(at.text));
  }

  private async clarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { recognition, locale, asksIfBot } = turnInfo(step.context);
    if (asksIfBot) {
      // "Are you a robot?" gets the honest answer and the way to a person, whatever the recogniser makes of it.
      await this.replyWithMenu(step.context, locale, 'core.iAmABot');
      return step.endDialog();
    }
    // "那我该怎么办" right after an answer: that answer's next steps, not the list of everything the bot does (and not
    // "did you mean…?" between what the words and the last topic suggest).
    const lastTopic = WHAT_NOW.test(step.context.activity.text?.trim() ?? '') ? (await this.deps.profile.get(step.context, defaultProfile())).lastTopic : undefined;
    const lastInfo = lastTopic ? this.infoAnswer(step, lastTopic) : undefined;
    if (lastInfo) {
      await lastInfo.nextSteps(step.context);
      return step.endDialog();
    }
    // "我已经在分期了为什么还有人催" sounds like several tasks at once; it is a question about a plan filed.
    const terms = planTermsAsked(step.context.activity.text);
    if (terms.includes('chased') && (await this.answerAboutFiled(step, await this.deps.profile.get(step.context, defaultProfile()), terms))) {
      return step.endDialog();
    }
    const { high, low } = this.deps.thresholds;
    const middling = recognition.score >= low && recognition.score < high;
    // Torn between two asks because the message makes both ("…说要起诉我，是你们吗"): each clause is clear, so no
    // question; the route answers both (answerBoth).
    const clear = middling ? this.clearClause(step.context) : undefined;
    if (clear) return step.next(clear);
    if (!middling || recognition.intent === 'none' || recognition.runnerUp.intent === 'none') {
      return step.next(recognition.score >= high ? recognition.intent : 'none');
    }
    // Only tasks are offered as buttons: small talk (thanks, goodbye) has no label of its own (it would read as a
    // second "neither"), and between two small-talk guesses the top one is answered, since either answer is harmless.
    // A candidate must be plausible on its own (half the low threshold at least): with small talk on top ("那我该怎么办":
    // help 0.53), a runner-up task at 0.09 is not offered as "did you mean…?".
    const candidates = [recognition, recognition.runnerUp].filter((c) => TASK_INTENTS.includes(c.intent) && c.score >= low / 2).map((c) => c.intent);
    if (candidates.length === 0) return step.next(recognition.intent);
    (step.values as ClarifyValues).candidates = candidates;
    (step.values as ClarifyValues).asked = step.context.activity.text ?? undefined;
    return step.prompt(CLARIFY_PROMPT, {
      prompt: t(locale, 'core.clarify'),
      choices: [...candidates.map((i) => intentLabel(locale, i)), t(locale, 'core.clarifyNeither')],
      style: ListStyle.suggestedAction,
    });
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = step.result as Intent | FoundChoice;
    const intent: Intent =
      typeof chosen === 'string' ? chosen : ((step.values as ClarifyValues).candidates?.[chosen.index] ?? 'none');
    (step.values as ClarifyValues).routed = intent;
    // "Neither" to our question: we misunderstood, so ask again rather than call the request out of scope.
    const neither = typeof chosen !== 'string' && intent === 'none';
    return this.startRoute(step, intent, neither ? 'core.clarifiedNeither' : 'core.none', step.values as ClarifyValues);
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { later } = step.values as ClarifyValues;
    if (later) {
      // The task's own last buttons are replaced by these on most channels, so a person stays among them.
      const locale = turnInfo(step.context).locale;
      const labels = [...new Set([later, 'human_agent' as const])].map((i) => intentLabel(locale, i));
      await step.context.sendActivity(MessageFactory.suggestedActions(labels, t(locale, 'core.laterNow', { task: taskName(locale, later) })));
    }
    return step.endDialog();
  }

  /**
   * `notUnderstood`: what to say when the request is `none` (before the second miss in a row, which offers a person).
   * `values`: the route waterfall's, when routing from it (a second task is kept there for later).
   */
  private async startRoute(dc: DialogContext, intent: Intent, notUnderstood: MessageKey = 'core.none', values?: ClarifyValues): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(dc.context, defaultProfile());
    const also = this.alsoAsked(dc.context, intent);
    const { locale, recognition } = turnInfo(dc.context);
    // A third question asked of a topic with a short answer ("…能不能少还一点，还有会不会被起诉啊" beside a complaint):
    // answered first, aside, rather than dropped; then the two tasks.
    const third = also && this.thirdQuestion(dc, [intent, also.intent]);
    if (third) await this.infoAnswer(dc, third)?.answerAside(dc.context, { intent: third, entities: recognition.entities });
    if (also) {
      // The agent who may take this conversation later sees both needs.
      profile.recentIntents = [...(profile.recentIntents ?? []), { intent: also.intent, confidence: also.score }].slice(-5);
      intent = await this.answerBoth(dc, intent, also.intent, values);
    }
    const route = this.deps.routes[intent];
    if (intent === 'none' && (await this.answerAboutFiled(dc, profile))) {
      profile.misses = 0;
      return dc.endDialog();
    }
    if (!route || intent === 'none') {
      profile.misses += 1;
      if (profile.misses >= 2) {
        profile.misses = 0;
        await dc.context.sendActivity(
          MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, 'core.secondMiss')),
        );
      } else {
        await this.replyWithMenu(dc.context, locale, notUnderstood);
      }
      return dc.endDialog();
    }
    profile.misses = 0;
    if (TOPIC_INTENTS.includes(intent)) profile.lastTopic = intent;
    if ('dialog' in route) {
      return dc.beginDialog(route.dialog, { intent, entities: recognition.entities, asked: values?.asked } satisfies RouteOptions);
    }
    await this.replyWithMenu(dc.context, locale, route.reply);
    return dc.endDialog();
  }

  /**
   * "多久能审核完" / "投诉多久有结果" / "我已经在分期了为什么还有人催", which the recogniser cannot place on its own: what this borrower filed and by when
   * it is answered (verified, with something still open), or, right after a plan answer, the policy's review time.
   */
  private async answerAboutFiled(dc: DialogContext, profile: ConversationProfile, terms = planTermsAsked(dc.context.activity.text)): Promise<boolean> {
    const chased = terms.includes('chased');
    if (!chased && !terms.includes('review')) return false;
    const account = this.routedDialog(dc, 'account_status');
    const shown = account instanceof AccountStatusDialog && (await account.answerOpenRequests(dc.context));
    // "我已经在分期了为什么还有人催": the request's state (verified) and, always, what the policy says and the complaint.
    if (shown && !chased) return true;
    const plan = chased || profile.lastTopic === 'installment_plan' ? this.routedDialog(dc, 'installment_plan') : undefined;
    const answered = answersAside(plan) && (await plan.answerAside(dc.context, { intent: 'installment_plan', entities: turnInfo(dc.context).recognition.entities }));
    return shown || answered;
  }

  private async replyWithMenu(context: TurnContext, locale: Locale, key: MessageKey): Promise<void> {
    await context.sendActivity(MessageFactory.suggestedActions(menuActions(locale), t(locale, key)));
  }

  /**
   * Two asks in one message ("我想分期，会上征信吗"): the factual one is answered first, without its closing buttons,
   * and the other is routed (returned). A clear task in one clause of a message that is otherwise not understood is
   * routed. Two tasks that both need a dialog: the top one now, and the other is said to be noted and offered when
   * the first is done (when routing from the route waterfall, which keeps it).
   */
  private async answerBoth(dc: DialogContext, intent: Intent, also: Intent, values?: ClarifyValues): Promise<Intent> {
    const { entities } = turnInfo(dc.context).recognition;
    if (!TASK_INTENTS.includes(intent)) return also;
    const alsoInfo = this.infoAnswer(dc, also);
    if (alsoInfo) {
      // Answered only when asked, or wanted ("我想一次性还清" beside "要还多少"): "一直叫我全额还清" beside "催收不同意我分期"
      // is what the collector said, not a question about how to repay. A threat told ("催收说下周要上门" beside
      // "还要起诉我") is the worry itself.
      const clause = this.alsoAsked(dc.context, intent)?.text ?? '';
      if (THREATS_TOLD.includes(also) || asksAQuestion(clause) || WANTS.test(clause)) {
        await alsoInfo.answerAside(dc.context, { intent: also, entities });
      }
      return intent;
    }
    const topInfo = this.infoAnswer(dc, intent);
    if (topInfo) {
      await topInfo.answerAside(dc.context, { intent, entities });
      return also;
    }
    // "催收天天骂我，我要找真人": the person asked for in so many words comes first; the agent sees the other need too.
    if (also === 'human_agent') return also;
    if (values && this.deps.routes[also]) {
      values.later = also;
      const locale = turnInfo(dc.context).locale;
      await dc.context.sendActivity(t(locale, 'core.alsoLater', { first: taskName(locale, intent), task: taskName(locale, also) }));
    }
    return intent;
  }

  /**
   * The first task one clause of the message asks for with confidence, when another clause asks for another; or, when
   * every confident clause asks for the same one of the two tasks the whole message is torn between, that task
   * ("昨天有个自称律师的人打电话说已经立案了，让我今天必须还清": the caller check or the lawsuit; its first clause is the lawsuit).
   */
  private clearClause(context: TurnContext): Intent | undefined {
    const { clauseIntents, recognition } = turnInfo(context);
    const confident = (clauseIntents ?? []).filter((c) => c.score >= this.deps.thresholds.high && TASK_INTENTS.includes(c.intent));
    const first = confident[0];
    if (!first) return undefined;
    if (this.alsoAsked(context, first.intent)) return first.intent;
    const torn = [recognition.intent, recognition.runnerUp.intent];
    return confident.every((c) => c.intent === first.intent) && torn.includes(first.intent) ? first.intent : undefined;
  }

  /**
   * A second task one clause of the message asks for with confidence, other than `intent`: the most urgent of them
   * by hand-off priority, then the first. In "现在逾期三个月了，每天十几个电话打给我老婆…能不能分期" that is the harassment,
   * not the balance the first clause mentions. A clause that only tells of the account ("已经逾期两个月了") comes after
   * every clause that asks something ("…能不能让我每个月少还一点": the plan, not the balance).
   */
  /** A confident clause beside the two tasks handled that asks a question an info answer gives. */
  private thirdQuestion(dc: DialogContext, handled: Intent[]): Intent | undefined {
    const { clauseIntents } = turnInfo(dc.context);
    return (clauseIntents ?? []).find(
      (c) => c.score >= this.deps.thresholds.high && !handled.includes(c.intent) && asksAQuestion(c.text) && this.infoAnswer(dc, c.intent) !== undefined,
    )?.intent;
  }

  private alsoAsked(context: TurnContext, intent: Intent): ClauseIntent | undefined {
    const { clauseIntents } = turnInfo(context);
    const asked = (clauseIntents ?? []).filter(
      (c) => c.score >= this.deps.thresholds.high && c.intent !== intent && TASK_INTENTS.includes(c.intent) && (c.intent !== 'human_agent' || NAMES_A_PERSON.test(c.text)),
    );
    const rank = (c: ClauseIntent) => (TOLD_BACKGROUND.includes(c.intent) && !ASKS.test(c.text) ? 10 : 0) + handoffPriority([c.intent]);
    return asked.reduce<ClauseIntent | undefined>((best, c) => (!best || rank(c) < rank(best) ? c : best), undefined);
  }
}


/** Topics a clause may only tell as background ("已经逾期两个月了"), where a harassment told is a complaint to take. */
const TOLD_BACKGROUND: readonly Intent[] = ['account_status', 'credit_report', 'repayment_howto'];
/** A clause that asks something (a question or a request), not one that only tells. */
const ASKS = /[吗嗎呢？?]|能不能|可不可以|可以|会不会|會不會|怎么|怎麼|是不是|为什么|為什麼|想|要|请|請|帮|幫|\b(can|could|will|would|how|what|why|please|want)\b/i;
/** Where the conversation is this turn: the innermost dialog context, its active dialog, and what was sent. */
interface PromptAt {
  dc: DialogContext;
  /** The active dialog's id ('' when none). */
  id: string;
  dialog: Dialog | undefined;
  /** The message text, trimmed. */
  text: string;
  /** A button or card value came with it. */
  pressed: boolean;
}

function promptAt(innerDc: DialogContext): PromptAt {
  const dc = innermost(innerDc);
  const id = dc.activeDialog?.id ?? '';
  const { text, value } = innerDc.context.activity;
  return { dc, id, dialog: id ? dc.findDialog(id) : undefined, text: text?.trim() ?? '', pressed: !!value };
}

/** The innermost dialog context of the active stack (`child` builds a new DialogContext on every read: once per level). */
function innermost(dc: DialogContext): DialogContext {
  let inner = dc;
  for (let child = inner.child; child; child = child.child) inner = child;
  return inner;
}
