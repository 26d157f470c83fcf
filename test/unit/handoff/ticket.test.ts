import { expect } from 'chai';
import { formatTicketId, localDay } from '../../../services/handoff/ticket';

describe('ticket references', () => {
  it('number tickets by the local day in the lender\'s zone, which may differ from the UTC day', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-11-30T15:59:59Z', 'Asia/Shanghai', '20261130'],
      ['2026-11-30T16:00:00Z', 'Asia/Shanghai', '20261201'],
      ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '20270101'],
      ['2026-03-01T04:59:00Z', 'America/New_York', '20260228'],
      ['2026-03-01T05:00:00Z', 'America/New_York', '20260301'],
      ['2026-06-15T12:00:00Z', 'Etc/UTC', '20260615'],
    ];
    for (const [instant, zone, day] of cases) expect(localDay(Date.parse(instant), zone), `${instant} in ${zone}`).to.equal(day);
  });

  it('formats the day and a four-digit sequence', () => {
    expect(formatTicketId('20261201', 42)).to.equal('H-20261201-0042');
  });
});
