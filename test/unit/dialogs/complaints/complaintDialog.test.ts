import { expect } from 'chai';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import type { AccountService } from '../../../../services/accounts/accountService';
import { BotError } from '../../../../services/errors/botError';
import type { Intent } from '../../../../services/recognizer/intentRecognizer';
import { parseConfig } from '../../../../services/config/config';
import { silentLogger } from '../../../../services/logging/logger';
import { createRecognizer } from '../../../../services/recognizer/createRecognizer';
import { ScriptedRecognizer } from '../../../helpers/scriptedRecognizer';
import { BORROWERS, UTTERANCES, allText, makeHarness, titlesOf } from '../guidance/harness';

const REFERENCE = /CP-\d{8}-\d{4}/;

/** Accounts whose first complaint is stored but its answer lost (the borrower sees a failure); idempotency keys are recorded. */
function storedButAnswerLostOnce(keys: string[] = []): (accounts: AccountService) => AccountService {
  let failNext = true;
  return (accounts) =>
    Object.assign(Object.create(accounts) as AccountService, {
      createComplaint: async (...args: Parameters<AccountService['createComplaint']>) => {
        keys.push(args[1].idempotencyKey);
        const record = await accounts.createComplaint(...args);
        if (failNext) {
          failNext = false;
          throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', 'stored, but the answer was lost');
        }
        return record;
      },
    });
}

/** The harness's routing, with what the embedded recogniser makes of the words told at the "when?" question. */
function storyRecognizer(): ScriptedRecognizer {
  return new ScriptedRecognizer({
    ...Object.fromEntries(Object.entries(UTTERANCES).map(([text, intent]) => [text, [intent, 0.95] as [Intent, number]])),
    '你们天天打电话给我爸妈，还骂人': ['harassment_complaint', 1],
    '你们天天打电话骂人': ['harassment_complaint', 1],
    '我爸都气病了': ['goodbye', 0.28, 'harassment_complaint'],
    '他们骂得很难听': ['harassment_complaint', 0.99],
    '我想分期': ['installment_plan', 0.99],
    '好的': ['none', 0.97],
    '谢谢': ['thanks', 1],
    '我要去金融监管局投诉你们': ['harassment_complaint', 0.97],
    催收一天打几十个电话合法吗: ['harassment_complaint', 0.99],
    '催收一天打几十个电话，这合法吗？我要投诉': ['harassment_complaint', 0.99],
    'is it legal for them to call me at 11pm?': ['harassment_complaint', 0.99],
    你们会不会把我欠钱的事告诉我家人和公司: ['harassment_complaint', 0.95],
    催收能不能打我通讯录里的人: ['harassment_complaint', 0.95],
  });
}

