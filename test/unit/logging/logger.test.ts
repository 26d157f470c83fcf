import { expect } from 'chai';
import { captureLogger } from '../../../services/logging/logger';
import { maskMobile, maskPii } from '../../../services/logging/mask';

describe('PII masking', () => {
  const cases: Array<[string, string, string]> = [
    ['a mobile number', '请打 13812345678 联系我', '138****5678'],
    ['a mobile with +86 and spaces', '+86 138 1234 5678', '138 **** 5678'],
    ['a mobile with dashes', '138-1234-5678', '138-****-5678'],
    ['an 18-character ID number ending in X', '身份证 11010519491231002X', '110***********002X'],
    ['a 16-digit bank card', 'card 6222021234567890', '6222********7890'],
    ['a 19-digit bank card in groups', '卡号 6222 0212 3456 7890 123', '6222***********0123'],
    ['a mobile typed in full-width digits', '我的手机１３８１２３４５６７８', '138****5678'],
    ['an ID number typed in full-width characters', '身份证１１０１０５１９４９１２３１００２Ｘ', '110***********002X'],
    ['the last 6 ID characters named in a sentence', '我的身份证后六位是345672，手机尾号0002', '身份证后六位是******'],
    ['the last 6 ID characters ending in X on their own', '核对一下 12345X 对吗', '核对一下 ****** 对吗'],
  ];
  for (const [what, input, expected] of cases) {
    it(`masks ${what}`, () => {
      const masked = maskPii(input);
      expect(masked).to.contain(expected);
      expect(masked.replace(/\D/g, '').length).to.be.lessThan(input.normalize('NFKC').replace(/\D/g, '').length);
    });
  }

  it('leaves money amounts, dates and short numbers alone', () => {
    const text = '欠款 150000 元，2026-11-22 到期，第 12 期，验证码 123456';
    expect(maskPii(text)).to.equal(text);
  });

  it('leaves the fraction of a decimal number alone (a recogniser score in a log line)', () => {
    const line = '{"intent":"installment_plan","score":0.99970123450357,"runnerUp":0.0002987654321012}';
    expect(maskPii(line)).to.equal(line);
    expect(maskPii('score 0.99970123450357, card 6222021234567890')).to.contain('6222********7890').and.contain('0.99970123450357');
  });

  it('masks a mobile for display', () => {
    expect(maskMobile('+86 13812345678')).to.equal('138****5678');
  });

  it('masks identifiers everywhere in a log line: message, fields, nested objects and error stacks', () => {
    const { logger, lines } = captureLogger();
    logger.info({ mobile: '13912345678', nested: { id: '11010519491231002X' } }, 'card 6222021234567890 from 13712345678');
    logger.error({ err: new Error('lookup failed for 13612345678') }, 'failed');
    const all = lines.join('\n');
    for (const raw of ['13912345678', '11010519491231002X', '6222021234567890', '13712345678', '13612345678']) {
      expect(all).not.to.contain(raw);
    }
    expect(all).to.contain('139****5678');
  });
});
