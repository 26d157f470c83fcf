import { expect } from 'chai';
import { announcesAQuestion, asksAbout12378, asksAboutACharge, callsCollectionUnlawful, asksAboutSomeoneElsesDebt, asksForDocument, isInsultOnly, promisesToPay, meansToSueTheLender, refusesToPay, asksToMoveDueDate, asksWhatToDoWhenOverdue, asksWhyAnAgency, complainsOfOtherThanCollection, disputesTheRate, isPlea, notTheBorrower, wantsPolice } from '../../../bots/fixedReplies';
import { asksForHotline, toldFearOnly } from '../../../bots/inputText';
import { parseConfig } from '../../../services/config/config';
import { intentLabel } from '../../../dialogs/menu';
import { t } from '../../../dialogs/messages';
import { botHarness, buttonsOf, textOf } from '../../helpers/botHarness';

describe('wanting to call the police', () => {
  it('hears the borrower meaning to call the police, or asking whether to', () => {
    for (const text of ['我要报警', '我想报警', '我现在就去报警！', '能报警吗', '要不要报警', '可以报警吗', '我要報警', 'I will call the police', 'should I call the police?', 'can I call the police']) {
      expect(wantsPolice(text), text).to.equal(true);
    }
  });

  it('leaves a report of what someone else said about the police to the recogniser', () => {
    for (const text of ['他们说要报警抓我', '催收说要报警', '报警有用吗我被他们骂了三个月了每天打几十个电话真的受不了', 'they said they would call the police', '']) {
      expect(wantsPolice(text), text).to.equal(false);
    }
  });
});

describe('a plea ("救救我")', () => {
  it('knows a plea from a request', () => {
    for (const text of ['救救我', '救命啊！', '求求你们了', '求你们了', 'please help me', 'SOS']) expect(isPlea(text), text).to.equal(true);
    for (const text of ['帮帮我分期', '救救我，我还不起了想分期', '求求你们别打电话了', 'help', '']) expect(isPlea(text), text).to.equal(false);
  });
});

describe('fear told alone ("我好害怕")', () => {
  it('hears fear or overwhelm told with nothing else, in the three languages', () => {
    for (const text of ['我好害怕', '我好害怕，怎么办', '我真的好怕啊', '我现在很慌', '我快崩溃了', '压力太大了，晚上都睡不着', '好焦虑啊我该怎么办', '我好害怕，怎麼辦', "I'm so scared", 'I am really anxious, what should I do?']) {
      expect(toldFearOnly(text), text).to.equal(true);
    }
  });

  it('leaves fear told beside a task, and words of wanting to die, to the recogniser and the distress check', () => {
    for (const text of ['催收天天打我家人电话，我好害怕', '我好害怕他们上门', '害怕上征信', '我不想活了', 'scared of the lawsuit', '']) {
      expect(toldFearOnly(text), text).to.equal(false);
    }
  });
});

describe('the collection called unlawful ("你们这样催收是违法的")', () => {
  it('hears the claim made with nothing told of what happened', () => {
    for (const text of ['你们这样催收是违法的', '催收这样做是违法的吧', '你们这是违法催收', "what you're doing is illegal"]) expect(callsCollectionUnlawful(text), text).to.equal(true);
  });

  it('leaves conduct told beside it, a question and a task to the rest of the bot', () => {
    for (const text of ['天天打电话骚扰是犯法的', '催收打我家人电话是违法的', '违法吗', '你们这样是违法的，我要投诉', '逾期会违法吗', '']) expect(callsCollectionUnlawful(text), text).to.equal(false);
  });
});

describe('a question announced ("我想问一下")', () => {
  it('knows a question still to come from one asked', () => {
    for (const text of ['我想问一下', '我想咨询一下', '有个问题', '问一下', '我想問一下', 'I have a question', 'can I ask something?']) expect(announcesAQuestion(text), text).to.equal(true);
    // After a greeting, the greeting's answer serves ("有什么可以帮您？").
    for (const text of ['我想问一下我还欠多少', '问一下怎么还款', 'I have a question about my loan', '你好，请问一下', '']) expect(announcesAQuestion(text), text).to.equal(false);
  });
});

