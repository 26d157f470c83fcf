import { expect } from 'chai';
import { ManualClock } from '../../../services/clock';
import { DirectLineError } from '../../../services/directline/directLineError';
import { DirectLineTokens, resolveSigningKey } from '../../../services/directline/directLineTokens';
import { captureLogger } from '../../../services/logging/logger';

const KEY = 'unit-test-signing-key-0123456789-abcdef';

async function failure(work: Promise<unknown>): Promise<DirectLineError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DirectLineError) return err;
    throw err;
  }
  throw new Error('expected a DirectLineError');
}

describe('DirectLineTokens', () => {
  it('round-trips the conversation and user', async () => {
    const tokens = new DirectLineTokens(KEY, 1800, new ManualClock());
    const issued = await tokens.issue({ conversationId: 'c1', userId: 'dl_u' });
    expect(issued.expiresIn).to.equal(1800);
    expect(await tokens.verify(issued.token)).to.deep.equal({ conversationId: 'c1', userId: 'dl_u' });
  });

  it('rejects an expired token with 403 TokenExpired', async () => {
    const clock = new ManualClock();
    const tokens = new DirectLineTokens(KEY, 60, clock);
    const { token } = await tokens.issue({ conversationId: 'c1', userId: 'u' });
    clock.advance(59_000);
    await tokens.verify(token);
    clock.advance(1_000);
    const err = await failure(tokens.verify(token));
    expect([err.status, err.wireCode]).to.deep.equal([403, 'TokenExpired']);
  });

  it('rejects a token signed with another key, and garbage, with 403', async () => {
    const clock = new ManualClock();
    const { token } = await new DirectLineTokens('another-signing-key-0123456789-abcdef', 60, clock).issue({ conversationId: 'c', userId: 'u' });
    const tokens = new DirectLineTokens(KEY, 60, clock);
    for (const bad of [token, 'not-a-jwt', `${token.split('.')[0]}.e30.`]) {
      const err = await failure(tokens.verify(bad));
      expect([err.status, err.wireCode], bad).to.deep.equal([403, 'BadArgument']);
    }
  });

  it('refuses a short signing key', () => {
    expect(() => new DirectLineTokens('short', 60, new ManualClock())).to.throw(/32/);
  });

  it('generates a signing key with a warning when none is configured', () => {
    const { logger, lines } = captureLogger();
    const key = resolveSigningKey(undefined, logger);
    expect(key.length).to.be.at.least(32);
    expect(lines.join('')).to.contain('directline.signingKey.generated');
    expect(resolveSigningKey(KEY, logger)).to.equal(KEY);
  });
});

describe('DirectLineTokens with a key fetched on first use', () => {
  it('fetches the key once, and fetches again after a failed fetch', async () => {
    let calls = 0;
    const source = async () => {
      calls += 1;
      if (calls === 1) throw new Error('redis down');
      return KEY;
    };
    const tokens = new DirectLineTokens(source, 60, new ManualClock());
    let failed: unknown;
    await tokens.issue({ conversationId: 'c', userId: 'u' }).catch((err) => (failed = err));
    expect((failed as Error)?.message).to.equal('redis down');
    const { token } = await tokens.issue({ conversationId: 'c', userId: 'u' });
    expect(await tokens.verify(token)).to.deep.equal({ conversationId: 'c', userId: 'u' });
    // Same key as a token signed with KEY directly; fetched twice in all (the failure and the success).
    expect(await new DirectLineTokens(KEY, 60, new ManualClock()).verify(token)).to.deep.equal({ conversationId: 'c', userId: 'u' });
    expect(calls).to.equal(2);
  });

  it('refuses a fetched key that is too short', async () => {
    const tokens = new DirectLineTokens(async () => 'short', 60, new ManualClock());
    let failed: unknown;
    await tokens.issue({ conversationId: 'c', userId: 'u' }).catch((err) => (failed = err));
    expect(String(failed)).to.match(/32/);
  });
});
