import { expect } from 'chai';
import { isBotError, type BotErrorCode } from '../../../services/errors/botError';
import { captureLogger } from '../../../services/logging/logger';
import { httpClient, startLender } from './lenderHarness';

async function codeOf(promise: Promise<unknown>): Promise<BotErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    if (isBotError(err)) return err.code;
    throw err;
  }
}

const complaint = (key: string) => ({ idempotencyKey: key, category: 'harassment' as const, description: '每天打电话给我家人', priority: 'high' as const });

describe('HttpAccountService against the reference lender server', () => {
  let lender: Awaited<ReturnType<typeof startLender>>;
  beforeEach(async () => (lender = await startLender()));
  afterEach(async () => lender.close());

  it('reads an account with its loans, legal stage and collection assignment', async () => {
    const snapshot = await httpClient(lender.url).getAccount('D005');
    expect(snapshot.stale).to.equal(false);
    expect(snapshot.account.borrower).to.include({ id: 'D005', maskedMobile: '138****0005' });
    expect(snapshot.account.legal).to.include({ stage: 'filed', caseNumber: '(2026)演0101民初00001号' });
    expect(snapshot.account.loans[0].overdueAmountFen).to.equal(7650000);
    expect(snapshot.account.collection?.kind).to.equal('agency');
  });

  it('looks a borrower up by mobile and ID last 6 without returning the ID number', async () => {
    const match = await httpClient(lender.url).lookupBorrower('13800000004', '45678X');
    expect(match).to.deep.equal({ borrowerId: 'D004', maskedMobile: '138****0004', language: 'zh-CN' });
    expect(await httpClient(lender.url).lookupBorrower('13800000004', '000000')).to.equal(undefined);
  });

  it('maps 404 to ACCOUNT_NOT_FOUND without retrying', async () => {
    expect(await codeOf(httpClient(lender.url).getAccount('NOBODY'))).to.equal('ACCOUNT_NOT_FOUND');
    expect(lender.stats.getAccount).to.equal(1);
  });

  it('retries a GET after a 500 and succeeds', async () => {
    lender.inject({ kind: 'status500' }, 2);
    const snapshot = await httpClient(lender.url).getAccount('D001');
    expect(snapshot.account.borrower.id).to.equal('D001');
    expect(lender.stats.requests).to.equal(3);
  });

  it('gives up with ACCOUNT_SERVICE_UNAVAILABLE when every attempt answers 500', async () => {
    lender.inject({ kind: 'status500' }, 10);
    expect(await codeOf(httpClient(lender.url, { retryAttempts: 3 }).getAccount('D001'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
    expect(lender.stats.requests).to.equal(3);
  });

  it('times out a slow answer per attempt and reports the service unavailable', async () => {
    lender.inject({ kind: 'delay', ms: 400 }, 10);
    const started = Date.now();
    expect(await codeOf(httpClient(lender.url, { timeoutMs: 100, retryAttempts: 2 }).getAccount('D001'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
    expect(Date.now() - started).to.be.lessThan(380);
  });

  it('turns malformed JSON into ACCOUNT_INVALID_RESPONSE, not a crash', async () => {
    lender.inject({ kind: 'malformedJson' });
    expect(await codeOf(httpClient(lender.url).getAccount('D001'))).to.equal('ACCOUNT_INVALID_RESPONSE');
  });

  it('turns an off-contract payload into ACCOUNT_INVALID_RESPONSE naming the bad fields', async () => {
    lender.inject({ kind: 'invalidShape' });
    try {
      await httpClient(lender.url).getAccount('D001');
      expect.fail('should have thrown');
    } catch (err) {
      expect(isBotError(err, 'ACCOUNT_INVALID_RESPONSE')).to.equal(true);
      expect((err as Error).message).to.match(/borrower\.id|loans/);
    }
  });

  it('opens the circuit after consecutive failures and then fails fast without calling the lender', async () => {
    const { logger, lines } = captureLogger();
    const client = httpClient(lender.url, { retryAttempts: 1, breakerFailures: 3 }, logger);
    lender.inject({ kind: 'status500' }, 3);
    for (let i = 0; i < 3; i++) expect(await codeOf(client.getAccount('D001'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
    expect(client.circuitState()).to.equal('open');
    const before = lender.stats.requests;
    expect(await codeOf(client.getAccount('D001'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
    expect(lender.stats.requests).to.equal(before);
    expect(lines.join('')).to.contain('circuit open');
  });

  it('closes the circuit again after the half-open trial succeeds', async () => {
    const client = httpClient(lender.url, { retryAttempts: 1, breakerFailures: 1, breakerHalfOpenMs: 100 });
    lender.inject({ kind: 'status500' });
    expect(await codeOf(client.getAccount('D001'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
    expect(client.circuitState()).to.equal('open');
    await new Promise((r) => setTimeout(r, 150));
    expect((await client.getAccount('D001')).account.borrower.id).to.equal('D001');
    expect(client.circuitState()).to.equal('closed');
  });

  it('retries a POST with an Idempotency-Key whose answer was lost, creating one record', async () => {
    lender.inject({ kind: 'status500AfterCommit' });
    const record = await httpClient(lender.url).createComplaint('D001', complaint('key-lost-answer-1'));
    expect(lender.stats.writes).to.equal(2);
    const { account } = await lender.backend.getAccount('D001');
    expect(account.complaints.filter((c) => c.reference === record.reference)).to.have.length(1);
    expect(account.complaints).to.have.length(1);
  });

  it('returns the same record for the same key and a new one for a new key', async () => {
    const client = httpClient(lender.url);
    const a = await client.createComplaint('D002', complaint('same-key-0001'));
    const b = await client.createComplaint('D002', complaint('same-key-0001'));
    const c = await client.createComplaint('D002', complaint('other-key-0002'));
    expect(b.reference).to.equal(a.reference);
    expect(c.reference).to.not.equal(a.reference);
    expect((await lender.backend.getAccount('D002')).account.complaints).to.have.length(2);
  });

  it('rejects a reused key with a different body as IDEMPOTENCY_CONFLICT', async () => {
    const client = httpClient(lender.url);
    await client.createComplaint('D002', complaint('conflict-key-1'));
    const other = { ...complaint('conflict-key-1'), description: 'something else' };
    expect(await codeOf(client.createComplaint('D002', other))).to.equal('IDEMPOTENCY_CONFLICT');
  });

  it('does not retry the verification lookup', async () => {
    lender.inject({ kind: 'status500' }, 5);
    expect(await codeOf(httpClient(lender.url).lookupBorrower('13800000001', '12345X'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
    expect(lender.stats.requests).to.equal(1);
  });

  it('files plan requests, callbacks and hardship reviews that then appear on the account', async () => {
    const client = httpClient(lender.url);
    const plan = await client.createPlanRequest('D004', { idempotencyKey: 'plan-key-0001', loanId: 'L004-1', type: 'installment', installments: 12, monthlyAmountFen: 150000 });
    const callback = await client.createCallback('D004', {
      idempotencyKey: 'callback-key-1',
      windowStart: '2026-11-21T10:00:00+08:00',
      windowEnd: '2026-11-21T12:00:00+08:00',
      topic: 'cannot_reach_collector',
    });
    const review = await client.createHardshipReview('D004', { idempotencyKey: 'hardship-key-1', loanIds: ['L004-1'], reason: 'job_loss', documents: ['离职证明'] });
    expect(plan.reference).to.match(/^PR-/);
    expect(callback.status).to.equal('scheduled');
    expect(review.answerBy).to.match(/^\d{4}-\d{2}-\d{2}$/);
    const { account } = await client.getAccount('D004');
    expect(account.planRequests.map((p) => p.reference)).to.deep.equal([plan.reference]);
    expect(account.callbacks.map((p) => p.reference)).to.deep.equal([callback.reference]);
    expect(account.hardshipReviews.map((p) => p.reference)).to.deep.equal([review.reference]);
  });

  it('reports a request the lender rejects as BAD_INPUT', async () => {
    const client = httpClient(lender.url);
    const bad = { idempotencyKey: 'plan-key-0002', loanId: 'NOT-MINE', type: 'installment' as const, installments: 12, monthlyAmountFen: 1 };
    expect(await codeOf(client.createPlanRequest('D004', bad))).to.equal('BAD_INPUT');
  });

  it('sends the bearer token when the lender requires one', async () => {
    const secured = await startLender({ apiToken: 'lender-token-123' });
    try {
      expect(await codeOf(httpClient(secured.url).getAccount('D001'))).to.equal('ACCOUNT_SERVICE_UNAVAILABLE');
      expect((await httpClient(secured.url, { apiToken: 'lender-token-123' }).getAccount('D001')).account.borrower.id).to.equal('D001');
    } finally {
      await secured.close();
    }
  });
});
