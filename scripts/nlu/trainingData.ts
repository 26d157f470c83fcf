import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isIntent, type Intent } from '../../services/recognizer/intentRecognizer';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const NLU_DATA_DIR = path.join(REPO_ROOT, 'data', 'nlu');
export const HELD_OUT_PATH = path.join(NLU_DATA_DIR, 'test.jsonl');
/** Second held-out split in the voice of consumer-credit customer service, written separately from training. */
export const DEV_CS_PATH = path.join(NLU_DATA_DIR, 'dev.cs.jsonl');
export const REAL_EVAL_PATH = path.resolve(REPO_ROOT, '../shared/eval/nlu-real-zh.dev.jsonl');
export const MODEL_PATH = path.join(REPO_ROOT, 'services', 'recognizer', 'model', 'embeddedModel.json');

export interface LabelledUtterance {
  text: string;
  intent: Intent;
  /** zh-CN, zh-TW or en: which training file it came from (test lines: unknown). */
  locale?: string;
}

/**
 * Read one sectioned training file: "## intent" starts a section, one utterance per line, "#" comments.
 */
export function parseSectioned(content: string, file: string, locale?: string): LabelledUtterance[] {
  const out: LabelledUtterance[] = [];
  let intent: Intent | undefined;
  content.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      const name = line.slice(3).trim();
      if (!isIntent(name)) throw new Error(`${file}:${n + 1}: unknown intent "${name}"`);
      intent = name;
      return;
    }
    if (!line || line.startsWith('#')) return;
    if (!intent) throw new Error(`${file}:${n + 1}: utterance before the first "## intent" line`);
    out.push({ text: line, intent, locale });
  });
  return out;
}

/** Every training utterance of data/nlu/train.*.txt. */
export function loadTrainingData(dir = NLU_DATA_DIR): LabelledUtterance[] {
  const files = readdirSync(dir)
    .filter((f) => /^train\..+\.txt$/.test(f))
    .sort();
  return files.flatMap((f) => parseSectioned(readFileSync(path.join(dir, f), 'utf8'), f, f.slice(6, -4)));
}

/** `{"text","intent"}` lines. Lines whose intent is not one of ours are an error (a typo would skew scores). */
export function loadJsonl(file: string): LabelledUtterance[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l, n) => {
      const row = JSON.parse(l) as { text?: unknown; intent?: unknown };
      if (typeof row.text !== 'string' || !isIntent(row.intent)) throw new Error(`${file}:${n + 1}: needs "text" and a known "intent"`);
      return { text: row.text, intent: row.intent };
    });
}
