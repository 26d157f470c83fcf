import { expect } from 'chai';
import { STAY_ON_TOPIC_WEIGHT, withTopicContext } from '../../../bots/topicContext';
import { INTENTS, type Intent, type RecognitionResult } from '../../../services/recognizer/intentRecognizer';

/** A recognition with the given scores (the rest share what is left). */
function recognition(text: string, given: Partial<Record<Intent, number>>, source: RecognitionResult['source'] = 'embedded'): RecognitionResult {
  const rest = INTENTS.filter((i) => given[i] === undefined);
  const left = Math.max(0, 1 - Object.values(given).reduce((a, b) => a + (b ?? 0), 0));
  const scores = Object.fromEntries(INTENTS.map((i) => [i, given[i] ?? left / rest.length])) as Record<Intent, number>;
  const ranked = INTENTS.map((intent) => ({ intent, score: scores[intent] })).sort((a, b) => b.score - a.score);
  return { text, intent: ranked[0].intent, score: ranked[0].score, runnerUp: ranked[1], scores, entities: [], language: 'zh-Hans', source };
}

describe('withTopicContext: a short follow-up read in the light of the last topic', () => {
  const cases: Array<{ why: string; text: string; scores: Partial<Record<Intent, number>>; last?: Intent; source?: RecognitionResult['source']; expect: Intent }> = [
    { why: 'a near tie goes to the last topic', text: '他们真的会来吗', scores: { lawsuit_threat: 0.71, doorstep_visit: 0.25 }, last: 'doorstep_visit', expect: 'doorstep_visit' },
    { why: 'English follow-up', text: 'will they really come', scores: { lawsuit_threat: 0.44, doorstep_visit: 0.33 }, last: 'doorstep_visit', expect: 'doorstep_visit' },
    { why: 'small talk that is really a follow-up', text: '他们可以这样吗', scores: { goodbye: 0.25, doorstep_visit: 0.23 }, last: 'doorstep_visit', expect: 'doorstep_visit' },
    { why: 'a clear new topic stays', text: '会坐牢吗', scores: { lawsuit_threat: 0.97, doorstep_visit: 0.01 }, last: 'doorstep_visit', expect: 'lawsuit_threat' },
    { why: 'the last topic without evidence of its own is not invented', text: '那怎么办', scores: { none: 0.29, repayment_howto: 0.2, credit_report: 0.05 }, last: 'credit_report', expect: 'none' },
    { why: 'no last topic', text: '他们真的会来吗', scores: { lawsuit_threat: 0.71, doorstep_visit: 0.25 }, expect: 'lawsuit_threat' },
    { why: 'the last answer was for a person, not a topic', text: '他们真的会来吗', scores: { lawsuit_threat: 0.71, human_agent: 0.25 }, last: 'human_agent', expect: 'lawsuit_threat' },
    { why: 'a long message speaks for itself', text: '他们昨天打电话说下个礼拜一定会派人来我家里，还说要起诉我，我现在真的很害怕', scores: { lawsuit_threat: 0.71, doorstep_visit: 0.25 }, last: 'doorstep_visit', expect: 'lawsuit_threat' },
    { why: 'a long English message speaks for itself', text: 'they said they would sue me and maybe come to my home next week', scores: { lawsuit_threat: 0.71, doorstep_visit: 0.25 }, last: 'doorstep_visit', expect: 'lawsuit_threat' },
    { why: 'a bare follow-up with no words of its own', text: '多久', scores: { none: 0.62, thanks: 0.12, credit_report: 0.05 }, last: 'credit_report', expect: 'credit_report' },
    { why: 'a bare follow-up the model gives to another topic by chance', text: '可以吗', scores: { repayment_howto: 0.32, none: 0.31 }, last: 'doorstep_visit', expect: 'doorstep_visit' },
    { why: 'an English bare follow-up', text: 'really?', scores: { none: 0.5, doorstep_visit: 0.02 }, last: 'lawsuit_threat', expect: 'lawsuit_threat' },
    { why: 'a button press or exact label is certain', text: '被告知要起诉', scores: { lawsuit_threat: 0.71, doorstep_visit: 0.25 }, last: 'doorstep_visit', source: 'keyword', expect: 'lawsuit_threat' },
  ];
  for (const c of cases) {
    it(`${c.why}: "${c.text}" after ${c.last ?? 'nothing'} → ${c.expect}`, () => {
      const before = recognition(c.text, c.scores, c.source);
      const after = withTopicContext(before, c.last);
      expect(after.intent).to.equal(c.expect);
      if (after.intent === before.intent) {
        expect(after, 'unchanged: the same result').to.equal(before);
      } else {
        expect(after.beforeContext).to.deep.equal({ intent: before.intent, score: before.score, topic: c.last });
        expect(after.runnerUp.intent).to.equal(before.intent);
      }
    });
  }

  it('confirms a follow-up the recogniser puts on the last topic but only middling, instead of asking which was meant', () => {
    const before = recognition('can you delete it if I pay', { credit_report: 0.53, installment_plan: 0.38 });
    const after = withTopicContext(before, 'credit_report');
    expect(after.intent).to.equal('credit_report');
    expect(after.score).to.be.above(0.8);
    expect(after.runnerUp.intent).to.equal('installment_plan');
    expect(after.beforeContext).to.deep.equal({ intent: 'credit_report', score: 0.53, topic: 'credit_report' });
  });

  it('weighs the last topic by STAY_ON_TOPIC_WEIGHT and keeps the scores a distribution', () => {
    const before = recognition('他们真的会来吗', { lawsuit_threat: 0.7, doorstep_visit: 0.2 });
    const after = withTopicContext(before, 'doorstep_visit');
    const total = 1 - 0.2 + 0.2 * STAY_ON_TOPIC_WEIGHT;
    expect(after.score).to.be.closeTo((0.2 * STAY_ON_TOPIC_WEIGHT) / total, 1e-9);
    expect(after.scores.lawsuit_threat).to.be.closeTo(0.7 / total, 1e-9);
    expect(Object.values(after.scores).reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-9);
  });
});

