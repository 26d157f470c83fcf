import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import defaultPolicyJson from '../../../services/plans/defaultPolicy.json';
import { loadPlanPolicy, parsePlanPolicy } from '../../../services/plans/planPolicy';
import { isBotError } from '../../../services/errors/botError';

function configError(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    expect(isBotError(err, 'CONFIG_INVALID'), String(err)).to.equal(true);
    return err as Error;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

describe('plan policy', () => {
  it('loads the bundled default policy, frozen', () => {
    const policy = loadPlanPolicy();
    expect(policy.installmentCounts).to.deep.equal([3, 6, 9, 12, 18, 24]);
    expect(Object.isFrozen(policy)).to.equal(true);
    expect(Object.isFrozen(policy.eligibility.daysOverdue)).to.equal(true);
    expect(Object.isFrozen(policy.installmentCounts)).to.equal(true);
  });

  it('sorts installment counts whatever order the file uses', () => {
    const policy = parsePlanPolicy({ ...structuredClone(defaultPolicyJson), installmentCounts: [12, 3, 6] });
    expect(policy.installmentCounts).to.deep.equal([3, 6, 12]);
  });

  it('names every bad field in one error', () => {
    const err = configError(() =>
      parsePlanPolicy({
        ...structuredClone(defaultPolicyJson),
        minimumInstallmentFen: -1,
        installmentCounts: [3, 3],
        eligibility: { ...defaultPolicyJson.eligibility, daysOverdue: { min: 90, max: 30 } },
      }),
    );
    expect(err.message).to.contain('minimumInstallmentFen');
    expect(err.message).to.contain('installmentCounts');
    expect(err.message).to.contain('eligibility.daysOverdue');
  });

  it('rejects unknown fields and a rate above 24%', () => {
    const err = configError(() => parsePlanPolicy({ ...structuredClone(defaultPolicyJson), annualRateBps: 3000, surprise: 1 }));
    expect(err.message).to.contain('annualRateBps');
    expect(err.message).to.match(/surprise/);
  });

  it('rejects a down payment with neither percent nor minimum', () => {
    const err = configError(() => parsePlanPolicy({ ...structuredClone(defaultPolicyJson), downPayment: { percent: 0, minimumFen: 0 } }));
    expect(err.message).to.contain('downPayment');
  });

  it('loads a policy file from PLAN_POLICY_PATH and reports unreadable or invalid files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ...defaultPolicyJson, maxProposals: 2 }));
    expect(loadPlanPolicy(good).maxProposals).to.equal(2);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(configError(() => loadPlanPolicy(broken)).message).to.contain('PLAN_POLICY_PATH');
    expect(configError(() => loadPlanPolicy(join(dir, 'missing.json'))).message).to.contain('missing.json');
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...defaultPolicyJson, maxProposals: 0 }));
    expect(configError(() => loadPlanPolicy(invalid)).message).to.contain('maxProposals');
  });
});
