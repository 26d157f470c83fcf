import { expect } from 'chai';
import { allTemplates } from '../../../dialogs/messages';
import { toneViolations } from '../../../dialogs/messages/toneRules';

describe('tone rules over every catalog message', () => {
  const templates = allTemplates();

  it('has every message in all three locales', () => {
    const byKey = new Map<string, Set<string>>();
    for (const { key, locale } of templates) byKey.set(key, (byKey.get(key) ?? new Set()).add(locale));
    const incomplete = [...byKey].filter(([, locales]) => locales.size !== 3).map(([key]) => key);
    expect(incomplete).to.deep.equal([]);
    expect(byKey.size).to.be.greaterThan(20);
  });

  it('contains no phrase the tone rules forbid, in any locale', () => {
    const offending = templates
      .map(({ locale, key, template }) => ({ locale, key, rules: toneViolations(template) }))
      .filter((x) => x.rules.length > 0);
    expect(offending, JSON.stringify(offending, null, 1)).to.deep.equal([]);
  });

  it('puts the reference number in every confirmation of a filed record', () => {
    const filed = templates.filter(({ key }) => /\.filed$/.test(key));
    for (const { locale, key, template } of filed) expect(template, `${locale} ${key}`).to.contain('{reference}');
  });

  it('catches the phrases it is meant to catch', () => {
    const bad = [
      '逾期不还你会坐牢',
      'You will be arrested if you do not pay',
      '再不还就把你拉进黑名单',
      '上门催收是违法的',
      'Home visits are illegal',
      '我们保证您的分期一定通过',
      '还清后我们可以帮您删除征信记录',
      'We guarantee the waiver',
      '这是最后警告',
      '我们会通知您的家人',
      '请转账到以下个人账户',
      '请告诉我您的验证码',
    ];
    for (const text of bad) expect(toneViolations(text), text).not.to.deep.equal([]);
    const fine = ['我们无法删除真实的记录', '我们不能保证结果，会认真审核', '冒充公职人员是违法的', 'We never ask you to pay into a personal account'];
    for (const text of fine) expect(toneViolations(text), text).to.deep.equal([]);
  });
});
