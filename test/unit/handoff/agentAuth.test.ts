import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../../services/clock';
import { AgentDirectory, hashAgentPassword, loadAgentAccounts, SignInThrottle, verifyAgentPassword } from '../../../services/handoff/agentAuth';
import { captureLogger, silentLogger } from '../../../services/logging/logger';

describe('agent accounts and passwords', () => {
  it('hashes with scrypt and a random salt, and verifies only the right password', async () => {
    const a = await hashAgentPassword('s3cret');
    const b = await hashAgentPassword('s3cret');
    expect(a).to.match(/^s1\$16384\$8\$1\$/);
    expect(a).not.to.equal(b);
    expect(a).not.to.contain(':').and.not.contain(';');
    expect(await verifyAgentPassword('s3cret', a)).to.equal(true);
    expect(await verifyAgentPassword('s3cret ', a)).to.equal(false);
    expect(await verifyAgentPassword('s3cret', 'garbage')).to.equal(false);
  });

  it('reads accounts with skills from AGENT_ACCOUNTS and from a JSON file', async () => {
    const hash = await hashAgentPassword('pw');
    const dir = mkdtempSync(path.join(tmpdir(), 'agents-'));
    const file = path.join(dir, 'agents.json');
    writeFileSync(file, JSON.stringify([{ id: 'zhao', displayName: '赵', passwordHash: hash, skills: ['complaints'] }]));
    const accounts = await loadAgentAccounts({ accounts: `li:李 经理:${hash}:legal,negotiation; wu:Wu:${hash}`, file, production: true, logger: silentLogger() });
    expect(accounts.map((a) => [a.id, a.displayName, a.skills])).to.deep.equal([
      ['li', '李 经理', ['legal', 'negotiation']],
      ['wu', 'Wu', []],
      ['zhao', '赵', ['complaints']],
    ]);
    const directory = new AgentDirectory(accounts);
    expect(await directory.authenticate('li', 'pw')).to.deep.equal({ id: 'li', displayName: '李 经理', skills: ['legal', 'negotiation'] });
    expect(await directory.authenticate('li', 'nope')).to.equal(undefined);
    expect(await directory.authenticate('ghost', 'pw')).to.equal(undefined);
  });

  it('names every bad account entry in one CONFIG_INVALID error', async () => {
    const hash = await hashAgentPassword('pw');
    let message = '';
    await loadAgentAccounts({ accounts: `a:A:plaintext;a:A2:${hash}:flying;bad id:X:${hash}`, production: false, logger: silentLogger() }).catch(
      (e: Error) => (message = e.message),
    );
    expect(message).to.contain('password hash').and.contain('defined twice').and.contain('unknown skills flying').and.contain('"bad id"');
  });

  it('enables the dev account only outside production, with a loud warning', async () => {
    const { logger, lines } = captureLogger();
    const accounts = await loadAgentAccounts({ production: false, logger });
    expect(accounts.map((a) => a.id)).to.deep.equal(['dev']);
    expect(await new AgentDirectory(accounts).authenticate('dev', 'dev')).to.not.equal(undefined);
    logger.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(lines.join('')).to.contain('agent.dev_account');
    let code = '';
    await loadAgentAccounts({ production: true, logger: silentLogger() }).catch((e: { code: string }) => (code = e.code));
    expect(code).to.equal('CONFIG_INVALID');
  });

  it('blocks an agent id after five failed sign-ins for fifteen minutes', () => {
    const clock = new ManualClock();
    const throttle = new SignInThrottle(clock);
    for (let i = 0; i < 5; i++) throttle.failed('a');
    expect(throttle.blocked('a')).to.equal(true);
    expect(throttle.blocked('b')).to.equal(false);
    clock.advance(15 * 60_000 + 1);
    expect(throttle.blocked('a')).to.equal(false);
  });
});
