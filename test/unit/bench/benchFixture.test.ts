import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { benchFixture, borrowerConversation } from '../../../bench/load/conversations';
import { parseFixture } from '../../../services/accounts/fixtureAccountService';
import { PROJECT_ROOT } from '../../../services/projectRoot';

describe('load benchmark fixture', () => {
  const demo = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'services/accounts/fixtures/demoBorrowers.json'), 'utf8'));

  it('gives every conversation a borrower of its own, and the copies parse as a lender fixture (unique ids, valid mobiles)', () => {
    const conversations = 120;
    const borrowers = parseFixture(benchFixture(demo, Math.ceil(conversations / 5) + 1), Date.now());
    const ids = Array.from({ length: conversations }, (_, i) => borrowerConversation(i, borrowers).borrowerId);
    expect(new Set(ids).size).to.equal(conversations);
    const mobiles = borrowers.map((b) => b.mobile);
    expect(new Set(mobiles).size).to.equal(mobiles.length);
    expect(borrowers.find((b) => b.account.borrower.id === 'D008-3')?.account.borrower.language).to.equal('zh-TW');
  });

  it('rotates the demo borrowers when there are no copies (the in-process check of the script)', () => {
    const borrowers = parseFixture(demo, Date.now());
    const ids = Array.from({ length: 20 }, (_, i) => borrowerConversation(i, borrowers).borrowerId);
    expect(new Set(ids)).to.deep.equal(new Set(['D002', 'D003', 'D004', 'D006', 'D007', 'D008', 'D009']));
  });
});
