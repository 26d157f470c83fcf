import type { AccountService } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import type { VerificationService } from '../../services/identity/verificationService';
import type { DialogModule } from '../dialogModule';
import { VerifyIdentityDialog } from '../identity/verifyIdentityDialog';
import { ACCOUNT_STATUS_DIALOG, AccountStatusDialog } from './accountStatusDialog';

export interface AccountModuleDeps {
  accounts: AccountService;
  verification: VerificationService;
  clock: Clock;
  timeZone: string;
}

/** Identity verification (used by every task that needs it) and the account status answer. */
export function accountModule(deps: AccountModuleDeps): DialogModule {
  return {
    dialogs: [new VerifyIdentityDialog(deps), new AccountStatusDialog(deps)],
    routes: { account_status: { dialog: ACCOUNT_STATUS_DIALOG } },
  };
}
