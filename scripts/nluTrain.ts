// npm run nlu:train [-- --export-luis FILE] [-- --export-clu FILE]
// Trains the embedded intent model from data/nlu/train.*.txt and writes services/recognizer/model/embeddedModel.json.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INTENTS } from '../services/recognizer/intentRecognizer';
import { LinearModel } from '../services/recognizer/embedded/linearModel';
import { DEV_CS_PATH, MODEL_PATH, loadJsonl, loadTrainingData, type LabelledUtterance } from './nlu/trainingData';
import { exportCluProject, exportLuisApp } from './nlu/exporters';

/** Hyper-parameters chosen with bench/nlu/tune.ts (see data/nlu/README.md). */
export const TRAIN_OPTIONS = { epochs: 40, learningRate: 0.5, l2: 1e-5, maxOrder: 2, seed: 42, minCount: 1, balance: 0.5, lexicon: true, runs: 5 };
/** Softmax temperature: calibrates scores so the thresholds in config mean what data/nlu/README.md says. */
export const TEMPERATURE = 1;
/** Offsets of the `none` bias tried on the dev split (data/nlu/dev.cs.jsonl, never the shared evaluation file). */
export const NONE_OFFSETS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];

/** Share of rows whose top class is their intent. */
function accuracy(model: LinearModel, rows: readonly LabelledUtterance[]): number {
  let right = 0;
  for (const r of rows) {
    const p = model.predict(r.text);
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    if (model.classes[best] === r.intent) right++;
  }
  return rows.length ? right / rows.length : 0;
}

/**
 * Train the committed model: the averaged softmax regression, temperature, then the `none` prior offset chosen
 * on the project's own dev split: of the offsets that reach the best dev accuracy, the middle one (the lower of
 * the two middle ones for an even count). The middle of the plateau rather than its edge: a few changed training
 * lines move the edge by a grid step. Used by npm run nlu:train and by the benchmark, so both evaluate one model.
 */
export function trainModel(
  data: readonly LabelledUtterance[],
  dev: readonly LabelledUtterance[] = loadJsonl(DEV_CS_PATH),
): { model: LinearModel; noneOffset: number; devAccuracy: number; devByOffset: Record<string, number> } {
  const base = LinearModel.train(data, INTENTS, TRAIN_OPTIONS).withTemperature(TEMPERATURE);
  const tried = NONE_OFFSETS.map((offset) => {
    const model = offset === 0 ? base : base.withClassOffset('none', offset);
    return { offset, model, acc: accuracy(model, dev) };
  });
  const bestAcc = Math.max(...tried.map((t) => t.acc));
  const plateau = tried.filter((t) => t.acc >= bestAcc - 1e-9);
  const chosen = plateau[Math.floor((plateau.length - 1) / 2)];
  const devByOffset = Object.fromEntries(tried.map((t) => [String(t.offset), Number(t.acc.toFixed(4))]));
  return { model: chosen.model, noneOffset: chosen.offset, devAccuracy: chosen.acc, devByOffset };
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const data = loadTrainingData();
  const t0 = Date.now();
  const { model, noneOffset, devAccuracy, devByOffset } = trainModel(data);
  const ms = Date.now() - t0;
  const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
  const json = model.toJson({ examples: data.length, dataSha256: hash, options: TRAIN_OPTIONS, temperature: TEMPERATURE, noneOffset, devCsAccuracy: devAccuracy, devCsAccuracyByOffset: devByOffset });
  mkdirSync(path.dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, JSON.stringify(json));
  console.log(`trained on ${data.length} utterances in ${ms} ms: ${model.featureCount} features, none offset ${noneOffset} (dev.cs accuracy ${devAccuracy.toFixed(3)}; by offset ${JSON.stringify(devByOffset)}) → ${path.relative(process.cwd(), MODEL_PATH)}`);
  const luis = argValue('--export-luis');
  if (luis) {
    writeFileSync(luis, JSON.stringify(exportLuisApp(data), null, 2));
    console.log(`LUIS app import JSON → ${luis}`);
  }
  const clu = argValue('--export-clu');
  if (clu) {
    writeFileSync(clu, JSON.stringify(exportCluProject(data), null, 2));
    console.log(`CLU project export → ${clu}`);
  }
}

if (require.main === module) main();
