import { expect } from 'chai';
import fc from 'fast-check';
import { fitCallbackWindow } from '../../../services/scheduling/callbackWindow';
import { isWithinServiceHours, nextOpening, servicePeriods, type ServiceHours } from '../../../services/scheduling/serviceHours';
import { localParts } from '../../../services/scheduling/zonedTime';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1);

const dailyArb = (minWindow: number) =>
  fc
    .tuple(fc.integer({ min: 8 * 60, max: 22 * 60 - minWindow }), fc.integer({ min: 0, max: 14 * 60 }))
    .map(([open, extra]) => ({ openMinute: open, closeMinute: Math.min(22 * 60, open + minWindow + extra) }));

const hoursArb: fc.Arbitrary<ServiceHours> = fc
  .record({
    timeZone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London'),
    minWindowMinutes: fc.integer({ min: 5, max: 180 }),
    minLeadMinutes: fc.integer({ min: 0, max: 180 }),
    weekendClosed: fc.boolean(),
    closed: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 10 }),
  })
  .chain((c) =>
    fc.record({ weekdays: dailyArb(c.minWindowMinutes), weekends: dailyArb(c.minWindowMinutes) }).map((d) => ({
      timeZone: c.timeZone,
      weekdays: d.weekdays,
      weekends: c.weekendClosed ? null : d.weekends,
      closedDates: c.closed.map((n) => new Date(T0 + n * 86_400_000).toISOString().slice(0, 10)),
      minLeadMinutes: c.minLeadMinutes,
      minWindowMinutes: c.minWindowMinutes,
    })),
  );

const caseArb = fc.record({
  hours: hoursArb,
  now: fc.integer({ min: T0, max: T0 + 365 * 86_400_000 }),
  offsetMinutes: fc.integer({ min: -3 * 24 * 60, max: 10 * 24 * 60 }),
  durationMinutes: fc.integer({ min: 1, max: 2 * 24 * 60 }),
});

const runs = { numRuns: 500 };

describe('callback window properties', () => {
  it('always lies inside one service period, never in the past, never shorter than the minimum window', () => {
    fc.assert(
      fc.property(caseArb, ({ hours, now, offsetMinutes, durationMinutes }) => {
        const from = now + offsetMinutes * MINUTE;
        const requested = { from: new Date(from).toISOString(), to: new Date(from + durationMinutes * MINUTE).toISOString() };
        const r = fitCallbackWindow(requested, now, hours);
        const s = Date.parse(r.from);
        const e = Date.parse(r.to);
        expect(s).to.be.at.least(now + hours.minLeadMinutes * MINUTE);
        expect(e - s).to.be.at.least(hours.minWindowMinutes * MINUTE);
        let period: { open: number; close: number } | undefined;
        for (const p of servicePeriods(s, hours)) {
          if (p.open <= s && s < p.close) period = p;
          if (p.close > s) break;
        }
        expect(period, 'a service period holds the start').to.exist;
        expect(e).to.be.at.most(period!.close);
        // Never contact 22:00-08:00 local time.
        for (const t of [s, e - 1]) {
          const m = localParts(t, hours.timeZone).minuteOfDay;
          expect(m).to.be.within(8 * 60, 22 * 60 - 1);
        }
        expect(r.adjusted).to.equal(r.from !== requested.from || r.to !== requested.to);
        expect(r.adjusted).to.equal(r.reasons.length > 0);
        expect(fitCallbackWindow(requested, now, hours)).to.deep.equal(r);
      }),
      runs,
    );
  });

  it('nextOpening is open at its start and agrees with isWithinServiceHours', () => {
    fc.assert(
      fc.property(caseArb, ({ hours, now }) => {
        const next = nextOpening(now, hours);
        const from = Date.parse(next.from);
        expect(from).to.be.at.least(now);
        expect(Date.parse(next.to)).to.be.greaterThan(from);
        expect(isWithinServiceHours(from, hours)).to.equal(true);
        expect(next.openNow).to.equal(isWithinServiceHours(now, hours));
        if (!next.openNow) expect(isWithinServiceHours(Math.floor((now + from) / 2), hours)).to.equal(false);
      }),
      runs,
    );
  });
});
