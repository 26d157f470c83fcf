// Hyper-parameter sweep of the embedded model: trains on data/nlu/train.*, reports held-out and real-user
// aggregate figures (no eval texts are printed). `npx tsx bench/nlu/tune.ts`
import { existsSync } from 'node:fs';
import { INTENTS, type Intent } from '../../services/recognizer/intentRecognizer';
import { LinearModel, type TrainOptions } from '../../services/recognizer/embedded/linearModel';
import { evaluate } from '../../scripts/nlu/evaluate';
import { DEV_CS_PATH, HELD_OUT_PATH, REAL_EVAL_PATH, loadJsonl, loadTrainingData } from '../../scripts/nlu/trainingData';

async function main() {
  const train = loadTrainingData();
  const held = loadJsonl(HELD_OUT_PATH);
  const dev = existsSync(DEV_CS_PATH) ? loadJsonl(DEV_CS_PATH) : [];
  const real = existsSync(REAL_EVAL_PATH) ? loadJsonl(REAL_EVAL_PATH) : [];
  const grid: TrainOptions[] = JSON.parse(process.argv[2] ?? '[{}]');
  for (const opts of grid) {
    if ((opts as { jieba?: boolean }).jieba) {
      // Experiment: word features from @node-rs/jieba installed outside the project (JIEBA_DIR).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Jieba } = require(`${process.env.JIEBA_DIR}/node_modules/@node-rs/jieba`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { dict } = require(`${process.env.JIEBA_DIR}/node_modules/@node-rs/jieba/dict`);
      const jieba = Jieba.withDict(dict);
      opts.segment = (t: string) => jieba.cut(t, false);
    }
    const t0 = Date.now();
    const model = LinearModel.train(train, INTENTS, opts);
    const ms = Date.now() - t0;
    const classify = (text: string) => {
      const p = model.predict(text);
      let best = 0;
      for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
      return { intent: model.classes[best] as Intent, score: p[best] };
    };
    const h = await evaluate('held', held, classify);
    const d = await evaluate('dev', dev, classify);
    const r = await evaluate('real', real, classify);
    const conf = r.confusions.slice(0, 8).map((c) => `${c.expected}>${c.predicted}:${c.count}`).join(' ');
    console.log(
      JSON.stringify(opts),
      `train ${ms}ms feats ${model.featureCount} | held acc ${h.accuracy.toFixed(3)} | dev.cs acc ${d.accuracy.toFixed(3)} noneFP ${d.noneFalsePositiveRate.toFixed(3)} | real acc ${r.accuracy.toFixed(3)} mF1 ${r.macroF1.toFixed(3)} noneFP ${r.noneFalsePositiveRate.toFixed(3)} p99 ${r.latencyMs.p99.toFixed(3)}`,
    );
    if (process.env.VERBOSE) {
      console.log('  held errors:', h.errors.map((e) => `${e.text} [${e.expected}>${e.predicted}]`).join(' | '));
      console.log('  dev.cs errors:', d.errors.map((e) => `${e.text} [${e.expected}>${e.predicted}]`).join(' | '));
      console.log('  real per-intent:', r.perIntent.map((m) => `${m.intent}:${m.count}:R${m.recall.toFixed(2)}P${m.precision.toFixed(2)}`).join(' '));
      console.log('  real confusions:', conf);
    }
  }
}
void main();
