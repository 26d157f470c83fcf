import type { CardAction, TurnContext } from 'botbuilder';
import type { AccountSnapshot } from '../../services/accounts/accountService';
import { zoneLabel } from '../complaints/timeText';
import { formatLocalTime } from '../format';
import { t, type Locale, type MessageKey } from '../messages';
import { InfoAnswerDialog, type GuidanceDeps } from './infoAnswerDialog';
import { intentActions, nextAction } from './nextActions';

export const DOORSTEP_VISIT_DIALOG = 'guidance.doorstepVisit';

/** Notices posted or to be posted where people see them ("说要去我老家贴告示", "我家门口被贴了催收单"). */
/** A visit to the workplace or to family ("去我单位找领导", "到我老家找我爸妈"): people unrelated to the loan. */
const THIRD_PARTY = /单位|單位|(到|去|来|來)我?(的|們|们)?公司|领导|領導|老板|老闆|同事|父母|爸妈|爸媽|老家|家人|亲戚|親戚|朋友|\b(work(place)?|office|boss|colleagues?|parents|family|relatives)\b/i;
const POSTING = /贴|貼|告示|大字报|大字報|\bpost(ed|ing)? (a |up )?(notices?|posters?|letters?)\b|\bput up (a )?(notices?|posters?)\b/i;

/**
 * `doorstep_visit`: collectors are not law enforcement; what a proper visit looks like (at least two staff, ID and
 * authorisation, not 22:00–08:00, no threats, no posing as officials); the borrower's rights (ask for ID, refuse
 * entry, 110 if threatened). Never calls a visit unlawful in itself. Verified: whether a visit is actually scheduled.
 */
export class DoorstepVisitDialog extends InfoAnswerDialog {
  constructor(deps: GuidanceDeps) {
    super(DOORSTEP_VISIT_DIALOG, 'doorstep_visit', deps);
  }

  protected facts(context: TurnContext, locale: Locale): string[] {
    const text = context.activity.text ?? '';
    const posting = POSTING.test(text) ? [t(locale, 'guidance.visit.posting')] : [];
    const thirdParty = THIRD_PARTY.test(text) ? [t(locale, 'guidance.visit.thirdParty')] : [];
    return [t(locale, 'guidance.visit.facts'), ...thirdParty, ...posting, t(locale, 'guidance.visit.rights')];
  }

  /** Asked again ("如果他们真来了怎么办"): the borrower's rights at the door, and 110. */
  protected override essentials(locale: Locale): string {
    return t(locale, 'guidance.visit.rights');
  }

  protected async sendPersonal(context: TurnContext, locale: Locale, snapshot: AccountSnapshot): Promise<void> {
    const now = this.deps.clock.now();
    const visit = (snapshot.account.collection?.scheduledVisits ?? [])
      .filter((v) => Date.parse(v.scheduledAt) >= now)
      .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt))[0];
    if (!visit) {
      await context.sendActivity(t(locale, 'guidance.visit.none'));
      return;
    }
    await context.sendActivity(
      t(locale, 'guidance.visit.scheduled', {
        time: formatLocalTime(visit.scheduledAt, this.deps.timeZone, now),
        zone: zoneLabel(locale, this.deps.timeZone),
        place: t(locale, `guidance.visit.place.${visit.place}` as MessageKey),
        staff: visit.staffCount,
        assignee: visit.assignee,
      }),
    );
  }

  protected next(_context: TurnContext, locale: Locale): { key: MessageKey; actions: CardAction[] } {
    return {
      key: 'guidance.visit.next',
      actions: [
        nextAction(t(locale, 'guidance.button.complaintVisit'), { intent: 'harassment_complaint', channel: 'visit' }),
        ...intentActions(locale, ['installment_plan', 'human_agent']),
      ],
    };
  }
}
