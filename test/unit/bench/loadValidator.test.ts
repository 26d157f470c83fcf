import { expect } from 'chai';
import { t } from '../../../dialogs/messages';
import { LoadValidator, checkTurn, type TurnExpectation } from '../../../bench/load/validator';

const handoff: TurnExpectation = {
  label: 'hand-off',
  replies: [{ kind: 'message', locale: 'zh-CN', key: 'handoff.queued', params: { reference: /^H-\d{8}-\d+$/, position: /^\d+$/ } }],
};
const account: TurnExpectation = {
  label: 'verified',
  replies: [
    { kind: 'message', locale: 'en', key: 'identity.verified' },
    { kind: 'text', label: 'account', includes: ['Alex Demo', '¥950.00'] },
  ],
};
const queued = t('zh-CN', 'handoff.queued', { reference: 'H-20261122-0001', position: 0, minutes: 3 });

describe('load benchmark validator', () => {
  it('accepts a right reply, with its reference and numbers', () => {
    const v = new LoadValidator();
    expect(v.record(handoff, { replies: [{ type: 'trace', text: 'x' }, { type: 'message', text: queued }] })).to.equal(true);
    expect(v.record(account, { replies: [{ text: t('en', 'identity.verified') }, { text: 'Alex Demo, ... Overdue amount ¥950.00' }] })).to.equal(true);
    expect([v.turns, v.errors]).to.deep.equal([2, 0]);
  });

  it('counts a wrong reply as an error', () => {
    const v = new LoadValidator();
    // Right message, wrong language.
    expect(v.record(handoff, { replies: [{ text: t('en', 'handoff.queued', { reference: 'H-20261122-0001', position: 0, minutes: 3 }) }] })).to.equal(false);
    // Right message, no reference in it.
    expect(v.record(handoff, { replies: [{ text: t('zh-CN', 'handoff.queued', { reference: '', position: 0, minutes: 3 }) }] })).to.equal(false);
    // Another message altogether.
    expect(v.record(handoff, { replies: [{ text: t('zh-CN', 'handoff.noAgents') }] })).to.equal(false);
    // Wrong amount in the account answer.
    expect(v.record(account, { replies: [{ text: t('en', 'identity.verified') }, { text: 'Alex Demo, ... Overdue amount ¥9.50' }] })).to.equal(false);
    expect([v.turns, v.errors]).to.deep.equal([4, 4]);
    expect(v.samples[0]).to.match(/expected zh-CN handoff\.queued/);
  });

  it('counts a missing reply, an extra reply and a failed request as errors', () => {
    const v = new LoadValidator();
    expect(v.record(account, { replies: [{ text: t('en', 'identity.verified') }] })).to.equal(false);
    expect(v.record(handoff, { replies: [] })).to.equal(false);
    expect(v.record(handoff, { replies: [{ text: queued }, { text: queued }] })).to.equal(false);
    expect(v.record(handoff, { failure: 'HTTP 500' })).to.equal(false);
    expect([v.turns, v.errors]).to.deep.equal([4, 4]);
    expect(v.errorsByLabel.get('hand-off')).to.equal(3);
    expect(checkTurn(account, { replies: [{ text: t('en', 'identity.verified') }] })).to.deep.include({ ok: false });
  });
});
