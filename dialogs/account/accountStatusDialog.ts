import { MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AccountService, AccountSnapshot } from '../../services/accounts/accountService';
import type { Clock } from '../../services/clock';
import { isBotError } from '../../services/errors/botError';
import type { VerificationService } from '../../services/identity/verificationService';
import { VERIFY_IDENTITY_DIALOG, type VerifiedIdentity } from '../identity/verifyIdentityDialog';
import { intentLabel } from '../menu';
import { t, type Locale } from '../messages';
import type { AsideAnswer } from '../routes';
import { turnInfoOrUndefined } from '../turnInfo';
import { accountFieldAsked, accountStatusText, openRequestsText, type AccountField } from './accountText';
import { verifiedAccount } from './verifiedAccount';

export const ACCOUNT_STATUS_DIALOG = 'account.status';

export interface AccountStatusDeps {
  accounts: AccountService;
  verification: VerificationService;
  clock: Clock;
  timeZone: string;
}

/** `account_status`: verify, then per loan the outstanding principal, overdue amount, days, penalty, fees, next due. */
export class AccountStatusDialog extends ComponentDialog implements AsideAnswer {
  constructor(private readonly deps: AccountStatusDeps) {
    super(ACCOUNT_STATUS_DIALOG);
    this.addDialog(new WaterfallDialog(`${ACCOUNT_STATUS_DIALOG}.flow`, [this.verifyStep.bind(this), this.showStep.bind(this)]));
    this.initialDialogId = `${ACCOUNT_STATUS_DIALOG}.flow`;
  }

  /**
   * "罚息是多少" at another task's question (the plan's amount question): the account, when this conversation is
   * verified and the lender (or the cache) answers. Otherwise nothing: the question is never a way around verification.
   */
  async answerAside(context: TurnContext): Promise<boolean> {
    const snapshot = await verifiedAccount(context, this.deps).catch(() => undefined);
    if (!snapshot) return false;
    const locale = turnInfoOrUndefined(context)?.locale ?? 'zh-CN';
    await context.sendActivity(accountStatusText(snapshot, locale, this.deps.timeZone, this.deps.clock.now()));
    return true;
  }

  /**
   * "多久能审核完" once something was filed: what is still being handled and by when, for a verified conversation whose
   * account (or cache) answers. False, with nothing sent, otherwise.
   */
  async answerOpenRequests(context: TurnContext): Promise<boolean> {
    const snapshot = await verifiedAccount(context, this.deps).catch(() => undefined);
    const locale = turnInfoOrUndefined(context)?.locale ?? 'zh-CN';
    const open = snapshot && openRequestsText(snapshot.account, locale);
    if (!open) return false;
    await context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], open));
    return true;
  }

  private async verifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Read from the question itself: after verification the turn's text is the ID characters.
    (step.values as { field?: AccountField }).field = accountFieldAsked(step.context.activity.text ?? '');
    return step.beginDialog(VERIFY_IDENTITY_DIALOG);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identity = step.result as VerifiedIdentity | undefined;
    if (!identity) return step.endDialog();
    const locale = turnInfoOrUndefined(step.context)?.locale ?? 'zh-CN';
    const snapshot = await loadAccount(this.deps.accounts, identity.borrowerId, step, locale);
    if (snapshot) {
      const { field } = step.values as { field?: AccountField };
      await step.context.sendActivity(accountStatusText(snapshot, locale, this.deps.timeZone, this.deps.clock.now(), field));
      // A plan request under review: not "apply for a plan" again.
      const pending = snapshot.account.planRequests.some((r) => r.status === 'submitted' || r.status === 'under_review');
      const next = pending ? (['repayment_howto', 'human_agent'] as const) : (['installment_plan', 'repayment_howto', 'human_agent'] as const);
      await step.context.sendActivity(
        MessageFactory.suggestedActions(
          next.map((i) => intentLabel(locale, i)),
          t(locale, pending ? 'account.nextPlanPending' : 'account.next'),
        ),
      );
    }
    return step.endDialog();
  }
}

/**
 * Read the account for a verified borrower. When the lender is down and nothing is cached, or the borrower is
 * unknown, tells the borrower plainly, offers a person, and resolves undefined.
 */
export async function loadAccount(
  accounts: AccountService,
  borrowerId: string,
  step: WaterfallStepContext,
  locale: Locale,
): Promise<AccountSnapshot | undefined> {
  try {
    return await accounts.getAccount(borrowerId);
  } catch (err) {
    const key = isBotError(err, 'ACCOUNT_NOT_FOUND')
      ? 'account.notFound'
      : isBotError(err, 'ACCOUNT_SERVICE_UNAVAILABLE') || isBotError(err, 'ACCOUNT_INVALID_RESPONSE')
        ? 'account.unavailable'
        : undefined;
    if (!key) throw err;
    await step.context.sendActivity(MessageFactory.suggestedActions([intentLabel(locale, 'human_agent')], t(locale, key)));
    return undefined;
  }
}
