import { ActionTypes } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ChoiceFactory,
  ListStyle,
  PromptCultureModels,
  recognizeChoices,
  type Choice,
  type FindChoicesOptions,
  type FoundChoice,
  type ModelResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
  type Token,
} from 'botbuilder-dialogs';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Tokenizer for choice matching: every CJK character is its own token (the SDK's default keeps a run of CJK as one
 * token, so "家人" would never match the choice "我的家人"); runs of letters and digits stay words.
 */
export function cjkTokenizer(text: string): Token[] {
  const tokens: Token[] = [];
  let word: Token | undefined;
  const chars = [...text];
  let offset = 0;
  for (const ch of chars) {
    const start = offset;
    offset += ch.length;
    if (CJK.test(ch)) {
      word = undefined;
      tokens.push({ start, end: offset - 1, text: ch, normalized: ch });
    } else if (WORD.test(ch)) {
      if (!word) {
        word = { start, end: offset - 1, text: ch, normalized: ch.toLowerCase() };
        tokens.push(word);
      } else {
        word.text += ch;
        word.normalized += ch.toLowerCase();
        word.end = offset - 1;
      }
    } else {
      word = undefined;
    }
  }
  return tokens;
}

/** Recogniser options for ChoicePrompts whose choices are Chinese phrases: per-character tokens, partial matches. */
const CJK_CHOICE_OPTIONS: FindChoicesOptions = { tokenizer: cjkTokenizer, allowPartialMatches: true, recognizeNumbers: true };

/**
 * The choices a reply names, best first. Partial matches are what lets "家人" pick "我的家人", but with one token per
 * character a single shared character is a partial match too: "他们骂我" picked "其他原因" (他), "他们说的是真的吗" picked
 * "都不是" (是). So a partial match must share at least two letters or digits with its choice; a whole label or
 * synonym (是, 好, 1) still counts on its own.
 */
export function choicesIn(text: string, choices: Array<string | Choice>, locale?: string): ModelResult<FoundChoice>[] {
  return recognizeChoices(text, choices, { ...CJK_CHOICE_OPTIONS, locale: numberCulture(locale) }).filter(
    (found) => found.resolution.score >= 1 || (found.text.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2,
  );
}

/** The culture for reading "第二个" / "the second one" as a choice's number: the SDK's nearest, else English. */
function numberCulture(locale: string | undefined): string {
  const nearest = locale ? PromptCultureModels.mapToNearestLanguage(locale) : undefined;
  return PromptCultureModels.getSupportedCultures().some((c) => c.locale === nearest) ? nearest! : PromptCultureModels.English.locale;
}

/** A ChoicePrompt that matches Chinese choices by character (and still by number and exact label): `choicesIn`. */
class CjkChoicePrompt extends ChoicePrompt {
  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const text = context.activity.text;
    if (!text) return { succeeded: false };
    const choices = (this.style === ListStyle.suggestedAction ? ChoiceFactory.toChoices(options.choices) : options.choices) ?? [];
    const [best] = choicesIn(text, choices, context.activity.locale);
    return best ? { succeeded: true, value: best.resolution } : { succeeded: false };
  }
}

export function cjkChoicePrompt(id: string, validator?: PromptValidator<FoundChoice>): ChoicePrompt {
  return new CjkChoicePrompt(id, validator);
}

const YES_WORDS = ['是', '是的', '好', '好的', '可以', '对', '對', 'yes', 'ok', 'sure'];
const NO_WORDS = ['不', '不用', '不要', '否', '算了', 'no', 'not now'];

/** Yes / no as two choices with suggested-action buttons labelled by the caller's catalog texts. */
export function yesNoChoices(yesLabel: string, noLabel: string, extraYes: string[] = []): Choice[] {
  return [
    { value: 'yes', action: { type: ActionTypes.ImBack, title: yesLabel, value: yesLabel }, synonyms: [yesLabel, ...YES_WORDS, ...extraYes] },
    { value: 'no', action: { type: ActionTypes.ImBack, title: noLabel, value: noLabel }, synonyms: [noLabel, ...NO_WORDS] },
  ];
}
