import { expect } from 'chai';
import { parseConfig } from '../../../services/config/config';
import { silentLogger } from '../../../services/logging/logger';
import { buildAccountService } from '../../../services/accounts/accountServiceFactory';
import { FixtureAccountService } from '../../../services/accounts/fixtureAccountService';
import { HttpAccountService } from '../../../services/accounts/httpAccountService';
import { buildVerificationService } from '../../../services/identity/verificationServiceFactory';

describe('account and verification wiring', () => {
  it('serves the demo fixture in-process when no lender URL is configured, and verifies against it', async () => {
    const config = parseConfig({});
    const built = buildAccountService(config, { logger: silentLogger() });
    expect(built.mode).to.equal('embedded');
    expect(built.backend).to.be.instanceOf(FixtureAccountService);
    expect((await built.accounts.getAccount('D001')).account.borrower.name).to.equal('张三');
    const verification = await buildVerificationService(config, { accounts: built.accounts, logger: silentLogger() });
    expect(await verification.verify('c1', '13800000001', '12345x')).to.include({ ok: true, borrowerId: 'D001' });
  });

  it('uses the HTTP client when a lender URL is configured', () => {
    const built = buildAccountService(parseConfig({ LENDER_API_URL: 'http://127.0.0.1:3980' }), { logger: silentLogger() });
    expect(built.mode).to.equal('http');
    expect(built.backend).to.be.instanceOf(HttpAccountService);
  });

  it('takes the lender-wide official numbers from LENDER_OFFICIAL_PHONES, else the demo fixture (embedded), else none (HTTP)', () => {
    const lenderOfficialPhones = (config: ReturnType<typeof parseConfig>) => buildAccountService(config, { logger: silentLogger() }).officialPhones;
    // The demo fixture's collection teams, each number once although several borrowers share a team.
    expect(lenderOfficialPhones(parseConfig({}))).to.deep.equal(['400-000-0001', '400-000-0002', '021-00000002']);
    expect(lenderOfficialPhones(parseConfig({ LENDER_API_URL: 'http://127.0.0.1:3980' }))).to.deep.equal([]);
    expect(lenderOfficialPhones(parseConfig({ LENDER_API_URL: 'http://127.0.0.1:3980', LENDER_OFFICIAL_PHONES: '400-000-0001' }))).to.deep.equal(['400-000-0001']);
    expect(lenderOfficialPhones(parseConfig({ LENDER_OFFICIAL_PHONES: '400-000-0001' }))).to.deep.equal(['400-000-0001']);
  });

  it('stops start-up on an unreadable RS256 public key', async () => {
    const config = parseConfig({ IDENTITY_TOKEN_RS256_PUBLIC_KEY: 'not a key' });
    let failed = false;
    await buildVerificationService(config, { accounts: { lookupBorrower: async () => undefined }, logger: silentLogger() }).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});
