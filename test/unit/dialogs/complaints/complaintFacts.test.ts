import { expect } from 'chai';
import { asksToStopContact, channelMentioned, complaintCategory, contactedMentioned, complaintPriority, namesRegulator, openingDescription, pastDateOf, saysWhenVaguely } from '../../../../dialogs/complaints/complaintFacts';
import { displayPhone, saysNumberUnknown } from '../../../../dialogs/guidance/turnEntities';
import { formatWeekdays, formatWindow } from '../../../../dialogs/complaints/timeText';
import { extractEntities } from '../../../../services/recognizer/entities/extractEntities';

const TZ = 'Asia/Shanghai';
const NOW = Date.UTC(2026, 10, 20, 2, 0, 0); // Friday 2026-11-20 10:00 in Beijing
const dateOf = (text: string) => pastDateOf(text, extractEntities(text, { now: NOW, timeZone: TZ }), NOW, TZ);

describe('complaint facts', () => {
  it('reads the channel a description names, and "they called me names" as none', () => {
    expect(channelMentioned('he called my boss and told him I am a thief')).to.equal('phone');
    expect(channelMentioned('他们把我的照片发到了我家族群里')).to.equal('social');
    expect(channelMentioned('They called me names and threatened me')).to.equal(undefined);
    expect(channelMentioned('a guy keeps texting me saying he will post my photo online')).to.equal('sms');
    expect(channelMentioned('he texted my sister')).to.equal('sms');
    expect(contactedMentioned('催收说要把我的信息发到我所有联系人那里')).to.equal('friends');
    expect(contactedMentioned('催收成日打電話俾我老豆'), 'Cantonese: dad').to.equal('family');
    expect(contactedMentioned('他们还给我哥哥打电话')).to.equal('family');
  });

  it('hears a time with no day ("上周", "最近一直这样", "last week"), and not a day or a story', () => {
    for (const text of ['上周', '从上周开始一直这样', '上个月', '大概上周吧', '最近一直这样', '前几天', '两个星期前', '天天都打', 'last week', 'a few days ago', 'recently']) {
      expect(saysWhenVaguely(text), text).to.equal(true);
    }
    for (const text of ['昨天', '11月18日', '他们骂我妈，我妈都气哭了，最近天天这样', '不记得了', 'yesterday', '']) {
      expect(saysWhenVaguely(text), text).to.equal(false);
    }
  });

  it('does not take "stop calling me" for a description of what happened, and keeps the story told beside it', () => {
    for (const text of ['stop calling me', 'please stop calling me', '别再打电话给我了', '你们不要再打给我了', '不要再骚扰我了']) {
      expect(openingDescription(text), text).to.equal(undefined);
    }
    expect(openingDescription('别再打我妈电话了，她都被吓哭了')).to.equal('别再打我妈电话了，她都被吓哭了');
    expect(openingDescription('stop calling my mother, she is 70 and scared')).to.equal('stop calling my mother, she is 70 and scared');
  });

  it('hears a request to stop the calls, or to be reached another way, that tells nothing that happened', () => {
    for (const text of ['别再打电话给我了', '不要再打电话了，我会还的', '你们能不能不要再给我发短信了', '能不能只通过短信联系我，不要打电话', '我在上班，别打电话', 'stop calling me', "I'm at work, text me instead"]) {
      expect(asksToStopContact(text), text).to.equal(true);
    }
    for (const text of ['别再打电话给我妈了', '不要再骚扰我了，我要投诉', '催收天天打我家人电话', 'stop calling my mother, she is 70 and scared', '他们骂我', '']) {
      expect(asksToStopContact(text), text).to.equal(false);
    }
  });

  it('does not take "I will complain to the regulator" for a description of what happened', () => {
    for (const text of ['我要去金融监管局投诉你们', '我要打12378投诉你们', '我要去银保监会举报你们', 'I will report you to the regulator']) {
      expect(namesRegulator(text), text).to.equal(true);
      expect(openingDescription(text), text).to.equal(undefined);
    }
    expect(openingDescription('催收天天骂我，我要去监管局投诉')).to.equal('催收天天骂我，我要去监管局投诉');
    expect(namesRegulator('催收天天打我家人电话')).to.equal(false);
  });

  it('reads the day a complaint is about, never in the future', () => {
    expect(dateOf('今天')).to.equal('2026-11-20');
    expect(dateOf('昨天晚上')).to.equal('2026-11-19');
    expect(dateOf('前天')).to.equal('2026-11-18');
    expect(dateOf('上周五')).to.equal('2026-11-13');
    expect(dateOf('上个月15号')).to.equal('2026-10-15');
    expect(dateOf('last Friday')).to.equal('2026-11-13');
    expect(dateOf('yesterday')).to.equal('2026-11-19');
    // The extractor reads these forwards (next month's 15th, next year's 11-18, the coming Wednesday).
    expect(dateOf('15号')).to.equal('2026-11-15');
    expect(dateOf('11月18日')).to.equal('2026-11-18');
    expect(dateOf('周三')).to.equal('2026-11-18');
    expect(dateOf('很久以前')).to.equal(undefined);
  });

  it('hears "no number" typed at the caller-number question, never when digits are given', () => {
    for (const text of ['没有', '沒有', '不知道', '不知道名字', '号码隐藏了', '来电没显示号码', '忘了', '跳过', 'no', 'No idea', "I don't know", 'it was a hidden number', 'none', "I don't have the number"])
      expect(saysNumberUnknown(text), text).to.equal(true);
    for (const text of ['13812345678', '不知道，好像是138开头', '400 123 4567', '打电话', '他骂我', 'yes', 'nothing more to say'])
      expect(saysNumberUnknown(text), text).to.equal(false);
  });

  it('echoes a number the way it is written: mobiles masked, service numbers grouped, landlines with their area code', () => {
    const cases: Array<[string, string]> = [
      ['13812345678', '138****5678'],
      ['+86 138 1234 5678', '138****5678'],
      ['4001234567', '400-123-4567'],
      ['02112345678', '021-12345678'],
      ['01087654321', '010-87654321'],
      ['057112345678', '0571-12345678'],
      ['07551234567', '0755-1234567'],
      ['95188', '95188'],
    ];
    for (const [typed, shown] of cases) expect(displayPhone(typed), typed).to.equal(shown);
  });

  it('categorises from what the borrower said and who was contacted; a preset category wins', () => {
    expect(complaintCategory('他说要弄死我', 'self')).to.equal('threat');
    expect(complaintCategory('说我要坐牢', 'family')).to.equal('threat');
    expect(complaintCategory('有人冒充法院的人', 'self')).to.equal('impersonation');
    expect(complaintCategory('每天打电话', 'employer')).to.equal('third_party_contact');
    expect(complaintCategory('每天打十几个电话', 'self')).to.equal('harassment');
    expect(complaintCategory('每天打电话', 'self', 'threat')).to.equal('threat');
    for (const c of ['harassment', 'threat', 'impersonation', 'third_party_contact'] as const) expect(complaintPriority(c)).to.equal('high');
  });

  it('writes weekdays and windows the way borrowers read them', () => {
    expect(formatWeekdays('zh-CN', [1, 2, 3, 4, 5])).to.equal('周一至周五');
    expect(formatWeekdays('en', [1, 3, 6, 7])).to.equal('Mon, Wed, Sat, Sun');
    expect(formatWindow('zh-TW', { from: '2026-11-21T05:00:00.000Z', to: '2026-11-21T10:00:00.000Z' }, TZ)).to.equal('2026-11-21（週六） 13:00–18:00');
  });
});
