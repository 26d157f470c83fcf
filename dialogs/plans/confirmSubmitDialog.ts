import { MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isBotError } from '../../services/errors/botError';
import type { Intent } from '../../services/recognizer/intentRecognizer';
import { messageBackAction } from '../cards/adaptiveCards';
import { imBack, intentLabel } from '../menu';
import { LOCALES, t, type Locale, type MessageKey } from '../messages';
import { turnInfoOrUndefined } from '../turnInfo';
import { submittedValue, yesNo } from './planInput';

/** Options of the confirm-and-submit step: plain JSON (kept in dialog state), including the idempotency key. */
export interface ConfirmSubmitOptions {
  /** Created once, before the first confirm, and reused on every retry: one request however often it is sent. */
  idempotencyKey: string;
  /** Set after the service could not be reached: ask to try again instead of showing the summary. */
  retry?: boolean;
}

export interface ConfirmSubmitResult {
  submitted: boolean;
}

/** Catalog keys of one confirm-and-submit flow. */
export interface ConfirmSubmitKeys {
  ask: MessageKey;
  yes: MessageKey;
  no: MessageKey;
  retryAsk: MessageKey;
  retryYes: MessageKey;
  unclear: MessageKey;
  notSubmitted: MessageKey;
  failed: MessageKey;
}

export interface ConfirmSubmitSpec<O extends ConfirmSubmitOptions> {
  id: string;
  /** `action` of the yes / no buttons' value (a late press is recognised by it). */
  action: string;
  /** The task's intent, carried in button values so a press after the dialog ended routes back to the task. */
  intent: Intent;
  keys: ConfirmSubmitKeys;
  /** What to check before submitting: usually a summary card with `question` as text and the yes / no buttons. */
  summary(locale: Locale, options: O, question: string, buttons: CardAction[]): Partial<Activity>;
  /** File the record (idempotently, with options.idempotencyKey) and tell the borrower. Throws BotErrors. */
  submit(context: TurnContext, locale: Locale, options: O): Promise<void>;
  /** Questions people ask before they confirm ("如果以后还不上怎么办"): answered, then the yes / no asked again. */
  questions?: ReadonlyArray<readonly [RegExp, MessageKey]>;
}

const localeOf = (context: TurnContext): Locale => turnInfoOrUndefined(context)?.locale ?? 'zh-CN';

const confirmPrompts = new Set<string>();

/** True for the yes / no question of any confirm-and-submit flow (the main dialog lets its answer win). */
export function isConfirmPrompt(dialogId: string | undefined): boolean {
  return dialogId !== undefined && confirmPrompts.has(dialogId);
}

/**
 * Confirm, then submit. "Not now" files nothing. When the lender cannot be reached the borrower is asked to try
 * again and the same idempotency key is reused, so a retried or double-sent submission creates one record.
 * Input and request errors end calmly with a person offered; anything else goes to the turn error handler.
 */
export class ConfirmSubmitDialog<O extends ConfirmSubmitOptions> extends ComponentDialog {
  private readonly flowId: string;
  private readonly promptId: string;

  constructor(private readonly spec: ConfirmSubmitSpec<O>) {
    super(spec.id);
    this.flowId = `${spec.id}.flow`;
    this.promptId = `${spec.id}.answer`;
    confirmPrompts.add(this.promptId);
    this.addDialog(new WaterfallDialog(this.flowId, [this.askStep.bind(this), this.submitStep.bind(this)]));
    this.addDialog(
      new TextPrompt(this.promptId, async (p) => {
        if (this.answer(p.context) !== undefined) return true;
        const asked = spec.questions?.find(([words]) => words.test(p.context.activity.text ?? ''));
        if (asked) {
          // The prompt asks again only when nothing was sent this turn: the answer, then the yes / no with its buttons.
          await p.context.sendActivity(t(localeOf(p.context), asked[1]));
          if (p.options.retryPrompt) await p.context.sendActivity(p.options.retryPrompt);
        }
        return false;
      }),
    );
    this.initialDialogId = this.flowId;
  }

  private buttons(locale: Locale, retry: boolean): CardAction[] {
    const { keys, action, intent } = this.spec;
    return [
      messageBackAction(t(locale, retry ? keys.retryYes : keys.yes), { action, answer: 'yes', intent }),
      messageBackAction(t(locale, keys.no), { action, answer: 'no', intent }),
    ];
  }

  /** true / false from a button value or typed words; undefined when unclear. */
  private answer(context: TurnContext): boolean | undefined {
    const value = submittedValue(context);
    if (value?.action === this.spec.action && (value.answer === 'yes' || value.answer === 'no')) return value.answer === 'yes';
    const { keys } = this.spec;
    return yesNo(context.activity.text, {
      yes: LOCALES.flatMap((l) => [t(l, keys.yes), t(l, keys.retryYes)]),
      no: LOCALES.map((l) => t(l, keys.no)),
    });
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const options = step.options as O;
    const retry = options.retry === true;
    const prompt = retry
      ? MessageFactory.suggestedActions(this.buttons(locale, true), t(locale, this.spec.keys.retryAsk))
      : this.spec.summary(locale, options, t(locale, this.spec.keys.ask), this.buttons(locale, false));
    const retryPrompt = MessageFactory.suggestedActions(this.buttons(locale, retry), t(locale, this.spec.keys.unclear));
    return step.prompt(this.promptId, { prompt, retryPrompt });
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const options = step.options as O;
    if (!this.answer(step.context)) {
      await step.context.sendActivity(
        MessageFactory.suggestedActions([imBack(intentLabel(locale, this.spec.intent)), imBack(intentLabel(locale, 'human_agent'))], t(locale, this.spec.keys.notSubmitted)),
      );
      return step.endDialog({ submitted: false } satisfies ConfirmSubmitResult);
    }
    try {
      await this.spec.submit(step.context, locale, options);
      return step.endDialog({ submitted: true } satisfies ConfirmSubmitResult);
    } catch (err) {
      if (isBotError(err, 'ACCOUNT_SERVICE_UNAVAILABLE') || isBotError(err, 'ACCOUNT_INVALID_RESPONSE')) {
        return step.replaceDialog(this.flowId, { ...options, retry: true });
      }
      if (isBotError(err, 'BAD_INPUT') || isBotError(err, 'IDEMPOTENCY_CONFLICT') || isBotError(err, 'ACCOUNT_NOT_FOUND')) {
        await step.context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, this.spec.keys.failed)));
        return step.endDialog({ submitted: false } satisfies ConfirmSubmitResult);
      }
      throw err;
    }
  }
}
