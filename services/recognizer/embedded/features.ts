/**
 * Features of a normalised text for the linear intent model. The text is read as a sequence of units:
 * each Han character is a unit, each Latin word is a unit (lightly stemmed), each digit run is the unit "#",
 * and any run of other characters (spaces, punctuation, emoji) is the separator "_". The features are the
 * unit n-grams of length 1..3 over that sequence with start/end markers, plus character 3-grams inside Latin
 * words (robust to English misspellings). Chinese needs no word segmentation this way, and 预期/逾期-type
 * slips share most of their n-grams with the intended words.
 */
import { lexiconFeatures } from './lexicon';

const HAN = /\p{Script=Han}/u;

/** Optional feature groups beyond the unit n-grams (recorded in the model JSON so prediction matches training). */
export interface FeatureOptions {
  /** Domain-lexicon concept features (`./lexicon.ts`). */
  lexicon?: boolean;
  /** A word segmenter: its multi-character words become `w:` features (experiments only, see bench/nlu). */
  segment?: (text: string) => string[];
}
const LATIN = /[a-z]/;

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Units of a normalised text (see module comment). */
export function textUnits(text: string): string[] {
  const units: string[] = [];
  let word = '';
  let digits = false;
  const flush = () => {
    if (word) units.push(stem(word));
    word = '';
    if (digits) units.push('#');
    digits = false;
  };
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 97 && code <= 122) {
      if (digits) flush();
      word += ch;
    } else if (code >= 48 && code <= 57) {
      if (word) flush();
      digits = true;
    } else if ((code >= 0x4e00 && code <= 0x9fa5) || (code >= 0x2e80 && HAN.test(ch))) {
      flush();
      units.push(ch);
    } else {
      flush();
      if (units.length > 0 && units[units.length - 1] !== '_') units.push('_');
    }
  }
  flush();
  while (units.length > 0 && units[units.length - 1] === '_') units.pop();
  return units;
}

/**
 * The features that are not unit n-grams, added to `out`: character trigrams (`~`) of longer Latin words, `@short`
 * for a text of one or two units, and the lexicon's concepts (`%`). Shared by training (textFeatures) and prediction
 * (gramIndex.ts), which must find the same features.
 */
export function addNonGramFeatures(units: readonly string[], text: string, lexicon: boolean, out: Set<string>): void {
  for (const u of units) {
    if (u.length >= 4 && LATIN.test(u[0])) {
      const w = `<${u}>`;
      for (let i = 0; i + 3 <= w.length; i++) out.add(`~${w.slice(i, i + 3)}`);
    }
  }
  if (units.length <= 2) out.add('@short');
  if (lexicon) for (const f of lexiconFeatures(text)) out.add(f);
}

/** Distinct feature strings of a normalised text. */
export function textFeatures(text: string, maxOrder = 3, options: FeatureOptions = {}): string[] {
  const units = textUnits(text);
  const out = new Set<string>();
  const seq = ['^', ...units, '$'];
  for (let i = 0; i < seq.length; i++) {
    let gram = '';
    for (let n = 1; n <= maxOrder && i + n <= seq.length; n++) {
      const u = seq[i + n - 1];
      gram = n === 1 ? u : `${gram} ${u}`;
      if (n === 1 && (u === '^' || u === '$' || u === '_')) continue;
      out.add(gram);
    }
  }
  addNonGramFeatures(units, text, options.lexicon === true, out);
  if (options.segment) {
    const words = options.segment(text).filter((w) => w.length >= 2 && HAN.test(w));
    for (let i = 0; i < words.length; i++) {
      out.add(`w:${words[i]}`);
      if (i + 1 < words.length) out.add(`w:${words[i]} ${words[i + 1]}`);
    }
  }
  return [...out];
}
