import { expect } from 'chai';
import { intentLabel, intentOfLabel, wantsToLeaveMessage } from '../../../dialogs/menu';
import { t } from '../../../dialogs/messages';

describe('menu labels', () => {
  it('maps exact button labels in every locale to their intent, and guesses at nothing else', () => {
    expect(intentOfLabel(intentLabel('zh-CN', 'installment_plan'))).to.equal('installment_plan');
    expect(intentOfLabel(intentLabel('zh-TW', 'human_agent'))).to.equal('human_agent');
    expect(intentOfLabel(t('en', 'handoff.bookCallback'))).to.equal('cannot_reach_collector');
    expect(intentOfLabel('我想分期')).to.equal(undefined);
  });

  it('hears "leave a message" as the button or typed in a few words, not in a longer sentence', () => {
    for (const text of [t('zh-CN', 'handoff.leaveMessage'), t('zh-TW', 'handoff.leaveMessage'), t('en', 'handoff.leaveMessage'), '留言', '我要留言', '那就留言吧', '我想留个言', '好，留言', 'leave a message for a person', "I'll leave a message"]) {
      expect(wantsToLeaveMessage(text), text).to.equal(true);
    }
    for (const text of ['我要留言投诉他们', '留言板在哪', '我不想留言', 'leave me alone', '']) {
      expect(wantsToLeaveMessage(text), text).to.equal(false);
    }
  });
});
