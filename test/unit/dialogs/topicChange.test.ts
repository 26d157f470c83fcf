import { expect } from 'chai';
import { t } from '../../../dialogs/messages';
import { botHarness, textOf } from '../../helpers/botHarness';

describe('changing the subject in the middle of a task', () => {
  let bot: Awaited<ReturnType<typeof botHarness>>;
  beforeEach(async () => (bot = await botHarness()));
  afterEach(async () => bot.close());

  it('follows a confident new request asked at a closed question instead of repeating the question', async () => {
    const asked = textOf(await bot.say('is this number yours 13912345678'));
    expect(asked).to.contain('Verify now?');
    const switched = textOf(await bot.say('how do I repay?'));
    expect(switched).to.contain('official channels').and.not.contain('Verify now?');
  });

  it('follows a question asked where digits were expected (the mobile prompt)', async () => {
    expect(textOf(await bot.say('我还欠多少钱'))).to.contain(t('zh-CN', 'identity.askMobile'));
    const switched = textOf(await bot.say('逾期会不会上征信'));
    expect(switched).to.contain('征信').and.not.contain(t('zh-CN', 'identity.retryMobile'));
  });

  it('keeps a free-text answer inside its task even when it sounds like another task', async () => {
    await bot.say('投诉催收行为');
    const next = textOf(await bot.say('他们还说要去法院起诉我，让我坐牢'));
    expect(next).to.contain('这是什么时候发生的');
  });

  it('still takes an answer that is one of the choices', async () => {
    await bot.say('is this number yours 13912345678');
    expect(textOf(await bot.say('Yes, verify now'))).to.contain(t('en', 'identity.askMobile'));
  });
});
