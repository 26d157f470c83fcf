import { expect } from 'chai';
import { ScriptedRecognizer } from '../../../helpers/scriptedRecognizer';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import type { AccountService } from '../../../../services/accounts/accountService';
import { BotError } from '../../../../services/errors/botError';
import { BORROWERS, allText, button, makeHarness, titlesOf, type Harness } from '../guidance/harness';

const REFERENCE = /CB-\d{8}-\d{4}/;
// The manual clock stands at Friday 2026-11-20 10:00 Beijing time; service hours are the defaults (09:00-21:00 daily).

/**
 * A lender whose createCallback fails as told for the next calls ('lost': stores the callback, then the answer is
 * lost; 'down': stores nothing), recording every idempotency key it was given.
 */
function flakyCallbacks(failures: Array<'lost' | 'down'>) {
  const keys: string[] = [];
  const wrapAccounts = (accounts: AccountService): AccountService =>
    Object.assign(Object.create(accounts) as AccountService, {
      createCallback: async (...args: Parameters<AccountService['createCallback']>) => {
        keys.push(args[1].idempotencyKey);
        const failure = failures.shift();
        if (failure === 'down') throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', 'lender down');
        const record = await accounts.createCallback(...args);
        if (failure === 'lost') throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', 'stored, but the answer was lost');
        return record;
      },
    });
  return { keys, wrapAccounts };
}

/** Verified as D002, "book a callback" pressed: the bot is asking for the time window. */
async function atWindowPrompt(h: Harness) {
  await h.verifyAs('D002');
  const first = await h.say('贷后专员电话一直打不通');
  const ask = await h.press(button(first, t('zh-CN', 'handoff.bookCallback')));
  expect(allText(ask)).to.contain('09:00–21:00');
}

