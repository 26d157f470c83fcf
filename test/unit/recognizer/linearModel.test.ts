import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { INTENTS } from '../../../services/recognizer/intentRecognizer';
import { LinearModel, type LinearModelJson } from '../../../services/recognizer/embedded/linearModel';
import { normalizeText } from '../../../services/recognizer/text/normalizeText';
import { MODEL_PATH, loadTrainingData } from '../../../scripts/nlu/trainingData';
import { ROUTING_TABLE } from './routingTable';

const sortedRows = (r: { rows: Int32Array; known: number }) => [...r.rows.slice(0, r.known)].sort((a, b) => a - b);

describe('LinearModel', () => {
  const model = LinearModel.fromJson(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as LinearModelJson);

  it('finds, through its integer-keyed index, exactly the features textFeatures gives (rows and distinct count)', () => {
    const texts = [
      ...INTENTS.flatMap((i) => Object.values(ROUTING_TABLE[i]).flat()),
      ...loadTrainingData().slice(0, 400).map((u) => u.text),
      'paying payments paid collectors', 'abc123def 456 ___ !!', '我我我我我我我我', '😀 催收 😀', '', '   ', '3k', '¥3000 1.5万',
    ];
    for (const t of texts) {
      const n = normalizeText(t);
      const fast = model.featureRows(n);
      const fastRows = sortedRows(fast);
      const ref = model.featureRows(n, true);
      expect({ rows: fastRows, distinct: fast.distinct }, t).to.deep.equal({ rows: sortedRows(ref), distinct: ref.distinct });
    }
  });

  it('agrees with the string path on any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const n = normalizeText(s);
        const fast = model.featureRows(n);
        const fastRows = sortedRows(fast);
        const ref = model.featureRows(n, true);
        expect(fast.distinct).to.equal(ref.distinct);
        expect(fastRows).to.deep.equal(sortedRows(ref));
      }),
      { numRuns: 300 },
    );
  });

  it('shifts one class prior with withClassOffset and keeps probabilities summing to 1', () => {
    const text = normalizeText('花呗怎么提额');
    const p = model.predictNormalized(text);
    const shifted = model.withClassOffset('none', 1).predictNormalized(text);
    const none = INTENTS.indexOf('none');
    expect(shifted[none]).to.be.greaterThan(p[none]);
    expect(shifted.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-9);
    // Odds of two other classes are unchanged.
    const a = INTENTS.indexOf('account_status');
    const b = INTENTS.indexOf('repayment_howto');
    expect(shifted[a] / shifted[b]).to.be.closeTo(p[a] / p[b], 1e-9);
  });
});
