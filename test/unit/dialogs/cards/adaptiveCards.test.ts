import { expect } from 'chai';
import { renderForChannel } from '../../../../bots/channelRendering';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  cardActivity,
  checkedItems,
  checklistCard,
  messageBackAction,
  optionListCard,
  summaryCard,
} from '../../../../dialogs/cards/adaptiveCards';

const options = optionListCard({
  title: 'Plans',
  intro: 'Two plans',
  options: [
    { title: 'Option 1: 3 months', facts: [{ title: 'Each month', value: '¥100.00' }, { title: 'First due', value: '2026-12-20' }], submit: { title: 'Choose 1', data: { action: 'plan.choose', proposalId: 'EI3-a' } } },
    { title: 'Option 2: 6 months', facts: [{ title: 'Each month', value: '¥50.00' }], submit: { title: 'Choose 2', data: { action: 'plan.choose', proposalId: 'EI6-b' } } },
  ],
  notes: ['Subject to review.'],
  replyHint: 'Reply with a number.',
});

describe('Adaptive Card builders', () => {
  it('builds a 1.5 option list with one Action.Submit per option carrying its data', () => {
    expect(options).to.include({ type: 'AdaptiveCard', version: '1.5' });
    expect(options.$schema).to.contain('adaptive-card.json');
    expect(options.actions).to.deep.equal([
      { type: 'Action.Submit', title: 'Choose 1', data: { action: 'plan.choose', proposalId: 'EI3-a' } },
      { type: 'Action.Submit', title: 'Choose 2', data: { action: 'plan.choose', proposalId: 'EI6-b' } },
    ]);
  });

  it('puts every title, fact, note and the reply hint into the fallback text, numbered', () => {
    const lines = options.fallbackText.split('\n');
    expect(lines).to.include('1. Option 1: 3 months').and.to.include('2. Option 2: 6 months');
    for (const part of ['Plans', 'Two plans', 'Each month: ¥100.00', 'First due: 2026-12-20', 'Each month: ¥50.00', 'Subject to review.', 'Reply with a number.']) {
      expect(options.fallbackText).to.contain(part);
    }
  });

  it('builds a summary card whose fallback text holds all facts and actions', () => {
    const card = summaryCard({ title: 'Check', facts: [{ title: 'Months', value: '9' }], notes: ['Note'], actions: [{ title: 'Submit', data: { a: 1 } }], replyHint: 'OK?' });
    expect(card.version).to.equal('1.5');
    expect(card.fallbackText).to.equal('Check\nMonths: 9\nNote\n1. Submit\nOK?');
    expect(card.actions).to.have.length(1);
  });

  it('builds a checklist of toggles and reads the ticked ones back from the submit', () => {
    const card = checklistCard({ title: 'Documents', items: ['Proof A', 'Proof B'], submit: { title: 'Send', data: { action: 'docs' } } });
    expect(card.body.filter((b) => (b as { type: string }).type === 'Input.Toggle')).to.have.length(2);
    expect(card.fallbackText).to.contain('1. Proof A').and.to.contain('2. Proof B');
    expect(checkedItems({ action: 'docs', 'item.0': 'false', 'item.1': 'true' }, 2)).to.deep.equal([1]);
    expect(checkedItems(undefined, 2)).to.deep.equal([]);
  });

  it('makes an activity with the card, a short text and suggested actions', () => {
    const activity = cardActivity(options, 'Two plans for you', [messageBackAction('Option 1', { action: 'plan.choose', proposalId: 'EI3-a' })]);
    expect(activity.text).to.equal('Two plans for you');
    expect(activity.attachments?.[0].contentType).to.equal(ADAPTIVE_CARD_CONTENT_TYPE);
    expect(activity.attachments?.[0].content).to.equal(options);
    expect(activity.suggestedActions?.actions[0]).to.include({ type: 'messageBack', title: 'Option 1', text: 'Option 1' });
  });

  it('reads completely as text on a channel without cards', () => {
    const activity = cardActivity(options, 'Two plans for you', [messageBackAction('Option 1', {}), messageBackAction('Option 2', {})]);
    const rendered = renderForChannel(activity, 'sms');
    expect(rendered.attachments).to.equal(undefined);
    for (const part of ['Two plans for you', '1. Option 1: 3 months', 'Each month: ¥50.00', 'Reply with a number.']) expect(rendered.text).to.contain(part);
  });
});
