// npm run nlu:train [-- --export-luis FILE] [-- --export-clu FILE]
// Trains the embedded intent model from data/nlu/train.*.txt and writes services/recognizer/model/embeddedModel.json.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INTENTS } from '../services/recognizer/intentRecognizer';
import { LinearModel } from '../services/recognizer/embedded/linearModel';
import { MODEL_PATH, loadTrainingData } from './nlu/trainingData';
import { exportCluProject, exportLuisApp } from './nlu/exporters';

/** Hyper-parameters chosen with bench/nlu/tune.ts (see data/nlu/README.md). */
export const TRAIN_OPTIONS = { epochs: 40, learningRate: 0.5, l2: 1e-5, maxOrder: 3, seed: 42, minCount: 1, balance: 0.5, lexicon: true, runs: 5 };
/** Softmax temperature: calibrates scores so the thresholds in config mean what data/nlu/README.md says. */
export const TEMPERATURE = 1;

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const data = loadTrainingData();
  const t0 = Date.now();
  const model = LinearModel.train(data, INTENTS, TRAIN_OPTIONS).withTemperature(TEMPERATURE);
  const ms = Date.now() - t0;
  const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
  const json = model.toJson({ examples: data.length, dataSha256: hash, options: TRAIN_OPTIONS, temperature: TEMPERATURE });
  mkdirSync(path.dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, JSON.stringify(json));
  console.log(`trained on ${data.length} utterances in ${ms} ms: ${model.featureCount} features → ${path.relative(process.cwd(), MODEL_PATH)}`);
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