describe('someone who is not the borrower', () => {
  it('tells a third party and a misused identity from a borrower disputing the debt', () => {
    for (const text of ['我不是借款人，别再打给我了', '你们打错了', '打错人了吧', '我不认识他，别打了', '我从来没借过钱', 'wrong number', "I'm not the borrower"]) {
      expect(notTheBorrower(text), text).to.equal('third_party');
    }
    for (const text of ['号码被冒用了，我没借过钱', '有人冒用我的身份借款', 'this is identity theft']) expect(notTheBorrower(text), text).to.equal('identity_misused');
    for (const text of ['我没借过这么多钱', '我打错了字', '不是我的问题', '我还欠多少', '']) expect(notTheBorrower(text), text).to.equal(undefined);
  });
});

describe('a document the lender issues ("结清证明怎么开")', () => {
  it('hears a request for a settlement certificate, a proof of payment or the contract', () => {
    for (const text of ['结清证明怎么开', '我要开结清证明', '能给我一份还款证明吗', '借款合同在哪里看', '結清證明怎麼申請', 'I need a settlement certificate', 'how do I get proof of payment', 'can you send me a copy of my loan contract']) {
      expect(asksForDocument(text), text).to.equal(true);
    }
  });

  it('leaves a payment not credited, and everything else, to the recogniser', () => {
    for (const text of ['我有还款凭证，为什么还显示逾期', '已经还了，这是还款凭证', '我已经结清了', '合同上写的利息是多少', 'I have proof of payment but it still shows overdue', '']) {
      expect(asksForDocument(text), text).to.equal(false);
    }
  });
});

describe("someone asking about another person's debt", () => {
  it('hears a relative or friend asking what the borrower owes, or to pay it for them', () => {
    for (const text of ['你好，我是借款人的妈妈，我儿子欠了你们多少钱，我替他还', '我老公借了你们多少钱', '我替我儿子还', '我是他的妻子', '我兒子欠了你們多少錢', 'how much does my son owe', "I'm his mother"]) {
      expect(asksAboutSomeoneElsesDebt(text), text).to.equal(true);
    }
  });

  it("leaves the borrower's own questions, and a relative who is being called, to the rest of the bot", () => {
    for (const text of ['催收打给我妈妈', '我妈妈生病了还不起', '帮我还款', '我欠了多少', '我老公欠钱催收天天打我电话', 'my mother is ill and I cannot pay', '']) {
      expect(asksAboutSomeoneElsesDebt(text), text).to.equal(false);
    }
  });
});

describe('a complaint about something other than collection', () => {
  it('hears a complaint about a deduction, a charge, the service or the app', () => {
    for (const text of ['我要投诉你们乱扣款', '我要投诉你们客服态度差', '投诉你们App老是闪退', '我要投訴你們亂扣款', 'I want to complain about a wrong deduction', 'I want to file a complaint about the app']) {
      expect(complainsOfOtherThanCollection(text), text).to.equal(true);
    }
  });

  it('leaves complaints about collectors, and messages that complain of nothing, to the complaint intake and the recogniser', () => {
    for (const text of ['我要投诉催收', '你们客服天天打电话骂我，我要投诉', '投诉催收员乱扣款还威胁我', '自动扣款失败了怎么办', 'I want to complain about a collector', 'your agents keep calling me, I will complain', '']) {
      expect(complainsOfOtherThanCollection(text), text).to.equal(false);
    }
  });
});

