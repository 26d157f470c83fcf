import { expect } from 'chai';
import { parseConfig } from '../../../services/config/config';
import { isBotError } from '../../../services/errors/botError';
import { isWithinServiceHours, nextOpening, serviceHoursFromConfig } from '../../../services/scheduling/serviceHours';
import { localIsoDate } from '../../../services/scheduling/zonedTime';

/** Shanghai is UTC+8: 09:00 local = 01:00Z. */
const sh = (local: string) => Date.parse(`${local}+08:00`);
const hours = (env: Record<string, string> = {}) => serviceHoursFromConfig(parseConfig(env));

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isBotError(err, 'CONFIG_INVALID'), String(err)).to.equal(true);
    return (err as Error).message;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('service hours config', () => {
  it('defaults to 09:00-21:00 every day in Asia/Shanghai', () => {
    const h = hours();
    expect(h.timeZone).to.equal('Asia/Shanghai');
    expect(h.weekdays).to.deep.equal({ openMinute: 540, closeMinute: 1260 });
    expect(h.weekends).to.deep.equal({ openMinute: 540, closeMinute: 1260 });
  });

  it('refuses hours reaching into 22:00-08:00', () => {
    expect(configError(() => parseConfig({ SERVICE_HOURS: '07:30-20:00' }))).to.contain('SERVICE_HOURS');
    expect(configError(() => parseConfig({ SERVICE_HOURS_WEEKEND: '10:00-22:30' }))).to.contain('SERVICE_HOURS_WEEKEND');
  });

  it('refuses malformed hours and dates', () => {
    expect(configError(() => parseConfig({ SERVICE_HOURS: '9-21' }))).to.contain('SERVICE_HOURS');
    expect(configError(() => parseConfig({ SERVICE_HOURS: '18:00-09:00' }))).to.contain('SERVICE_HOURS');
    expect(configError(() => parseConfig({ SERVICE_CLOSED_DATES: '2026-10-01,Oct 2' }))).to.contain('SERVICE_CLOSED_DATES');
  });

  it('refuses a week without any service, an unknown zone, and days shorter than the minimum window', () => {
    expect(configError(() => hours({ SERVICE_HOURS: 'closed', SERVICE_HOURS_WEEKEND: 'closed' }))).to.contain('at least one');
    expect(configError(() => hours({ TIME_ZONE: 'Mars/Olympus' }))).to.contain('TIME_ZONE');
    expect(configError(() => hours({ SERVICE_HOURS: '09:00-09:20' }))).to.contain('CALLBACK_MIN_WINDOW_MINUTES');
  });
});

describe('isWithinServiceHours', () => {
  const h = hours({ SERVICE_HOURS_WEEKEND: '10:00-18:00', SERVICE_CLOSED_DATES: '2026-10-01' });

  it('is open from the opening minute up to, not including, the closing minute', () => {
    // 2026-03-02 is a Monday.
    expect(isWithinServiceHours(sh('2026-03-02T08:59:59'), h)).to.equal(false);
    expect(isWithinServiceHours(sh('2026-03-02T09:00:00'), h)).to.equal(true);
    expect(isWithinServiceHours(sh('2026-03-02T20:59:59'), h)).to.equal(true);
    expect(isWithinServiceHours(sh('2026-03-02T21:00:00'), h)).to.equal(false);
  });

  it('uses weekend hours on Saturday and Sunday, and closes on closed dates', () => {
    expect(isWithinServiceHours(sh('2026-03-07T09:30:00'), h)).to.equal(false);
    expect(isWithinServiceHours(sh('2026-03-07T10:30:00'), h)).to.equal(true);
    expect(isWithinServiceHours(sh('2026-03-08T18:30:00'), h)).to.equal(false);
    expect(isWithinServiceHours(sh('2026-10-01T12:00:00'), h)).to.equal(false);
  });
});

describe('nextOpening', () => {
  const h = hours({ SERVICE_HOURS_WEEKEND: 'closed' });

  it('is now while open', () => {
    const now = sh('2026-03-02T15:00:00');
    expect(nextOpening(now, h)).to.deep.equal({ from: new Date(now).toISOString(), to: '2026-03-02T13:00:00.000Z', openNow: true });
  });

  it('is the next morning late in the evening, and Monday on a Friday night', () => {
    expect(nextOpening(sh('2026-03-02T22:30:00'), h)).to.deep.include({ from: '2026-03-03T01:00:00.000Z', openNow: false });
    expect(nextOpening(sh('2026-03-06T21:30:00'), h).from).to.equal('2026-03-09T01:00:00.000Z');
  });

  it('is later the same day early in the morning', () => {
    expect(nextOpening(sh('2026-03-03T06:00:00'), h).from).to.equal('2026-03-03T01:00:00.000Z');
  });
});

describe('localIsoDate', () => {
  it('gives the lender-local date, not the UTC one', () => {
    expect(localIsoDate(Date.parse('2026-03-02T17:00:00Z'), 'Asia/Shanghai')).to.equal('2026-03-03');
  });
});
