import { expect } from 'chai';
import type { FiledRecord } from '../../../dialogs/filedRecords';
import { allTemplates, t, type Locale, type MessageKey } from '../../../dialogs/messages';
import { render, type Params } from '../../../dialogs/messages/catalog';
import { toneViolations } from '../../../dialogs/messages/toneRules';

const REFERENCE = 'REF-20261120-0001';

/**
 * A plausible value for every placeholder the catalog uses, so each message is checked as the borrower reads it.
 * Words that come from the catalog itself (a channel, a place, a time zone) are rendered from it in the locale.
 */
function sampleParams(locale: Locale): Params {
  const zh = locale !== 'en';
  return {
    reference: REFERENCE,
    answerBy: '2026-12-05',
    hotline: '400-123-4567',
    date: '2026-11-19',
    dueDate: '2026-12-01',
    time: '2026-11-22 10:00',
    until: '10:30',
    from: '09:00',
    to: '21:00',
    window: '2026-11-21 09:00–12:00',
    requested: '2026-11-20 22:00–23:00',
    hours: t(locale, 'callback.hoursWeekdays', { from: '09:00', to: '21:00' }),
    zone: t(locale, 'callback.zone'),
    days: 35,
    count: 2,
    index: 1,
    min: 1,
    max: 90,
    minutes: 5,
    seconds: 10,
    position: 3,
    remaining: 2,
    staff: 2,
    amount: '¥1,500.00',
    dueAmount: '¥1,500.00',
    overdue: '¥3,000.00',
    outstanding: '¥12,000.00',
    penalty: '¥120.00',
    fees: '¥0.00',
    minimum: '¥300.00',
    upTo: '¥120.00',
    rate: '6.5',
    task: zh ? '申请分期或协商还款' : 'Apply for a plan',
    percent: 50,
    counts: zh ? '3、6 或 12' : '3, 6 or 12',
    months: 12,
    when: zh ? '上周' : 'last week',
    first: '¥1,560.00',
    last: '¥1,440.00',
    product: zh ? '消费贷' : 'Consumer loan',
    name: zh ? '演示催收服务有限公司' : 'Demo Collection Services Ltd',
    agentName: zh ? '王女士' : 'Ms Wang',
    assignee: zh ? '演示催收服务有限公司' : 'Demo Collection Services Ltd',
    phones: '400-000-0002',
    number: '138****5678',
    mobile: '138****5678',
    court: zh ? '某市某区人民法院' : 'a district court',
    caseNumber: '（2026）沪0101民初1234号',
    party: zh ? '（某律师事务所）' : ' (a law firm)',
    place: t(locale, 'guidance.visit.place.home'),
    kind: t(locale, 'guidance.scam.kind.agency'),
    channel: t(locale, 'complaints.channel.phone'),
    who: t(locale, 'complaints.who.family'),
    status: t(locale, 'account.open.status.under_review'),
    description: zh ? '他们每天给我家人打电话' : 'They call my family every day',
    text: zh ? '您好，我来帮您看一下' : 'Hello, let me look into this',
  };
}

/**
 * Every message that confirms something filed for the borrower, listed by key (not found by a naming convention):
 * each must carry the record's reference. `kinds` ties every kind of filed record to its confirmation, so a new
 * kind of record does not compile until its confirmation is listed here.
 */
const CONFIRMATION_OF: Record<FiledRecord['kind'], MessageKey> = {
  plan_request: 'plan.filed',
  complaint: 'complaints.filed',
  callback: 'callback.filed',
  hardship_review: 'hardship.filed',
};
const FILED_CONFIRMATIONS: MessageKey[] = [
  ...Object.values(CONFIRMATION_OF),
  // A second submit answered with the record already filed.
  'plan.alreadySubmitted',
  'hardship.alreadySubmitted',
  // The callback when the registered mobile could not be read.
  'callback.filedNoMobile',
  // The hand-off ticket.
  'handoff.queued',
  'handoff.alreadyQueued',
  'handoff.queuedNext',
  'handoff.alreadyQueuedNext',
];

describe('message rendering', () => {
  it('fills placeholders and English plurals, and leaves a missing parameter visible', () => {
    expect(render('{n} {n:loan|loans} overdue', { n: 1 })).to.equal('1 loan overdue');
    expect(render('{n} {n:loan|loans} overdue', { n: 3 })).to.equal('3 loans overdue');
    expect(render('there {n:is|are} {n}', { n: 0 })).to.equal('there are 0');
    expect(render('{n:loan|loans} {x}', {})).to.equal('{n:loan|loans} {x}');
    expect(t('en', 'identity.noMatch', { remaining: 1 })).to.contain('1 more time.');
    expect(t('en', 'account.loan.overdue', { product: 'P', days: 1, overdue: '¥1', outstanding: '¥1', penalty: '¥0', fees: '¥0', dueDate: '-', dueAmount: '¥1' })).to.contain('1 day overdue');
  });
});

