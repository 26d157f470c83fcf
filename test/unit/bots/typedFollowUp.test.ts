import { expect } from 'chai';
import { bareMobile, offersIn, typedFollowUp } from '../../../bots/typedFollowUp';

const NOW = Date.UTC(2026, 10, 20, 2, 0, 0); // Friday 10:00 in Shanghai
const ZONE = 'Asia/Shanghai';
const verifyButton = (intent: string) => ({ type: 'messageBack', title: 'verify', value: { intent, action: 'verify' } });
const bookButton = { type: 'messageBack', title: 'book', value: { intent: 'cannot_reach_collector', action: 'book' } };

describe('typed follow-ups to the last answer\'s buttons', () => {
  it('finds the verify and book offers among the sent activities, but not the scam check\'s verify', () => {
    expect(offersIn([{ text: 'a', suggestedActions: { to: [], actions: [bookButton, verifyButton('cannot_reach_collector')] } }])).to.deep.equal({
      book: 'cannot_reach_collector',
      verify: 'cannot_reach_collector',
    });
    expect(offersIn([{ suggestedActions: { to: [], actions: [verifyButton('verify_collector')] } }])).to.equal(undefined);
    expect(offersIn([{ text: 'plain' }, { suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'x', value: 'x' }] } }])).to.equal(undefined);
  });

  const cases: Array<[string, string, object | undefined]> = [
    ['mobile', '13800000002', { intent: 'doorstep_visit', action: 'verify', mobile: '13800000002' }],
    ['spaced mobile', '138 0000 0002', { intent: 'doorstep_visit', action: 'verify', mobile: '13800000002' }],
    ['+86 mobile', '+86 138-0000-0002', { intent: 'doorstep_visit', action: 'verify', mobile: '13800000002' }],
    ['mobile in a sentence', '我的手机号是13800000002', { intent: 'doorstep_visit', action: 'verify', mobile: '13800000002' }],
    ['mobile with ID characters (only the verification prompt takes and hides those)', '13800000002 234561', undefined],
    ['landline is not a mobile', '021-00000002', undefined],
    ['a sentence', '我的手机号你们不是有吗', undefined],
    ['a time', '明天上午', { intent: 'cannot_reach_collector', action: 'book' }],
    ['a time window', '今晚8点以后', { intent: 'cannot_reach_collector', action: 'book' }],
    ['English time', 'tomorrow morning', { intent: 'cannot_reach_collector', action: 'book' }],
    ['a sentence that mentions a time', '明天上午我再自己打过去试试看吧', undefined],
    ['a request for a call', '那你们明天给我回个电话吧', { intent: 'cannot_reach_collector', action: 'book' }],
    ['English request for a call', 'please call me back tomorrow', { intent: 'cannot_reach_collector', action: 'book' }],
    ['"stop calling me" is not a request for a call', '你们别再打给我了', undefined],
    ['empty', '', undefined],
  ];
  for (const [name, text, expected] of cases) {
    it(`reads "${text}" (${name})`, () => {
      expect(typedFollowUp({ verify: 'doorstep_visit', book: 'cannot_reach_collector' }, text, NOW, ZONE)).to.deep.equal(expected);
    });
  }

  it('after the lawsuit answer, leaves a bare number to "whose number is it?" (it may be the caller\'s), and takes "my mobile is…"', () => {
    expect(typedFollowUp({ verify: 'lawsuit_threat' }, '+86 139 1234 5678', NOW, ZONE)).to.equal(undefined);
    expect(typedFollowUp({ verify: 'lawsuit_threat' }, '我的手机号是13800000002', NOW, ZONE)).to.deep.equal({ intent: 'lawsuit_threat', action: 'verify', mobile: '13800000002' });
  });

  it("takes the hand-off's own 'book a callback' button (a plain label) as a booking offer", () => {
    expect(offersIn([{ suggestedActions: { to: [], actions: [{ type: 'imBack', title: '预约回电', value: '预约回电' }] } }])).to.deep.equal({
      book: 'cannot_reach_collector',
      personLater: true,
    });
    expect(offersIn([{ suggestedActions: { to: [], actions: [{ type: 'imBack', title: '查询欠款', value: '查询欠款' }] } }])).to.equal(undefined);
  });

  it('reads "how long must I wait?" after "nobody is available now" as asking for a person again', () => {
    for (const text of ['要等多久', '还要多久才有人', 'how long do I have to wait', '什么时候有人']) {
      expect(typedFollowUp({ book: 'cannot_reach_collector', personLater: true }, text, NOW, ZONE), text).to.deep.equal({ intent: 'human_agent' });
    }
    expect(typedFollowUp({ book: 'cannot_reach_collector' }, '要等多久', NOW, ZONE), 'after the callback offer of an answer').to.equal(undefined);
  });

  it('reads nothing without an offer, or a time when only verification was offered', () => {
    expect(typedFollowUp(undefined, '13800000002', NOW, ZONE)).to.equal(undefined);
    expect(typedFollowUp({ verify: 'credit_report' }, '明天上午', NOW, ZONE)).to.equal(undefined);
    expect(typedFollowUp({ book: 'cannot_reach_collector' }, '13800000002', NOW, ZONE)).to.equal(undefined);
  });

  it('finds a mobile number typed on its own, to ask whose it is, or to check it right after the scam check', () => {
    expect(bareMobile('13800000002', undefined)).to.deep.equal({ mobile: '13800000002' });
    expect(bareMobile('138 0000 0002', 'doorstep_visit')).to.deep.equal({ mobile: '13800000002' });
    expect(bareMobile('13800000002', 'verify_collector'), 'after the scam check: the caller\'s number').to.deep.equal({
      mobile: '13800000002',
      check: { intent: 'verify_collector', number: '13800000002' },
    });
    expect(bareMobile('13912345678一直打电话骂我', undefined), 'a number inside a sentence').to.equal(undefined);
    expect(bareMobile('021-00000002', undefined)).to.equal(undefined);
  });
});
