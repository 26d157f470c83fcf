import type { AccountService } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import type { VerificationService } from '../../services/identity/verificationService';
import type { ServiceHours } from '../../services/scheduling/serviceHours';
import type { DialogModule } from '../dialogModule';
import type { FiledRecords } from '../filedRecords';
import { CALLBACK_DIALOG, CallbackDialog } from './callbackDialog';
import { COMPLAINT_DIALOG, ComplaintDialog } from './complaintDialog';

export interface ComplaintsModuleDeps {
  accounts: AccountService;
  verification: VerificationService;
  /** Records filed in the conversation (the agent sees them on hand-off). */
  filedRecords: FiledRecords;
  clock: Clock;
  timeZone: string;
  /** From serviceHoursFromConfig(config). */
  serviceHours: ServiceHours;
  /** Idempotency keys (default: random UUIDs); tests pass a fixed sequence. */
  newKey?: () => string;
}

/** Complaint intake and callback booking. Needs the identity dialog (accountModule) alongside. */
export function complaintsModule(deps: ComplaintsModuleDeps): DialogModule {
  return {
    dialogs: [new ComplaintDialog(deps), new CallbackDialog(deps)],
    routes: {
      harassment_complaint: { dialog: COMPLAINT_DIALOG },
      cannot_reach_collector: { dialog: CALLBACK_DIALOG },
    },
  };
}