describe('withTopicContext: a day or a time on its own', () => {
  const timed = (text: string, when: string, scores: Partial<Record<Intent, number>>): RecognitionResult => {
    const start = text.indexOf(when);
    const entity = { type: 'datetime' as const, text: when, start, end: start + when.length, from: '2026-12-03T01:00:00Z', to: '2026-12-03T04:00:00Z' };
    return { ...recognition(text, scores), entities: [entity] };
  };

  it('follows the answer it comes after: when they come, when they sue, when to call back, when the borrower pays', () => {
    for (const last of ['doorstep_visit', 'lawsuit_threat', 'cannot_reach_collector', 'repayment_howto'] as const) {
      for (const [text, when] of [['明天', '明天'], ['明天上午吧', '明天上午'], ['大概下周三', '下周三'], ['tomorrow morning', 'tomorrow morning']]) {
        const before = timed(text, when, { account_status: 0.62, none: 0.22 });
        const after = withTopicContext(before, last);
        expect(after.intent, `${text} after ${last}`).to.equal(last);
        expect(after.score).to.equal(1);
        expect(Object.values(after.scores).reduce((a, b) => a + b, 0)).to.equal(1);
        expect(after.beforeContext).to.deep.equal({ intent: 'account_status', score: 0.62, topic: last });
      }
    }
  });

  it('means nothing by itself after other answers, and a request with a time in it speaks for itself', () => {
    const bare = timed('明天', '明天', { account_status: 0.62, none: 0.22 });
    expect(withTopicContext(bare, 'credit_report')).to.equal(bare);
    expect(withTopicContext(bare, undefined)).to.equal(bare);
    const request = timed('明天要还多少', '明天', { account_status: 0.97 });
    expect(withTopicContext(request, 'doorstep_visit').intent).to.equal('account_status');
  });
});