describe('ComplaintDialog transcripts', () => {
  it('collects every fact with a clear retry for each, files a high-priority complaint and gives reference, deadline, channels, evidence and a person', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const start = await h.say(t('zh-CN', 'core.menu.complaint'));
    expect(allText(start)).to.equal([t('zh-CN', 'complaints.empathy'), t('zh-CN', 'complaints.askWhat')].join('\n'));

    expect(allText(await h.say('嗯'))).to.equal(t('zh-CN', 'complaints.retryWhat'));
    const when = await h.say('他们说话很难听，还骂人');
    expect(allText(when)).to.contain(t('zh-CN', 'complaints.askWhen'));
    expect(titlesOf(when)).to.deep.equal([t('zh-CN', 'complaints.whenUnknown')]);

    expect(allText(await h.say('很久'))).to.contain(t('zh-CN', 'complaints.retryWhen'));
    const channel = await h.say('昨天');
    expect(allText(channel)).to.contain(t('zh-CN', 'complaints.askChannel'));
    expect(titlesOf(channel)).to.have.length(6).and.to.include(t('zh-CN', 'complaints.channel.sms'));

    expect(allText(await h.say('不清楚'))).to.contain(t('zh-CN', 'complaints.retryChannel'));
    const who = await h.say(t('zh-CN', 'complaints.channel.phone'));
    expect(titlesOf(who)).to.have.length(5).and.to.include(t('zh-CN', 'complaints.who.family'));

    expect(allText(await h.say('我的家人'))).to.contain(t('zh-CN', 'complaints.askNumber'));
    expect(allText(await h.say('12345'))).to.contain(t('zh-CN', 'complaints.retryNumber'));
    const filed = await h.say('138 1234 5678');
    const text = allText(filed);

    // The summary echoes the facts, the number masked.
    expect(text).to.contain('138****5678').and.to.contain('2026-11-19').and.to.contain('他们说话很难听').and.not.to.contain('13812345678');
    const reference = REFERENCE.exec(text)?.[0];
    expect(reference, text).to.be.a('string');
    expect(text).to.contain('15 天').and.to.contain('2026-12-05').and.to.contain(t('zh-CN', 'complaints.priority'));
    expect(text).to.contain('12378').and.to.contain('110').and.to.contain('截图').and.to.contain('录音');
    expect(titlesOf(filed)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);

    const complaint = (await h.accounts.getAccount('D002')).account.complaints.find((c) => c.reference === reference)!;
    expect(complaint).to.include({
      category: 'third_party_contact',
      priority: 'high',
      channel: 'phone',
      occurredOn: '2026-11-19',
      callerNumber: '13812345678',
      description: '他们说话很难听，还骂人',
      contactedPersons: '我的家人',
    });
    expect(await h.records()).to.deep.equal([{ kind: 'complaint', reference, at: complaint.createdAt, answerBy: complaint.answerBy }]);
  });

  it('takes an opening that tells what happened as the description, with the day, channel and person it names, and asks only the rest', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const start = allText(await h.say('催收天天打我家人电话'));
    expect(start).to.contain(t('zh-CN', 'complaints.empathy')).and.to.contain(t('zh-CN', 'complaints.noted', { description: '催收天天打我家人电话' }));
    expect(start).to.contain(t('zh-CN', 'complaints.askWhen')).and.not.to.contain(t('zh-CN', 'complaints.askWhat'));
    // Phone and family were named: straight to the caller's number.
    expect(allText(await h.say('不记得了'))).to.contain(t('zh-CN', 'complaints.askNumber'));
    // "没有" typed at the number question means no number, like the button.
    const filed = allText(await h.say('没有'));
    const reference = REFERENCE.exec(filed)?.[0];
    const complaint = (await h.accounts.getAccount('D002')).account.complaints.find((c) => c.reference === reference)!;
    expect(complaint).to.include({ description: '催收天天打我家人电话', channel: 'phone', contactedPersons: '我的家人', category: 'third_party_contact' });
    expect(complaint.occurredOn).to.equal(undefined);

    const en = await makeHarness();
    await en.verifyAs('D009');
    const enStart = allText(await en.say('A collector called my mother yesterday and shouted at her'));
    expect(enStart).to.contain(t('en', 'complaints.noted', { description: 'A collector called my mother yesterday and shouted at her' }));
    expect(enStart, 'the day was named too').to.contain(t('en', 'complaints.askNumber'));
    await en.say('no idea, it was hidden');
    expect((await en.accounts.getAccount('D009')).account.complaints[0]).to.include({ occurredOn: '2026-11-19', channel: 'phone', contactedPersons: '我的家人' });
  });

  it('takes the caller\'s number told in the opening instead of asking for it, and says it back masked', async () => {
    const h = await makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    await h.verifyAs('D002');
    const opening = '昨天晚上，一个13912345678的号码打电话给我妈，骂她养了个老赖';
    const replies = allText(await h.say(opening));
    expect(replies).to.contain(t('zh-CN', 'complaints.notedAll', { description: '昨天晚上，一个139****5678的号码打电话给我妈，骂她养了个老赖' }));
    expect(replies, 'day, channel, person and number all told: nothing asked').not.to.contain(t('zh-CN', 'complaints.askNumber'));
    expect(replies).not.to.contain('13912345678');
    const reference = REFERENCE.exec(replies)?.[0];
    const complaint = (await h.accounts.getAccount('D002')).account.complaints.find((c) => c.reference === reference)!;
    expect(complaint).to.include({ callerNumber: '13912345678', channel: 'phone', contactedPersons: '我的家人', description: opening });
  });

  it('answers "别再打电话了" with the rules and a complaint, a person or a plan, without starting an intake', async () => {
    const h = await makeHarness({ recognizer: createRecognizer(parseConfig({}), { logger: silentLogger() }) });
    const replies = await h.say('不要再打电话了，我会还的');
    const text = allText(replies);
    expect(text).to.contain(t('zh-CN', 'complaints.stopRequest')).and.to.contain(t('zh-CN', 'complaints.rules')).and.to.contain(t('zh-CN', 'complaints.stopRequestOffer'));
    expect(text).not.to.contain(t('zh-CN', 'complaints.empathy')).and.not.to.contain(t('zh-CN', 'complaints.askWhat'));
    expect(titlesOf(replies)).to.deep.equal((['harassment_complaint', 'human_agent', 'installment_plan'] as const).map((i) => intentLabel('zh-CN', i)));
    // The complaint, pressed next, asks what happened.
    expect(allText(await h.say(intentLabel('zh-CN', 'harassment_complaint')))).to.contain(t('zh-CN', 'complaints.askWhat'));
  });

  it('takes a channel and a person typed in their own words ("微信群", "只有我自己"), and a channel named in the opening', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('他们说话很难听，还骂人');
    expect(allText(await h.say('昨天'))).to.contain(t('zh-CN', 'complaints.askChannel'));
    const who = await h.say('微信群');
    expect(allText(who)).not.to.contain(t('zh-CN', 'complaints.retryChannel'));
    expect(titlesOf(who)).to.include(t('zh-CN', 'complaints.who.family'));
    await h.say('我的家人');
    const filed = allText(await h.say('没有'));
    const reference = REFERENCE.exec(filed)?.[0];
    expect((await h.accounts.getAccount('D002')).account.complaints.find((c) => c.reference === reference)).to.include({ channel: 'social' });

    const self = await makeHarness();
    await self.verifyAs('D002');
    await self.say(t('zh-CN', 'core.menu.complaint'));
    await self.say('催收员说我是老赖，要把我照片发到网上');
    await self.say('今天上午');
    await self.say('电话');
    expect(allText(await self.say('只有我自己')), '"who?" answered in own words').to.contain(t('zh-CN', 'complaints.askNumber'));

    const opening = await makeHarness();
    await opening.verifyAs('D002');
    await opening.say('他们把我的照片发到了我家族群里');
    expect(allText(await opening.say('昨天')), 'the channel was named: straight to who was contacted').to.contain(t('zh-CN', 'complaints.askWho'));
  });

  it('does not ask for the channel or the person again when what happened already names them ("he called my boss")', async () => {
    const h = await makeHarness();
    await h.verifyAs('D009');
    await h.say({ text: 'I want to complain about a collector', locale: 'en-US' });
    await h.say({ text: "he called my boss and told him I'm a thief", locale: 'en-US' });
    expect(allText(await h.say({ text: 'yesterday', locale: 'en-US' }))).to.contain(t('en', 'complaints.askNumber'));
    const filed = allText(await h.say({ text: 'no idea', locale: 'en-US' }));
    const reference = REFERENCE.exec(filed)?.[0];
    const complaint = (await h.accounts.getAccount('D009')).account.complaints.find((c) => c.reference === reference)!;
    expect(complaint).to.include({ channel: 'phone', contactedPersons: t('zh-CN', 'complaints.who.employer'), category: 'third_party_contact' });
  });

  it('takes a time with no day ("上周") at "when?": shown in the summary, filed beside the description with no date', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('他们说话很难听，还骂人');
    expect(allText(await h.say('上周')), 'no "could not read that date"').to.contain(t('zh-CN', 'complaints.askChannel'));
    await h.say('电话');
    await h.say('只有我自己');
    const filed = allText(await h.say('没有'));
    expect(filed).to.contain('上周');
    const reference = REFERENCE.exec(filed)?.[0];
    const complaint = (await h.accounts.getAccount('D002')).account.complaints.find((c) => c.reference === reference)!;
    expect(complaint.description).to.equal(`他们说话很难听，还骂人\n${t('zh-CN', 'complaints.whenInWords', { when: '上周' })}`);
    expect(complaint.occurredOn).to.equal(undefined);
  });

  it('asks what happened when the opening only says "I want to complain", and who was contacted when it names two kinds of people', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    expect(allText(await h.say('我要投诉催收'))).to.contain(t('zh-CN', 'complaints.askWhat'));
    const other = await makeHarness();
    await other.verifyAs('D002');
    await other.say('催收打电话给我妈和我同事');
    expect(allText(await other.say('昨天'))).to.contain(t('zh-CN', 'complaints.askWho'));
  });

  it('adds more of the story told at the "when?" question to the description and asks "when?" once more', async () => {
    const h = await makeHarness({ recognizer: storyRecognizer() });
    await h.verifyAs('D002');
    expect(allText(await h.say('你们天天打电话给我爸妈，还骂人'))).to.contain(t('zh-CN', 'complaints.askWhen'));
    const more = allText(await h.say('我爸都气病了'));
    expect(more).to.contain(t('zh-CN', 'complaints.notedMore', { description: '我爸都气病了' })).and.to.contain(t('zh-CN', 'complaints.askWhen'));
    expect(more).not.to.contain(t('zh-CN', 'complaints.retryWhen'));
    // Asked once more, the answer must be a day: more words now get the plain retry.
    expect(allText(await h.say('他们骂得很难听'))).to.contain(t('zh-CN', 'complaints.retryWhen'));
    expect(allText(await h.say('前天'))).to.contain(t('zh-CN', 'complaints.askNumber'));
    const filed = allText(await h.say('不知道号码'));
    const reference = REFERENCE.exec(filed)?.[0];
    const complaint = (await h.accounts.getAccount('D002')).account.complaints.find((c) => c.reference === reference)!;
    expect(complaint).to.include({ description: '你们天天打电话给我爸妈，还骂人\n我爸都气病了', occurredOn: '2026-11-18', channel: 'phone' });
  });

  it('keeps what the answer to "when?" tells beyond the day ("昨天下午，一个自称是法务部的人打给我妈") in the description, and who was contacted', async () => {
    const h = await makeHarness({ recognizer: storyRecognizer() });
    await h.verifyAs('D002');
    expect(allText(await h.say('你们天天打电话骂人'))).to.contain(t('zh-CN', 'complaints.askWhen'));
    const next = allText(await h.say('昨天下午，一个自称是法务部的人打给我妈'));
    expect(next, 'who was contacted is not asked: the answer told it').to.contain(t('zh-CN', 'complaints.askNumber'));
    const filed = allText(await h.say('不知道号码'));
    const reference = REFERENCE.exec(filed)?.[0];
    const complaint = (await h.accounts.getAccount('D002')).account.complaints.find((c) => c.reference === reference)!;
    expect(complaint).to.include({ description: '你们天天打电话骂人\n昨天下午，一个自称是法务部的人打给我妈', occurredOn: '2026-11-19', contactedPersons: t('zh-CN', 'complaints.who.family') });
  });

  it('tells a borrower who means to complain to the regulator about 12378 and asks what happened', async () => {
    const h = await makeHarness({ recognizer: storyRecognizer() });
    await h.verifyAs('D002');
    const start = allText(await h.say('我要去金融监管局投诉你们'));
    expect(start).to.contain(t('zh-CN', 'complaints.regulator')).and.to.contain(t('zh-CN', 'complaints.askWhat'));
    expect(start).not.to.contain(t('zh-CN', 'complaints.noted', { description: '我要去金融监管局投诉你们' }));
  });

  it('answers "is this allowed?" with the collection rules and offers the complaint and a person, without starting it', async () => {
    const h = await makeHarness({ recognizer: storyRecognizer() });
    const replies = await h.say('催收一天打几十个电话合法吗');
    const text = allText(replies);
    expect(text).to.contain(t('zh-CN', 'complaints.rules')).and.to.contain('6 次').and.to.contain('22:00').and.to.contain('12378');
    expect(text).not.to.contain(t('zh-CN', 'complaints.noted', { description: '催收一天打几十个电话合法吗' }));
    expect(titlesOf(replies)).to.deep.equal([intentLabel('zh-CN', 'harassment_complaint'), intentLabel('zh-CN', 'human_agent')]);
    expect(allText(await h.say(intentLabel('zh-CN', 'harassment_complaint')))).to.contain(t('zh-CN', 'complaints.askWhat'));
    const en = allText(await (await makeHarness({ recognizer: storyRecognizer() })).say({ text: 'is it legal for them to call me at 11pm?', locale: 'en-US' }));
    expect(en).to.contain(t('en', 'complaints.rules'));
    for (const asked of ['你们会不会把我欠钱的事告诉我家人和公司', '催收能不能打我通讯录里的人']) {
      const reply = allText(await (await makeHarness({ recognizer: storyRecognizer() })).say(asked));
      expect(reply, asked).to.contain(t('zh-CN', 'complaints.rules')).and.not.to.contain(t('zh-CN', 'complaints.askWhen'));
    }
    const wants = allText(await (await makeHarness({ recognizer: storyRecognizer() })).say('催收一天打几十个电话，这合法吗？我要投诉'));
    expect(wants, 'asking to complain as well: the intake').to.contain(t('zh-CN', 'complaints.askWhen'));
  });

  it('takes the message "did you mean…?" was about as the description when the complaint is chosen, not the button\'s label', async () => {
    const asked = '能不能换一个催收员，现在这个态度太差了';
    const h = await makeHarness({ recognizer: new ScriptedRecognizer({ [asked]: ['harassment_complaint', 0.45, 'installment_plan'] }) });
    await h.verifyAs('D002');
    expect(titlesOf(await h.say(asked))).to.include(intentLabel('zh-CN', 'harassment_complaint'));
    const started = allText(await h.say(intentLabel('zh-CN', 'harassment_complaint')));
    expect(started).to.contain(t('zh-CN', 'complaints.noted', { description: asked })).and.not.to.contain(t('zh-CN', 'complaints.askWhat'));
  });

  it('does not take a request, an acknowledgement or digits at the "when?" question as more of the story', async () => {
    for (const answer of ['我想分期', '好的', '谢谢', '890127']) {
      const h = await makeHarness({ recognizer: storyRecognizer() });
      await h.verifyAs('D002');
      await h.say('你们天天打电话给我爸妈，还骂人');
      const reply = allText(await h.say(answer));
      expect(reply, answer).not.to.contain(t('zh-CN', 'complaints.notedMore', { description: answer }));
    }
  });

  it('goes on without the day or the number after three answers it cannot read, instead of asking for ever', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    expect(allText(await h.say('他们说话很难听，还骂人'))).to.contain(t('zh-CN', 'complaints.askWhen'));
    expect(allText(await h.say('好'))).to.contain(t('zh-CN', 'complaints.retryWhen'));
    expect(allText(await h.say('我想分期'))).to.contain(t('zh-CN', 'complaints.retryWhen'));
    expect(allText(await h.say('890127')), 'third unreadable answer: the next question').to.contain(t('zh-CN', 'complaints.askChannel'));
    await h.say(t('zh-CN', 'complaints.channel.phone'));
    await h.say(t('zh-CN', 'complaints.who.family'));
    expect(allText(await h.say('嗯'))).to.contain(t('zh-CN', 'complaints.retryNumber'));
    expect(allText(await h.say('12345'))).to.contain(t('zh-CN', 'complaints.retryNumber'));
    const filed = allText(await h.say('他还骂人'));
    expect(filed, 'third unreadable number: filed without it').to.match(REFERENCE);
    const complaint = (await h.accounts.getAccount('D002')).account.complaints.at(-1)!;
    expect(complaint.description).to.equal('他们说话很难听，还骂人');
    expect(complaint.occurredOn ?? null).to.equal(null);
    expect(complaint.callerNumber ?? null).to.equal(null);
  });

  it('files once when the lender stored it but did not answer, and the borrower retries (key kept in dialog state)', async () => {
    const h = await makeHarness({ wrapAccounts: storedButAnswerLostOnce() });
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('他们威胁说要找到我单位去');
    await h.say('今天');
    await h.say(t('zh-CN', 'complaints.channel.sms'));
    await h.say(t('zh-CN', 'complaints.who.self'));
    const failed = await h.say(t('zh-CN', 'complaints.numberUnknown'));
    expect(allText(failed)).to.contain(t('zh-CN', 'complaints.retryFiling')).and.not.to.match(REFERENCE);
    expect(titlesOf(failed)).to.deep.equal([t('zh-CN', 'complaints.tryAgain')]);
    const retried = allText(await h.say(t('zh-CN', 'complaints.tryAgain')));
    const reference = REFERENCE.exec(retried)?.[0];
    expect(reference, retried).to.be.a('string');
    const complaints = (await h.accounts.getAccount('D002')).account.complaints;
    expect(complaints.map((c) => c.reference)).to.deep.equal([reference]);
    expect(complaints[0]).to.include({ category: 'threat', priority: 'high', channel: 'sms' });
    expect((await h.records()).map((r) => r.reference)).to.deep.equal([reference]);
  });

  it('creates one complaint when the last answer is sent again (double click) after the complaint was filed', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('他们每天给我妈打电话');
    await h.say('昨天');
    await h.say(t('zh-CN', 'complaints.channel.phone'));
    await h.say(t('zh-CN', 'complaints.who.family'));
    const filed = allText(await h.say(t('zh-CN', 'complaints.numberUnknown')));
    const reference = REFERENCE.exec(filed)?.[0];
    expect(reference, filed).to.be.a('string');
    const again = allText(await h.say(t('zh-CN', 'complaints.numberUnknown')));
    expect(again).not.to.match(REFERENCE);
    expect(again).not.to.contain(t('zh-CN', 'complaints.empathy'));
    expect((await h.accounts.getAccount('D002')).account.complaints.map((c) => c.reference)).to.deep.equal([reference]);
    expect((await h.records()).map((r) => r.reference)).to.deep.equal([reference]);
  });

  it('creates one complaint when "try again" is pressed twice after a lost answer', async () => {
    const keys: string[] = [];
    const h = await makeHarness({ wrapAccounts: storedButAnswerLostOnce(keys) });
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('他们骂人还威胁我');
    await h.say('今天');
    await h.say(t('zh-CN', 'complaints.channel.phone'));
    await h.say(t('zh-CN', 'complaints.who.self'));
    expect(allText(await h.say(t('zh-CN', 'complaints.numberUnknown')))).to.contain(t('zh-CN', 'complaints.retryFiling'));
    const reference = REFERENCE.exec(allText(await h.say(t('zh-CN', 'complaints.tryAgain'))))?.[0];
    expect(reference).to.be.a('string');
    expect(allText(await h.say(t('zh-CN', 'complaints.tryAgain')))).not.to.match(REFERENCE);
    expect(new Set(keys).size).to.equal(1);
    expect((await h.accounts.getAccount('D002')).account.complaints.map((c) => c.reference)).to.deep.equal([reference]);
    expect((await h.records()).map((r) => r.reference)).to.deep.equal([reference]);
  });

  it('asks an unverified borrower to verify to attach the account, and files after verification', async () => {
    const h = await makeHarness();
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('每天打十几个电话');
    await h.say(t('zh-CN', 'complaints.whenUnknown'));
    await h.say(t('zh-CN', 'complaints.channel.phone'));
    await h.say(t('zh-CN', 'complaints.who.self'));
    const ask = await h.say(t('zh-CN', 'complaints.numberUnknown'));
    expect(allText(ask)).to.contain(t('zh-CN', 'complaints.askVerify'));
    expect(titlesOf(ask)).to.deep.equal([t('zh-CN', 'complaints.yes'), t('zh-CN', 'complaints.no')]);
    await h.say(t('zh-CN', 'complaints.yes'));
    await h.say(BORROWERS.D001[0]);
    const filed = allText(await h.say(BORROWERS.D001[1]));
    expect(filed).to.match(REFERENCE);
    const complaint = (await h.accounts.getAccount('D001')).account.complaints.at(-1)!;
    expect(complaint).to.include({ category: 'harassment', priority: 'high' });
    expect(complaint.occurredOn).to.equal(undefined);
  });

  it('files nothing when an unverified borrower declines, says so plainly and offers a person and the outside channels', async () => {
    const h = await makeHarness();
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('有人冒充法院的人给我打电话');
    await h.say('今天');
    await h.say(t('zh-CN', 'complaints.channel.phone'));
    await h.say(t('zh-CN', 'complaints.who.self'));
    await h.say('010-12345678');
    const replies = await h.say(t('zh-CN', 'complaints.no'));
    const text = allText(replies);
    expect(text).to.contain(t('zh-CN', 'complaints.notFiled')).and.to.contain('12378').and.to.contain('110');
    expect(text, 'nothing filed: no answer date to wait for').to.contain(t('zh-CN', 'complaints.externalNotFiled')).and.not.to.contain(t('zh-CN', 'complaints.external'));
    expect(text).not.to.match(REFERENCE);
    expect(titlesOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
    expect(await h.records()).to.deep.equal([]);
  });

  it('leaves the intake on cancel in the middle and routes the next message afresh', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('他们骂人');
    const cancelled = await h.say('取消');
    expect(allText(cancelled)).to.equal(t('zh-CN', 'core.cancelled'));
    expect(allText(await h.say('你好'))).to.equal(t('zh-CN', 'core.greeting'));
    expect((await h.accounts.getAccount('D002')).account.complaints).to.deep.equal([]);
  });

  it('answers help in the middle, then asks the same question again and carries on', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    await h.say(t('zh-CN', 'core.menu.complaint'));
    await h.say('他们骂人');
    await h.say('昨天');
    const help = await h.say('帮助');
    expect(allText(help)).to.equal([t('zh-CN', 'core.help'), t('zh-CN', 'core.helpResume'), t('zh-CN', 'complaints.askChannel')].join('\n'));
    expect(titlesOf(help)).to.include(t('zh-CN', 'complaints.channel.phone'));
    expect(allText(await h.say(t('zh-CN', 'complaints.channel.social')))).to.contain(t('zh-CN', 'complaints.askWho'));
    await h.say(t('zh-CN', 'complaints.who.friends'));
    expect(allText(await h.say(t('zh-CN', 'complaints.numberUnknown')))).to.match(REFERENCE);
    expect((await h.accounts.getAccount('D002')).account.complaints[0]).to.include({ channel: 'social', category: 'third_party_contact' });
  });

  it('runs in Traditional Chinese and in English', async () => {
    const tw = await makeHarness();
    await tw.verifyAs('D002');
    expect(allText(await tw.say(t('zh-TW', 'core.menu.complaint')))).to.contain(t('zh-TW', 'complaints.empathy'));
    await tw.say('他們每天打給我媽');
    await tw.say('昨天');
    await tw.say(t('zh-TW', 'complaints.channel.phone'));
    await tw.say(t('zh-TW', 'complaints.who.family'));
    const twText = allText(await tw.say(t('zh-TW', 'complaints.numberUnknown')));
    expect(twText).to.match(REFERENCE).and.to.contain('15 天').and.to.contain('12378');

    const en = await makeHarness();
    await en.verifyAs('D009');
    expect(allText(await en.say(t('en', 'core.menu.complaint')))).to.contain(t('en', 'complaints.empathy'));
    expect(allText(await en.say('no'))).to.equal(t('en', 'complaints.retryWhat'));
    await en.say('They call my mother every day and shout at her');
    expect(allText(await en.say('last year sometime'))).to.contain(t('en', 'complaints.retryWhen'));
    await en.say('yesterday');
    await en.say(t('en', 'complaints.channel.phone'));
    await en.say(t('en', 'complaints.who.family'));
    const enText = allText(await en.say('+86 139 0000 1111'));
    expect(enText).to.contain('139****1111').and.to.match(REFERENCE).and.to.contain('within 15 days').and.to.contain('12378');
    expect((await en.accounts.getAccount('D009')).account.complaints[0]).to.include({ occurredOn: '2026-11-19', callerNumber: '13900001111' });
  });
});