describe('CallbackDialog transcripts', () => {
  it('tells a borrower who wants to pay but cannot reach the collector that paying needs no collector (the official app)', async () => {
    const wants = allText(await (await makeHarness({ recognizer: new ScriptedRecognizer({ 催收打不通了我想还钱都找不到人: ['cannot_reach_collector', 0.95] }) })).say('催收打不通了我想还钱都找不到人'));
    expect(wants).to.contain(t('zh-CN', 'callback.ack')).and.to.contain(t('zh-CN', 'callback.payWithoutCollector'));
    const only = allText(await (await makeHarness()).say('贷后专员电话一直打不通'));
    expect(only, 'not said when paying is not mentioned').not.to.contain(t('zh-CN', 'callback.payWithoutCollector'));
  });

  it('acknowledges an unverified borrower and offers a callback, a person, self-service and verifying to see the team', async () => {
    const h = await makeHarness();
    const replies = await h.say('贷后专员电话一直打不通');
    const text = allText(replies);
    expect(text).to.contain(t('zh-CN', 'callback.ack')).and.to.contain(t('zh-CN', 'callback.verifyHint'));
    expect(titlesOf(replies)).to.deep.equal([
      t('zh-CN', 'handoff.bookCallback'),
      intentLabel('zh-CN', 'human_agent'),
      intentLabel('zh-CN', 'installment_plan'),
      intentLabel('zh-CN', 'account_status'),
      t('zh-CN', 'guidance.button.verify'),
    ]);
  });

  it('verifies from that button (or a mobile number typed instead) and then shows the assigned team and its official numbers', async () => {
    const h = await makeHarness();
    const first = await h.say('贷后专员电话一直打不通');
    expect(allText(await h.press(button(first, t('zh-CN', 'guidance.button.verify'))))).to.contain(t('zh-CN', 'identity.askMobile'));
    await h.say(BORROWERS.D005[0]);
    const shown = await h.say(BORROWERS.D005[1]);
    expect(allText(shown)).to.contain(t('zh-CN', 'identity.verified')).and.to.contain('400-000-0002、021-00000002');
    expect(titlesOf(shown)).to.include(t('zh-CN', 'handoff.bookCallback')).and.not.to.include(t('zh-CN', 'guidance.button.verify'));

    const typed = await makeHarness();
    await typed.say('贷后专员电话一直打不通');
    expect(allText(await typed.say(BORROWERS.D005[0]))).to.contain('身份证号码的后6位');
    expect(allText(await typed.say(BORROWERS.D005[1]))).to.contain('400-000-0002');
  });

  it('shows a verified borrower (D005) the assigned agency, its official numbers and working hours', async () => {
    const h = await makeHarness();
    await h.verifyAs('D005');
    const text = allText(await h.say('贷后专员电话一直打不通'));
    expect(text).to.contain('演示催收服务有限公司').and.to.contain('400-000-0002、021-00000002').and.to.contain('周一至周六 09:00–20:00').and.to.contain('北京时间');
  });

  it('books a window inside service hours after verifying, with a reference and the window in Beijing time', async () => {
    const h = await makeHarness();
    const first = await h.say('贷后专员电话一直打不通');
    const verify = await h.press(button(first, t('zh-CN', 'handoff.bookCallback')));
    expect(allText(verify)).to.contain(t('zh-CN', 'identity.askMobile'));
    await h.say(BORROWERS.D002[0]);
    const ask = allText(await h.say(BORROWERS.D002[1]));
    expect(ask).to.contain('每天 09:00–21:00'); // the same hours on weekdays and weekends: said once
    expect(allText(await h.say('随便吧'))).to.equal(t('zh-CN', 'callback.retryWindow'));
    const filed = await h.say('明天上午');
    const text = allText(filed);
    const reference = REFERENCE.exec(text)?.[0];
    expect(reference, text).to.be.a('string');
    expect(text).to.contain('2026-11-21（周六） 09:00–12:00').and.to.contain('北京时间');
    const callback = (await h.accounts.getAccount('D002')).account.callbacks.find((c) => c.reference === reference)!;
    expect(callback).to.include({ windowStart: '2026-11-21T01:00:00.000Z', windowEnd: '2026-11-21T04:00:00.000Z', topic: 'cannot_reach_collector' });
    expect(await h.records()).to.deep.equal([{ kind: 'callback', reference, at: callback.createdAt }]);
  });

  it('keeps a time typed at the mobile question and books it once verified, without asking for it again', async () => {
    const h = await makeHarness();
    const first = await h.say('贷后专员电话一直打不通');
    await h.press(button(first, t('zh-CN', 'handoff.bookCallback')));
    expect(allText(await h.say('明天上午'))).to.contain(t('zh-CN', 'identity.mobileFirst'));
    await h.say(BORROWERS.D002[0]);
    const text = allText(await h.say(BORROWERS.D002[1]));
    expect(text).to.match(REFERENCE).and.to.contain('2026-11-21（周六） 09:00–12:00');
    expect(text).not.to.contain('工作日 09:00–21:00');
  });

  it('books the time a borrower types right after being offered a callback, as if the button had been pressed; not later', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    await h.say('贷后专员电话一直打不通');
    const text = allText(await h.say('明天上午'));
    const reference = REFERENCE.exec(text)?.[0];
    expect(reference, text).to.be.a('string');
    expect(text).to.contain('2026-11-21（周六） 09:00–12:00');

    const later = await makeHarness();
    await later.verifyAs('D002');
    await later.say('贷后专员电话一直打不通');
    await later.say('你好');
    expect(allText(await later.say('明天上午'))).not.to.match(REFERENCE);
    const chatty = await makeHarness();
    await chatty.verifyAs('D002');
    await chatty.say('贷后专员电话一直打不通');
    expect(allText(await chatty.say('明天上午我再自己打过去试试看吧')), 'a sentence that only mentions a time').not.to.match(REFERENCE);
  });

  const ASKS_WHEN = { 'zh-CN': '您希望我们什么时候给您回电', en: 'When should we call you back?' };
  it('books a callback asked for in so many words, with no topic the recogniser knows ("帮我预约个回电", "call me back please")', async () => {
    for (const [said, locale] of [['帮我预约个回电', 'zh-CN'], ['能不能给我回个电话', 'zh-CN'], ['call me back please', 'en']] as const) {
      const h = await makeHarness();
      await h.verifyAs('D002');
      const reply = allText(await h.say(locale === 'en' ? { text: said, locale: 'en-US' } : said));
      expect(reply, said).to.contain(ASKS_WHEN[locale]);
    }
    const h = await makeHarness();
    await h.verifyAs('D002');
    expect(allText(await h.say('别给我回电话了')), 'the opposite').not.to.contain(ASKS_WHEN['zh-CN']);
  });

  it('moves a window outside service hours into them, says so and confirms; "another time" asks again', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const first = await h.say('贷后专员电话一直打不通');
    await h.press(button(first, t('zh-CN', 'handoff.bookCallback')));
    const adjusted = await h.say('今晚10点以后');
    // "after 10pm" is the hour from 22:00 (it was read as 22:00–22:01), moved to the next opening at its length.
    expect(allText(adjusted)).to.contain('22:00–23:00').and.to.contain('不全在回电服务时间内').and.to.contain('2026-11-21（周六） 09:00–10:00');
    expect(titlesOf(adjusted)).to.deep.equal([t('zh-CN', 'callback.accept'), t('zh-CN', 'callback.other')]);
    const again = await h.say(t('zh-CN', 'callback.other'));
    expect(allText(again)).to.contain(t('zh-CN', 'callback.askAgain')).and.to.contain('09:00–21:00');
    const moved = await h.say('明天晚上9点以后');
    expect(allText(moved)).to.contain('2026-11-22（周日） 09:00');
    const filed = allText(await h.say(t('zh-CN', 'callback.accept')));
    expect(filed).to.match(REFERENCE).and.to.contain('2026-11-22（周日） 09:00');
    const callbacks = (await h.accounts.getAccount('D002')).account.callbacks;
    expect(callbacks).to.have.length(1);
    expect(callbacks[0].windowStart).to.equal('2026-11-22T01:00:00.000Z');
  });

  it('takes another time typed at the moved-window confirmation instead of yes or no, and fits that one', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const first = await h.say('贷后专员电话一直打不通');
    await h.press(button(first, t('zh-CN', 'handoff.bookCallback')));
    expect(allText(await h.say('今晚10点以后'))).to.contain('不全在回电服务时间内');
    // A time that fits as it is: booked at once.
    const filed = allText(await h.say('周日下午'));
    expect(filed).to.match(REFERENCE).and.to.contain('2026-11-22（周日） 13:00–18:00');
    expect((await h.accounts.getAccount('D002')).account.callbacks).to.have.length(1);

    // A time that needs moving too: the new offer, not the old one again.
    const other = await makeHarness();
    await other.verifyAs('D002');
    await other.press(button(await other.say('贷后专员电话一直打不通'), t('zh-CN', 'handoff.bookCallback')));
    await other.say('今晚10点以后');
    const movedAgain = allText(await other.say('明天晚上9点以后'));
    expect(movedAgain).to.contain('2026-11-22（周日） 09:00').and.not.to.contain('2026-11-21（周六） 09:00–09:30');
  });

  it('goes to booking when the message asks for a callback in so many words, without a time', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const ask = allText(await h.say('贷后专员电话一直打不通，帮我预约回电'));
    expect(ask).to.contain('09:00–21:00').and.not.to.contain(t('zh-CN', 'callback.options'));
    expect(allText(await h.say('明天上午'))).to.match(REFERENCE);
  });

  it('moves a window that has already passed to the earliest possible time', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const first = await h.say('贷后专员电话一直打不通');
    await h.press(button(first, t('zh-CN', 'handoff.bookCallback')));
    h.clock.advance(2 * 3600 * 1000); // 12:00
    const adjusted = allText(await h.say('今天上午'));
    expect(adjusted).to.contain('已经过去或太近了');
    expect(adjusted).to.match(/2026-11-20（周五） 12:15–/);
  });

  it('goes straight to booking when the message already asks for a call at a time', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const text = allText(await h.say('打不通，请明天上午给我回电'));
    expect(text).to.match(REFERENCE).and.to.contain('2026-11-21（周六） 09:00–12:00');
  });

  it('names the registered mobile it will call (masked), and books without it when the account cannot be read', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    expect(allText(await h.say('打不通，请明天上午给我回电'))).to.contain('拨打您登记的手机 138****0002');

    let failReads = false;
    const flaky = await makeHarness({
      wrapAccounts: (accounts) =>
        Object.assign(Object.create(accounts) as AccountService, {
          getAccount: (id: string) => (failReads ? Promise.reject(new BotError('ACCOUNT_SERVICE_UNAVAILABLE', 'lender down')) : accounts.getAccount(id)),
        }),
    });
    await flaky.verifyAs('D002');
    failReads = true;
    const booked = allText(await flaky.say('打不通，请明天上午给我回电'));
    expect(booked).to.match(REFERENCE).and.to.contain('给您回电').and.not.to.contain('138****');
  });

  it('runs in Traditional Chinese and in English', async () => {
    const tw = await makeHarness();
    await tw.verifyAs('D005');
    const twFirst = await tw.say('貸後專員電話一直打不通');
    expect(allText(twFirst)).to.contain('週一至週六 09:00–20:00');
    await tw.press(button(twFirst, t('zh-TW', 'handoff.bookCallback')));
    expect(allText(await tw.say('週六下午'))).to.match(REFERENCE).and.to.contain('2026-11-21（週六） 13:00–18:00').and.to.contain('北京時間');

    const en = await makeHarness();
    await en.verifyAs('D009');
    const enFirst = await en.say("I can't reach my collector");
    expect(allText(enFirst)).to.contain(t('en', 'callback.noAssignment'));
    await en.press(button(enFirst, t('en', 'handoff.bookCallback')));
    expect(allText(await en.say('tomorrow morning'))).to.match(REFERENCE).and.to.contain('Sat 2026-11-21 09:00–12:00 (Beijing time)');
  });

  it('offers a retry when the lender does not answer, and the retry reuses the idempotency key: one callback', async () => {
    const lender = flakyCallbacks(['lost']);
    const h = await makeHarness({ wrapAccounts: lender.wrapAccounts });
    await atWindowPrompt(h);
    const failed = await h.say('明天上午');
    expect(allText(failed)).to.equal(t('zh-CN', 'callback.retryFiling'));
    expect(allText(failed)).not.to.match(REFERENCE);
    expect(titlesOf(failed)).to.deep.equal([t('zh-CN', 'callback.tryAgain'), intentLabel('zh-CN', 'human_agent')]);

    const retried = allText(await h.say(t('zh-CN', 'callback.tryAgain')));
    const reference = REFERENCE.exec(retried)?.[0];
    expect(reference, retried).to.be.a('string');
    expect(retried).to.contain('2026-11-21（周六） 09:00–12:00');
    expect(lender.keys).to.have.length(2);
    expect(lender.keys[1]).to.equal(lender.keys[0]);
    const callbacks = (await h.accounts.getAccount('D002')).account.callbacks;
    expect(callbacks.map((c) => c.reference)).to.deep.equal([reference]);
    expect((await h.records()).map((r) => r.reference)).to.deep.equal([reference]);
  });

  it('says plainly that nothing was booked when the retry fails too, and offers a person', async () => {
    const lender = flakyCallbacks(['down', 'down']);
    const h = await makeHarness({ wrapAccounts: lender.wrapAccounts });
    await atWindowPrompt(h);
    expect(allText(await h.say('明天上午'))).to.equal(t('zh-CN', 'callback.retryFiling'));
    const gaveUp = await h.say(t('zh-CN', 'callback.tryAgain'));
    expect(allText(gaveUp)).to.equal(t('zh-CN', 'callback.unavailable'));
    expect(titlesOf(gaveUp)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
    expect(lender.keys[1]).to.equal(lender.keys[0]);
    expect((await h.accounts.getAccount('D002')).account.callbacks).to.deep.equal([]);
    expect(await h.records()).to.deep.equal([]);
  });

  it('leaves the booking on cancel in the middle, books nothing and routes the next message afresh', async () => {
    const h = await makeHarness();
    await atWindowPrompt(h);
    expect(allText(await h.say('取消'))).to.equal(t('zh-CN', 'core.cancelled'));
    // "明天上午" is no longer an answer to the window question.
    expect(allText(await h.say('明天上午'))).not.to.match(REFERENCE);
    expect(allText(await h.say('你好'))).to.equal(t('zh-CN', 'core.greeting'));
    expect((await h.accounts.getAccount('D002')).account.callbacks).to.deep.equal([]);
    expect(await h.records()).to.deep.equal([]);
  });

  it('leaves on cancel at the moved-window confirmation too, booking nothing', async () => {
    const h = await makeHarness();
    await atWindowPrompt(h);
    expect(allText(await h.say('今晚10点以后'))).to.contain('不全在回电服务时间内');
    expect(allText(await h.say('取消'))).to.equal(t('zh-CN', 'core.cancelled'));
    expect(allText(await h.say(t('zh-CN', 'callback.accept')))).not.to.match(REFERENCE);
    expect((await h.accounts.getAccount('D002')).account.callbacks).to.deep.equal([]);
  });

  it('answers help in the middle, asks for the window again and then books it', async () => {
    const h = await makeHarness();
    await atWindowPrompt(h);
    const help = allText(await h.say('帮助'));
    expect(help).to.contain(t('zh-CN', 'core.help')).and.to.contain(t('zh-CN', 'core.helpResume'));
    expect(help).to.contain('您希望我们什么时候给您回电').and.to.contain('09:00–21:00');
    const filed = allText(await h.say('周六下午'));
    const reference = REFERENCE.exec(filed)?.[0];
    expect(reference, filed).to.be.a('string');
    expect(filed).to.contain('2026-11-21（周六） 13:00–18:00');
    expect((await h.accounts.getAccount('D002')).account.callbacks.map((c) => c.reference)).to.deep.equal([reference]);
  });

  it('books once when the confirmation is sent twice (double click) or the retry is pressed again after booking', async () => {
    const h = await makeHarness();
    await atWindowPrompt(h);
    await h.say('今晚10点以后');
    const filed = allText(await h.say(t('zh-CN', 'callback.accept')));
    const reference = REFERENCE.exec(filed)?.[0];
    expect(reference, filed).to.be.a('string');
    for (const again of [t('zh-CN', 'callback.accept'), t('zh-CN', 'callback.tryAgain')]) {
      expect(allText(await h.say(again))).not.to.match(REFERENCE);
    }
    expect((await h.accounts.getAccount('D002')).account.callbacks.map((c) => c.reference)).to.deep.equal([reference]);
    expect((await h.records()).map((r) => r.reference)).to.deep.equal([reference]);
  });

  it('books once when a lost answer is retried by a double-pressed "try again"', async () => {
    const lender = flakyCallbacks(['lost']);
    const h = await makeHarness({ wrapAccounts: lender.wrapAccounts });
    await atWindowPrompt(h);
    await h.say('明天上午');
    const reference = REFERENCE.exec(allText(await h.say(t('zh-CN', 'callback.tryAgain'))))?.[0];
    expect(reference).to.be.a('string');
    expect(allText(await h.say(t('zh-CN', 'callback.tryAgain')))).not.to.match(REFERENCE);
    expect((await h.accounts.getAccount('D002')).account.callbacks.map((c) => c.reference)).to.deep.equal([reference]);
    expect(new Set(lender.keys).size).to.equal(1);
  });
});
