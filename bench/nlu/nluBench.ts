// npm run bench:nlu
// Trains the embedded model and NLP.js (node-nlp, the usual JavaScript choice) on exactly the same training
// data (data/nlu/train.*.txt), evaluates both on the same files in the same run (held-out split and
// ../shared/eval/nlu-real-zh.dev.jsonl), and writes bench/results/nlu.md and nlu.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { isIntent, type Intent } from '../../services/recognizer/intentRecognizer';
import { EmbeddedRecognizer } from '../../services/recognizer/embeddedRecognizer';
import { detectLanguage } from '../../services/recognizer/language';
import { evaluate, type EvaluationReport } from '../../scripts/nlu/evaluate';
import { DEV_CS_PATH, HELD_OUT_PATH, REAL_EVAL_PATH, REPO_ROOT, loadJsonl, loadTrainingData } from '../../scripts/nlu/trainingData';
import { trainModel } from '../../scripts/nluTrain';

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

/** JS heap plus ArrayBuffer memory (the embedded model's weights and lookup index are typed arrays). */
function heapMb(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

/**
 * The loaded model's memory, measured in a fresh Node process: heap + ArrayBuffers after loading it and its first
 * call, minus the same before loading (modules already imported). In this process the trainer's garbage and the
 * trained copy made the difference noise (it once came out negative).
 */
function modelMemoryMb(modelPath: string): number {
  const script = [
    "const { EmbeddedRecognizer } = require('./services/recognizer/embeddedRecognizer');",
    'const mb = () => { gc(); gc(); const m = process.memoryUsage(); return (m.heapUsed + m.arrayBuffers) / 1048576; };',
    'const before = mb();',
    `const r = EmbeddedRecognizer.fromFile(${JSON.stringify(modelPath)});`,
    "r.classify('你好');",
    'console.log(JSON.stringify({ mb: mb() - before, alive: typeof r.classify }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return (JSON.parse(out.trim().split('\n').pop() ?? '{}') as { mb: number }).mb;
}

interface Row {
  system: string;
  file: string;
  report: EvaluationReport;
}

async function main(): Promise<void> {
  const train = loadTrainingData();
  const files = [HELD_OUT_PATH, ...(existsSync(DEV_CS_PATH) ? [DEV_CS_PATH] : []), ...(existsSync(REAL_EVAL_PATH) ? [REAL_EVAL_PATH] : [])];
  const evalSets = files.map((f) => ({ file: path.relative(REPO_ROOT, f), rows: loadJsonl(f) }));

  // --- embedded: train (the same as npm run nlu:train), then load the JSON as the bot does
  let t0 = Date.now();
  const { model: trained } = trainModel(train);
  const embeddedTrainMs = Date.now() - t0;
  const tmp = path.join(os.tmpdir(), `nlu-bench-${process.pid}.json`);
  writeFileSync(tmp, JSON.stringify(trained.toJson()));
  t0 = performance.now();
  const embedded = EmbeddedRecognizer.fromFile(tmp);
  embedded.classify('你好'); // builds the lookup index on first use: part of loading
  const embeddedLoadMs = performance.now() - t0;
  const embeddedMemMb = modelMemoryMb(tmp);

  // --- NLP.js: same utterances, zh for Chinese rows, en for English rows
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NlpManager } = require('node-nlp') as { NlpManager: new (o: object) => NlpManagerLike };
  const before2 = heapMb();
  const manager = new NlpManager({ languages: ['zh', 'en'], forceNER: false, autoSave: false, nlu: { log: false } });
  for (const u of train) manager.addDocument(u.locale === 'en' ? 'en' : 'zh', u.text, u.intent);
  t0 = Date.now();
  await manager.train();
  const nlpjsTrainMs = Date.now() - t0;
  const nlpjsMemMb = heapMb() - before2;

  const nlpjsClassify = async (text: string): Promise<{ intent: Intent; score: number }> => {
    const lang = detectLanguage(text) === 'en' ? 'en' : 'zh';
    const r = await manager.process(lang, text);
    return { intent: isIntent(r.intent) ? r.intent : 'none', score: r.score ?? 0 };
  };

  const rows: Row[] = [];
  // Both systems are timed the same way. Training (NLP.js's above all) leaves a large heap still being swept:
  // timing straight after it put GC pauses into whichever file came first (one pass of the 94-text split made
  // its p99 the one slowest call: 0.656 ms). So: both warmed up on every file first, then for each file and
  // system a full collection (neither inherits the other's garbage), the same warm-up, and the same number of
  // timed passes (see scripts/nlu/evaluate.ts).
  const allTexts = evalSets.flatMap((set) => set.rows.map((r) => r.text));
  for (let pass = 0; pass < 3; pass++) {
    for (const t of allTexts) embedded.classify(t);
    for (const t of allTexts) await nlpjsClassify(t);
  }
  for (const set of evalSets) {
    gc();
    rows.push({ system: 'embedded (n-gram softmax)', file: set.file, report: await evaluate(set.file, set.rows, (t) => embedded.classify(t)) });
    gc();
    rows.push({ system: `NLP.js ${nlpVersion()}`, file: set.file, report: await evaluate(set.file, set.rows, nlpjsClassify) });
  }

  const f = (n: number) => n.toFixed(3);
  const table = [
    '| system | file | n | accuracy | macro-F1 | in-scope FP on none | p50 ms | p99 ms |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.system} | ${r.file} | ${r.report.total} | ${f(r.report.accuracy)} | ${f(r.report.macroF1)} | ${f(r.report.noneFalsePositiveRate)} | ${r.report.latencyMs.p50.toFixed(3)} | ${r.report.latencyMs.p99.toFixed(3)} |`,
    ),
  ];
  const perIntent = rows
    .filter((r) => r.file.startsWith('..'))
    .map((r) => [`**${r.system}** on ${r.file}:`, '', '| intent | count | precision | recall | F1 |', '|---|---|---|---|---|', ...r.report.perIntent.filter((m) => m.count > 0).map((m) => `| ${m.intent} | ${m.count} | ${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} |`), ''].join('\n'));
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`;
  const md = [
    '# NLU benchmark: embedded recogniser vs NLP.js',
    '',
    `Command: \`npm run bench:nlu\` · ${new Date().toISOString()} · Node ${process.version} · node-nlp ${nlpVersion()} · ${machine}`,
    '',
    `Both trained on the same ${train.length} utterances (data/nlu/train.*.txt). Latency is per utterance (\`classify\` / \`manager.process\`), measured the same way for both: a full GC, an untimed warm-up (5 passes, at least 1,000 calls), then timed passes until at least 2,000 calls; p50/p99 are over all timed calls (samples per row in nlu.json). Embedded accuracy includes the \`none\` prior offset chosen on dev.cs by \`npm run nlu:train\`.`,
    '',
    ...table,
    '',
    '| system | training | model load (embedded: read + first call) | model memory (heap + ArrayBuffers) |',
    '|---|---|---|---|',
    `| embedded | ${embeddedTrainMs} ms (npm run nlu:train; committed JSON) | ${embeddedLoadMs.toFixed(0)} ms | ${embeddedMemMb.toFixed(1)} MB |`,
    `| NLP.js | ${nlpjsTrainMs} ms (at start-up) | – | ${nlpjsMemMb.toFixed(1)} MB |`,
    '',
    'Per-intent figures on the real-user file (counts are small for the collection-specific intents: spot checks, not measurements):',
    '',
    ...perIntent,
  ].join('\n');
  console.log(md);
  const outDir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'nlu.md'), `${md}\n`);
  const json = {
    command: 'npm run bench:nlu',
    at: new Date().toISOString(),
    node: process.version,
    nodeNlp: nlpVersion(),
    machine,
    trainingUtterances: train.length,
    embedded: { trainMs: embeddedTrainMs, loadMs: embeddedLoadMs, memoryMb: embeddedMemMb },
    nlpjs: { trainMs: nlpjsTrainMs, memoryMb: nlpjsMemMb },
    // Texts of the shared evaluation file are left out (it must not be copied anywhere).
    rows: rows.map((r) => ({ system: r.system, ...r.report, errors: undefined, confusions: r.report.confusions.map((c) => ({ expected: c.expected, predicted: c.predicted, count: c.count })) })),
  };
  writeFileSync(path.join(outDir, 'nlu.json'), `${JSON.stringify(json, null, 2)}\n`);
}

interface NlpManagerLike {
  addDocument(lang: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(lang: string, text: string): Promise<{ intent: string; score?: number }>;
}

function nlpVersion(): string {
  try {
    return (JSON.parse(readFileSync(require.resolve('node-nlp/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

void main();
