// Threshold study for NLU_HIGH_CONFIDENCE / NLU_LOW_CONFIDENCE (aggregate figures only; no eval texts printed).
// `npx tsx bench/nlu/thresholds.ts`: for each threshold, over the held-out split and the real-user file:
// share routed directly (score >= t, top intent in scope), precision of those routes, share of in-scope
// texts that fall below t, and the accuracy of "did you mean A or B" (true intent among the top two).
import { existsSync } from 'node:fs';
import { EmbeddedRecognizer } from '../../services/recognizer/embeddedRecognizer';
import { DEV_CS_PATH, HELD_OUT_PATH, REAL_EVAL_PATH, loadJsonl } from '../../scripts/nlu/trainingData';

const recognizer = EmbeddedRecognizer.fromFile();
for (const file of [HELD_OUT_PATH, ...(existsSync(DEV_CS_PATH) ? [DEV_CS_PATH] : []), ...(existsSync(REAL_EVAL_PATH) ? [REAL_EVAL_PATH] : [])]) {
  const rows = loadJsonl(file).map((r) => ({ ...r, p: recognizer.classify(r.text) }));
  console.log(`== ${file.split('/').slice(-2).join('/')} (${rows.length})`);
  console.log(' t     routed  route-prec  none→routed  top2-hit(mid band vs this t as high, 0.3 low)');
  for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8]) {
    const routed = rows.filter((r) => r.p.intent !== 'none' && r.p.score >= t);
    const prec = routed.filter((r) => r.p.intent === r.intent).length / Math.max(1, routed.length);
    const noneRouted = rows.filter((r) => r.intent === 'none' && r.p.intent !== 'none' && r.p.score >= t).length / Math.max(1, rows.filter((r) => r.intent === 'none').length);
    const mid = rows.filter((r) => r.p.intent !== 'none' && r.p.score < t && r.p.score >= 0.3);
    const top2 = mid.filter((r) => r.intent === r.p.intent || r.intent === r.p.runnerUp.intent).length;
    console.log(` ${t.toFixed(2)}  ${(routed.length / rows.length).toFixed(3)}   ${prec.toFixed(3)}       ${noneRouted.toFixed(3)}        ${top2}/${mid.length}`);
  }
}
