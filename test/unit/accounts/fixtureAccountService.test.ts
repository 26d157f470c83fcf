import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import { isBotError } from '../../../services/errors/botError';
import { FixtureAccountService, loadFixtureFile, parseFixture } from '../../../services/accounts/fixtureAccountService';

const FIXTURE = 'services/accounts/fixtures/demoBorrowers.json';

describe('demo fixture', () => {
  const clock = new ManualClock(Date.parse('2026-11-20T02:00:00Z'));
  const borrowers = loadFixtureFile(FIXTURE, clock);
  const accounts = borrowers.map((b) => b.account);

  it('has at least 8 demo borrowers with unique ids and mobiles', () => {
    expect(borrowers.length).to.be.at.least(8);
    expect(new Set(accounts.map((a) => a.borrower.id)).size).to.equal(borrowers.length);
    expect(new Set(borrowers.map((b) => b.mobile)).size).to.equal(borrowers.length);
  });

  it('exercises every path the bot has', () => {
    const days = accounts.flatMap((a) => a.loans.map((l) => l.daysOverdue));
    expect(accounts.some((a) => a.loans.every((l) => l.status === 'current'))).to.equal(true);
    expect(days).to.include.members([5, 45, 120]);
    expect(accounts.some((a) => a.legal.stage === 'filed' && a.legal.court && a.legal.caseNumber)).to.equal(true);
    expect(accounts.some((a) => a.planHistory.some((p) => p.status === 'broken'))).to.equal(true);
    expect(accounts.some((a) => a.collection?.scheduledVisits.some((v) => v.place === 'home'))).to.equal(true);
    expect(accounts.some((a) => a.loans.length >= 3)).to.equal(true);
    expect(accounts.map((a) => a.borrower.language)).to.include.members(['zh-CN', 'zh-TW', 'en']);
    expect(new Set(accounts.map((a) => a.legal.stage))).to.include.members(['none', 'lawyer_letter', 'mediation', 'filed', 'enforcement']);
  });

  it('resolves relative dates against the clock', () => {
    const visit = accounts.find((a) => a.borrower.id === 'D006')!.collection!.scheduledVisits[0];
    expect(visit.scheduledAt).to.equal('2026-11-22T10:00:00+08:00');
    expect(accounts.find((a) => a.borrower.id === 'D001')!.loans[0].nextDueDate).to.equal('2026-12-02');
  });

  it('masks the mobile in the account it serves', () => {
    expect(accounts.every((a) => /^138\*{4}\d{4}$/.test(a.borrower.maskedMobile))).to.equal(true);
    expect(JSON.stringify(accounts)).to.not.match(/1380000\d{4}/);
  });

  it('names every bad field of a broken fixture', () => {
    try {
      parseFixture({ borrowers: [{ mobile: '123', idLast6: '12345X', scenario: 's', account: {} }] }, clock.now());
      expect.fail('should throw');
    } catch (err) {
      expect(isBotError(err, 'CONFIG_INVALID')).to.equal(true);
      expect((err as Error).message).to.contain('borrowers.0.mobile');
    }
  });
});

describe('FixtureAccountService', () => {
  const make = () => {
    const clock = new ManualClock(Date.parse('2026-11-20T02:00:00Z'));
    return new FixtureAccountService(loadFixtureFile(FIXTURE, clock), clock);
  };

  it('matches mobile and ID last 6, and only one of each pair', async () => {
    const service = make();
    expect((await service.lookupBorrower('13800000009', '90123X'))?.borrowerId).to.equal('D009');
    expect(await service.lookupBorrower('13800000009', '123456')).to.equal(undefined);
    expect(await service.lookupBorrower('13800000001', '90123X')).to.equal(undefined);
    expect((await service.lookupBorrower('13800000009'))?.language).to.equal('en');
  });

  it('numbers records by day and sets the complaint answer deadline 15 days out', async () => {
    const complaint = await make().createComplaint('D001', { idempotencyKey: 'fixture-key-1', category: 'threat', description: '说要抓我' });
    expect(complaint.reference).to.equal('CP-20261120-0001');
    expect(complaint.answerBy).to.equal('2026-12-05');
    expect(complaint.priority).to.equal('normal');
  });

  it('refuses a write without a usable idempotency key', async () => {
    try {
      await make().createComplaint('D001', { idempotencyKey: '', category: 'other', description: 'x' });
      expect.fail('should throw');
    } catch (err) {
      expect(isBotError(err, 'BAD_INPUT')).to.equal(true);
    }
  });

  it('does not let callers change its stored accounts through returned objects', async () => {
    const service = make();
    (await service.getAccount('D001')).account.loans[0].overdueAmountFen = 999;
    expect((await service.getAccount('D001')).account.loans[0].overdueAmountFen).to.equal(0);
  });
});
