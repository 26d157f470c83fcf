import { ActionTypes } from 'botbuilder';
import { ChoicePrompt, type Choice, type FindChoicesOptions, type Token } from 'botbuilder-dialogs';

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
export const CJK_CHOICE_OPTIONS: FindChoicesOptions = { tokenizer: cjkTokenizer, allowPartialMatches: true, recognizeNumbers: true };

/** A ChoicePrompt that matches Chinese choices by character (and still by number and exact label). */
export function cjkChoicePrompt(id: string): ChoicePrompt {
  const prompt = new ChoicePrompt(id);
  prompt.recognizerOptions = CJK_CHOICE_OPTIONS;
  return prompt;
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
