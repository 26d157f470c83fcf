import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../dialogs/messages';
import { messageActivity, sendExpectReplies, startApp, type RunningApp } from '../helpers/app';
import { ROOT } from '../helpers/processes';

// Checks for docs/security.md items that no other test covered.

const SECRET_KEYS = [
  'MicrosoftAppPassword',
  'LENDER_API_TOKEN',
  'IDENTITY_TOKEN_HS256_SECRET',
  'DIRECTLINE_SECRET',
  'DIRECTLINE_TOKEN_SIGNING_KEY',
  'AGENT_ACCOUNTS',
  'LUIS_PREDICTION_KEY',
  'CLU_KEY',
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('security review checks', () => {
  const running: RunningApp[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((a) => a.close()));
  });

  it('listens on loopback only in anonymous mode, and on all interfaces with a Bot Framework app id', async () => {
    const anonymous = await startApp();
    running.push(anonymous);
    expect((anonymous.app.server.address() as { address: string }).address).to.equal('127.0.0.1');
    const registered = await startApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      AGENT_ACCOUNTS: 'a1:Agent One:s1$16384$8$1$P6EVAosJp_Lc9e8gXpEMmQ$gfo7Wt5XCtHYKzlq8aMlDqsMlyqmLkH0Wp723LENpV8',
    });
    running.push(registered);
    expect((registered.app.server.address() as { address: string }).address).to.be.oneOf(['0.0.0.0', '::']);
  });

  it('reads secrets only from the environment: no code outside index.ts reads process.env, .env.example leaves every secret empty, no .env is committed', () => {
    const readers = ['bots', 'dialogs', 'services'].flatMap((dir) => tsFiles(path.join(ROOT, dir))).filter((f) => readFileSync(f, 'utf8').includes('process.env'));
    expect(readers.map((f) => path.relative(ROOT, f))).to.deep.equal([]);
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    for (const key of SECRET_KEYS) {
      const line = example.split('\n').find((l) => l.startsWith(`${key}=`));
      expect(line, `${key} listed in .env.example`).to.not.equal(undefined);
      expect(line, `${key} has no value in .env.example`).to.equal(`${key}=`);
    }
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    expect(tracked.filter((f) => /(^|\/)\.env(\.[^/]*)?$/.test(f) && !f.endsWith('.env.example'))).to.deep.equal([]);
  });

  it('limits one user across conversations (per-user rate limit) with a polite reply', async () => {
    const app = await startApp({ RATE_LIMIT_USER_PER_MINUTE: '3', RATE_LIMIT_CONVERSATION_PER_MINUTE: '100' });
    running.push(app);
    const from = { id: 'user-many-conversations', name: 'borrower' };
    for (let i = 0; i < 3; i++) {
      const replies = await sendExpectReplies(app.url, messageActivity(`sec-user-${i}`, 'hello', { from }));
      expect(replies.map((r) => r.text)).to.not.include(t('en', 'core.rateLimited', { seconds: 60 }));
    }
    const limited = await sendExpectReplies(app.url, messageActivity('sec-user-3', 'hello', { from }));
    expect(limited).to.have.length(1);
    expect(limited[0].text).to.match(/sending messages a little fast/);
    expect((await sendExpectReplies(app.url, messageActivity('sec-user-4', 'hello', { from })))).to.deep.equal([]);
  });
});
