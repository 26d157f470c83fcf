import { expect } from 'chai';
import { choicesIn } from '../../../dialogs/choices';

describe('choicesIn: which choice a typed reply names', () => {
  const clarify = ['被告知要上门', '被告知要起诉', '都不是'];
  const reason = ['失业', '生病或受伤', '收入减少', '其他原因', '跳过'];
  const who = ['只联系了我本人', '我的家人', '我的单位或同事', '朋友或通讯录里的人'];
  const english = ['Only me', 'My family', 'My employer or colleagues', 'Friends or people in my contacts'];
  const cases: Array<[string, string[], string | undefined, string?]> = [
    // Partial matches of two or more characters still pick their choice.
    ['家人', who, '我的家人'],
    ['打给我家人了', who, '我的家人'],
    ['同事', who, '我的单位或同事'],
    ['上门', clarify, '被告知要上门'],
    ['不是', clarify, '都不是'],
    ['收入少了', reason, '收入减少'],
    ['生病了', reason, '生病或受伤'],
    ['我失业了', reason, '失业'],
    ['都不是', clarify, '都不是'],
    ['my family', english, 'My family'],
    ['family', english, 'My family'],
    // The number of a choice, in digits or words, in the conversation's language.
    ['2', reason, '生病或受伤'],
    ['第二个', reason, '生病或受伤', 'zh-CN'],
    ['the second one', english, 'My family', 'en-US'],
    // One shared character is not an answer (before: 他 → 其他原因, 是 → 都不是, 我 → 只联系了我本人).
    ['他们骂我', reason, undefined],
    ['他们说的是真的吗', clarify, undefined],
    ['我失业了', who, undefined],
    ['他们骂我', who, undefined],
  ];
  for (const [text, choices, expected, locale] of cases) {
    it(`"${text}" → ${expected ?? 'no choice'}`, () => {
      const [best] = choicesIn(text, choices, locale);
      expect(best?.resolution.value).to.equal(expected);
    });
  }
});