describe('tone rules over every catalog message', () => {
  const templates = allTemplates();
  const rendered = templates.map((x) => ({ ...x, text: render(x.template, sampleParams(x.locale)) }));

  it('has every message in all three locales', () => {
    const byKey = new Map<string, Set<string>>();
    for (const { key, locale } of templates) byKey.set(key, (byKey.get(key) ?? new Set()).add(locale));
    const incomplete = [...byKey].filter(([, locales]) => locales.size !== 3).map(([key]) => key);
    expect(incomplete).to.deep.equal([]);
    expect(byKey.size).to.be.greaterThan(20);
  });

  it('has a sample for every placeholder, so every message is checked fully rendered', () => {
    const unfilled = rendered.filter(({ text }) => /\{\w+(:[^{}]*)?\}/.test(text)).map(({ locale, key, text }) => `${locale} ${key}: ${text}`);
    expect(unfilled).to.deep.equal([]);
  });

  it('contains no phrase the tone rules forbid, in any locale, raw or rendered', () => {
    const offending = rendered
      .map(({ locale, key, template, text }) => ({ locale, key, rules: [...new Set([...toneViolations(template), ...toneViolations(text)])] }))
      .filter((x) => x.rules.length > 0);
    expect(offending, JSON.stringify(offending, null, 1)).to.deep.equal([]);
  });

  it('puts the reference number in every confirmation of a filed record (plan, complaint, callback, hardship review, hand-off ticket)', () => {
    for (const key of FILED_CONFIRMATIONS) {
      const found = rendered.filter((x) => x.key === key);
      expect(found.map((x) => x.locale).sort(), key).to.deep.equal(['en', 'zh-CN', 'zh-TW']);
      for (const { locale, template, text } of found) {
        expect(template, `${locale} ${key}`).to.contain('{reference}');
        expect(text, `${locale} ${key}`).to.contain(REFERENCE);
      }
    }
  });

  it('catches the phrases it is meant to catch', () => {
    const bad = [
      // arrest, jail, detention
      '逾期不还你会坐牢',
      'You will be arrested if you do not pay',
      "If you don't pay you will be arrested",
      '不还就抓你',
      '不能按时还就抓你',
      '你会被拘留',
      'You will go to jail',
      // blacklist
      '再不还就把你拉进黑名单',
      // a home visit called unlawful in itself
      '上门催收是违法的',
      '上门拜访本身就是不合法的',
      '外访本身是违法的',
      'Home visits are illegal',
      'A home visit is unlawful',
      'Visiting your home is illegal',
      // promises of approval, waivers, deletion
      '我们保证您的分期一定通过',
      'We guarantee the waiver',
      '接受方案后罚息将全部减免',
      '罚息保证减免',
      'We will waive the penalty interest',
      '还清后我们可以帮您删除征信记录',
      '还清后征信记录会被清除',
      '我们会帮您消除不良记录',
      'We will wipe your credit record',
      'Your record will be erased after you pay',
      // threats aimed at the borrower
      '不还钱就起诉你',
      '再不还就告你',
      '我们将起诉您',
      '您会被起诉',
      "We'll sue you",
      'We will take you to court',
      '这是最后警告',
      '我们会通知您的家人',
      // payment and codes
      '请转账到以下个人账户',
      '请告诉我您的验证码',
    ];
    for (const text of bad) expect(toneViolations(text), text).not.to.deep.equal([]);
  });

  it('does not flag what the bot may legitimately say: negations, reported claims, quoted scam words, conduct on a visit', () => {
    const fine = [
      // explaining collectors cannot arrest or detain
      '催收人员无权抓人或拘留您',
      '催收人员无权抓人，也不能拘留您',
      '您不会因为逾期被拘留',
      'Collectors cannot arrest you or put you in jail.',
      'Collectors have no power to detain you.',
      'If a collector says you will be arrested, that is generally not true.',
      // never promising deletion or waivers
      '我们无法删除真实的记录',
      '我们从不承诺删除征信记录',
      '征信记录不能被删除',
      'We never promise deletion.',
      'We never promise to delete or wipe credit records.',
      '我们不会承诺减免罚息',
      '我们不能保证结果，会认真审核',
      'We cannot guarantee the result.',
      '如果申请获批，罚息最多可减免部分金额，以审核结果为准',
      '我们会认真审核您的减免申请',
      '任何收费"征信修复""洗白征信"的服务都是骗局',
      'Anyone charging a fee to "repair" or "clean" your credit report is running a scam.',
      // reporting a threat to check it
      '如果有人说要起诉您，可以先通过 12368 核实',
      '催收说不还钱就起诉你，这种说法可以通过 12368 核实',
      'If a collector says they will sue you, check through 12368.',
      '律师函不是法院文书，它本身不代表已经起诉',
      // what is unlawful is conduct, not the visit
      '冒充公职人员是违法的',
      '上门催收本身并不违法，但威胁您是违法的',
      'A home visit is not illegal in itself, but threats are.',
      'Threats during a visit are illegal.',
      'Forcing entry during the visit is unlawful.',
      // ordinary words near the forbidden ones
      '请一定通过官方App还款',
      'We never ask you to pay into a personal account',
      'We can remove you from the queue',
    ];
    for (const text of fine) expect(toneViolations(text), text).to.deep.equal([]);
  });
});
