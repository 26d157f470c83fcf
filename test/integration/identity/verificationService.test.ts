import { expect } from 'chai';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { ManualClock } from '../../../services/clock';
import { BotError, isBotError } from '../../../services/errors/botError';
import { captureLogger } from '../../../services/logging/logger';
import { FixtureAccountService, loadFixtureFile } from '../../../services/accounts/fixtureAccountService';
import type { AccountService } from '../../../services/accounts/accountService';
import { RedisAttemptStore } from '../../../services/identity/attemptStore';
import { RedisVerificationStore } from '../../../services/identity/verificationStore';
import { DevelopmentSmsSender } from '../../../services/identity/smsSender';
import { BorrowerTokenVerifier } from '../../../services/identity/borrowerTokenVerifier';
import { VerificationService } from '../../../services/identity/verificationService';
import { testRedis } from '../../helpers/redis';

const LOCK_MS = 30 * 60_000;
const SECRET = 'test-secret-for-borrower-tokens-0123456789';

describe('VerificationService (Redis stores, demo lender)', () => {
  let redis: ReturnType<typeof testRedis>;
  let clock: ManualClock;
  let log: ReturnType<typeof captureLogger>;
  let accounts: AccountService;
  let nextCode: number;

  const build = (tokens?: BorrowerTokenVerifier) =>
    new VerificationService({
      accounts,
      attempts: new RedisAttemptStore(redis.redis, redis.keys, { maxAttempts: 3, lockMs: LOCK_MS }, clock),
      verifications: new RedisVerificationStore(redis.redis, redis.keys, clock),
      sms: new DevelopmentSmsSender(log.logger),
      tokens,
      policy: { maxAttempts: 3, verificationTtlMs: 30 * 60_000, codeTtlMs: 5 * 60_000 },
      clock,
      random: { int: () => nextCode },
      logger: log.logger,
    });

  const hsToken = (claims: Record<string, unknown>, expiresInSec: number, secret = SECRET) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('D008')
      .setIssuedAt(Math.floor(clock.now() / 1000))
      .setExpirationTime(Math.floor(clock.now() / 1000) + expiresInSec)
      .sign(new TextEncoder().encode(secret));

  beforeEach(() => {
    redis = testRedis('verify');
    clock = new ManualClock(Date.parse('2026-11-20T02:00:00Z'));
    log = captureLogger();
    accounts = new FixtureAccountService(loadFixtureFile('services/accounts/fixtures/demoBorrowers.json', clock), clock);
    nextCode = 4321;
  });
  afterEach(async () => redis.cleanup());

  it('verifies a borrower who types the registered mobile and ID last 6 in any usual form', async () => {
    const service = build();
    const result = await service.verify('conv-1', '+86 138-0000-0003', '３４５６７２');
    expect(result).to.deep.equal({ ok: true, borrowerId: 'D003', method: 'id_last6', language: 'zh-CN', expiresAt: '2026-11-20T02:30:00.000Z' });
    expect(await service.verifiedBorrowerId('conv-1')).to.equal('D003');
    expect(await service.verifiedBorrowerId('conv-2')).to.equal(undefined);
  });

  it('says how many attempts remain after wrong data', async () => {
    const service = build();
    expect(await service.verify('conv-1', '13800000003', '000000')).to.deep.equal({ ok: false, reason: 'no_match', remainingAttempts: 2 });
    expect(await service.verify('conv-1', '13800000099', '345672')).to.deep.equal({ ok: false, reason: 'no_match', remainingAttempts: 1 });
    expect((await service.status('conv-1')).verified).to.equal(false);
  });

  it('does not count input that cannot be a mobile or ID last 6', async () => {
    const service = build();
    expect(await service.verify('conv-1', '138', '345672')).to.deep.equal({ ok: false, reason: 'invalid_mobile', remainingAttempts: 3 });
    expect(await service.verify('conv-1', '13800000003', '34567')).to.deep.equal({ ok: false, reason: 'invalid_id_last6', remainingAttempts: 3 });
  });

  it('locks verification for 30 minutes after 3 failures, even with correct data, then lets the borrower try again', async () => {
    const service = build();
    await service.verify('conv-1', '13800000003', '000001');
    await service.verify('conv-1', '13800000003', '000002');
    const third = await service.verify('conv-1', '13800000003', '000003');
    expect(third).to.deep.equal({ ok: false, reason: 'locked', remainingAttempts: 0, lockedUntil: '2026-11-20T02:30:00.000Z' });
    clock.advance(29 * 60_000);
    expect(await service.verify('conv-1', '13800000003', '345672')).to.include({ ok: false, reason: 'locked' });
    expect(await service.status('conv-1')).to.deep.include({ verified: false, locked: true, remainingAttempts: 0 });
    clock.advance(60_000);
    expect(await service.verify('conv-1', '13800000003', '345672')).to.include({ ok: true, borrowerId: 'D003' });
  });

  it('keeps a locked mobile locked in a new conversation', async () => {
    const service = build();
    for (let i = 0; i < 3; i++) await service.verify(`conv-${i}`, '13800000003', `00000${i}`);
    expect(await service.verify('conv-new', '13800000003', '345672')).to.include({ ok: false, reason: 'locked' });
    expect(await service.verify('conv-new', '13800000002', '234561')).to.include({ ok: true, borrowerId: 'D002' });
  });

  it('ends verification when it expires', async () => {
    const service = build();
    await service.verify('conv-1', '13800000001', '12345x');
    clock.advance(30 * 60_000);
    expect(await service.verifiedBorrowerId('conv-1')).to.equal(undefined);
    expect(await service.status('conv-1')).to.deep.include({ verified: false, remainingAttempts: 3 });
  });

  it('does not count a lender outage as a failure', async () => {
    const down: AccountService = Object.assign(Object.create(accounts), {
      lookupBorrower: async () => {
        throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', 'down');
      },
    });
    accounts = down;
    const service = build();
    try {
      await service.verify('conv-1', '13800000001', '12345X');
      expect.fail('should throw');
    } catch (err) {
      expect(isBotError(err, 'ACCOUNT_SERVICE_UNAVAILABLE')).to.equal(true);
    }
    expect(await service.status('conv-1')).to.deep.include({ verified: false, remainingAttempts: 3 });
  });

  describe('one-time code', () => {
    it('sends a code to the registered mobile and verifies with it', async () => {
      const service = build();
      expect(await service.sendOneTimeCode('conv-1', '138 0000 0009')).to.deep.equal({ ok: true, sentTo: '138****0009', expiresAt: '2026-11-20T02:05:00.000Z' });
      const sms = log.lines.find((l) => l.includes('sms.code_sent'))!;
      expect(JSON.parse(sms)).to.include({ to: '138****0009', code: '004321', language: 'en' });
      expect(await service.verifyOneTimeCode('conv-1', '００４３２１')).to.include({ ok: true, borrowerId: 'D009', method: 'one_time_code', language: 'en' });
    });

    it('counts a wrong code and locks after three', async () => {
      const service = build();
      await service.sendOneTimeCode('conv-1', '13800000009');
      expect(await service.verifyOneTimeCode('conv-1', '111111')).to.deep.equal({ ok: false, reason: 'no_match', remainingAttempts: 2 });
      await service.verifyOneTimeCode('conv-1', '222222');
      expect(await service.verifyOneTimeCode('conv-1', '333333')).to.include({ ok: false, reason: 'locked' });
      expect(await service.verifyOneTimeCode('conv-1', '004321')).to.include({ ok: false, reason: 'locked' });
    });

    it('answers an unregistered mobile the same way, sends nothing, and never verifies', async () => {
      const service = build();
      expect(await service.sendOneTimeCode('conv-1', '13900000000')).to.deep.equal({ ok: true, sentTo: '139****0000', expiresAt: '2026-11-20T02:05:00.000Z' });
      expect(log.lines.some((l) => l.includes('sms.code_sent'))).to.equal(false);
      expect(await service.verifyOneTimeCode('conv-1', '004321')).to.deep.equal({ ok: false, reason: 'no_match', remainingAttempts: 2 });
    });

    it('refuses an expired code without counting it', async () => {
      const service = build();
      await service.sendOneTimeCode('conv-1', '13800000009');
      clock.advance(5 * 60_000);
      expect(await service.verifyOneTimeCode('conv-1', '004321')).to.deep.include({ ok: false, remainingAttempts: 3 });
      expect(await service.verifiedBorrowerId('conv-1')).to.equal(undefined);
    });
  });

  describe('signed borrower token', () => {
    it('verifies the conversation from the start with a valid HS256 token', async () => {
      const service = build(new BorrowerTokenVerifier({ hs256Secret: SECRET, clock }));
      const result = await service.verifyToken('conv-1', await hsToken({ lang: 'zh-TW' }, 600));
      expect(result).to.deep.equal({ ok: true, borrowerId: 'D008', method: 'token', language: 'zh-TW', expiresAt: '2026-11-20T02:10:00.000Z' });
      expect(await service.verifiedBorrowerId('conv-1')).to.equal('D008');
    });

    it('ignores and logs an expired token', async () => {
      const service = build(new BorrowerTokenVerifier({ hs256Secret: SECRET, clock }));
      const token = await hsToken({}, 60);
      clock.advance(10 * 60_000);
      expect(await service.verifyToken('conv-1', token)).to.deep.equal({ ok: false, reason: 'invalid_token', remainingAttempts: 3 });
      expect(await service.verifiedBorrowerId('conv-1')).to.equal(undefined);
      const line = log.lines.find((l) => l.includes('identity.token_rejected'));
      expect(JSON.parse(line!)).to.include({ reason: 'expired', conversationId: 'conv-1' });
    });

    it('ignores a token signed with another secret, an unsigned token and garbage', async () => {
      const service = build(new BorrowerTokenVerifier({ hs256Secret: SECRET, clock }));
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'D008', exp: 9999999999 })).toString('base64url')}.`;
      for (const token of [await hsToken({}, 600, 'another-secret-another-secret-another'), unsigned, 'not-a-jwt']) {
        expect(await service.verifyToken('conv-1', token)).to.include({ ok: false, reason: 'invalid_token' });
      }
      expect(log.lines.filter((l) => l.includes('identity.token_rejected'))).to.have.length(3);
      expect(await service.verifiedBorrowerId('conv-1')).to.equal(undefined);
    });

    it('accepts an RS256 token checked with a configured public key and rejects HS256 then', async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const pem = (await exportSPKI(publicKey)).replace(/\n/g, '\\n');
      const verifier = await BorrowerTokenVerifier.fromConfig({ IDENTITY_TOKEN_RS256_PUBLIC_KEY: pem, IDENTITY_TOKEN_ISSUER: 'lender-app' }, clock)!.init();
      const service = build(verifier);
      const rs = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('D001')
        .setIssuer('lender-app')
        .setExpirationTime(Math.floor(clock.now() / 1000) + 3600)
        .sign(privateKey);
      expect(await service.verifyToken('conv-rs', rs)).to.include({ ok: true, borrowerId: 'D001' });
      expect(await service.verifyToken('conv-hs', await hsToken({}, 600))).to.include({ ok: false, reason: 'invalid_token' });
    });

    it('ignores tokens when no token key is configured', async () => {
      const service = build(undefined);
      expect(await service.verifyToken('conv-1', await hsToken({}, 600))).to.include({ ok: false, reason: 'invalid_token' });
      expect(log.lines.join('')).to.contain('not_configured');
    });
  });

  it('never writes a mobile number or ID characters unmasked to the log', async () => {
    const service = build(new BorrowerTokenVerifier({ hs256Secret: SECRET, clock }));
    await service.verify('conv-1', '13800000004', '000000');
    await service.verify('conv-1', '138 0000 0004', '11010119900101000X');
    await service.verify('conv-1', '13800000004', '45678x');
    await service.sendOneTimeCode('conv-2', '+8613800000009');
    await service.verifyOneTimeCode('conv-2', '999999');
    await service.verifyOneTimeCode('conv-2', '004321');
    for (let i = 0; i < 3; i++) await service.verify('conv-3', '13800000005', `99999${i}`);
    await service.verify('conv-3', '13800000005', '567894');
    const all = log.lines.join('\n');
    expect(log.lines.length).to.be.greaterThan(8);
    for (const secret of ['13800000004', '13800000009', '13800000005', '45678X', '45678x', '567894', '11010119900101000X', '000000', '999990']) {
      expect(all, secret).to.not.contain(secret);
    }
    expect(all).to.contain('138****0004');
  });
});
