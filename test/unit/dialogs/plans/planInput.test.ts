import { expect } from 'chai';
import { affordableFromEntities, numberList, pickOption, pickProposal, typedNumber, yesNo } from '../../../../dialogs/plans/planInput';
import { owedByLoan, planAccountOf, splitMonthly } from '../../../../dialogs/plans/planText';
import { parseFixture } from '../../../../services/accounts/fixtureAccountService';
import { extractEntities } from '../../../../services/recognizer/entities/extractEntities';
import demo from '../../../../services/accounts/fixtures/demoBorrowers.json';

const amount = (text: string) => affordableFromEntities(extractEntities(text, { now: Date.UTC(2026, 10, 20), timeZone: 'Asia/Shanghai' }));

describe('plan dialog answer readers', () => {
  it('reads the monthly amount in the forms borrowers use, in integer fen', () => {
    expect(amount('一千五')).to.equal(150000);
    expect(amount('1500左右')).to.equal(150000);
    expect(amount('最多两千')).to.equal(200000);
    expect(amount('两三千')).to.deep.equal({ minFen: 200000, maxFen: 300000 });
    expect(amount('3k')).to.equal(300000);
    expect(amount('¥3000')).to.equal(300000);
    expect(amount('每个月只能还一千')).to.equal(100000);
    expect(amount('2000-3000')).to.deep.equal({ minFen: 200000, maxFen: 300000 });
  });

  it('takes the amount named as a payment over an earlier one told in passing ("每个月只有四千多…每个月还一千左右")', () => {
    expect(amount('工资不高，每个月只有四千多，房租就要一千五，能不能分期，每个月还一千左右')).to.equal(100000);
    expect(amount('工资只有三千，房租一千五'), 'income and rent: nothing to pay named').to.equal(undefined);
    expect(amount('大概一千五，工资到手能还两千'), 'a payment named beats an amount with no words').to.equal(200000);
  });

  it('finds no amount in words without one, or in a count of months', () => {
    for (const text of ['没多少', '不知道', 'not sure', '12期', '1']) expect(amount(text), text).to.equal(undefined);
  });

  it('picks an option by label in any script, or by its number', () => {
    const options = [['方案1', 'Option 1'], ['方案2', 'Option 2'], ['方案3', 'Option 3']];
    expect(pickOption('方案2', options)).to.equal(1);
    expect(pickOption('option 3', options)).to.equal(2);
    expect(pickOption(' 1 ', options)).to.equal(0);
    expect(pickOption('２', options)).to.equal(1);
    expect(pickOption('第三个', options)).to.equal(2);
    expect(pickOption('4', options)).to.equal(undefined);
    expect(pickOption('随便', options)).to.equal(undefined);
    expect(pickOption('失業', [['失业']])).to.equal(0);
    expect(typedNumber('方案12')).to.equal(12);
  });

  it('reads yes and no from our labels and common words', () => {
    const labels = { yes: ['确认提交', 'Submit'], no: ['先不提交', 'Not now'] };
    for (const y of ['确认提交', '確認提交', '好的', '是', 'yes', 'OK', '1']) expect(yesNo(y, labels), y).to.equal(true);
    for (const n of ['先不提交', '不', 'no', 'Not now', '2']) expect(yesNo(n, labels), n).to.equal(false);
    expect(yesNo('再想想怎么办', labels)).to.equal(undefined);
    // More than one word: fillers and several yes words, never a negation.
    for (const y of ['好的提交吧', '确认提交吧', '可以提交', '那就提交吧', 'Submit it', 'yes submit it', 'yes please', 'ok do it', 'Yes, go ahead']) expect(yesNo(y, labels), y).to.equal(true);
    for (const n of ['不要了', '先不了吧']) expect(yesNo(n, labels), n).to.equal(false);
    for (const u of ['不提交了吧好', 'yes but not now', "ok don't submit", 'please wait', 'it', 'do it later']) expect(yesNo(u, labels), u).not.to.equal(true);
  });

  it('reads a list of numbers, rejecting ones out of range', () => {
    expect(numberList('1 3', 3)).to.deep.equal([1, 3]);
    expect(numberList('1、2', 2)).to.deep.equal([1, 2]);
    expect(numberList('2,1,2', 2)).to.deep.equal([1, 2]);
    expect(numberList('1 和 2', 2)).to.deep.equal([1, 2]);
    expect(numberList('3', 2)).to.equal(undefined);
    expect(numberList('全部', 2)).to.equal(undefined);
  });

  it('projects the lender account for the engine: settled closed, charged-off left out, broken plans counted', () => {
    const borrowers = parseFixture(demo, Date.UTC(2026, 10, 20));
    const byId = (id: string) => borrowers.find((b) => b.account.borrower.id === id)!.account;
    const d004 = planAccountOf(byId('D004'));
    expect(d004.brokenPlanCount).to.equal(1);
    expect(d004.legalStage).to.equal('mediation');
    expect(planAccountOf(byId('D003')).legalStage).to.equal('none');
    expect(planAccountOf(byId('D005')).loans[0].status).not.to.equal('overdue');
    expect(planAccountOf(byId('D007')).loans.map((l) => l.status)).to.deep.equal(['current', 'overdue', 'closed']);
  });

  it('splits a plan over several loans by what each owes, to the fen', () => {
    const account = {
      loans: [
        { loanId: 'A', outstandingPrincipalFen: 100000, overdueAmountFen: 0, penaltyInterestFen: 0, feesFen: 0, daysOverdue: 10, status: 'overdue' as const },
        { loanId: 'B', outstandingPrincipalFen: 200000, overdueAmountFen: 0, penaltyInterestFen: 1, feesFen: 0, daysOverdue: 10, status: 'overdue' as const },
      ],
      legalStage: 'none' as const,
      brokenPlanCount: 0,
    };
    const shares = splitMonthly(100001, owedByLoan(account, ['A', 'B']));
    expect(shares.map((s) => s.loanId)).to.deep.equal(['A', 'B']);
    expect(shares[0].monthlyFen + shares[1].monthlyFen).to.equal(100001);
    expect(shares[0].monthlyFen).to.equal(33333);
  });
});

describe('picking a proposal by what the borrower types', () => {
  const offered = [
    { installmentCount: 12, largestInstallmentFen: 81_697 },
    { installmentCount: 18, largestInstallmentFen: 54_462 },
    { installmentCount: 24, largestInstallmentFen: 40_844 },
  ];
  const labels = offered.map((_, i) => [`方案${i + 1}`, `Option ${i + 1}`]);
  const cases: Array<[string, number | undefined]> = [
    ['2', 1],
    ['方案3', 2],
    ['24期那个', 2],
    ['分18期的', 1],
    ['the 12 month one', 0],
    ['每月最少的那个', 2],
    ['月供最低的', 2],
    ['the cheapest one', 2],
    ['期数最少的', 0],
    ['最短的那个', 0],
    ['最长的', 2],
    ['36期的', undefined],
    ['都不喜欢', undefined],
  ];
  for (const [text, index] of cases) {
    it(`"${text}" → ${index === undefined ? 'none of them' : `proposal ${index + 1}`}`, () => {
      expect(pickProposal(text, extractEntities(text, { now: Date.UTC(2026, 10, 20, 2), timeZone: 'Asia/Shanghai' }), offered, labels)).to.equal(index);
    });
  }
});
