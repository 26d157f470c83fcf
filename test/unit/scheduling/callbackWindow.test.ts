import { expect } from 'chai';
import { parseConfig } from '../../../services/config/config';
import { isBotError } from '../../../services/errors/botError';
import { fitCallbackWindow } from '../../../services/scheduling/callbackWindow';
import { serviceHoursFromConfig } from '../../../services/scheduling/serviceHours';

const sh = (local: string) => Date.parse(`${local}+08:00`);
const iso = (local: string) => new Date(sh(local)).toISOString();
const win = (from: string, to: string) => ({ from: iso(from), to: iso(to) });
const h = serviceHoursFromConfig(parseConfig({ SERVICE_HOURS_WEEKEND: '10:00-18:00' }));
// Monday 2026-03-02, 15:02 in Shanghai.
const NOW = sh('2026-03-02T15:02:00');

describe('fitCallbackWindow', () => {
  it('keeps a window inside service hours as asked (明天上午)', () => {
    expect(fitCallbackWindow(win('2026-03-03T09:00:00', '2026-03-03T12:00:00'), NOW, h)).to.deep.equal({
      ...win('2026-03-03T09:00:00', '2026-03-03T12:00:00'),
      adjusted: false,
      reasons: [],
    });
  });

  it('clips an evening window to closing time (今晚8点以后)', () => {
    const r = fitCallbackWindow(win('2026-03-02T20:00:00', '2026-03-02T22:00:00'), NOW, h);
    expect(r).to.deep.include({ ...win('2026-03-02T20:00:00', '2026-03-02T21:00:00'), adjusted: true });
    expect(r.reasons).to.deep.equal(['OUTSIDE_SERVICE_HOURS_MOVED']);
  });

  it('starts a window that has begun after the lead time, on a 5-minute mark', () => {
    const r = fitCallbackWindow(win('2026-03-02T14:00:00', '2026-03-02T18:00:00'), NOW, h);
    expect(r).to.deep.include(win('2026-03-02T15:20:00', '2026-03-02T18:00:00'));
    expect(r.reasons).to.deep.equal(['IN_THE_PAST_MOVED']);
  });

  it('moves a window entirely in the past to the earliest time with the same length', () => {
    const r = fitCallbackWindow(win('2026-03-02T09:00:00', '2026-03-02T12:00:00'), NOW, h);
    expect(r).to.deep.include(win('2026-03-02T15:20:00', '2026-03-02T18:20:00'));
    expect(r.reasons).to.deep.equal(['IN_THE_PAST_MOVED']);
  });

  it('moves a night-time window to the next opening (no contact 22:00-08:00)', () => {
    const r = fitCallbackWindow(win('2026-03-02T23:00:00', '2026-03-03T07:00:00'), NOW, h);
    expect(r).to.deep.include(win('2026-03-03T09:00:00', '2026-03-03T17:00:00'));
    expect(r.reasons).to.deep.equal(['OUTSIDE_SERVICE_HOURS_MOVED']);
  });

  it('uses weekend hours (周六下午) and skips a leftover shorter than the minimum window', () => {
    const sat = fitCallbackWindow(win('2026-03-07T13:00:00', '2026-03-07T19:00:00'), NOW, h);
    expect(sat).to.deep.include(win('2026-03-07T13:00:00', '2026-03-07T18:00:00'));
    const late = fitCallbackWindow(win('2026-03-07T17:50:00', '2026-03-07T19:00:00'), NOW, h);
    expect(late).to.deep.include(win('2026-03-08T10:00:00', '2026-03-08T11:10:00'));
    expect(late.reasons).to.deep.equal(['OUTSIDE_SERVICE_HOURS_MOVED']);
  });

  it('stretches a very short request to the minimum window', () => {
    const r = fitCallbackWindow(win('2026-03-03T23:00:00', '2026-03-03T23:05:00'), NOW, h);
    expect(r).to.deep.include(win('2026-03-04T09:00:00', '2026-03-04T09:30:00'));
  });

  it('rejects an unreadable or backwards window', () => {
    const bad = (w: { from: string; to: string }) => {
      try {
        fitCallbackWindow(w, NOW, h);
      } catch (err) {
        return isBotError(err, 'BAD_INPUT');
      }
      return false;
    };
    expect(bad({ from: 'tomorrow', to: iso('2026-03-03T12:00:00') })).to.equal(true);
    expect(bad(win('2026-03-03T12:00:00', '2026-03-03T09:00:00'))).to.equal(true);
  });
});
