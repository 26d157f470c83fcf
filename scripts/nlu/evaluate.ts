import { INTENTS, type Intent } from '../../services/recognizer/intentRecognizer';
import type { LabelledUtterance } from './trainingData';

export interface IntentMetrics {
  intent: Intent;
  count: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  file: string;
  total: number;
  accuracy: number;
  macroF1: number;
  /** Share of `none` texts that were given an in-scope intent. */
  noneFalsePositiveRate: number;
  noneCount: number;
  perIntent: IntentMetrics[];
  confusions: Array<{ expected: Intent; predicted: Intent; count: number; examples: string[] }>;
  /** Per call, over all timed passes (`samples` calls). */
  latencyMs: { p50: number; p99: number; max: number; samples: number };
  errors: Array<{ text: string; expected: Intent; predicted: Intent; score: number }>;
}

export type Classify = (text: string) => Promise<{ intent: Intent; score: number }> | { intent: Intent; score: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export interface EvaluateOptions {
  /** Untimed calls before timing (cycling through the rows): JIT warm-up, as in a running bot. */
  warmup?: number;
  /**
   * Timed passes over all rows. Latency percentiles are over every timed call of every pass: one pass of 94 texts
   * makes p99 the single slowest call, i.e. whichever call met a GC pause or a JIT deoptimisation.
   * Default: enough passes for at least 2,000 timed calls (at least 3).
   */
  passes?: number;
}

/** Run a classifier over labelled lines, timing each call (see EvaluateOptions). Predictions are from the first timed pass. */
export async function evaluate(file: string, rows: LabelledUtterance[], classify: Classify, options: EvaluateOptions = {}): Promise<EvaluationReport> {
  const warmup = options.warmup ?? Math.max(rows.length * 5, 1000);
  const passes = options.passes ?? Math.max(3, Math.ceil(2000 / Math.max(1, rows.length)));
  for (let i = 0; i < warmup && rows.length > 0; i++) await classify(rows[i % rows.length].text);
  const predictions: Array<{ row: LabelledUtterance; intent: Intent; score: number }> = [];
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const row of rows) {
      const t0 = process.hrtime.bigint();
      const r = await classify(row.text);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (pass === 0) predictions.push({ row, intent: r.intent, score: r.score });
    }
  }
  return summarize(file, predictions, times);
}

export function summarize(
  file: string,
  predictions: Array<{ row: LabelledUtterance; intent: Intent; score: number }>,
  times: number[],
): EvaluationReport {
  const labels = INTENTS.filter((i) => predictions.some((p) => p.row.intent === i || p.intent === i));
  const perIntent: IntentMetrics[] = labels.map((intent) => {
    const tp = predictions.filter((p) => p.row.intent === intent && p.intent === intent).length;
    const count = predictions.filter((p) => p.row.intent === intent).length;
    const predicted = predictions.filter((p) => p.intent === intent).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = count ? tp / count : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { intent, count, predicted, precision, recall, f1 };
  });
  const present = perIntent.filter((m) => m.count > 0);
  const correct = predictions.filter((p) => p.intent === p.row.intent).length;
  const none = predictions.filter((p) => p.row.intent === 'none');
  const confusionMap = new Map<string, { expected: Intent; predicted: Intent; count: number; examples: string[] }>();
  for (const p of predictions) {
    if (p.intent === p.row.intent) continue;
    const key = `${p.row.intent}→${p.intent}`;
    const c = confusionMap.get(key) ?? { expected: p.row.intent, predicted: p.intent, count: 0, examples: [] };
    c.count++;
    if (c.examples.length < 3) c.examples.push(p.row.text);
    confusionMap.set(key, c);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    file,
    total: predictions.length,
    accuracy: predictions.length ? correct / predictions.length : 0,
    macroF1: present.length ? present.reduce((s, m) => s + m.f1, 0) / present.length : 0,
    noneFalsePositiveRate: none.length ? none.filter((p) => p.intent !== 'none').length / none.length : 0,
    noneCount: none.length,
    perIntent,
    confusions: [...confusionMap.values()].sort((a, b) => b.count - a.count),
    latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0, samples: sorted.length },
    errors: predictions
      .filter((p) => p.intent !== p.row.intent)
      .map((p) => ({ text: p.row.text, expected: p.row.intent, predicted: p.intent, score: p.score })),
  };
}

const f3 = (n: number) => n.toFixed(3);

/** Human-readable report. `showTexts` prints example texts in confusions (off for data that must not be copied). */
export function formatReport(r: EvaluationReport, showTexts = true): string {
  const lines = [`== ${r.file} (${r.total} utterances)`, 'intent                   count  pred   prec   rec    F1'];
  for (const m of r.perIntent) {
    lines.push(`${m.intent.padEnd(24)} ${String(m.count).padStart(5)} ${String(m.predicted).padStart(5)}  ${f3(m.precision)}  ${f3(m.recall)}  ${f3(m.f1)}`);
  }
  lines.push(
    `accuracy ${f3(r.accuracy)}  macro-F1 ${f3(r.macroF1)}  in-scope FP on none ${f3(r.noneFalsePositiveRate)} (${r.noneCount} none texts)`,
    `latency per utterance (${r.latencyMs.samples} timed calls): p50 ${r.latencyMs.p50.toFixed(3)} ms  p99 ${r.latencyMs.p99.toFixed(3)} ms  max ${r.latencyMs.max.toFixed(3)} ms`,
    'top confusions (expected → predicted):',
  );
  for (const c of r.confusions.slice(0, 10)) {
    lines.push(`  ${c.expected} → ${c.predicted}: ${c.count}${showTexts ? `  e.g. ${c.examples.map((e) => JSON.stringify(e)).join(', ')}` : ''}`);
  }
  return lines.join('\n');
}
