import { expect } from 'chai';
import { idLast6InText, mobileInText, normaliseIdLast6, normaliseMobile, normaliseOneTimeCode, ownMobileInText, toHalfWidth } from '../../../services/identity/identityNormalisers';

describe('identity normalisers', () => {
  it('reads mobiles with spaces, dashes, brackets, +86 and full-width digits', () => {
    for (const input of ['13800000001', '138 0000 0001', '138-0000-0001', '+86 138 0000 0001', '+8613800000001', '008613800000001', '86-138-0000-0001', '１３８０００００００１', '＋８６ １３８－００００－０００１', ' 138\u30000000\u30000001 ', '(138)00000001']) {
      expect(normaliseMobile(input), input).to.equal('13800000001');
    }
  });

  it('rejects what cannot be a mainland mobile', () => {
    for (const input of ['', '1380000000', '138000000011', '12800000001', '23800000001', 'abc13800000001', '+1 138 0000 0001', '861380000000']) {
      expect(normaliseMobile(input), input).to.equal(undefined);
    }
  });

  it('finds the mobile in a sentence, and the ID characters when the same message gives them', () => {
    expect(mobileInText('我的手机是138-0000-0002，身份证后六位234561')).to.deep.equal({ mobile: '13800000002', idLast6: '234561' });
    expect(mobileInText('手机号13800000002')).to.deep.equal({ mobile: '13800000002' });
    expect(mobileInText('13800000002 12345x')).to.deep.equal({ mobile: '13800000002', idLast6: '12345X' });
    expect(mobileInText('+86 138 0000 0002，身份证 11010119900101123X')).to.deep.equal({ mobile: '13800000002', idLast6: '01123X' });
    expect(mobileInText('my number is 138 0000 0002')).to.deep.equal({ mobile: '13800000002' });
    for (const input of ['', '110101199001012345', '订单号 213800000002', '我欠了1380000元', '1380000000', '身份证后六位234561']) {
      expect(mobileInText(input), input).to.equal(undefined);
    }
  });

  it('finds the mobile a message gives as the writer\'s own, never a caller\'s or a bare one', () => {
    for (const input of ['我是李四，手机13800000002，帮我查下欠款', '帮我查下欠款，手机13800000002，身份证后六位234561', '我的手机号是 138 0000 0002', '手機號碼：１３８００００００02', 'my number is 13800000002', 'my mobile: 138-0000-0002'])
      expect(ownMobileInText(input), input).to.equal('13800000002');
    for (const input of ['这个号码13912345678是你们的吗', '13912345678一直打电话骂我', '对方电话13912345678', '我想分期，13912345678这个催收说不行', '他的电话是13912345678', 'is this number 13912345678 yours', 'the caller number was 13912345678', '13800000002'])
      expect(ownMobileInText(input), input).to.equal(undefined);
  });

  it('reads ID last 6 with x or X, full-width characters and separators', () => {
    expect(normaliseIdLast6('12345x')).to.equal('12345X');
    expect(normaliseIdLast6('12345X')).to.equal('12345X');
    expect(normaliseIdLast6('１２３４５ｘ')).to.equal('12345X');
    expect(normaliseIdLast6('123 45Ｘ')).to.equal('12345X');
    expect(normaliseIdLast6('234561')).to.equal('234561');
  });

  it('finds the ID characters told in a sentence ("身份证后六位是12345X"), and nothing when there are two groups or none', () => {
    expect(idLast6InText('身份证后六位是12345X')).to.equal('12345X');
    expect(idLast6InText('后6位：２３４５６１')).to.equal('234561');
    expect(idLast6InText('234561')).to.equal('234561');
    expect(idLast6InText('是123456还是654321')).to.equal(undefined);
    expect(idLast6InText('我不记得了')).to.equal(undefined);
  });

  it('cuts a whole 18-character ID number to its last 6', () => {
    expect(normaliseIdLast6('11010119900101123x')).to.equal('01123X');
  });

  it('rejects what cannot be ID last 6', () => {
    for (const input of ['', '1234X5', '12345', '1234567', 'X12345', '12345Y', '1101011990010112']) {
      expect(normaliseIdLast6(input), input).to.equal(undefined);
    }
  });

  it('reads a one-time code in full-width digits or with spaces', () => {
    expect(normaliseOneTimeCode('０１２３４５')).to.equal('012345');
    expect(normaliseOneTimeCode('012 345')).to.equal('012345');
    expect(normaliseOneTimeCode('01234')).to.equal(undefined);
  });

  it('turns full-width ASCII into half-width and leaves Chinese alone', () => {
    expect(toHalfWidth('ＡＢｃ１２３＋－　手机')).to.equal('ABc123+- 手机');
  });
});
