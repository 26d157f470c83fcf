import { expect } from 'chai';
import { t } from '../../../../dialogs/messages';
import { actionsOf, buttonsOf, cardsOf, makePlanBot, textOf, verifyAs, type PlanBot } from './planHarness';

const REFERENCE = /HR-\d{8}-\d{4}/;

/** Start the review, verify as D005 (a filed court case: no self-service plan), and give a reason. */
async function upToDescription(bot: PlanBot, reason = '失业') {
  const intro = await bot.say('贷后人员不同意我分期');
  const verified = await verifyAs(bot, 'D005');
  const afterReason = await bot.say(reason);
  return { intro, verified, afterReason };
}

describe('HardshipReviewDialog transcripts', () => {
  describe('zh-CN', () => {
    it('explains there is no right to a plan, collects reason, description, amount and documents, and files one review', async () => {
      const bot = await makePlanBot();
      const { intro, verified, afterReason } = await upToDescription(bot);
      expect(textOf(intro)).to.contain('没有法定的分期权利').and.to.contain('困难情况审核');
      expect(buttonsOf(verified)).to.deep.equal(['失业', '生病或受伤', '收入减少', '家庭变故', '意外或灾害', '其他原因']);
      expect(textOf(afterReason)).to.equal(t('zh-CN', 'hardship.askDescription'));
      expect(buttonsOf(afterReason)).to.deep.equal([t('zh-CN', 'hardship.skip')]);

      expect(textOf(await bot.say('公司裁员，三个月没找到工作'))).to.equal(t('zh-CN', 'hardship.askAmount'));
      expect(textOf(await bot.say('没多少'))).to.equal(t('zh-CN', 'hardship.retryAmount'));

      const documents = await bot.say('最多两千');
      const [checklist] = cardsOf(documents);
      expect(checklist.version).to.equal('1.5');
      const toggles = checklist.body.filter((b) => (b as { type: string }).type === 'Input.Toggle');
      expect(toggles).to.have.length(2);
      expect(checklist.fallbackText).to.contain(`1. ${t('zh-CN', 'hardship.doc.jobLossProof')}`);
      expect(checklist.fallbackText).to.contain(`2. ${t('zh-CN', 'hardship.doc.incomeStatement')}`);
      expect(buttonsOf(documents)).to.deep.equal([t('zh-CN', 'hardship.documents.all'), t('zh-CN', 'hardship.documents.none')]);

      const summary = await bot.say('1 2');
      const [card] = cardsOf(summary);
      expect(card.fallbackText).to.contain('失业').and.to.contain('¥2,000.00').and.to.contain('L005-1').and.to.contain('公司裁员');
      expect(buttonsOf(summary)).to.deep.equal([t('zh-CN', 'hardship.confirm.yes'), t('zh-CN', 'hardship.confirm.no')]);

      const filed = await bot.say('确认提交');
      const text = textOf(filed);
      expect(text).to.match(REFERENCE).and.to.contain('2026-12-05');
      expect(text).to.contain('15 天').and.to.contain('30 天').and.to.contain('12378');
      const reviews = await bot.hardshipReviews('D005');
      expect(reviews).to.have.length(1);
      expect(reviews[0]).to.include({ reason: 'job_loss', affordableMonthlyFen: 200000, description: '公司裁员，三个月没找到工作' });
      expect(reviews[0].loanIds).to.deep.equal(['L005-1']);
      expect(reviews[0].documents).to.have.length(2);
      expect(text).to.contain(reviews[0].reference);
    });

    it('takes the ticked documents and the confirmation from card submits', async () => {
      const bot = await makePlanBot();
      await upToDescription(bot, '生病或受伤');
      await bot.say('跳过');
      const documents = await bot.say('1500左右');
      const submit = cardsOf(documents)[0].actions![0];
      expect(submit.data).to.include({ action: 'hardship.documents' });
      const summary = await bot.say({ value: { ...submit.data, 'item.0': 'true', 'item.1': 'false' } });
      expect(cardsOf(summary)[0].fallbackText).to.contain(t('zh-CN', 'hardship.doc.medicalRecords')).and.not.to.contain(t('zh-CN', 'hardship.doc.incomeStatement'));
      const yes = actionsOf(summary).find((a) => a.title === t('zh-CN', 'hardship.confirm.yes'))!;
      expect(textOf(await bot.say({ value: yes.value }))).to.match(REFERENCE);
      const [review] = await bot.hardshipReviews('D005');
      expect(review).to.include({ reason: 'illness', affordableMonthlyFen: 150000 });
      expect(review.description).to.equal(undefined);
      expect(review.documents).to.deep.equal([t('zh-CN', 'hardship.doc.medicalRecords')]);
    });

    it('files the lower end of a range told ("两三百") and shows the whole range in the summary', async () => {
      const bot = await makePlanBot();
      await upToDescription(bot, '生病或受伤');
      await bot.say('跳过');
      await bot.say('大概每个月两三百吧');
      const summary = await bot.say('全部能提供');
      expect(cardsOf(summary)[0].fallbackText).to.contain(t('zh-CN', 'hardship.amountRange', { min: '¥200.00', max: '¥300.00' }));
      expect(textOf(await bot.say('确认提交'))).to.match(REFERENCE);
      expect((await bot.hardshipReviews('D005'))[0]).to.include({ affordableMonthlyFen: 20000 });
    });

    it('keeps a reason in the borrower\'s own words as the description and does not ask for one again', async () => {
      const bot = await makePlanBot();
      const { afterReason } = await upToDescription(bot, '孩子生病住院，家里开销太大');
      expect(textOf(afterReason)).to.equal(t('zh-CN', 'hardship.askAmount'));
      await bot.say('跳过');
      const summary = await bot.say(t('zh-CN', 'hardship.documents.none'));
      expect(textOf(summary)).to.contain(t('zh-CN', 'hardship.documents.later'));
      await bot.say('确认提交');
      const [review] = await bot.hardshipReviews('D005');
      // The words name an illness: that is the reason (its documents), and the words are the description.
      expect(review).to.include({ reason: 'illness', description: '孩子生病住院，家里开销太大' });
      expect(review.affordableMonthlyFen).to.equal(undefined);
      expect(review.documents).to.deep.equal([]);
    });

    it('reads the reason from the borrower\'s own words for the documents to ask, and takes "not sure" for the amount', async () => {
      for (const [said, reason, doc] of [
        ['我被公司裁员了', 'job_loss', 'hardship.doc.jobLossProof'],
        ['生意不好，收入少了一大半', 'income_drop', 'hardship.doc.incomeStatement'],
        ['家里出了点事', 'other', 'hardship.doc.otherProof'],
      ] as const) {
        const bot = await makePlanBot();
        await upToDescription(bot, said);
        const documents = await bot.say('不确定');
        expect(textOf(documents), said).not.to.contain(t('zh-CN', 'hardship.retryAmount'));
        expect(cardsOf(documents)[0].fallbackText, said).to.contain(t('zh-CN', doc));
        await bot.say(t('zh-CN', 'hardship.documents.none'));
        await bot.say('确认提交');
        const [review] = await bot.hardshipReviews('D005');
        expect(review, said).to.include({ reason, description: said });
        expect(review.affordableMonthlyFen, said).to.equal(undefined);
      }
    });

    it('answers a second submit after filing with the same reference and files nothing more', async () => {
      const bot = await makePlanBot();
      await upToDescription(bot);
      await bot.say('跳过');
      const documents = await bot.say('2000');
      const summary = await bot.say(t('zh-CN', 'hardship.documents.all'));
      const yes = actionsOf(summary).find((a) => a.title === t('zh-CN', 'hardship.confirm.yes'))!;
      const reference = REFERENCE.exec(textOf(await bot.say({ text: yes.title, value: yes.value })))![0];
      for (const again of [{ text: yes.title, value: yes.value }, { value: cardsOf(documents)[0].actions![0].data }]) {
        expect(textOf(await bot.say(again))).to.equal(t('zh-CN', 'hardship.alreadySubmitted', { reference }));
      }
      expect(await bot.hardshipReviews('D005')).to.have.length(1);
    });

    it('leaves cleanly on cancel at the documents and files nothing', async () => {
      const bot = await makePlanBot();
      await upToDescription(bot);
      await bot.say('跳过');
      await bot.say('1500');
      expect(textOf(await bot.say('取消'))).to.equal(t('zh-CN', 'core.cancelled'));
      expect(await bot.hardshipReviews('D005')).to.have.length(0);
    });

    it('answers help at the amount question, asks it again, then goes on', async () => {
      const bot = await makePlanBot();
      await upToDescription(bot);
      await bot.say('跳过');
      const help = await bot.say('帮助');
      expect(textOf(help)).to.contain(t('zh-CN', 'core.help')).and.to.contain(t('zh-CN', 'hardship.askAmount'));
      expect(cardsOf(await bot.say('一千五'))).to.have.length(1);
    });

    it('asks again for a document answer it cannot read', async () => {
      const bot = await makePlanBot();
      await upToDescription(bot);
      await bot.say('跳过');
      await bot.say('1500');
      const retry = await bot.say('9');
      expect(textOf(retry)).to.equal(t('zh-CN', 'hardship.documents.retry'));
      expect(cardsOf(retry)).to.have.length(1);
      expect(cardsOf(await bot.say('1'))[0].fallbackText).to.contain(t('zh-CN', 'hardship.doc.jobLossProof'));
    });

    it('reads "1" and "2" as the documents of those numbers, as the card asks, not as the "all" / "none" buttons', async () => {
      for (const [reply, docs] of [
        ['1', ['hardship.doc.jobLossProof']],
        ['2', ['hardship.doc.incomeStatement']],
        ['1 2', ['hardship.doc.jobLossProof', 'hardship.doc.incomeStatement']],
      ] as const) {
        const bot = await makePlanBot();
        await upToDescription(bot);
        await bot.say('跳过');
        await bot.say('1500');
        await bot.say(reply);
        expect(textOf(await bot.say('确认提交'))).to.match(REFERENCE);
        expect((await bot.hardshipReviews('D005'))[0].documents, reply).to.deep.equal(docs.map((d) => t('zh-CN', d)));
      }
    });

    it('files nothing when the borrower says not now', async () => {
      const bot = await makePlanBot();
      await upToDescription(bot);
      await bot.say('跳过');
      await bot.say('跳过');
      await bot.say('1');
      expect(textOf(await bot.say('先不提交'))).to.equal(t('zh-CN', 'hardship.notSubmitted'));
      expect(await bot.hardshipReviews('D005')).to.have.length(0);
    });
  });

  describe('asked for in so many words', () => {
    it('starts the review for "我想申请困难审核" / "hardship review", without speaking of a refusal', async () => {
      for (const said of ['我想申请困难审核', '申请困难情况审核', 'I want a hardship review']) {
        const bot = await makePlanBot();
        const locale = said.startsWith('I') ? 'en' : 'zh-CN';
        const intro = textOf(await bot.say(said));
        expect(intro, said).to.contain(t(locale, 'hardship.introAsked')).and.not.to.contain(t(locale, 'hardship.intro'));
        expect(textOf(await verifyAs(bot, 'D002')), said).to.contain(t(locale, 'hardship.askReason'));
      }
    });
  });

  describe('zh-TW', () => {
    it('files a review in Traditional Chinese (D008): no right to a plan, reason, amount, documents, reference and deadlines', async () => {
      const bot = await makePlanBot();
      const intro = textOf(await bot.say('貸後人員不同意我分期'));
      expect(intro).to.contain(t('zh-TW', 'hardship.intro'));
      expect(intro).to.contain('沒有法定的分期權利');
      const reasons = await verifyAs(bot, 'D008');
      expect(textOf(reasons)).to.contain(t('zh-TW', 'hardship.askReason'));
      expect(buttonsOf(reasons)).to.deep.equal(['失業', '生病或受傷', '收入減少', '家庭變故', '意外或災害', '其他原因']);
      expect(textOf(await bot.say('失業'))).to.equal(t('zh-TW', 'hardship.askDescription'));
      expect(textOf(await bot.say('公司裁員，還在找工作'))).to.equal(t('zh-TW', 'hardship.askAmount'));
      expect(textOf(await bot.say('沒多少'))).to.equal(t('zh-TW', 'hardship.retryAmount'));

      const documents = await bot.say('一千五');
      const [checklist] = cardsOf(documents);
      expect(checklist.fallbackText).to.contain(`1. ${t('zh-TW', 'hardship.doc.jobLossProof')}`).and.to.contain(t('zh-TW', 'hardship.doc.incomeStatement'));
      expect(buttonsOf(documents)).to.deep.equal([t('zh-TW', 'hardship.documents.all'), t('zh-TW', 'hardship.documents.none')]);

      const summary = await bot.say(t('zh-TW', 'hardship.documents.all'));
      expect(cardsOf(summary)[0].fallbackText).to.contain('¥1,500.00').and.to.contain('公司裁員');
      expect(buttonsOf(summary)).to.deep.equal([t('zh-TW', 'hardship.confirm.yes'), t('zh-TW', 'hardship.confirm.no')]);

      const filed = textOf(await bot.say(t('zh-TW', 'hardship.confirm.yes')));
      const reviews = await bot.hardshipReviews('D008');
      expect(reviews).to.have.length(1);
      expect(reviews[0]).to.include({ reason: 'job_loss', affordableMonthlyFen: 150000, description: '公司裁員，還在找工作' });
      expect(filed).to.match(REFERENCE).and.to.contain(reviews[0].reference);
      expect(filed).to.contain(t('zh-TW', 'hardship.filed', { reference: reviews[0].reference, answerBy: '2026-12-05' }));
      expect(filed).to.contain('15 天').and.to.contain('30 天').and.to.contain('12378');
    });

    it('leaves cleanly on cancel in Traditional Chinese and files nothing', async () => {
      const bot = await makePlanBot();
      await bot.say('貸後人員不同意我分期');
      await verifyAs(bot, 'D008');
      await bot.say('收入減少');
      expect(textOf(await bot.say('取消'))).to.equal(t('zh-TW', 'core.cancelled'));
      expect(await bot.hardshipReviews('D008')).to.have.length(0);
    });
  });

  describe('English', () => {
    it('files a review in English (D009)', async () => {
      const bot = await makePlanBot();
      expect(textOf(await bot.say('They refused to negotiate with me'))).to.contain('no legal right to an installment plan');
      await verifyAs(bot, 'D009');
      await bot.say('Income dropped');
      await bot.say('Skip');
      const documents = await bot.say('about 1,500');
      expect(cardsOf(documents)[0].fallbackText).to.contain(t('en', 'hardship.doc.incomeStatement'));
      await bot.say('I can provide all');
      const filed = textOf(await bot.say('Submit'));
      expect(filed).to.match(REFERENCE).and.to.contain('15 days').and.to.contain('12378');
      expect(await bot.hardshipReviews('D009')).to.have.length(1);
    });
  });

  describe('what the borrower already said, and questions about plan terms', () => {
    it('keeps an amount said in the request, or at the mobile question, and does not ask for it again', async () => {
      const inRequest = await makePlanBot();
      await inRequest.say('催收不同意我分期，我一个月最多还500');
      await verifyAs(inRequest, 'D005');
      await inRequest.say('收入减少');
      const documents = await inRequest.say('跳过');
      expect(textOf(documents)).not.to.contain(t('zh-CN', 'hardship.askAmount'));
      expect(cardsOf(documents)[0].fallbackText).to.contain(t('zh-CN', 'hardship.doc.incomeStatement'));
      await inRequest.say('全部能提供');
      await inRequest.say('确认提交');
      expect((await inRequest.hardshipReviews('D005'))[0]).to.include({ affordableMonthlyFen: 50000 });

      const atMobile = await makePlanBot();
      await atMobile.say('催收不同意我分期');
      expect(textOf(await atMobile.say('我一个月最多还800'))).to.contain(t('zh-CN', 'identity.mobileFirst'));
      await verifyAs(atMobile, 'D005');
      await atMobile.say('收入减少');
      expect(textOf(await atMobile.say('跳过'))).not.to.contain(t('zh-CN', 'hardship.askAmount'));
      await atMobile.say('全部能提供');
      await atMobile.say('确认提交');
      expect((await atMobile.hardshipReviews('D005'))[0]).to.include({ affordableMonthlyFen: 80000 });
    });

    it('answers "能不能先停息" at the mobile question and "罚息能免吗" at the reason question, then asks each again', async () => {
      const bot = await makePlanBot();
      await bot.say('催收不同意我分期');
      const atMobile = textOf(await bot.say('你们能不能先停息？'));
      expect(atMobile).to.contain('不是法律规定的权利').and.to.contain(t('zh-CN', 'core.helpResume')).and.to.contain(t('zh-CN', 'identity.askMobile'));
      const verified = await verifyAs(bot, 'D005');
      expect(buttonsOf(verified), 'still the hardship review, not a plan request').to.include('意外或灾害');
      const atReason = await bot.say('罚息能免吗？');
      expect(textOf(atReason)).to.contain(t('zh-CN', 'plan.terms.waiver', { percent: 50 })).and.to.contain(t('zh-CN', 'hardship.askReason'));
      expect(textOf(await bot.say('审核要几天？')), "the plan review's days are not this review's").not.to.contain(t('zh-CN', 'plan.terms.review', { days: 3 }));
    });
  });
});
