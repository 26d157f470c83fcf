import type { AccountService } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import type { PlanPolicy } from '../../services/plans/planPolicy';
import type { DialogModule } from '../dialogModule';
import type { FiledRecords } from '../filedRecords';
import { HARDSHIP_REVIEW_DIALOG, HardshipReviewDialog } from './hardshipReviewDialog';
import { INSTALLMENT_PLAN_DIALOG, InstallmentPlanDialog } from './installmentPlanDialog';

export interface PlansModuleDeps {
  accounts: AccountService;
  /** The repayment-plan policy, loaded and validated once at start-up (loadPlanPolicy). */
  policy: PlanPolicy;
  /** Records filed in the conversation (the agent sees them; a late button press is answered from them). */
  filedRecords: FiledRecords;
  clock: Clock;
  timeZone: string;
  /** Source of idempotency keys; default crypto.randomUUID. */
  newId?: () => string;
}

/**
 * Installment-plan requests (`installment_plan`) and hardship reviews (`negotiation_refused`). Needs the identity
 * dialog of accountModule in the same main dialog.
 */
export function plansModule(deps: PlansModuleDeps): DialogModule {
  return {
    dialogs: [new InstallmentPlanDialog(deps), new HardshipReviewDialog(deps)],
    routes: {
      installment_plan: { dialog: INSTALLMENT_PLAN_DIALOG },
      negotiation_refused: { dialog: HARDSHIP_REVIEW_DIALOG },
    },
  };
}
