import { expect } from 'chai';
import { accountSchema, accountTotals, formatFen, legalStageSchema } from '../../../services/accounts/accountSchemas';
import { loadFixtureFile } from '../../../services/accounts/fixtureAccountService';

describe('formatFen', () => {
  it('formats fen as yuan with grouping and two decimals', () => {
    expect(formatFen(123456)).to.equal('¥1,234.56');
    expect(formatFen(0)).to.equal('¥0.00');
    expect(formatFen(5)).to.equal('¥0.05');
    expect(formatFen(100)).to.equal('¥1.00');
    expect(formatFen(123456789012, 'zh-TW')).to.equal('¥1,234,567,890.12');
    expect(formatFen(-250, 'en')).to.equal('-¥2.50');
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => formatFen(12.5)).to.throw(RangeError);
  });
});

describe('account schema', () => {
  const demo = loadFixtureFile('services/accounts/fixtures/demoBorrowers.json')[0].account;

  it('accepts the demo account and rejects money that is not integer fen', () => {
    expect(accountSchema.safeParse(demo).success).to.equal(true);
    const bad = { ...demo, loans: [{ ...demo.loans[0], overdueAmountFen: 12.5 }] };
    expect(accountSchema.safeParse(bad).success).to.equal(false);
  });

  it('requires a court and case number once a case is filed', () => {
    expect(legalStageSchema.safeParse({ stage: 'filed', filedOn: '2026-11-01' }).success).to.equal(false);
    expect(legalStageSchema.safeParse({ stage: 'filed', filedOn: '2026-11-01', court: 'X', caseNumber: 'Y' }).success).to.equal(true);
  });

  it('rejects an unmasked mobile number in the borrower', () => {
    expect(accountSchema.safeParse({ ...demo, borrower: { ...demo.borrower, maskedMobile: '13800000001' } }).success).to.equal(false);
  });

  it('totals the loans that are not settled', () => {
    const several = loadFixtureFile('services/accounts/fixtures/demoBorrowers.json').find((b) => b.account.borrower.id === 'D007')!.account;
    expect(accountTotals(several)).to.deep.equal({
      outstandingPrincipalFen: 1920000,
      overdueAmountFen: 250000,
      penaltyInterestFen: 3750,
      feesFen: 0,
      maxDaysOverdue: 30,
    });
  });
});
