import type { CardAction, TurnContext } from 'botbuilder';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { t, type Locale, type MessageKey } from '../messages';
import { InfoAnswerDialog, type GuidanceDeps } from './infoAnswerDialog';
import { intentActions } from './nextActions';

export const CREDIT_REPORT_DIALOG = 'guidance.creditReport';

/**
 * `credit_report`: notice before reporting, 5-year retention after the overdue ends, 2 free reports a year,
 * 20-day written answer to a dispute; paid "credit repair" is a scam. Verified: overdue now or not, and what stops
 * further negative records. Never promises deletion.
 */
export class CreditReportDialog extends InfoAnswerDialog {
  constructor(deps: GuidanceDeps) {
    super(CREDIT_REPORT_DIALOG, 'credit_report', deps);
  }

  protected async sendFacts(context: TurnContext, locale: Locale): Promise<void> {
    await context.sendActivity(t(locale, 'guidance.credit.facts'));
    await context.sendActivity(t(locale, 'guidance.credit.scam'));
  }

  protected async sendPersonal(context: TurnContext, locale: Locale, snapshot: AccountSnapshot): Promise<void> {
    const overdue = snapshot.account.loans.filter((l) => l.status !== 'settled' && (l.daysOverdue > 0 || l.status === 'overdue' || l.status === 'charged_off'));
    if (overdue.length === 0) {
      await context.sendActivity(t(locale, 'guidance.credit.current'));
      return;
    }
    const days = Math.max(...overdue.map((l) => l.daysOverdue));
    await context.sendActivity(t(locale, 'guidance.credit.overdue', { count: overdue.length, days }));
  }

  protected next(_context: TurnContext, locale: Locale): { key: MessageKey; actions: CardAction[] } {
    return { key: 'guidance.credit.next', actions: intentActions(locale, ['account_status', 'installment_plan', 'human_agent']) };
  }
}
