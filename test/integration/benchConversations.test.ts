import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { botEnv } from '../../bench/common/processes';
import { benchFixture, borrowerConversation } from '../../bench/load/conversations';
import { LoadValidator } from '../../bench/load/validator';
import { loadFixtureFile } from '../../services/accounts/fixtureAccountService';
import { PROJECT_ROOT } from '../../services/projectRoot';
import { messageActivity, sendExpectReplies, startApp, type RunningApp } from '../helpers/app';

// The load benchmark counts any reply that differs from its script as an error. Its script must keep matching the
// bot as the bot's words and flows change: one conversation of each variant through the real bot (in-process
// state, the benchmark's lender data and settings), checked by the benchmark's own validator.
describe('load benchmark conversations against the real bot', function () {
  this.timeout(30000);
  let app: RunningApp;
  // As in the benchmark, every conversation has a borrower of its own (one plan request each: a second one waits).
  const fixture = path.join(mkdtempSync(path.join(tmpdir(), 'bench-check-')), 'borrowers.json');
  before(async () => {
    const demo = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'services/accounts/fixtures/demoBorrowers.json'), 'utf8'));
    writeFileSync(fixture, JSON.stringify(benchFixture(demo, 5)));
    app = await startApp({ ...botEnv(), LENDER_FIXTURE_PATH: fixture });
  });
  after(async () => app?.close());

  it('gets exactly the replies the benchmark expects, in every locale and phrasing', async () => {
    const borrowers = loadFixtureFile(fixture);
    const validator = new LoadValidator();
    // Indexes 0-9 are every locale of the mix (zh-CN, zh-TW, English); 10-19 the next borrower and phrasings of each.
    for (let index = 0; index < 20; index++) {
      const conversation = borrowerConversation(index, borrowers);
      const conversationId = `bench-check-${index}-${Date.now()}`;
      for (const [turn, { text, expect: expectation }] of conversation.turns.entries()) {
        const replies = await sendExpectReplies(app.url, messageActivity(conversationId, text, { locale: turn % 2 ? 'en-US' : conversation.locale }));
        validator.record(expectation, { replies });
      }
    }
    expect(validator.samples).to.deep.equal([]);
    expect(validator.errors).to.equal(0);
    expect(validator.turns).to.be.greaterThan(20 * 10);
  });
});
