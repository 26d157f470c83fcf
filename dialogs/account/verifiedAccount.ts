import type { TurnContext } from 'botbuilder';
import type { AccountService, AccountSnapshot } from '../../services/accounts/accountService';
import type { VerificationService } from '../../services/identity/verificationService';
import { conversationKey } from '../turnInfo';

export interface VerifiedAccountDeps {
  accounts: AccountService;
  verification: VerificationService;
}

/**
 * The account of this conversation's borrower if the conversation is ALREADY verified; undefined otherwise (and
 * when the lender cannot be reached). For answers that are general facts first and personal when possible:
 * they never prompt for identity and never fail because of the account service.
 */
export async function verifiedAccount(context: TurnContext, deps: VerifiedAccountDeps): Promise<AccountSnapshot | undefined> {
  const borrowerId = await deps.verification.verifiedBorrowerId(conversationKey(context));
  if (!borrowerId) return undefined;
  try {
    return await deps.accounts.getAccount(borrowerId);
  } catch {
    return undefined;
  }
}
