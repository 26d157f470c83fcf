import { normalizeText } from '../text/normalizeText';
import { textFeatures, type FeatureOptions } from './features';
import { GramIndex } from './gramIndex';

/** The serialised model (services/recognizer/model/embeddedModel.json), written by `npm run nlu:train`. */
export interface LinearModelJson {
  format: 'linear-ngram-softmax/1';
  /** Class labels in weight-column order. */
  classes: string[];
  /** Feature strings in weight-row order. */
  features: string[];
  /** Row-major features × classes weights, little-endian Float32, base64. */
  weights: string;
  bias: number[];
  /** Highest unit n-gram order used by the features. */
  maxOrder: number;
  /** Softmax temperature applied at prediction time (calibration). */
  temperature: number;
  /** Domain-lexicon concept features on (absent in older models: off). */
  lexicon?: boolean;
  /** Provenance: training examples, their hash, when and with which hyper-parameters. */
  meta: Record<string, unknown>;
}

export interface TrainingExample {
  text: string;
  intent: string;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  maxOrder?: number;
  /** Seed of the example shuffle (training is deterministic for a seed). */
  seed?: number;
  /** Features seen in fewer examples than this are dropped. */
  minCount?: number;
  /**
   * Class balancing: each example's loss is weighted by (mean class size / its class size) ^ balance.
   * 0 (default): unweighted; 1: fully balanced; between: partly.
   */
  balance?: number;
  /** Domain-lexicon concept features. */
  lexicon?: boolean;
  /**
   * Number of training runs with shuffle seeds seed, seed+1, ... whose weights are averaged into the one model
   * (same size and speed; lowers the run-to-run variance of SGD on nearly separable data). Default 1.
   */
  runs?: number;
  /** Experiments only: a word segmenter whose words become features (not serialised). */
  segment?: (text: string) => string[];
}

/**
 * Multinomial logistic regression over sparse binary n-gram features (each example's vector scaled to unit
 * length). Prediction is a dot product over the text's few hundred features and a softmax: microseconds.
 */
export class LinearModel {
  private readonly index: Map<string, number>;
  private readonly k: number;
  /** Built on first prediction (training never needs it). */
  private gramIndex?: GramIndex;

  constructor(
    readonly classes: readonly string[],
    features: readonly string[],
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
    readonly maxOrder: number,
    readonly temperature: number,
    private readonly featureOptions: FeatureOptions = {},
  ) {
    this.k = classes.length;
    this.index = new Map(features.map((f, i) => [f, i]));
  }

  static fromJson(json: LinearModelJson): LinearModel {
    if (json.format !== 'linear-ngram-softmax/1') throw new Error(`unknown model format ${String(json.format)}`);
    const buf = Buffer.from(json.weights, 'base64');
    const weights = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    if (weights.length !== json.features.length * json.classes.length) throw new Error('model weights do not match its features and classes');
    return new LinearModel(json.classes, json.features, weights, Float64Array.from(json.bias), json.maxOrder, json.temperature, { lexicon: json.lexicon === true });
  }