describe('the rate called usury ("是高利贷吧")', () => {
  it('hears the rate or the charges called usury or unlawful', () => {
    for (const text of ['你们是不是骗子公司，利息这么高是高利贷吧', '年化利率超过24%是不是不用还', '你们的利率合法吗', '這是高利貸吧', 'this is usury', 'is your interest rate illegal?', "you people are thieves, i'm not paying a cent of this illegal interest"]) {
      expect(disputesTheRate(text), text).to.equal(true);
    }
  });

  it('leaves "the interest is too high" and a task asked beside it to the recogniser', () => {
    for (const text of ['利息太高了', '利息太高了，我想分期', '这是高利贷，我要投诉', '罚息是多少', 'the interest is too high, can I get a plan', '分24期', '']) {
      expect(disputesTheRate(text), text).to.equal(false);
    }
  });
});

describe('why the debt went to an outside agency ("凭什么把我的信息给催收公司")', () => {
  it('hears the borrower ask why, or by what right, the debt or their details went to an agency', () => {
    for (const text of ['你们凭什么把我的信息给催收公司', '第三方催收合法吗，你们外包给别人', '為什麼把我的欠款轉給催收公司', 'why did you pass my debt to a collection agency?', 'who gave my number to a third party collector', '你们的催收是外包公司吗', '给我打电话的是不是第三方', '催收是你们自己的人还是外包的', 'is the collector a third party?']) {
      expect(asksWhyAnAgency(text), text).to.equal(true);
    }
  });

  it('leaves complaints about an agency, tasks beside it, and agencies merely named to the rest of the bot', () => {
    for (const text of ['催收公司天天打电话骂我', '你们把我的信息给催收公司，我要投诉', '催收公司的电话是多少', '我想找第三方帮我协商', 'the collection agency keeps calling me', '']) {
      expect(asksWhyAnAgency(text), text).to.equal(false);
    }
  });
});

describe('"逾期了怎么办": what to do now, with no task named', () => {
  it('hears it asked in a few words, in each language', () => {
    for (const text of ['逾期了怎么办', '借呗逾期了该怎么处理', '你好，我逾期了怎么办啊', '借唄逾期了怎麼辦', '预期了怎么办', '我的loan overdue了怎么办', "I'm overdue, what should I do?", 'my loan is overdue. what can I do']) {
      expect(asksWhatToDoWhenOverdue(text), text).to.equal(true);
    }
  });

  it('leaves a task or a question named beside it to the recogniser', () => {
    for (const text of ['逾期了怎么还款', '逾期了怎么办，能分期吗', '逾期了会怎么样', '逾期了会上征信吗', '逾期三个月了被起诉怎么办', 'I am overdue, can I get a plan?', '']) {
      expect(asksWhatToDoWhenOverdue(text), text).to.equal(false);
    }
  });
});

describe('moving the due date ("能不能把还款日改到每月15号")', () => {
  it('hears a request to move the due date, and leaves a hardship or a plan asked beside it to the plan request', () => {
    for (const text of ['能不能把还款日改到每月15号', '还款日可以换一下吗', '我想调整扣款日', '還款日能改嗎', 'can I change my due date?']) expect(asksToMoveDueDate(text), text).to.equal(true);
    for (const text of ['还款日是哪天', '我还不起了，能把还款日推迟吗', '能不能分期，还款日改到15号', 'when is my due date', '']) expect(asksToMoveDueDate(text), text).to.equal(false);
  });
});

describe('the borrower means to sue the lender ("我要起诉你们")', () => {
  it('hears the borrower sue, and leaves the lender or a collector suing the borrower to the lawsuit answer', () => {
    for (const text of ['我要起诉你们', '我要去法院告你们', '我一定要起訴你們', "I'm going to sue you", 'I will take you to court']) expect(meansToSueTheLender(text), text).to.equal(true);
    for (const text of ['你们要起诉我吗', '催收说要起诉我', '他们说要告我', 'will you sue me?', '']) expect(meansToSueTheLender(text), text).to.equal(false);
  });
});

