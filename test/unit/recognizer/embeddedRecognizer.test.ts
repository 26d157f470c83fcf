import { expect } from 'chai';
import { EmbeddedRecognizer } from '../../../services/recognizer/embeddedRecognizer';
import { INTENTS, type Intent } from '../../../services/recognizer/intentRecognizer';
import { normalizeText } from '../../../services/recognizer/text/normalizeText';
import { loadTrainingData } from '../../../scripts/nlu/trainingData';
import { ROUTING_TABLE } from './routingTable';

const context = { now: Date.UTC(2026, 10, 20, 2, 0, 0), timeZone: 'Asia/Shanghai' };
const LANGUAGE = { 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant', en: 'en' } as const;

describe('EmbeddedRecognizer', () => {
  let recognizer: EmbeddedRecognizer;
  before(() => {
    recognizer = EmbeddedRecognizer.fromFile();
  });

  it('routes a fixed table of utterances per intent in each language, none longer than a word taken from training', async () => {
    const training = new Set(loadTrainingData().map((u) => normalizeText(u.text)));
    const misses: string[] = [];
    for (const intent of INTENTS) {
      for (const [locale, texts] of Object.entries(ROUTING_TABLE[intent])) {
        for (const text of texts) {
          // One-word forms (你好, 取消, bye) are necessarily in training; every longer one is new to the model.
          if (!(/^\S+$/.test(text) && text.length <= 8)) expect(training.has(normalizeText(text)), `"${text}" is a training sentence`).to.equal(false);
          const r = await recognizer.recognize(text, context);
          if (r.intent !== intent) misses.push(`${locale} "${text}": expected ${intent}, got ${r.intent} (${r.score.toFixed(2)})`);
          if (intent !== 'none' && !['你好', '您好', '取消', 'bye', 'hello', 'thanks'].includes(text)) {
            expect(r.language, text).to.equal(LANGUAGE[locale as keyof typeof LANGUAGE]);
          }
        }
      }
    }
    expect(misses).to.deep.equal([]);
  });

  it('gives calibrated scores: every intent in [0, 1], summing to 1, runner-up below the top', async () => {
    const r = await recognizer.recognize('我想分期还款 每个月还一千五', context);
    const values = Object.values(r.scores);
    expect(Object.keys(r.scores)).to.have.members([...INTENTS]);
    for (const v of values) expect(v).to.be.within(0, 1);
    expect(values.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-6);
    expect(r.score).to.equal(r.scores[r.intent]);
    expect(r.runnerUp.intent).to.not.equal(r.intent);
    expect(r.runnerUp.score).to.be.at.most(r.score);
    expect(r.source).to.equal('embedded');
  });

  it('returns the entities of the message with the intent', async () => {
    const r = await recognizer.recognize('能不能分12期 每个月还一千五', context);
    expect(r.intent).to.equal('installment_plan');
    expect(r.entities.map((e) => e.type)).to.deep.equal(['installments', 'money']);
  });

  it('reads the 预期 typo as 逾期', async () => {
    const r = await recognizer.recognize('预期了会上征信吗', context);
    expect(r.intent).to.equal('credit_report');
  });

  it('answers none with full confidence for text with no letters (digits alone carry no intent), and keeps the entities', async () => {
    for (const text of ['', '   ', '😀😀', '？？！！', '\u0000\u0001', '13800000002', '234561', '2', '２', '1500', '¥3,000.00', '138 0000 0002']) {
      const r = await recognizer.recognize(text, context);
      expect(r.intent, JSON.stringify(text)).to.equal('none');
      expect(r.score).to.equal(1);
    }
    const amount = await recognizer.recognize('1500', context);
    expect(amount.entities.map((e) => e.type)).to.include('money');
    // Chinese numerals are words: they still go through the model.
    expect((await recognizer.recognize('一千五', context)).score).to.be.below(1);
  });

  it('keeps the previous language for text without a language signal', async () => {
    const r = await recognizer.recognize('13812345678', { ...context, previousLanguage: 'zh-Hant' });
    expect(r.language).to.equal('zh-Hant');
    expect(r.entities[0]).to.include({ type: 'phone', digits: '13812345678' });
    for (const markup of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<style>body{}</style>']) {
      expect((await recognizer.recognize(markup, { ...context, previousLanguage: 'zh-Hans' })).language, markup).to.equal('zh-Hans');
    }
    expect((await recognizer.recognize('<b>I want a plan</b>', context)).language, 'words inside tags still count').to.equal('en');
    // Latin letters with no English word: pinyin, a keyboard mash, JSON keys, an SQL string.
    for (const text of ['wo xiang fen qi', 'asdfghjkl', '{"intent":"account_status"}', "' OR 1=1 --", "'; DROP TABLE users; --"]) {
      expect((await recognizer.recognize(text, { ...context, previousLanguage: 'zh-Hant' })).language, text).to.equal('zh-Hant');
    }
    for (const text of ['help', 'Option 2', 'code', 'thank you', 'Installment', "can't reach my collector", 'good morning']) {
      expect((await recognizer.recognize(text, { ...context, previousLanguage: 'zh-Hans' })).language, text).to.equal('en');
    }
  });

  it('refuses a model whose classes are not intents', () => {
    expect(() => EmbeddedRecognizer.fromFile('/nonexistent/model.json')).to.throw().with.property('code', 'RECOGNIZER_UNAVAILABLE');
  });
});

export type { Intent };
