import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { INTENTS } from '../../../services/recognizer/intentRecognizer';
import { normalizeText } from '../../../services/recognizer/text/normalizeText';
import { DEV_CS_PATH, HELD_OUT_PATH, MODEL_PATH, REAL_EVAL_PATH, REPO_ROOT, loadJsonl, loadTrainingData, parseSectioned } from '../../../scripts/nlu/trainingData';

/** Text as compared for leaks: normalised, and without spaces and punctuation. */
const key = (t: string) => normalizeText(t).replace(/[^\p{L}\p{N}]/gu, '');

describe('NLU training data', () => {
  const training = loadTrainingData();

  it('has at least 40 zh-CN utterances for every intent, and zh-TW and English ones too', () => {
    for (const intent of INTENTS) {
      const zhCN = training.filter((u) => u.intent === intent && u.locale?.startsWith('zh-CN')).length;
      expect(zhCN, intent).to.be.at.least(40);
      expect(training.some((u) => u.intent === intent && u.locale === 'zh-TW'), intent).to.equal(true);
      expect(training.some((u) => u.intent === intent && u.locale === 'en'), intent).to.equal(true);
    }
  });

  it('contains no text of ../shared/eval (compared after normalisation, ignoring spaces and punctuation)', () => {
    const evalDir = path.resolve(REPO_ROOT, '../shared/eval');
    expect(existsSync(evalDir), `${evalDir} must sit beside the repository`).to.equal(true);
    const trainKeys = new Set(training.map((u) => key(u.text)));
    let checked = 0;
    const leaks: string[] = [];
    for (const f of readdirSync(evalDir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(path.join(evalDir, f), 'utf8').split('\n').filter((l) => l.trim())) {
        const { text } = JSON.parse(line) as { text: string };
        checked++;
        if (key(text).length > 0 && trainKeys.has(key(text))) leaks.push(`${f}: ${text}`);
      }
    }
    expect(checked).to.be.greaterThan(0);
    expect(leaks).to.deep.equal([]);
  });

  it('catches a leaked evaluation text when one is planted in the training data', () => {
    const first = loadJsonl(REAL_EVAL_PATH)[0];
    const planted = [...training, ...parseSectioned(`## ${first.intent}\n ${first.text}!`, 'planted')];
    const keys = new Set(planted.map((u) => key(u.text)));
    expect(keys.has(key(first.text))).to.equal(true);
  });

  it('does not vendor the shared evaluation file into the repository', () => {
    const evalDir = path.resolve(REPO_ROOT, '../shared/eval');
    const shared = readdirSync(evalDir).filter((n) => n.endsWith('.jsonl'));
    const files = readdirSync(path.join(REPO_ROOT, 'data', 'nlu'));
    // Only the project's own splits may be JSONL here: test.jsonl and dev.cs.jsonl (written for the project).
    expect(files.filter((f) => /real/.test(f) || shared.includes(f))).to.deep.equal([]);
    expect(files.filter((f) => f.endsWith('.jsonl')).sort()).to.deep.equal(['dev.cs.jsonl', 'test.jsonl']);
    const sharedKeys = new Set(shared.flatMap((f) => loadJsonl(path.join(evalDir, f)).map((u) => key(u.text))));
    for (const own of [HELD_OUT_PATH, DEV_CS_PATH]) {
      expect(loadJsonl(own).filter((u) => sharedKeys.has(key(u.text))).map((u) => u.text), own).to.deep.equal([]);
    }
  });

  it('keeps the held-out splits apart from the training data', () => {
    const trainKeys = new Set(training.map((u) => key(u.text)));
    const held = loadJsonl(HELD_OUT_PATH);
    expect(held.length).to.be.at.least(80);
    expect(held.filter((u) => trainKeys.has(key(u.text))).map((u) => u.text)).to.deep.equal([]);
    const dev = loadJsonl(DEV_CS_PATH);
    expect(dev.length).to.be.at.least(100);
    expect(dev.filter((u) => trainKeys.has(key(u.text))).map((u) => u.text)).to.deep.equal([]);
  });

  it('rejects an unknown intent in a training file', () => {
    expect(() => parseSectioned('## not_an_intent\nhello', 'bad.txt')).to.throw(/unknown intent/);
  });

  it('has a committed model trained on exactly the current training data (run npm run nlu:train)', () => {
    const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as { meta: { dataSha256: string; examples: number } };
    const hash = createHash('sha256').update(JSON.stringify(training)).digest('hex').slice(0, 16);
    expect(model.meta.examples).to.equal(training.length);
    expect(model.meta.dataSha256).to.equal(hash);
  });
});