  toJson(meta: Record<string, unknown> = {}): LinearModelJson {
    const features = [...this.index.keys()];
    return {
      format: 'linear-ngram-softmax/1',
      classes: [...this.classes],
      features,
      weights: Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).toString('base64'),
      bias: [...this.bias],
      maxOrder: this.maxOrder,
      temperature: this.temperature,
      ...(this.featureOptions.lexicon ? { lexicon: true } : {}),
      meta,
    };
  }

  get featureCount(): number {
    return this.index.size;
  }

  /** Class probabilities (softmax) of an already normalised text, in `classes` order. */
  predictNormalized(normalized: string): Float64Array {
    // Scaled by all of the text's features, known or not: a text mostly unknown to the model stays near the
    // prior instead of being decided by its one or two familiar n-grams.
    const { rows, known, distinct } = this.featureRows(normalized);
    const scale = distinct > 0 ? 1 / Math.sqrt(distinct) : 0;
    const k = this.k;
    const weights = this.weights;
    const z = Float64Array.from(this.bias);
    for (let j = 0; j < known; j++) {
      const row = rows[j] * k;
      for (let c = 0; c < k; c++) z[c] += weights[row + c] * scale;
    }
    return softmax(z, this.temperature);
  }

  /**
   * Weight rows of the text's known features, and its number of distinct features. The integer-keyed index
   * (gramIndex.ts) gives the same answer as the feature strings of `textFeatures` without building them; the
   * string path stays for experiment-only options (a segmenter) and as the reference the tests compare with.
   */
  featureRows(normalized: string, reference = false): { rows: Int32Array; known: number; distinct: number } {
    if (!reference && !this.featureOptions.segment && this.maxOrder <= 3) {
      this.gramIndex ??= new GramIndex([...this.index.keys()], this.maxOrder, this.featureOptions.lexicon === true);
      return this.gramIndex.lookup(normalized);
    }
    const all = textFeatures(normalized, this.maxOrder, this.featureOptions);
    const rows = new Int32Array(all.length);
    let known = 0;
    for (const f of all) {
      const id = this.index.get(f);
      if (id !== undefined) rows[known++] = id;
    }
    return { rows, known, distinct: all.length };
  }

  predict(text: string): Float64Array {
    return this.predictNormalized(normalizeText(text));
  }

  /** Train from labelled examples. Deterministic for a given seed (and number of averaged runs). */
  static train(examples: readonly TrainingExample[], classes: readonly string[], options: TrainOptions = {}): LinearModel {
    const runs = Math.max(1, Math.floor(options.runs ?? 1));
    if (runs === 1) return LinearModel.trainOnce(examples, classes, options);
    const seed = options.seed ?? 42;
    const models = Array.from({ length: runs }, (_, r) => LinearModel.trainOnce(examples, classes, { ...options, seed: seed + r }));
    const first = models[0];
    const w = new Float32Array(first.weights.length);
    const b = new Float64Array(first.bias.length);
    for (const m of models) {
      for (let i = 0; i < w.length; i++) w[i] += m.weights[i] / runs;
      for (let i = 0; i < b.length; i++) b[i] += m.bias[i] / runs;
    }
    return new LinearModel(classes, [...first.index.keys()], w, b, first.maxOrder, 1, first.featureOptions);
  }

  private static trainOnce(examples: readonly TrainingExample[], classes: readonly string[], options: TrainOptions): LinearModel {
    const epochs = options.epochs ?? 40;
    const lr = options.learningRate ?? 0.5;
    const l2 = options.l2 ?? 1e-5;
    const maxOrder = options.maxOrder ?? 3;
    const minCount = options.minCount ?? 1;
    const balance = options.balance ?? 0;
    const k = classes.length;
    const classIndex = new Map(classes.map((c, i) => [c, i]));

    const featureOptions: FeatureOptions = { lexicon: options.lexicon === true, segment: options.segment };
    const docs = examples.map((e) => textFeatures(normalizeText(e.text), maxOrder, featureOptions));
    const counts = new Map<string, number>();
    for (const d of docs) for (const f of d) counts.set(f, (counts.get(f) ?? 0) + 1);
    const features = [...counts.entries()].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
    const index = new Map(features.map((f, i) => [f, i]));
    const data = docs.map((d, i) => {
      const label = classIndex.get(examples[i].intent);
      if (label === undefined) throw new Error(`unknown intent "${examples[i].intent}" in training data`);
      const ids = d.map((f) => index.get(f)).filter((x): x is number => x !== undefined);
      return { ids, label, scale: ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0 };
    });

    const classSize = new Float64Array(k);
    for (const d of data) classSize[d.label]++;
    const present = classSize.filter((n) => n > 0).length;
    const classWeight = Array.from(classSize, (n) => (n > 0 ? Math.pow(data.length / present / n, balance) : 0));

    const w = new Float64Array(features.length * k);
    const g2 = new Float64Array(features.length * k).fill(1e-8);
    const b = new Float64Array(k);
    const gb2 = new Float64Array(k).fill(1e-8);
    const rand = mulberry32(options.seed ?? 42);
    const order = data.map((_, i) => i);
    const z = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const di of order) {
        const { ids, label, scale } = data[di];
        z.set(b);
        for (const id of ids) for (let c = 0; c < k; c++) z[c] += w[id * k + c] * scale;
        const p = softmax(z, 1);
        const cw = classWeight[label];
        for (let c = 0; c < k; c++) {
          const grad = cw * (p[c] - (c === label ? 1 : 0));
          gb2[c] += grad * grad;
          b[c] -= (lr * grad) / Math.sqrt(gb2[c]);
          for (const id of ids) {
            const at = id * k + c;
            const g = grad * scale + l2 * w[at];
            g2[at] += g * g;
            w[at] -= (lr * g) / Math.sqrt(g2[at]);
          }
        }
      }
    }
    return new LinearModel(classes, features, Float32Array.from(w), b, maxOrder, 1, featureOptions);
  }

  /** The same weights with another softmax temperature. */
  withTemperature(temperature: number): LinearModel {
    return new LinearModel(this.classes, [...this.index.keys()], this.weights, this.bias, this.maxOrder, temperature, this.featureOptions);
  }

  /**
   * The same weights with `offset` added to the bias of class `cls`: that class's odds against every other class
   * are multiplied by e^(offset / temperature). A prior shift (calibration), chosen on a dev split by nluTrain.
   */
  withClassOffset(cls: string, offset: number): LinearModel {
    const i = this.classes.indexOf(cls);
    if (i < 0) throw new Error(`no class "${cls}"`);
    const bias = Float64Array.from(this.bias);
    bias[i] += offset;
    return new LinearModel(this.classes, [...this.index.keys()], this.weights, bias, this.maxOrder, this.temperature, this.featureOptions);
  }
}

export function softmax(z: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp((z[i] - max) / temperature);
    sum += out[i];
  }
  for (let i = 0; i < z.length; i++) out[i] /= sum;
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
