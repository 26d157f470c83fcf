import { expect } from 'chai';
import { isSecretAnswer } from '../../../../dialogs/identity/verifyIdentityDialog';
import { t } from '../../../../dialogs/messages';
import { makePlanBot, textOf } from '../plans/planHarness';

// The prompt ids as they are saved in dialog state (what the hand-off gate reads before the prompt runs).
const MOBILE = 'identity.mobile';
const SECRET = 'identity.secret';
const CODE = 'identity.code';

describe('secret answers (hidden from agents while a ticket is open)', () => {
  it('hides every answer to the ID-characters and one-time-code questions', () => {
    for (const text of ['234561', '验证码', 'anything']) {
      expect(isSecretAnswer(SECRET, text), text).to.equal(true);
      expect(isSecretAnswer(CODE, text), text).to.equal(true);
    }
  });

  it('hides ID characters typed at the mobile question, alone or after the mobile, and nothing else there', () => {
    expect(isSecretAnswer(MOBILE, '234561')).to.equal(true);
    expect(isSecretAnswer(MOBILE, '13800000002 234561')).to.equal(true);
    expect(isSecretAnswer(MOBILE, '我的手机是138-0000-0002，身份证后六位234561')).to.equal(true);
    expect(isSecretAnswer(MOBILE, '我的身份证是110101199001012345'), 'a whole ID number in a sentence').to.equal(true);
    expect(isSecretAnswer(MOBILE, '13800000002')).to.equal(false);
    expect(isSecretAnswer(MOBILE, '我还欠多少钱')).to.equal(false);
  });

  it('hides nothing at other prompts or with no dialog', () => {
    expect(isSecretAnswer('complaints.number', '13800000002 234561')).to.equal(false);
    expect(isSecretAnswer(undefined, '234561')).to.equal(false);
  });
});

describe('the ID characters told in a sentence at the ID question', () => {
  it('verify, as the characters alone would ("身份证后六位是234561")', async () => {
    const bot = await makePlanBot();
    await bot.say('我还欠多少钱');
    await bot.say('13800000002');
    expect(textOf(await bot.say('身份证后六位是234561'))).to.contain(t('zh-CN', 'identity.verified'));
  });
});
