import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseConfig } from '../../../services/config/config';
import { confidenceThresholds, createRecognizer } from '../../../services/recognizer/createRecognizer';
import { EmbeddedRecognizer } from '../../../services/recognizer/embeddedRecognizer';
import { FallbackRecognizer } from '../../../services/recognizer/cloud/fallbackRecognizer';
import { silentLogger } from '../../../services/logging/logger';
import { isBotError } from '../../../services/errors/botError';

const deps = { logger: silentLogger() };

describe('createRecognizer', () => {
  it('builds the embedded recogniser by default, with the documented thresholds', () => {
    const config = parseConfig({});
    expect(config.NLU_BACKEND).to.equal('embedded');
    expect(createRecognizer(config, deps)).to.be.instanceOf(EmbeddedRecognizer);
    expect(confidenceThresholds(config)).to.deep.equal({ high: 0.6, low: 0.3 });
  });

  it('does not load the cloud SDKs for the embedded default (a fresh process)', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const script = [
      "const { createRecognizer } = require('./services/recognizer/createRecognizer');",
      "const { parseConfig } = require('./services/config/config');",
      "const { silentLogger } = require('./services/logging/logger');",
      'createRecognizer(parseConfig({}), { logger: silentLogger() });',
      "console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /cognitiveservices-luis-runtime|ai-language-conversations|ms-rest-js/.test(f))));",
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(out.trim().split('\n').pop() ?? 'null')).to.deep.equal([]);
  });

  it('wraps LUIS in a fallback to the embedded recogniser', () => {
    const config = parseConfig({
      NLU_BACKEND: 'luis',
      LUIS_ENDPOINT: 'https://example.cognitiveservices.azure.com',
      LUIS_APP_ID: '7f3c2a9e-5b1d-4c8e-9a6f-0d2e4b1c3a57',
      LUIS_PREDICTION_KEY: 'k',
    });
    expect(createRecognizer(config, deps)).to.be.instanceOf(FallbackRecognizer);
  });

  it('wraps CLU in a fallback to the embedded recogniser', () => {
    const config = parseConfig({ NLU_BACKEND: 'clu', CLU_ENDPOINT: 'https://example.cognitiveservices.azure.com', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' });
    expect(createRecognizer(config, deps)).to.be.instanceOf(FallbackRecognizer);
  });

  it('names the missing settings of a cloud back end', () => {
    const config = parseConfig({ NLU_BACKEND: 'clu', CLU_ENDPOINT: 'https://example.cognitiveservices.azure.com' });
    try {
      createRecognizer(config, deps);
      expect.fail('expected CONFIG_INVALID');
    } catch (err) {
      expect(isBotError(err, 'CONFIG_INVALID')).to.equal(true);
      expect((err as Error).message).to.include('CLU_KEY, CLU_PROJECT, CLU_DEPLOYMENT');
    }
  });

  it('rejects a low threshold above the high one, and bad values at parse time', () => {
    expect(() => confidenceThresholds({ NLU_HIGH_CONFIDENCE: 0.4, NLU_LOW_CONFIDENCE: 0.6 })).to.throw(/NLU_LOW_CONFIDENCE/);
    expect(() => parseConfig({ NLU_HIGH_CONFIDENCE: '1.5' })).to.throw(/NLU_HIGH_CONFIDENCE/);
    expect(() => parseConfig({ NLU_BACKEND: 'watson' })).to.throw(/NLU_BACKEND/);
    expect(() => parseConfig({ LUIS_APP_ID: 'my-app' })).to.throw(/LUIS_APP_ID/);
  });

  it('reads product names from the configuration into loan_ref entities', async () => {
    const recognizer = createRecognizer(parseConfig({ NLU_PRODUCT_NAMES: '安心借, 随心贷' }), deps);
    const r = await recognizer.recognize('随心贷怎么还款', { now: 0, timeZone: 'Asia/Shanghai' });
    expect(r.entities).to.deep.include({ type: 'loan_ref', text: '随心贷', start: 0, end: 3, id: '随心贷', kind: 'product' });
  });

  it('fails with RECOGNIZER_UNAVAILABLE when the model file is missing', () => {
    expect(() => createRecognizer(parseConfig({ NLU_MODEL_PATH: '/nonexistent/model.json' }), deps)).to.throw().with.property('code', 'RECOGNIZER_UNAVAILABLE');
  });
});
