import { expect } from 'chai';
import fc from 'fast-check';
import { EmbeddedRecognizer } from '../../../services/recognizer/embeddedRecognizer';
import { extractEntities } from '../../../services/recognizer/entities/extractEntities';
import { extractMoney } from '../../../services/recognizer/entities/moneyEntities';
import { extractDateTimes } from '../../../services/recognizer/entities/dateTimeEntities';
import { extractInstallments } from '../../../services/recognizer/entities/installmentEntities';
import { extractPhones } from '../../../services/recognizer/entities/phoneEntities';
import { extractLoanRefs } from '../../../services/recognizer/entities/loanRefEntities';
import { entityText } from '../../../services/recognizer/entities/entityText';
import { INTENTS } from '../../../services/recognizer/intentRecognizer';
import { asksIfBot, clausesOf, MAX_CLAUSES } from '../../../bots/inputText';
import { mobileInText } from '../../../services/identity/identityNormalisers';

const recognizer = EmbeddedRecognizer.fromFile();

// Text that looks like what borrowers send, and what they don't: CJK, digits and units, emoji, control
// characters, lone surrogates, mixed scripts, and very long strings.
const piece = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('一千五', '两三千', '12期', '下周三', '今晚8点以后', '¥', '万', '138 1234 5678', '预期', '還款', '😡', '\u0000', '\ud800', '\u202e', '点', '号', '月', 'pm'),
  fc.integer({ min: 0, max: 1e12 }).map(String),
  fc.string({ unit: fc.constantFrom(...'一二两三十百千万亿点号月日周期年半上下午晚明今天0123456789.,:-到至'.split('')) }),
);
const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.string({ unit: 'binary', minLength: 5000, maxLength: 20000 }));
const now = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
const timeZone = fc.constantFrom('Asia/Shanghai', 'Asia/Taipei', 'America/New_York', 'UTC', 'Europe/London');

describe('recogniser and entity extractors on any input (property)', () => {
  it('recognise never throws and always returns a well-formed result', async () => {
    await fc.assert(
      fc.asyncProperty(text, now, timeZone, async (t, n, tz) => {
        const r = await recognizer.recognize(t, { now: n, timeZone: tz });
        expect(INTENTS).to.include(r.intent);
        expect(r.score).to.be.within(0, 1);
        expect(Object.keys(r.scores)).to.have.length(INTENTS.length);
        for (const e of r.entities) {
          expect(e.start).to.be.at.least(0);
          expect(e.end).to.be.at.most(t.length);
          expect(e.end).to.be.greaterThan(e.start);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every extractor runs on any text without throwing, keeping offsets inside the text', () => {
    fc.assert(
      fc.property(text, now, timeZone, (raw, n, tz) => {
        const original = raw.slice(0, 2000);
        const t = entityText(original);
        expect(t.length).to.equal(original.length);
        const all = [
          ...extractMoney(t, original),
          ...extractInstallments(t, original),
          ...extractDateTimes(t, original, n, tz),
          ...extractPhones(t, original),
          ...extractLoanRefs(t, original, ['安心借']),
          ...extractEntities(raw, { now: n, timeZone: tz }),
        ];
        for (const e of all) {
          expect(original.slice(e.start, e.end)).to.equal(e.text);
          if (e.type === 'money') expect(Number.isInteger(e.fen) && e.fen > 0).to.equal(true);
          if (e.type === 'datetime') expect(Date.parse(e.to)).to.be.greaterThan(Date.parse(e.from));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the message readers before recognition (clauses, "are you a robot", a mobile in a sentence) never throw', () => {
    fc.assert(
      fc.property(text, (t) => {
        const clauses = clausesOf(t);
        expect(clauses.length === 0 || (clauses.length >= 2 && clauses.length <= MAX_CLAUSES)).to.equal(true);
        for (const c of clauses) expect(t).to.contain(c);
        expect(asksIfBot(t)).to.be.a('boolean');
        const found = mobileInText(t);
        if (found) expect(found.mobile).to.match(/^1[3-9]\d{9}$/);
      }),
      { numRuns: 400 },
    );
  });

  it('treats non-string input passed through untyped code as no text', async () => {
    const r = await recognizer.recognize(undefined as unknown as string, { now: 0, timeZone: 'UTC' });
    expect(r.intent).to.equal('none');
  });
});
