import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogTurnStatus,
  ListStyle,
  recognizeChoices,
  WaterfallDialog,
  type Choice,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { CJK_CHOICE_OPTIONS, cjkChoicePrompt } from './choices';
import { createDialogContext, innermostDialogId } from './dialogRuntime';
import { HANDOFF_MESSAGE_PROMPT } from './handoff/handoffDialog';
import { DIGIT_PROMPTS } from './identity/verifyIdentityDialog';
import { TASK_INTENTS, type Intent } from '../services/recognizer/intentRecognizer';
import { intentLabel, menuActions } from './menu';
import { t, type Locale, type MessageKey } from './messages';
import type { RouteTable } from './routes';
import { defaultProfile, turnInfo, type ConversationProfile } from './turnInfo';

export const MAIN_DIALOG = 'main';
const ROUTE_WATERFALL = 'main.route';
const CLARIFY_PROMPT = 'main.clarify';

/** Intents that interrupt any dialog at any step. */
const INTERRUPTIONS = new Set<Intent>(['help', 'cancel', 'human_agent']);

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
    const { recognition, locale } = turnInfo(innerDc.context);
    if (INTERRUPTIONS.has(recognition.intent) && recognition.score >= this.deps.thresholds.high && this.interruptible(innerDc, recognition.intent)) {
      switch (recognition.intent) {
        case 'help':
          await innerDc.context.sendActivity(t(locale, 'core.help'));
          await innerDc.context.sendActivity(t(locale, 'core.helpResume'));
          await innerDc.repromptDialog();
          return Dialog.EndOfTurn;
        case 'cancel':
          await innerDc.cancelAllDialogs();
          await this.replyWithMenu(innerDc.context, locale, 'core.cancelled');
          return { status: DialogTurnStatus.cancelled };
        case 'human_agent':
          await innerDc.cancelAllDialogs();
          return this.startRoute(innerDc, 'human_agent');
      }
    }
    if (this.isTopicChange(innerDc)) {
      // A closed question the borrower did not answer, and a confident request for another task: follow the borrower.
      await innerDc.cancelAllDialogs();
      return this.startRoute(innerDc, recognition.intent);
    }
    return super.onContinueDialog(innerDc);
  }

  /** A message being left for a person is taken as written ("please have a person call me" is the message): only cancel stops it. */
  private interruptible(innerDc: DialogContext, intent: Intent): boolean {
    return intent === 'cancel' || innermostDialogId({ dialogStack: innerDc.stack }) !== HANDOFF_MESSAGE_PROMPT;
  }

  /**
   * True when the innermost active prompt is a closed question (choices, or a digits-only identity prompt), the
   * message does not answer it, and the recogniser is confident the borrower wants a different task. Free-text
   * prompts (a complaint's description) never count: their answers often sound like other tasks.
   */
  private isTopicChange(innerDc: DialogContext): boolean {
    const { recognition } = turnInfo(innerDc.context);
    if (recognition.score < this.deps.thresholds.high || !TASK_INTENTS.includes(recognition.intent)) return false;
    const text = innerDc.context.activity.text?.trim() ?? '';
    if (!text || innerDc.context.activity.value) return false;
    const dc = innermost(innerDc);
    const active = dc.activeDialog;
    if (!active) return false;
    const prompt = dc.findDialog(active.id);
    const route = innerDc.stack.find((instance) => instance.id === ROUTE_WATERFALL);
    const startedFor = (route?.state as { values?: ClarifyValues } | undefined)?.values?.routed;
    if (startedFor === recognition.intent) return false;
    if (prompt instanceof ChoicePrompt) {
      const choices = ((active.state as { options?: { choices?: Array<string | Choice> } }).options?.choices ?? []) as Array<string | Choice>;
      return recognizeChoices(text, choices, CJK_CHOICE_OPTIONS).length === 0;
    }
    return DIGIT_PROMPTS.has(active.id) && !/\d/.test(text);
  }

  private async clarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { recognition, locale } = turnInfo(step.context);
    const { high, low } = this.deps.thresholds;
    const middling = recognition.score >= low && recognition.score < high;
    if (!middling || recognition.intent === 'none' || recognition.runnerUp.intent === 'none') {
      return step.next(recognition.score >= high ? recognition.intent : 'none');
    }
    // Only tasks are offered as buttons: small talk (thanks, goodbye) has no label of its own (it would read as a
    // second "neither"), and between two small-talk guesses the top one is answered, since either answer is harmless.
    const candidates = [recognition.intent, recognition.runnerUp.intent].filter((i) => TASK_INTENTS.includes(i));
    if (candidates.length === 0) return step.next(recognition.intent);
    (step.values as ClarifyValues).candidates = candidates;
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
    return this.startRoute(step, intent, neither ? 'core.clarifiedNeither' : 'core.none');
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }

  /** `notUnderstood`: what to say when the request is `none` (before the second miss in a row, which offers a person). */
  private async startRoute(dc: DialogContext, intent: Intent, notUnderstood: MessageKey = 'core.none'): Promise<DialogTurnResult> {
    const { locale, recognition } = turnInfo(dc.context);
    const profile = await this.deps.profile.get(dc.context, defaultProfile());
    const route = this.deps.routes[intent];
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
    if ('dialog' in route) {
      return dc.beginDialog(route.dialog, { intent, entities: recognition.entities });
    }
    await this.replyWithMenu(dc.context, locale, route.reply);
    return dc.endDialog();
  }

  private async replyWithMenu(context: TurnContext, locale: Locale, key: MessageKey): Promise<void> {
    await context.sendActivity(MessageFactory.suggestedActions(menuActions(locale), t(locale, key)));
  }
}

/** The innermost dialog context of the active stack (`child` builds a new DialogContext on every read: once per level). */
function innermost(dc: DialogContext): DialogContext {
  let inner = dc;
  for (let child = inner.child; child; child = child.child) inner = child;
  return inner;
}
