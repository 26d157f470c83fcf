import { expect } from 'chai';
import { intentLabel } from '../../../../dialogs/menu';
import { t } from '../../../../dialogs/messages';
import type { AccountService } from '../../../../services/accounts/accountService';
import { BotError } from '../../../../services/errors/botError';
import { loadPlanPolicy } from '../../../../services/plans/planPolicy';
import { actionsOf, buttonsOf, cardsOf, fileTwelveMonthPlan, makePlanBot, textOf, verifyAs, type PlanBot } from './planHarness';

const REFERENCE = /PR-\d{8}-\d{4}/;

/** Start the plan dialog, verify, and answer the reason question; resolves to the replies of the reason turn. */
async function upToAmount(bot: PlanBot, ask: string, who: 'D002' | 'D008' | 'D009', reason: string) {
  await bot.say(ask);
  const verified = await verifyAs(bot, who);
  return { verified, afterReason: await bot.say(reason) };
}

describe('InstallmentPlanDialog transcripts', () => {
  describe('zh-CN', () => {
    it('verifies, asks the reason and amount, proposes plans as a card and text, files one request on a typed number', async () => {
      const bot = await makePlanBot();
      const { verified, afterReason } = await upToAmount(bot, '我想分期还款', 'D002', '失业');
      expect(textOf(verified)).to.contain(t('zh-CN', 'plan.askReason'));
      expect(buttonsOf(verified)).to.deep.equal(['失业', '生病或受伤', '收入减少', '其他原因', '跳过']);
      expect(textOf(afterReason)).to.contain(t('zh-CN', 'plan.askAmount'));

      const proposals = await bot.say('一千五');
      expect(textOf(proposals)).to.contain('¥1,500.00').and.to.contain('3 个方案');
      const [card] = cardsOf(proposals);
      expect(card.version).to.equal('1.5');
      expect(card.actions).to.have.length(3);
      for (const a of card.actions!) {
        expect(a.type).to.equal('Action.Submit');
        expect(a.data.action).to.equal('plan.choose');
        expect(a.data.proposalId).to.be.a('string');
      }
      // The fallback text is the whole card as numbered text: 9, 12 and 18 months of ¥1,089.18, ¥816.88, ¥544.59.
      for (const fact of ['1. ', '2. ', '3. ', '分 9 期', '分 12 期', '分 18 期', '¥1,089.18', '¥816.88', '¥544.59', '2026-12-20', '¥9,802.65']) {
        expect(card.fallbackText).to.contain(fact);
      }
      expect(card.fallbackText).to.contain(t('zh-CN', 'plan.choose.hint'));
      expect(card.fallbackText).to.contain('以审核结果为准');
      expect(buttonsOf(proposals)).to.deep.equal(['方案1', '方案2', '方案3']);

      const summary = await bot.say('1');
      expect(cardsOf(summary)[0].fallbackText).to.contain('9 期').and.to.contain('¥1,089.18').and.to.contain('失业');
      expect(buttonsOf(summary)).to.deep.equal([t('zh-CN', 'plan.confirm.yes'), t('zh-CN', 'plan.confirm.no')]);

      const filed = await bot.say('确认提交');
      const text = textOf(filed);
      expect(text).to.match(REFERENCE);
      expect(text).to.contain('3 个工作日').and.to.contain('2026-11-25');
      expect(text).to.contain(t('zh-CN', 'plan.review.collectionPaused'));
      expect(buttonsOf(filed)).to.include(intentLabel('zh-CN', 'human_agent'));

      const requests = await bot.planRequests('D002');
      expect(requests).to.have.length(1);
      expect(requests[0]).to.include({ loanId: 'L002-1', installments: 9, reason: '失业', optionId: card.actions![0].data.proposalId });
      expect(text).to.contain(requests[0].reference);
    });

    it('takes the choice and the confirmation from card and button submits (value, no text)', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '跳过');
      const [card] = cardsOf(await bot.say('1500'));
      const summary = await bot.say({ value: card.actions![1].data });
      expect(cardsOf(summary)[0].fallbackText).to.contain('12 期').and.not.to.contain('困难原因');
      const confirm = actionsOf(summary).find((a) => a.title === t('zh-CN', 'plan.confirm.yes'))!;
      expect(confirm.value).to.include({ action: 'plan.confirm', answer: 'yes' });
      const filed = await bot.say({ value: confirm.value });
      expect(textOf(filed)).to.match(REFERENCE);
      const requests = await bot.planRequests('D002');
      expect(requests).to.have.length(1);
      expect(requests[0].installments).to.equal(12);
      expect(requests[0].reason).to.equal(undefined);
    });

    it('answers a second submit of the same card or confirmation calmly and files nothing more', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '失业');
      const [card] = cardsOf(await bot.say('一千五'));
      const summary = await bot.say({ value: card.actions![0].data });
      const confirm = actionsOf(summary).find((a) => a.title === t('zh-CN', 'plan.confirm.yes'))!;
      const filed = await bot.say({ text: confirm.title, value: confirm.value });
      const reference = REFERENCE.exec(textOf(filed))![0];

      for (const again of [{ value: card.actions![0].data }, { value: card.actions![2].data }, { text: confirm.title, value: confirm.value }]) {
        const replies = await bot.say(again);
        expect(textOf(replies)).to.equal(t('zh-CN', 'plan.alreadySubmitted', { reference }));
      }
      expect(await bot.planRequests('D002')).to.have.length(1);
    });

    it('says a card from an ended conversation step has expired when nothing was filed', async () => {
      const bot = await makePlanBot();
      const replies = await bot.say({ value: { action: 'plan.choose', proposalId: 'EI9-00000000', intent: 'installment_plan' } });
      expect(textOf(replies)).to.equal(t('zh-CN', 'plan.cardExpired'));
      expect(buttonsOf(replies)).to.include(intentLabel('zh-CN', 'installment_plan'));
      expect(await bot.planRequests('D002')).to.have.length(0);
    });

    it('keeps the idempotency key across a retry after a lost answer, so one request is created', async () => {
      const keys: string[] = [];
      let failOnce = true;
      const bot = await makePlanBot({
        wrap: (inner): AccountService =>
          Object.assign(Object.create(inner) as AccountService, {
            async createPlanRequest(borrowerId: string, body: Parameters<AccountService['createPlanRequest']>[1]) {
              keys.push(body.idempotencyKey);
              const record = await inner.createPlanRequest(borrowerId, body);
              if (failOnce) {
                failOnce = false;
                throw new BotError('ACCOUNT_SERVICE_UNAVAILABLE', 'timeout after the lender stored the request');
              }
              return record;
            },
          }),
      });
      await upToAmount(bot, '我想分期还款', 'D002', '收入减少');
      await bot.say('1500');
      await bot.say('1');
      const unavailable = await bot.say('确认提交');
      expect(textOf(unavailable)).to.equal(t('zh-CN', 'plan.submitUnavailable'));
      expect(buttonsOf(unavailable)).to.deep.equal([t('zh-CN', 'plan.retry.yes'), t('zh-CN', 'plan.confirm.no')]);
      const filed = await bot.say(t('zh-CN', 'plan.retry.yes'));
      expect(textOf(filed)).to.match(REFERENCE);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(await bot.planRequests('D002')).to.have.length(1);
    });

    it('files nothing when the borrower says not now', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '跳过');
      await bot.say('1500');
      await bot.say('2');
      const replies = await bot.say('先不提交');
      expect(textOf(replies)).to.equal(t('zh-CN', 'plan.notSubmitted'));
      expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'installment_plan'), intentLabel('zh-CN', 'human_agent')]);
      expect(await bot.planRequests('D002')).to.have.length(0);
    });

    it('explains a filed court case in plain words and offers a person and a hardship review (D005)', async () => {
      const bot = await makePlanBot();
      await bot.say('我想分期还款');
      const replies = await verifyAs(bot, 'D005');
      const text = textOf(replies);
      expect(text).to.contain(t('zh-CN', 'plan.ineligible.intro'));
      expect(text).to.contain(t('zh-CN', 'plan.reason.COURT_CASE_FILED'));
      expect(text).to.contain(t('zh-CN', 'plan.ineligible.next'));
      expect(cardsOf(replies)).to.have.length(0);
      expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent'), t('zh-CN', 'plan.hardshipButton')]);
      const hardship = actionsOf(replies)[1];
      expect(hardship.value).to.deep.equal({ intent: 'negotiation_refused' });

      // The hardship button starts the review; the conversation is verified already.
      const review = await bot.say({ text: hardship.text, value: hardship.value });
      // Asked for by the button: no "a refused negotiation is stressful" for a refusal nobody told.
      expect(textOf(review)).to.contain(t('zh-CN', 'hardship.introAsked')).and.to.contain(t('zh-CN', 'hardship.askReason'));
      expect(textOf(review)).not.to.contain(t('zh-CN', 'hardship.intro'));
      expect(await bot.planRequests('D005')).to.have.length(0);
    });

    it('says why the loan status rules a plan out, in the borrower case: with the recoveries team (D005), not overdue (D001)', async () => {
      const chargedOff = await makePlanBot();
      await chargedOff.say('我想分期还款');
      const recoveries = textOf(await verifyAs(chargedOff, 'D005'));
      expect(recoveries).to.contain(t('zh-CN', 'plan.reason.STATUS_NOT_ELIGIBLE.chargedOff'));
      expect(recoveries).not.to.contain(t('zh-CN', 'plan.reason.STATUS_NOT_ELIGIBLE'));

      const upToDate = await makePlanBot();
      await upToDate.say('我想分期还款');
      const current = textOf(await verifyAs(upToDate, 'D001'));
      expect(current).to.contain(t('zh-CN', 'plan.reason.STATUS_NOT_ELIGIBLE.notOverdue'));
      expect(current).to.contain(t('zh-CN', 'plan.ineligible.next'));
    });

    it('says a filed request is withdrawn by a person, and starts no new request, on "我想撤回分期申请"', async () => {
      const bot = await makePlanBot();
      const replies = await bot.say('我想撤回分期申请');
      expect(textOf(replies)).to.equal(t('zh-CN', 'plan.withdraw'));
      expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
      expect(textOf(replies)).not.to.contain(t('zh-CN', 'identity.askMobile'));
    });

    it('explains court enforcement in plain words (D010)', async () => {
      const bot = await makePlanBot();
      await bot.say('我想分期还款');
      const text = textOf(await verifyAs(bot, 'D010'));
      expect(text).to.contain(t('zh-CN', 'plan.reason.ENFORCEMENT_IN_PROGRESS'));
      expect(text).not.to.contain(t('zh-CN', 'plan.askReason'));
    });

    it('leaves cleanly on cancel in the middle and files nothing', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '失业');
      const cancelled = await bot.say('取消');
      expect(textOf(cancelled)).to.equal(t('zh-CN', 'core.cancelled'));
      expect(buttonsOf(cancelled).length).to.be.greaterThan(3);
      expect(textOf(await bot.say('1500'))).not.to.contain('方案');
      expect(await bot.planRequests('D002')).to.have.length(0);
    });

    it('answers help at the proposals and shows them again, then goes on', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '失业');
      await bot.say('一千五');
      const help = await bot.say('帮助');
      expect(textOf(help)).to.contain(t('zh-CN', 'core.help')).and.to.contain(t('zh-CN', 'core.helpResume'));
      expect(cardsOf(help)).to.have.length(1);
      expect(buttonsOf(help)).to.deep.equal(['方案1', '方案2', '方案3']);
      const summary = await bot.say('2');
      expect(cardsOf(summary)[0].fallbackText).to.contain('12 期');
    });

    it('asks again for an amount it cannot read, then takes a range', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '生病或受伤');
      expect(textOf(await bot.say('没多少'))).to.equal(t('zh-CN', 'plan.retryAmount'));
      const proposals = await bot.say('两三千');
      expect(textOf(proposals)).to.contain('¥2,000.00').and.to.contain('¥3,000.00');
      // Up to ¥3,000 a month: 6 months (¥1,633.77) is the closest fit, then 9 and 12.
      const [card] = cardsOf(proposals);
      expect(card.fallbackText).to.contain('分 6 期').and.to.contain('¥1,633.77');
      expect(card.fallbackText).not.to.contain('分 3 期');
    });

    it('shows plans of a few lengths when the borrower does not know the amount, and files the one chosen', async () => {
      for (const said of ['我也不知道能还多少', '不确定', 'not sure', '几百块吧', '跳过', 'skip']) {
        const bot = await makePlanBot();
        await upToAmount(bot, '我想分期还款', 'D002', '跳过');
        const proposals = await bot.say(said);
        const text = textOf(proposals);
        expect(text, said).not.to.contain(t('zh-CN', 'plan.retryAmount'));
        const [card] = cardsOf(proposals);
        expect(card, said).to.be.an('object');
        const counts = [...(card.fallbackText as string).matchAll(/分 (\d+) 期|(\d+) installments/g)].map((m) => Number(m[1] ?? m[2]));
        expect(counts.length, said).to.be.greaterThan(1);
        expect(new Set(counts).size, `${said}: different lengths`).to.equal(counts.length);
      }
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '跳过');
      expect(textOf(await bot.say('不知道'))).to.contain(t('zh-CN', 'plan.proposals.noAmount', { count: 3 }).slice(0, 8));
      await bot.say('1');
      expect(textOf(await bot.say('确认提交'))).to.match(/PR-\d{8}-\d+/);
    });

    it('reads other ways of saying the amount', async () => {
      for (const [said, shown] of [['1500左右', '¥1,500.00'], ['最多两千', '¥2,000.00'], ['¥3000', '¥3,000.00'], ['3k', '¥3,000.00']]) {
        const bot = await makePlanBot();
        await upToAmount(bot, '我想分期还款', 'D002', '跳过');
        const replies = await bot.say(said);
        expect(textOf(replies), said).to.contain(shown);
        expect(cardsOf(replies), said).to.have.length(1);
      }
    });

    it('uses an amount said in the request itself and does not ask for it again', async () => {
      const bot = await makePlanBot();
      await bot.say('每个月只能还一千五，想分期');
      await verifyAs(bot, 'D002');
      const proposals = await bot.say('跳过');
      expect(textOf(proposals)).to.contain('¥1,500.00');
      expect(cardsOf(proposals)).to.have.length(1);
    });

    it('shows the length asked for first ("我想分12期", "分36期" at the amount question) without asking for an amount', async () => {
      const bot = await makePlanBot();
      await bot.say('我想分12期');
      await verifyAs(bot, 'D002');
      const proposals = await bot.say('跳过');
      expect(textOf(proposals)).to.contain(t('zh-CN', 'plan.proposals.preferred', { months: 12, count: 3 })).and.not.to.contain(t('zh-CN', 'plan.askAmount'));
      expect(cardsOf(proposals)[0].fallbackText.indexOf('分 12 期')).to.be.below(cardsOf(proposals)[0].fallbackText.indexOf('分 3 期'));
      await bot.say('1');
      await bot.say('确认提交');
      expect((await bot.planRequests('D002'))[0]).to.include({ installments: 12 });

      const other = await makePlanBot();
      await upToAmount(other, '我想分期还款', 'D002', '跳过');
      const notOffered = textOf(await other.say('分36期'));
      expect(notOffered).to.contain(t('zh-CN', 'plan.proposals.notOffered', { months: 36, counts: '3、6、9、12、18 或 24' }));
      expect(notOffered).not.to.contain(t('zh-CN', 'plan.retryAmount'));
    });

    it('does not offer "apply for a plan" again beside the account while the request is under review', async () => {
      const bot = await makePlanBot();
      await fileTwelveMonthPlan(bot);
      const account = await bot.say('我的申请什么时候有结果');
      expect(textOf(account)).to.contain('PR-').and.to.contain(t('zh-CN', 'account.nextPlanPending'));
      expect(buttonsOf(account)).not.to.include(intentLabel('zh-CN', 'installment_plan'));
    });

    it('files no second request while one is under review: says which one, when it is answered, and offers a person', async () => {
      const bot = await makePlanBot();
      const reference = REFERENCE.exec(textOf(await fileTwelveMonthPlan(bot)))![0];
      const again = await bot.say('我想再申请一次分期');
      expect(textOf(again)).to.contain(reference).and.to.contain('已经有一份分期申请在审核中');
      expect(buttonsOf(again)).to.include(intentLabel('zh-CN', 'human_agent'));
      expect((await bot.planRequests('D002')).filter((r) => r.status === 'submitted')).to.have.length(1);
    });

    it('answers a one-off deferral asked at the amount question with who decides it and a person, and files nothing', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '跳过');
      const replies = await bot.say('我不是要分期，我是想延期到15号一次还清');
      expect(textOf(replies)).to.equal(t('zh-CN', 'plan.deferral'));
      expect(buttonsOf(replies)).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
      expect(await bot.planRequests('D002')).to.have.length(0);
    });

    it('shows the one closest plan when nothing fits the amount', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '跳过');
      const replies = await bot.say('200');
      expect(textOf(replies)).to.contain(t('zh-CN', 'plan.proposals.closest', { amount: '每月 ¥200.00' }));
      expect(cardsOf(replies)[0].actions).to.have.length(1);
      expect(cardsOf(replies)[0].fallbackText).to.contain('分 24 期');
      expect(buttonsOf(replies), 'the person the intro names').to.deep.equal([t('zh-CN', 'plan.choose.chip', { index: 1 }), intentLabel('zh-CN', 'human_agent')]);
      // Still too much: a person or a hardship review, not the same plan again; nothing filed.
      const tooMuch = await bot.say('还是太多了');
      expect(textOf(tooMuch)).to.equal(t('zh-CN', 'plan.stillTooMuch'));
      expect(buttonsOf(tooMuch)).to.deep.equal([intentLabel('zh-CN', 'human_agent'), t('zh-CN', 'plan.hardshipButton')]);
      expect(await bot.planRequests('D002')).to.have.length(0);
    });

    it('takes the reason and the amount told in the plan request into the hardship review offered when no plan fits', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期还款', 'D002', '失业');
      await bot.say('200');
      const tooMuch = await bot.say('都太高了');
      const hardship = actionsOf(tooMuch)[1];
      expect(hardship.value).to.deep.equal({ intent: 'negotiation_refused', told: { reason: '失业', affordable: 20000 } });
      const review = await bot.say({ text: hardship.text, value: hardship.value });
      expect(textOf(review)).to.contain(t('zh-CN', 'hardship.introAsked')).and.to.contain(t('zh-CN', 'hardship.documents.ask'));
      expect(textOf(review), 'reason and amount not asked again').not.to.contain(t('zh-CN', 'hardship.askReason')).and.not.to.contain(t('zh-CN', 'hardship.askAmount'));
      await bot.say(t('zh-CN', 'hardship.documents.all'));
      await bot.say(t('zh-CN', 'hardship.confirm.yes'));
      const [filed] = await bot.hardshipReviews('D002');
      expect(filed).to.include({ reason: 'job_loss', affordableMonthlyFen: 20000 });
    });

    it('queues an ineligible borrower who asks for a person for negotiation, at P2 with the negotiation skill (D004)', async () => {
      // D004 broke an earlier plan; with a policy that allows none, self-service is ruled out (no court case).
      const policy = loadPlanPolicy();
      const bot = await makePlanBot({ handoff: true, policy: { ...policy, eligibility: { ...policy.eligibility, maxBrokenPlans: 0 } } });
      await bot.say('我想分期还款');
      const ineligible = await verifyAs(bot, 'D004');
      expect(textOf(ineligible)).to.contain(t('zh-CN', 'plan.ineligible.intro')).and.to.contain(t('zh-CN', 'plan.reason.TOO_MANY_BROKEN_PLANS', { count: 1, max: 0 }));
      expect(buttonsOf(ineligible)[0]).to.equal(intentLabel('zh-CN', 'human_agent'));

      const queued = await bot.say(intentLabel('zh-CN', 'human_agent'));
      expect(textOf(queued)).to.equal(t('zh-CN', 'handoff.queuedNext', { reference: 'H-20261120-0001', minutes: 2 }));
      expect(bot.handoffRequests).to.have.length(1);
      const [ticket] = bot.handoffRequests;
      expect(ticket).to.include({ priority: 2, borrowerId: 'D004', reason: intentLabel('zh-CN', 'installment_plan'), language: 'zh-CN' });
      expect(ticket.skills).to.deep.equal(['negotiation']);
      expect(ticket.intents?.map((i) => i.intent)).to.include('installment_plan');
      expect(await bot.planRequests('D004')).to.have.length(0);
    });
  });

  describe('zh-TW', () => {
    it('runs the whole request in Traditional Chinese (D008)', async () => {
      const bot = await makePlanBot();
      const { verified } = await upToAmount(bot, '我想分期還款', 'D008', '失業');
      expect(buttonsOf(verified)).to.include('失業');
      const proposals = await bot.say('一千五');
      expect(textOf(proposals)).to.contain('個方案');
      const [card] = cardsOf(proposals);
      expect(card.fallbackText).to.contain(t('zh-TW', 'plan.proposals.title')).and.to.contain('分 12 期').and.to.contain('¥1,251.25');
      const summary = await bot.say({ value: card.actions![0].data });
      expect(buttonsOf(summary)).to.deep.equal(['確認提交', '先不提交']);
      const filed = await bot.say('確認提交');
      expect(textOf(filed)).to.contain('編號').and.to.match(REFERENCE);
      expect(textOf(filed)).to.contain(t('zh-TW', 'plan.review.collectionPaused'));
      const requests = await bot.planRequests('D008');
      expect(requests).to.have.length(1);
      expect(requests[0]).to.include({ installments: 12, reason: '失業' });
      expect(textOf(await bot.say({ value: card.actions![0].data }))).to.equal(t('zh-TW', 'plan.alreadySubmitted', { reference: requests[0].reference }));
    });

    it('leaves cleanly on cancel in Traditional Chinese', async () => {
      const bot = await makePlanBot();
      await upToAmount(bot, '我想分期還款', 'D008', '跳過');
      expect(textOf(await bot.say('取消'))).to.equal(t('zh-TW', 'core.cancelled'));
      expect(await bot.planRequests('D008')).to.have.length(0);
    });
  });

  describe('English', () => {
    it('runs the whole request in English (D009)', async () => {
      const bot = await makePlanBot();
      const { verified, afterReason } = await upToAmount(bot, 'I want an installment plan', 'D009', 'Skip');
      expect(buttonsOf(verified)).to.include('Lost my job');
      expect(textOf(afterReason)).to.equal(t('en', 'plan.askAmount'));
      expect(textOf(await bot.say('a bit'))).to.equal(t('en', 'plan.retryAmount'));
      const proposals = await bot.say('3k');
      expect(textOf(proposals)).to.contain('¥3,000.00 a month');
      const [card] = cardsOf(proposals);
      expect(card.fallbackText).to.contain('Option 1: 3 installments').and.to.contain('¥2,934.91');
      expect(buttonsOf(proposals)).to.deep.equal(['Option 1', 'Option 2', 'Option 3']);
      const summary = await bot.say('Option 2');
      expect(cardsOf(summary)[0].fallbackText).to.contain('6 months');
      const filed = await bot.say('Submit');
      expect(textOf(filed)).to.contain('reference').and.to.match(REFERENCE).and.to.contain('3 working days');
      expect(await bot.planRequests('D009')).to.have.length(1);
      expect((await bot.planRequests('D009'))[0].installments).to.equal(6);
    });

    it('answers "what if I cannot keep up?" at the confirmation, asks again with its buttons, and files on yes', async () => {
      for (const [who, ask, reason, amount, question, yes, locale] of [
        ['D002', '我想分期还款', '失业', '1500', '如果以后还不上怎么办', '确认提交', 'zh-CN'],
        ['D009', 'I want an installment plan', 'Skip', '3k', 'what if I miss a payment later?', 'Submit', 'en'],
      ] as const) {
        const bot = await makePlanBot();
        await upToAmount(bot, ask, who, reason);
        await bot.say(amount);
        await bot.say('1');
        const answered = await bot.say(question);
        expect(answered.map((a) => a.text), question).to.deep.equal([t(locale, 'plan.ifMissed'), t(locale, 'plan.confirm.retry')]);
        expect(buttonsOf(answered), question).to.have.length(2);
        expect(await bot.planRequests(who), 'nothing filed yet').to.have.length(0);
        expect(textOf(await bot.say(yes))).to.match(REFERENCE);
        expect(await bot.planRequests(who)).to.have.length(1);
      }
    });

      it('takes "好的" / "ok" to the only plan offered to the confirmation, and files nothing until it is confirmed', async () => {
      for (const [who, ask, reason, amount, yes] of [['D002', '我想分期还款', '失业', '500', '好的'], ['D009', 'I want an installment plan', 'Skip', '300', 'ok']] as const) {
        const bot = await makePlanBot();
        await upToAmount(bot, ask, who, reason);
        const offered = await bot.say(amount);
        expect(buttonsOf(offered).filter((b) => /^(方案|Plan|Option)\s*\d/.test(b)), `${who}: one plan on offer`).to.have.length(1);
        const confirm = textOf(await bot.say(yes));
        expect(confirm, yes).to.contain(t(who === 'D009' ? 'en' : 'zh-CN', 'plan.confirm.ask'));
        expect(await bot.planRequests(who), yes).to.have.length(0);
      }
    });

  it('files the request on "Submit it" or "好的提交吧" typed at the confirmation (the recogniser once took "Submit it" for cancel)', async () => {
      for (const [who, ask, reason, amount, yes] of [['D009', 'I want an installment plan', 'Skip', '3k', 'Submit it'], ['D002', '我想分期还款', '失业', '1500', '好的提交吧']] as const) {
        const bot = await makePlanBot();
        await upToAmount(bot, ask, who, reason);
        await bot.say(amount);
        await bot.say('1');
        const filed = textOf(await bot.say(yes));
        expect(filed, yes).to.match(REFERENCE);
        expect(await bot.planRequests(who), yes).to.have.length(1);
      }
    });
  });
});