describe('refusing to pay, and insults at us', () => {
  it('hears a refusal to pay, and leaves a request beside it to the recogniser', () => {
    for (const text of ['我不想还了', '爱怎么样怎么样，反正我没钱', '我不會還的', "I'm not paying", 'I won\'t pay']) expect(refusesToPay(text), text).to.equal(true);
    for (const text of ['我不想还这么多，能分期吗', '不想还了怎么还款', '我想还钱', 'how do I pay', '']) expect(refusesToPay(text), text).to.equal(false);
  });

  it('hears an insult at us alone, and leaves an insult told about a collector to the complaint intake', () => {
    for (const text of ['你们这些吸血鬼', '垃圾平台', '傻逼客服', 'you people are crooks']) expect(isInsultOnly(text), text).to.equal(true);
    for (const text of ['催收员骂我是吸血鬼的儿子', '你们是不是骗子', '这个催收就是流氓，天天打电话', '']) expect(isInsultOnly(text), text).to.equal(false);
  });
});

describe('how a charge came about, and a day the borrower will pay', () => {
  it('hears why a charge is what it is, and leaves the amount, a waiver, a plan and usury to the rest of the bot', () => {
    for (const text of ['罚息为什么这么多', '这个费用是什么费用', '罚息怎么算的', 'why is the penalty so high', 'what are these fees for']) expect(asksAboutACharge(text), text).to.equal(true);
    for (const text of ['罚息是多少', '罚息能减免吗', '利息太高了，我想分期', '我要投诉你们乱收费用', '']) expect(asksAboutACharge(text), text).to.equal(false);
  });

  it('hears a day the borrower will pay, and leaves a question or a request beside it to the rest of the bot', () => {
    for (const text of ['我明天就还', '下周一还', '发工资后就还', '我月底发工资了就还', '等我发工资就还', '工资到了就还', "I'll pay tomorrow"]) expect(promisesToPay(text), text).to.equal(true);
    for (const text of ['明天还款日是哪天', '我明天就还一部分，剩下的能分期吗', '明天', '我还了', '我会还的', '还', '']) expect(promisesToPay(text), text).to.equal(false);
  });
});

