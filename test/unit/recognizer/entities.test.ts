import { expect } from 'chai';
import { extractEntities } from '../../../services/recognizer/entities/extractEntities';
import type { Entity } from '../../../services/recognizer/intentRecognizer';

// Friday 2026-11-20 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);
const TZ = 'Asia/Shanghai';
/** Local Shanghai wall time → ISO instant. */
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h - 8, min)).toISOString();

type Expected = Partial<Entity> & { type: Entity['type'] };
const money = (text: string, fen: number, extra: Partial<Extract<Entity, { type: 'money' }>> = {}): Expected => ({ type: 'money', text, fen, ...extra });
const months = (text: string, n: number): Expected => ({ type: 'installments', text, months: n });
const when = (text: string, from: string, to: string): Expected => ({ type: 'datetime', text, from, to });
const phone = (text: string, digits: string): Expected => ({ type: 'phone', text, digits });

const CASES: Array<[string, Expected[]]> = [
  // money, zh-CN
  ['1500', [money('1500', 150000)]],
  ['1,500元', [money('1,500元', 150000)]],
  ['一千五', [money('一千五', 150000)]],
  ['1.5千', [money('1.5千', 150000)]],
  ['1.5万', [money('1.5万', 1500000)]],
  ['一万二', [money('一万二', 1200000)]],
  ['¥3000', [money('¥3000', 300000)]],
  ['￥3,000.50', [money('￥3,000.50', 300050)]],
  ['3k', [money('3k', 300000)]],
  ['两三千', [money('两三千', 200000, { maxFen: 300000 })]],
  ['最多两千', [money('最多两千', 200000, { maxFen: 200000, bound: 'atMost' })]],
  ['1500左右', [money('1500左右', 150000, { approximate: true })]],
  ['每个月只能还一千', [money('一千', 100000)]],
  ['欠了三万五千块', [money('三万五千块', 3500000, { role: 'debt' })]],
  ['工资只有三千，房租一千五，每月只能还五百', [money('三千', 300000, { role: 'income' }), money('一千五', 150000, { role: 'expense' }), money('五百', 50000)]],
  ['工资到手能还1500', [money('1500', 150000)]],
  ['大概两千块', [money('大概两千块', 200000, { approximate: true })]],
  ['1万2', [money('1万2', 1200000)]],
  ['至少500', [money('至少500', 50000, { bound: 'atLeast' })]],
  ['两千到三千', [money('两千到三千', 200000, { maxFen: 300000 })]],
  ['五百块钱', [money('五百块钱', 50000)]],
  ['罚息200多', [money('200多', 20000, { approximate: true })]],
  // money, zh-TW
  ['每月還兩千塊', [money('兩千塊', 200000)]],
  ['一萬二', [money('一萬二', 1200000)]],
  ['最多三千元', [money('最多三千元', 300000, { maxFen: 300000, bound: 'atMost' })]],
  // money, English
  ['I can pay $200', [money('$200', 20000)]],
  ['about 2000 yuan a month', [money('about 2000 yuan', 200000, { approximate: true })]],
  ['at most 1,500 rmb', [money('at most 1,500 rmb', 150000, { maxFen: 150000, bound: 'atMost' })]],
  ['I owe 3k', [money('3k', 300000, { role: 'debt' })]],
  ['I earn 3000 a month and can pay 500', [money('3000', 300000, { role: 'income' }), money('500', 50000)]],
  // installments
  ['12期', [months('12期', 12)]],
  ['分12个月', [months('12个月', 12)]],
  ['我一个月只能拿出一百块', [money('一百块', 10000)]],
  ['延期一个月', [months('一个月', 1)]],
  ['一年', [months('一年', 12)]],
  ['半年', [months('半年', 6)]],
  ['一年半还完', [months('一年半', 18)]],
  ['分成二十四期', [months('二十四期', 24)]],
  ['分兩年還', [months('兩年', 24)]],
  ['分六個月', [months('六個月', 6)]],
  ['24 months', [months('24 months', 24)]],
  ['twelve installments', [months('twelve installments', 12)]],
  ['over two years', [months('two years', 24)]],
  ['几百块吧', []],
  ['每个月几千', []],
  ['第3期还没还', []],
  ['逾期30天', []],
  // dates and time windows (now: Friday 2026-11-20 10:00)
  ['下周三', [when('下周三', at(2026, 11, 25), at(2026, 11, 26))]],
  ['15号', [when('15号', at(2026, 12, 15), at(2026, 12, 16))]],
  ['25号', [when('25号', at(2026, 11, 25), at(2026, 11, 26))]],
  ['明天上午', [when('明天上午', at(2026, 11, 21, 9), at(2026, 11, 21, 12))]],
  ['今晚8点以后', [when('今晚8点以后', at(2026, 11, 20, 20), at(2026, 11, 20, 22))]],
  ['周六下午', [when('周六下午', at(2026, 11, 21, 13), at(2026, 11, 21, 18))]],
  ['明天下午3点', [when('明天下午3点', at(2026, 11, 21, 15), at(2026, 11, 21, 16))]],
  ['后天', [when('后天', at(2026, 11, 22), at(2026, 11, 23))]],
  ['下个月15号', [when('下个月15号', at(2026, 12, 15), at(2026, 12, 16))]],
  ['3月5日', [when('3月5日', at(2027, 3, 5), at(2027, 3, 6))]],
  ['3点到5点', [when('3点到5点', at(2026, 11, 20, 15), at(2026, 11, 20, 17))]],
  ['下午', [when('下午', at(2026, 11, 20, 13), at(2026, 11, 20, 18))]],
  ['明天早上9点半', [when('明天早上9点半', at(2026, 11, 21, 9, 30), at(2026, 11, 21, 10, 30))]],
  ['下週三下午', [when('下週三下午', at(2026, 11, 25, 13), at(2026, 11, 25, 18))]],
  ['明天晚上', [when('明天晚上', at(2026, 11, 21, 18), at(2026, 11, 21, 22))]],
  ['星期一上午', [when('星期一上午', at(2026, 11, 23, 9), at(2026, 11, 23, 12))]],
  ['下周', [when('下周', at(2026, 11, 23), at(2026, 11, 30))]],
  ['next week', [when('next week', at(2026, 11, 23), at(2026, 11, 30))]],
  ['过两天再打', [when('过两天', at(2026, 11, 22), at(2026, 11, 23))]],
  ['月底吧', [when('月底', at(2026, 11, 30), at(2026, 12, 1))]],
  ['下个月底下午', [when('下个月底下午', at(2026, 12, 31, 13), at(2026, 12, 31, 18))]],
  ['下个月初', [when('下个月初', at(2026, 12, 1), at(2026, 12, 2))]],
  ['by the end of the month', [when('by the end of the month', at(2026, 11, 30), at(2026, 12, 1))]],
  ['上周五', [when('上周五', at(2026, 11, 13), at(2026, 11, 14))]],
  ['上礼拜三', [when('上礼拜三', at(2026, 11, 11), at(2026, 11, 12))]],
  ['上个月15号', [when('上个月15号', at(2026, 10, 15), at(2026, 10, 16))]],
  ['last friday', [when('last friday', at(2026, 11, 13), at(2026, 11, 14))]],
  ['凌晨2点', [when('凌晨2点', at(2026, 11, 21, 2), at(2026, 11, 21, 3))]],
  ['半夜12点', [when('半夜12点', at(2026, 11, 21, 0), at(2026, 11, 21, 1))]],
  ['晚上12点', [when('晚上12点', at(2026, 11, 21, 0), at(2026, 11, 21, 1))]],
  ['深夜11点', [when('深夜11点', at(2026, 11, 20, 23), at(2026, 11, 21, 0))]],
  ['明天凌晨三点', [when('明天凌晨三点', at(2026, 11, 21, 3), at(2026, 11, 21, 4))]],
  ['tomorrow morning', [when('tomorrow morning', at(2026, 11, 21, 9), at(2026, 11, 21, 12))]],
  ['after 8pm', [when('after 8pm', at(2026, 11, 20, 20), at(2026, 11, 20, 22))]],
  ['on saturday afternoon', [when('saturday afternoon', at(2026, 11, 21, 13), at(2026, 11, 21, 18))]],
  ['tomorrow at 3pm', [when('tomorrow', at(2026, 11, 21), at(2026, 11, 22)), when('3pm', at(2026, 11, 20, 15), at(2026, 11, 20, 16))]],
  // phones and loan references
  ['我的手机是138 1234 5678', [phone('138 1234 5678', '13812345678')]],
  ['+86 139-0000-1111', [phone('+86 139-0000-1111', '13900001111')]],
  ['来电021-12345678是你们吗', [phone('021-12345678', '02112345678')]],
  ['95188是你们的号码吗', [phone('95188', '95188')]],
  ['someone from 021-6688 9900 says he is from you', [phone('021-6688 9900', '02166889900')]],
  ['（0755）8888 6666打给我', [phone('（0755）8888 6666', '075588886666')]],
  ['(010)87654321', [phone('(010)87654321', '01087654321')]],
  ['call me on 13700001234', [phone('13700001234', '13700001234')]],
  ['借款编号：LN20240011', [{ type: 'loan_ref', text: 'LN20240011', id: 'LN20240011', kind: 'loan' }]],
  ['loan id jk-2023000123', [{ type: 'loan_ref', text: 'jk-2023000123', id: 'JK-2023000123', kind: 'loan' }]],
  ['安心借怎么还', [{ type: 'loan_ref', text: '安心借', id: '安心借', kind: 'product' }]],
  // several in one message; nothing where there is nothing
  ['分12期 每月还一千五 明天上午打给我', [months('12期', 12), money('一千五', 150000), when('明天上午', at(2026, 11, 21, 9), at(2026, 11, 21, 12))]],
  ['我想分期还款', []],
  ['你好', []],
];

describe('entity extraction', () => {
  it('has at least 60 table cases', () => {
    expect(CASES.length).to.be.at.least(60);
  });

  it('gives an amount to pay the role "payment", and an amount with no words about it no role', () => {
    const lastMoney = (text: string) => extractEntities(text, { now: NOW, timeZone: TZ }).filter((e) => e.type === 'money').at(-1);
    for (const text of ['每个月只能还一千', '我逾期了能还500吗', '欠款还剩两万，我每月还一千', '工资到手能还1500', 'I can only afford 300']) {
      expect(lastMoney(text), text).to.include({ role: 'payment' });
    }
    for (const text of ['my current balance is 500', '1500', '一千五左右']) {
      expect(lastMoney(text), text).to.be.an('object').and.not.to.have.property('role');
    }
  });

  for (const [text, expected] of CASES) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const found = extractEntities(text, { now: NOW, timeZone: TZ, productNames: ['安心借'] });
      expect(found.length, JSON.stringify(found)).to.equal(expected.length);
      expected.forEach((e, i) => {
        expect(found[i]).to.include(e);
        expect(text.slice(found[i].start, found[i].end)).to.equal(found[i].text);
      });
    });
  }
});