describe('InstallmentPlanDialog: the account asked about in the middle of the flow', () => {
  it('answers "罚息是多少" at the reason and amount questions once verified, then asks that question again', async () => {
    const bot = await makePlanBot();
    await bot.say('我想分期还款');
    await verifyAs(bot, 'D002');
    const atReason = textOf(await bot.say('罚息是多少'));
    expect(atReason).to.contain('罚息 ¥2.65').and.to.contain(t('zh-CN', 'core.helpResume')).and.to.contain(t('zh-CN', 'plan.askReason'));
    expect(textOf(await bot.say('收入减少'))).to.contain(t('zh-CN', 'plan.askAmount'));
    const atAmount = textOf(await bot.say('下次还款日是哪天'));
    expect(atAmount).to.contain('下次还款日 2026-12-15').and.to.contain(t('zh-CN', 'plan.askAmount'));
    expect(atAmount).not.to.contain(t('zh-CN', 'plan.retryAmount'));
    expect(textOf(await bot.say('一千'))).to.contain('3 个方案');
  });

  it('gives no account detail at the verification question: an account question there is not a way around it', async () => {
    const bot = await makePlanBot();
    await bot.say('我想分期还款');
    await bot.say('13800000002');
    const replies = textOf(await bot.say('我现在一共欠多少'));
    expect(replies).not.to.contain('¥');
    expect(replies).not.to.contain('李四');
  });
});

describe('InstallmentPlanDialog: choosing', () => {
  it('picks the proposal whose length is named, and asks for "1" (not "1 to 1") when one plan is on offer', async () => {
    const bot = await makePlanBot();
    await upToAmount(bot, '我想分期还款', 'D002', '跳过');
    await bot.say('一千');
    const summary = await bot.say('24期那个');
    expect(cardsOf(summary)[0].fallbackText).to.contain('24 期');

    const one = await makePlanBot();
    await upToAmount(one, '我想分期还款', 'D002', '跳过');
    const offered = await one.say('两百');
    expect(cardsOf(offered)[0].actions).to.have.length(1);
    expect(textOf(await one.say('都不喜欢'))).to.contain(t('zh-CN', 'plan.choose.retryOne')).and.not.to.contain('1 到 1');
  });
});