describe('fixed answers in a conversation', () => {
  let bot: Awaited<ReturnType<typeof botHarness>>;
  beforeEach(async () => (bot = await botHarness()));
  afterEach(async () => bot.close());

  it('"我要报警": when to call 110 and 96110, a complaint, the caller check and a person', async () => {
    const replies = await bot.say('我要报警');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.police'));
    expect(buttonsOf(replies)).to.deep.equal((['harassment_complaint', 'verify_collector', 'human_agent'] as const).map((i) => intentLabel('zh-CN', i)));
    expect(textOf(await bot.say({ text: 'should I call the police?', locale: 'en-US' }))).to.equal(t('en', 'core.police'));
  });

  it('the rate called usury: the contract decides, the private-lending cap does not bind a licensed lender, 12378, a court decides', async () => {
    const replies = await bot.say('你们是不是骗子公司，利息这么高是高利贷吧');
    const text = textOf(replies);
    expect(text).to.equal(t('zh-CN', 'core.rateDispute'));
    expect(text).to.contain('借款合同为准').and.to.contain('不适用于持牌金融机构').and.to.contain('12378').and.to.contain('法院');
    expect(text, 'no cap is named as binding this lender').not.to.match(/超过.{0,10}(违法|无效)/);
    expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'account_status'), intentLabel('zh-CN', 'human_agent')]);
  });

  it("someone else's debt: only the borrower, once verified, hears about it; never a verification for the one asking", async () => {
    const replies = await bot.say('你好，我是借款人的妈妈，我儿子欠了你们多少钱，我替他还');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.someoneElsesDebt'));
    expect(textOf(replies)).not.to.contain(t('zh-CN', 'identity.askMobile'));
    expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
  });

  it('ID characters or a code typed when nothing asked for them (after a lock): where they belong, never "outside what I can help with"', async () => {
    for (const typed of ['12345X', '482913']) {
      const replies = await bot.say(typed);
      expect(textOf(replies)).to.equal(t('zh-CN', 'core.secretOutOfPlace'));
      expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'account_status'), intentLabel('zh-CN', 'human_agent')]);
    }
  });

  it('a complaint about a deduction or the service: a person, the app, the records to keep, 12378; not the collection intake', async () => {
    const replies = await bot.say('我要投诉你们乱扣款');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.otherComplaint'));
    expect(textOf(replies)).not.to.contain(t('zh-CN', 'complaints.askWhat'));
    expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent'), intentLabel('zh-CN', 'account_status')]);
  });

  it('why an outside agency: it may, after telling the borrower, under the same rules; the caller check, a complaint, a person, the team once verified', async () => {
    const replies = await bot.say('你们凭什么把我的信息给催收公司');
    const text = textOf(replies);
    expect(text).to.equal(t('zh-CN', 'core.agency'));
    expect(text).to.contain('委托前应当告知您').and.to.contain('不得冒充').and.to.contain('12378');
    expect(buttonsOf(replies)).to.deep.equal([
      ...(['verify_collector', 'harassment_complaint', 'human_agent'] as const).map((i) => intentLabel('zh-CN', i)),
      t('zh-CN', 'guidance.button.verify'),
    ]);
    expect(textOf(await bot.say({ text: 'why did you pass my debt to a collection agency?', locale: 'en-US' }))).to.equal(t('en', 'core.agency'));
  });

  it('"逾期了怎么办": pay through the app if possible, a plan if not, the account once verified, no arrest; never "which did you mean?"', async () => {
    const replies = await bot.say('逾期了怎么办');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.overdueWhatNow'));
    expect(textOf(replies)).to.contain('官方 App').and.to.contain('分期').and.to.contain('不会因为还不上钱被抓');
    expect(buttonsOf(replies)).to.deep.equal((['account_status', 'installment_plan', 'repayment_howto', 'human_agent'] as const).map((i) => intentLabel('zh-CN', i)));
  });

  it('moving the due date: a person decides, a plan if paying is the trouble; not the plan flow', async () => {
    const replies = await bot.say('能不能把还款日改到每月15号');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.dueDateChange'));
    expect(buttonsOf(replies)).to.deep.equal((['human_agent', 'installment_plan', 'account_status'] as const).map((i) => intentLabel('zh-CN', i)));
  });

  it('"我要起诉你们": the borrower\'s right, a complaint first if they like, 12378, a lawyer; not the facts of being sued', async () => {
    const replies = await bot.say('我要起诉你们');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.borrowerSues'));
    expect(textOf(replies)).not.to.contain('律师函不是法院文书');
    expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'harassment_complaint'), intentLabel('zh-CN', 'human_agent')]);
  });

  it('"我不想还了": what happens then, plainly and without threats, and a plan or a person; an insult: heard, and the menu', async () => {
    const refused = await bot.say('我不想还了');
    expect(textOf(refused)).to.equal(t('zh-CN', 'core.refusesToPay'));
    expect(textOf(refused)).to.contain('罚息').and.to.contain('征信').and.to.contain('民事诉讼').and.to.contain('不会因为还不上钱被抓');
    expect(buttonsOf(refused)).to.deep.equal((['installment_plan', 'human_agent', 'account_status'] as const).map((i) => intentLabel('zh-CN', i)));
    expect(textOf(await bot.say('你们这些吸血鬼'))).to.equal(t('zh-CN', 'core.insulted'));
  });

  it('how a charge came about: the contract, where it is shown, a person; a day to pay: thanks, the app, a plan if short', async () => {
    const charge = await bot.say('罚息为什么这么多');
    expect(textOf(charge)).to.equal(t('zh-CN', 'core.chargeQuestion'));
    expect(buttonsOf(charge)).to.deep.equal((['account_status', 'human_agent', 'installment_plan'] as const).map((i) => intentLabel('zh-CN', i)));
    const promise = await bot.say('我明天就还');
    expect(textOf(promise)).to.equal(t('zh-CN', 'core.promiseToPay'));
    expect(textOf(promise), 'no promise recorded that is not').not.to.match(/记录|登记/);
  });

  it('a document request: it cannot be issued here, and a person can', async () => {
    const replies = await bot.say('结清证明怎么开');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.documents'));
    expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
    expect(textOf(await bot.say({ text: 'I need a settlement certificate', locale: 'en-US' }))).to.equal(t('en', 'core.documents'));
  });

  it('a plea: care, 110 if in danger, and the menu with a person, never "outside what I can help with"', async () => {
    const replies = await bot.say('救救我');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.plea'));
    expect(buttonsOf(replies)).to.include(intentLabel('zh-CN', 'human_agent'));
  });

  it('the collection called unlawful: the rules collectors keep, then a complaint or a person', async () => {
    const replies = await bot.say('你们这样催收是违法的');
    expect(textOf(replies)).to.equal(`${t('zh-CN', 'complaints.rules')}\n\n${t('zh-CN', 'complaints.rulesOffer')}`);
    expect(buttonsOf(replies)).to.deep.equal((['harassment_complaint', 'human_agent'] as const).map((i) => intentLabel('zh-CN', i)));
  });

  it('a question announced: "go ahead" and the menu, never "outside what I can help with"', async () => {
    const replies = await bot.say('我想问一下');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.askAway'));
    expect(buttonsOf(replies)).to.include(intentLabel('zh-CN', 'human_agent'));
  });

  it('fear told alone: calm, the civil-matter fact and an open question with the menu, never "outside what I can help with"', async () => {
    const replies = await bot.say('我好害怕，怎么办');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.afraid'));
    expect(buttonsOf(replies)).to.include(intentLabel('zh-CN', 'human_agent'));
    expect(textOf(await bot.say({ text: "I'm so scared", locale: 'en-US' }))).to.equal(t('en', 'core.afraid'));
  });

  it('not the borrower: what the rules say about third parties (or 110 for a misused identity) and a person, never a verification', async () => {
    const replies = await bot.say('我不是借款人，别再打给我了');
    expect(textOf(replies)).to.equal(t('zh-CN', 'core.notBorrower'));
    expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
    expect(textOf(await bot.say('有人冒用我的身份借款'))).to.equal(t('zh-CN', 'core.identityMisused'));
  });
});

