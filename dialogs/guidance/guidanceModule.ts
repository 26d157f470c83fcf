import type { DialogModule } from '../dialogModule';
import { CREDIT_REPORT_DIALOG, CreditReportDialog } from './creditReportDialog';
import { DOORSTEP_VISIT_DIALOG, DoorstepVisitDialog } from './doorstepVisitDialog';
import { LAWSUIT_THREAT_DIALOG, LawsuitThreatDialog } from './lawsuitThreatDialog';
import { REPAYMENT_HOWTO_DIALOG, RepaymentHowtoDialog } from './repaymentHowtoDialog';
import { VERIFY_COLLECTOR_DIALOG, VerifyCollectorDialog, type VerifyCollectorDeps } from './verifyCollectorDialog';

/** The guidance dependencies, plus the lender-wide official numbers the caller check uses. */
export type GuidanceModuleDeps = VerifyCollectorDeps;

/**
 * Information answers, general first and personal when the conversation is verified: lawsuit threats, doorstep
 * visits, credit reports, how to repay, checking a caller. Needs the identity dialog (accountModule) alongside.
 */
export function guidanceModule(deps: GuidanceModuleDeps): DialogModule {
  return {
    dialogs: [new LawsuitThreatDialog(deps), new DoorstepVisitDialog(deps), new CreditReportDialog(deps), new RepaymentHowtoDialog(deps), new VerifyCollectorDialog(deps)],
    routes: {
      lawsuit_threat: { dialog: LAWSUIT_THREAT_DIALOG },
      doorstep_visit: { dialog: DOORSTEP_VISIT_DIALOG },
      credit_report: { dialog: CREDIT_REPORT_DIALOG },
      repayment_howto: { dialog: REPAYMENT_HOWTO_DIALOG },
      verify_collector: { dialog: VERIFY_COLLECTOR_DIALOG },
    },
  };
}
