// npm run nlu:eval -- [FILE.jsonl ...] [--json] [--show-texts]
// Evaluates the embedded recogniser on {"text","intent"} lines. With no file: the held-out split
// (data/nlu/test.jsonl), the customer-service-style dev split (data/nlu/dev.cs.jsonl) and ../shared/eval/nlu-real-zh.dev.jsonl. Texts of files outside the repository are
// not printed unless --show-texts is given (the shared evaluation file must not leak into training data).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedRecognizer } from '../services/recognizer/embeddedRecognizer';
import { evaluate, formatReport, type EvaluationReport } from './nlu/evaluate';
import { DEV_CS_PATH, HELD_OUT_PATH, REAL_EVAL_PATH, REPO_ROOT, loadJsonl } from './nlu/trainingData';

export async function evaluateFiles(files: string[], recognizer = EmbeddedRecognizer.fromFile()): Promise<EvaluationReport[]> {
  const reports: EvaluationReport[] = [];
  for (const file of files) {
    const rows = loadJsonl(file);
    reports.push(await evaluate(path.relative(REPO_ROOT, file), rows, (t) => recognizer.classify(t)));
  }
  return reports;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showTexts = args.includes('--show-texts');
  let files = args.filter((a) => !a.startsWith('--')).map((f) => path.resolve(process.cwd(), f));
  if (files.length === 0) {
    files = [HELD_OUT_PATH, ...(existsSync(DEV_CS_PATH) ? [DEV_CS_PATH] : [])];
    if (existsSync(REAL_EVAL_PATH)) files.push(REAL_EVAL_PATH);
    else console.error(`(no ${REAL_EVAL_PATH}: evaluating the held-out split only)`);
  }
  const reports = await evaluateFiles(files);
  if (json) {
    const out = reports.map((r) => {
      const inRepo = !r.file.startsWith('..');
      return inRepo || showTexts ? r : { ...r, errors: undefined, confusions: r.confusions.map((c) => ({ ...c, examples: [] })) };
    });
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  for (const r of reports) console.log(formatReport(r, !r.file.startsWith('..') || showTexts), '\n');
}

if (require.main === module) void main();