describe('what 12378 is ("12378是干嘛的")', () => {
  it('is heard, and 12378 named beside a complaint is not this question', () => {
    for (const text of ['12378是干嘛的，能管你们吗', '12378是什么', '什么是12378', '打12378有用吗', 'what is 12378?']) expect(asksAbout12378(text), text).to.equal(true);
    for (const text of ['我要打12378投诉你们', '12378电话多少', '']) expect(asksAbout12378(text), text).to.equal(false);
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(t(locale, 'core.about12378')).to.contain('12378');
  });
});

describe('the lender\'s hotline asked for ("你们的客服电话是多少")', () => {
  it('is told from a caller\'s or the collector\'s number', () => {
    for (const text of ['你们的客服电话是多少', '客服热线多少', '人工客服电话是多少？', "what's your hotline", 'what is your customer service number'])
      expect(asksForHotline(text), text).to.equal(true);
    for (const text of ['催收电话是多少', '专员的电话多少', '这个电话是你们的吗', '他们的号码是多少', '我要转人工', ''])
      expect(asksForHotline(text), text).to.equal(false);
  });

  it('gets the configured hotline, or the official app when none is configured, with a person and a callback offered', async () => {
    for (const [env, expected] of [[{ LENDER_HOTLINE: '400-123-4567' }, t('zh-CN', 'core.hotline', { hotline: '400-123-4567' })], [{}, t('zh-CN', 'core.hotlineApp')]] as const) {
      const bot = await botHarness(env);
      try {
        const replies = await bot.say('你们的客服电话是多少');
        expect(textOf(replies)).to.equal(expected);
        expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent'), t('zh-CN', 'handoff.bookCallback')]);
      } finally {
        await bot.close();
      }
    }
    expect(() => parseConfig({ LENDER_HOTLINE: 'call us' })).to.throw(/phone number/);
  });
});
