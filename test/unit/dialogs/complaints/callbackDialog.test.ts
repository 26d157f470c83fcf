import { expect } from 'chai';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import { BORROWERS, allText, button, makeHarness, titlesOf } from '../guidance/harness';

const REFERENCE = /CB-\d{8}-\d{4}/;
// The manual clock stands at Friday 2026-11-20 10:00 Beijing time; service hours are the defaults (09:00-21:00 daily).

describe('CallbackDialog transcripts', () => {
  it('acknowledges an unverified borrower and offers a callback, a person and self-service', async () => {
    const h = await makeHarness();
    const replies = await h.say('贷后专员电话一直打不通');
    const text = allText(replies);
    expect(text).to.contain(t('zh-CN', 'callback.ack')).and.to.contain(t('zh-CN', 'callback.verifyHint'));
    expect(titlesOf(replies)).to.deep.equal([
      t('zh-CN', 'handoff.bookCallback'),
      intentLabel('zh-CN', 'human_agent'),
      intentLabel('zh-CN', 'installment_plan'),
      intentLabel('zh-CN', 'account_status'),
    ]);
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
    expect(ask).to.contain('工作日 09:00–21:00').and.to.contain('周末 09:00–21:00');
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

  it('moves a window outside service hours into them, says so and confirms; "another time" asks again', async () => {
    const h = await makeHarness();
    await h.verifyAs('D002');
    const first = await h.say('贷后专员电话一直打不通');
    await h.press(button(first, t('zh-CN', 'handoff.bookCallback')));
    const adjusted = await h.say('今晚10点以后');
    expect(allText(adjusted)).to.contain('不全在回电服务时间内').and.to.contain('2026-11-21（周六） 09:00–09:30');
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
});
