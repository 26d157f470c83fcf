import { expect } from 'chai';
import { handoffPriority } from '../../../../dialogs/handoff/handoffDialog';
import type { AccountSnapshot } from '../../../../services/accounts/accountService';
import { buildAccountService } from '../../../../services/accounts/accountServiceFactory';
import { ManualClock } from '../../../../services/clock';
import { parseConfig } from '../../../../services/config/config';
import { silentLogger } from '../../../../services/logging/logger';

/**
 * The hand-off priority of conversation-design.md: P1 harassment, threats and filed lawsuits; P2 negotiation,
 * refused negotiation, scams, visits; P3 the rest. Snapshots are the demo lender's borrowers
 * (services/accounts/fixtures/README.md).
 */
describe('handoffPriority', () => {
  const snapshots = new Map<string, AccountSnapshot>();
  before(async () => {
    const { accounts } = buildAccountService(parseConfig({ LOG_LEVEL: 'silent' }), { logger: silentLogger(), clock: new ManualClock() });
    for (const id of ['D002', 'D003', 'D004', 'D005', 'D010']) snapshots.set(id, await accounts.getAccount(id));
  });
  const snapshot = (id: string) => snapshots.get(id)!;

  it('puts a lawsuit threat on an account with a case filed in court at P1, and a judgment or enforcement too', () => {
    expect(snapshot('D005').account.legal.stage).to.equal('filed');
    expect(handoffPriority(['lawsuit_threat'], snapshot('D005'))).to.equal(1);
    expect(handoffPriority(['lawsuit_threat', 'human_agent'], snapshot('D005'))).to.equal(1);
    expect(snapshot('D010').account.legal.stage).to.equal('enforcement');
    expect(handoffPriority(['lawsuit_threat'], snapshot('D010'))).to.equal(1);
  });

  it('puts a harassment complaint at P1, verified or not, whatever else was asked', () => {
    expect(handoffPriority(['harassment_complaint'])).to.equal(1);
    expect(handoffPriority(['harassment_complaint'], snapshot('D002'))).to.equal(1);
    expect(handoffPriority(['installment_plan', 'harassment_complaint', 'human_agent'])).to.equal(1);
    expect(handoffPriority(['account_status', 'harassment_complaint'])).to.equal(1);
  });

  it('puts a lawsuit threat without a court case at P2: unverified, no legal step, a lawyer\'s letter, mediation', () => {
    expect(handoffPriority(['lawsuit_threat'])).to.equal(2);
    expect(handoffPriority(['lawsuit_threat'], snapshot('D002'))).to.equal(2);
    expect(snapshot('D003').account.legal.stage).to.equal('lawyer_letter');
    expect(handoffPriority(['lawsuit_threat'], snapshot('D003'))).to.equal(2);
    expect(snapshot('D004').account.legal.stage).to.equal('mediation');
    expect(handoffPriority(['lawsuit_threat', 'human_agent'], snapshot('D004'))).to.equal(2);
  });

  it('puts an ineligible plan request that asks for a person in the negotiation queue at P2', () => {
    // The skill (negotiation) is chosen inside HandoffDialog and not exported; the plan transcript
    // "queues an ineligible borrower who asks for a person…" checks it on the queued request.
    expect(handoffPriority(['installment_plan', 'human_agent'], snapshot('D004'))).to.equal(2);
    expect(handoffPriority(['installment_plan', 'human_agent'])).to.equal(2);
    expect(handoffPriority(['negotiation_refused', 'human_agent'], snapshot('D002'))).to.equal(2);
  });

  it('puts scams and visits at P2 and everything else at P3', () => {
    expect(handoffPriority(['verify_collector'])).to.equal(2);
    expect(handoffPriority(['doorstep_visit'])).to.equal(2);
    expect(handoffPriority(['account_status', 'human_agent'], snapshot('D002'))).to.equal(3);
    expect(handoffPriority(['human_agent'])).to.equal(3);
    expect(handoffPriority([])).to.equal(3);
  });
});
