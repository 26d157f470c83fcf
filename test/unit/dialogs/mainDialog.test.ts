import { expect } from 'chai';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { BorrowerBot } from '../../../bots/borrowerBot';
import { createTurnErrorHandler } from '../../../bots/turnErrorHandler';
import { MainDialog } from '../../../dialogs/mainDialog';
import { intentLabel, menuActions } from '../../../dialogs/menu';
import { t } from '../../../dialogs/messages';
import { coreRoutes, type RouteTable } from '../../../dialogs/routes';
import type { ConversationProfile } from '../../../dialogs/turnInfo';
import { ManualClock } from '../../../services/clock';
import { silentLogger } from '../../../services/logging/logger';
import type { IntentRecognizer } from '../../../services/recognizer/intentRecognizer';
import { EmbeddedRecognizer } from '../../../services/recognizer/embeddedRecognizer';

const embedded = EmbeddedRecognizer.fromFile();
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';

/** A two-step task used to exercise interruptions: asks for an amount, then confirms it. */
class AmountTaskDialog extends ComponentDialog {
  constructor() {
    super('test.amount');
    this.addDialog(new TextPrompt('test.amount.prompt'));
    this.addDialog(
      new WaterfallDialog('test.amount.flow', [
        async (step: WaterfallStepContext) => step.prompt('test.amount.prompt', 'AMOUNT?'),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`GOT ${step.result}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'test.amount.flow';
  }
}

function makeBot(recognizer: IntentRecognizer, routes: RouteTable = {}) {
  const conversationState = new ConversationState(new MemoryStorage());
  const profile = conversationState.createProperty<ConversationProfile>('profile');
  const mainDialog = new MainDialog({
    routes: { ...coreRoutes, installment_plan: { dialog: 'test.amount' }, human_agent: { reply: 'core.intent.human_agent' }, ...routes },
    dialogs: [new AmountTaskDialog()],
    profile,
    thresholds: { high: 0.7, low: 0.4 },
  });
  const bot = new BorrowerBot({ conversationState, profile, mainDialog, recognizer, clock: new ManualClock(), timeZone: 'Asia/Shanghai', maxMessageChars: 5000, logger: silentLogger() });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = createTurnErrorHandler({ logger: silentLogger(), conversationState });
  return adapter;
}

const textOf = (a: Partial<Activity>) => a.text ?? '';
const buttonsOf = (a: Partial<Activity>) => (a.suggestedActions?.actions ?? []).map((x) => x.title);

describe('MainDialog transcripts', () => {
  it('welcomes the borrower once at conversation start, with the menu', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot' }, { id: 'user' }], recipient: { id: 'bot' } } as Partial<Activity>)
      .assertReply((a) => {
        expect(textOf(a)).to.equal(t('zh-CN', 'core.welcome'));
        expect(buttonsOf(a)).to.include(t('zh-CN', 'core.menu.person'));
      })
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user' }], recipient: { id: 'bot' } } as Partial<Activity>)
      .send('你好')
      .assertReply(t('zh-CN', 'core.greeting'));
  });

  it('answers in the language the borrower writes in, whatever the client locale says', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send({ type: 'message', text: 'hello', locale: 'zh-CN' } as Partial<Activity>)
      .assertReply(t('en', 'core.greeting'))
      .send({ type: 'message', text: '你好呀', locale: 'en-US' } as Partial<Activity>)
      .assertReply(t('zh-CN', 'core.greeting'))
      .send({ type: 'message', text: '您好，請問在嗎', locale: 'en-US' } as Partial<Activity>)
      .assertReply(t('zh-TW', 'core.greeting'));
  });

  it('answers thanks and goodbye with a short reply and the menu, in the language the borrower writes in', async () => {
    const adapter = makeBot(
      new ScriptedRecognizer({
        谢谢: ['thanks', 0.95],
        再见: ['goodbye', 0.95],
        謝謝您: ['thanks', 0.95],
        再見囉: ['goodbye', 0.95],
        'Thank you': ['thanks', 0.95],
        Bye: ['goodbye', 0.95],
      }),
    );
    const menu = (locale: 'zh-CN' | 'zh-TW' | 'en') => menuActions(locale).map((x) => x.title);
    const replyWithMenu = (locale: 'zh-CN' | 'zh-TW' | 'en', key: 'core.thanks' | 'core.goodbye') => (a: Partial<Activity>) => {
      expect(textOf(a)).to.equal(t(locale, key));
      expect(buttonsOf(a)).to.deep.equal(menu(locale));
    };
    await adapter
      .send('谢谢')
      .assertReply(replyWithMenu('zh-CN', 'core.thanks'))
      .send('再见')
      .assertReply(replyWithMenu('zh-CN', 'core.goodbye'))
      .send('謝謝您')
      .assertReply(replyWithMenu('zh-TW', 'core.thanks'))
      .send('再見囉')
      .assertReply(replyWithMenu('zh-TW', 'core.goodbye'))
      .send('Thank you')
      .assertReply(replyWithMenu('en', 'core.thanks'))
      .send('Bye')
      .assertReply(replyWithMenu('en', 'core.goodbye'));
  });

  it('routes a recognised intent through the table to its dialog', async () => {
    const adapter = makeBot(embedded);
    await adapter.send('我想分期还款').assertReply('AMOUNT?').send('3000').assertReply('GOT 3000');
  });

  it('answers help in the middle of a task, then resumes the task where it was', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send('我想分期还款')
      .assertReply('AMOUNT?')
      .send('帮助')
      .assertReply(t('zh-CN', 'core.help'))
      .assertReply(t('zh-CN', 'core.helpResume'))
      .assertReply('AMOUNT?')
      .send('1500')
      .assertReply('GOT 1500');
  });

  it('leaves the task on cancel, confirms, shows the menu, and routes the next message afresh', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send('我想分期还款')
      .assertReply('AMOUNT?')
      .send('取消')
      .assertReply((a) => {
        expect(textOf(a)).to.equal(t('zh-CN', 'core.cancelled'));
        expect(buttonsOf(a)).to.have.length.greaterThan(3);
      })
      .send('你好')
      .assertReply(t('zh-CN', 'core.greeting'));
  });

  it('leaves the task when the borrower asks for a person at any step', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send('我想分期还款')
      .assertReply('AMOUNT?')
      .send('转人工')
      .assertReply((a) => expect(textOf(a)).to.equal(t('zh-CN', 'core.intent.human_agent')))
      .send('你好')
      .assertReply(t('zh-CN', 'core.greeting'));
  });

  it('asks "did you mean A or B" at middle confidence and routes the chosen one', async () => {
    const adapter = makeBot(new ScriptedRecognizer({ '我钱的事情怎么弄': ['installment_plan', 0.55, 'account_status'] }));
    await adapter
      .send('我钱的事情怎么弄')
      .assertReply((a) => {
        expect(textOf(a)).to.contain(t('zh-CN', 'core.clarify'));
        expect(buttonsOf(a)).to.deep.equal([
          intentLabel('zh-CN', 'installment_plan'),
          intentLabel('zh-CN', 'account_status'),
          t('zh-CN', 'core.clarifyNeither'),
        ]);
      })
      .send(intentLabel('zh-CN', 'installment_plan'))
      .assertReply('AMOUNT?');
  });

  it('does not offer a runner-up task with next to no score of its own as "did you mean…?"', async () => {
    const scripted = new ScriptedRecognizer({ 那我该怎么办: ['help', 0.53, 'doorstep_visit'] });
    // As the embedded recogniser scores it: help 0.53, the doorstep visit a distant second.
    const adapter = makeBot({
      recognize: async (text, context) => {
        const r = await scripted.recognize(text, context);
        return { ...r, runnerUp: { intent: 'doorstep_visit', score: 0.09 }, scores: { ...r.scores, doorstep_visit: 0.09 } };
      },
    });
    await adapter.send('那我该怎么办').assertReply((a) => {
      expect(textOf(a)).not.to.contain(t('zh-CN', 'core.clarify'));
      expect(buttonsOf(a)).not.to.include(intentLabel('zh-CN', 'doorstep_visit'));
    });
  });

  it('reads a typed reply to "did you mean A or B?" that is neither button as a new message, not the same question again', async () => {
    const adapter = makeBot(
      new ScriptedRecognizer({ '我钱的事情怎么弄': ['installment_plan', 0.55, 'account_status'], 你好: ['greeting', 0.95], 'I want a plan, my number is 13800000002': ['installment_plan', 0.9] }),
    );
    await adapter
      .send('我钱的事情怎么弄')
      .assertReply((a) => expect(textOf(a)).to.contain(t('zh-CN', 'core.clarify')))
      .send('你好')
      .assertReply((a) => expect(textOf(a), 'read afresh: a greeting').to.equal(t('zh-CN', 'core.greeting')))
      .send('我钱的事情怎么弄')
      .assertReply((a) => expect(textOf(a)).to.contain(t('zh-CN', 'core.clarify')))
      .send('I want a plan, my number is 13800000002')
      .assertReply((a) => expect(textOf(a), 'read afresh: the task it asks for').to.equal('AMOUNT?'));
  });

  it('offers only tasks at middle confidence: a small-talk runner-up is no second "neither", and "neither" asks again', async () => {
    const adapter = makeBot(
      new ScriptedRecognizer({ '那个人又来了': ['harassment_complaint', 0.54, 'goodbye'], '好的谢谢再见': ['thanks', 0.5, 'goodbye'] }),
    );
    await adapter
      .send('那个人又来了')
      .assertReply((a) => {
        expect(textOf(a)).to.contain(t('zh-CN', 'core.clarify'));
        expect(buttonsOf(a)).to.deep.equal([intentLabel('zh-CN', 'harassment_complaint'), t('zh-CN', 'core.clarifyNeither')]);
      })
      .send(t('zh-CN', 'core.clarifyNeither'))
      .assertReply((a) => expect(textOf(a), 'we misunderstood: ask again, not "out of scope"').to.equal(t('zh-CN', 'core.clarifiedNeither')))
      .send('好的谢谢再见')
      .assertReply((a) => expect(textOf(a), 'two small-talk guesses: the top one is answered').to.equal(t('zh-CN', 'core.thanks')));
  });

  it('reads a short follow-up in the light of the last topic: the near tie that would be a question is answered', async () => {
    const routes: RouteTable = { doorstep_visit: { reply: 'core.intent.doorstep_visit' }, lawsuit_threat: { reply: 'core.intent.lawsuit_threat' } };
    const script = new ScriptedRecognizer({
      '他们说明天要上门': ['doorstep_visit', 0.95],
      '他们真的会来吗': ['lawsuit_threat', 0.6, 'doorstep_visit'],
      '会坐牢吗': ['lawsuit_threat', 0.95, 'doorstep_visit'],
    });
    await makeBot(script, routes)
      .send('他们真的会来吗')
      .assertReply((a) => expect(textOf(a), 'on its own: a question').to.contain(t('zh-CN', 'core.clarify')));
    await makeBot(script, routes)
      .send('他们说明天要上门')
      .assertReply((a) => expect(textOf(a)).to.equal(t('zh-CN', 'core.intent.doorstep_visit')))
      .send('他们真的会来吗')
      .assertReply((a) => expect(textOf(a), 'after the doorstep answer: about the visit').to.equal(t('zh-CN', 'core.intent.doorstep_visit')))
      .send('会坐牢吗')
      .assertReply((a) => expect(textOf(a), 'a clear new topic is not held back').to.equal(t('zh-CN', 'core.intent.lawsuit_threat')));
  });

  it('takes the none path below the low threshold and offers a person after two misses in a row', async () => {
    const adapter = makeBot(new ScriptedRecognizer({ 'what about xx': ['account_status', 0.2], 'and yy then': ['none', 0.9] }));
    await adapter
      .send('what about xx')
      .assertReply((a) => expect(textOf(a)).to.equal(t('en', 'core.none')))
      .send('and yy then')
      .assertReply((a) => {
        expect(textOf(a)).to.equal(t('en', 'core.secondMiss'));
        expect(buttonsOf(a)).to.deep.equal([intentLabel('en', 'human_agent')]);
      });
  });

  it('routes a menu button press exactly, without guessing', async () => {
    const adapter = makeBot(new ScriptedRecognizer({}));
    await adapter.send(t('zh-TW', 'core.menu.plan')).assertReply('AMOUNT?');
  });

  it('answers empty text and attachment-only messages with the menu instead of failing', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send({ type: 'message', text: '   \u200b ' } as Partial<Activity>)
      .assertReply((a) => expect(textOf(a)).to.equal(t('zh-CN', 'core.emptyInput')))
      .send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'http://localhost/x.png' }] } as Partial<Activity>)
      .assertReply((a) => expect(textOf(a)).to.equal(t('zh-CN', 'core.unsupportedInput')));
  });

  it('asks for a sentence when a message is only emoji or symbols (seeing tears, anger or puzzlement), and leaves the question of a task under way to that task', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send('😡😡😡')
      .assertReply((a) => {
        expect(textOf(a), 'an angry face: the anger seen').to.equal(t('zh-CN', 'core.noWordsAngry'));
        expect(buttonsOf(a)).to.include(t('zh-CN', 'core.intent.human_agent'));
      })
      .send('😭😭')
      .assertReply((a) => expect(textOf(a), 'tears: the sadness seen').to.equal(t('zh-CN', 'core.noWordsSad')))
      .send('👍🏻')
      .assertReply((a) => expect(textOf(a)).to.equal(t('zh-CN', 'core.noWords')))
      .send('？？？！')
      .assertReply((a) => expect(textOf(a), 'question marks: puzzled, so perhaps we were unclear').to.equal(t('zh-CN', 'core.noWordsPuzzled')))
      .send('……')
      .assertReply((a) => expect(textOf(a)).to.equal(t('zh-CN', 'core.noWords')))
      .send('我想分期')
      .assertReply('AMOUNT?')
      .send('🙏')
      .assertReply('GOT 🙏');
  });

  it('says honestly that it is a bot when asked, with the way to a person; a request for a person is still a request', async () => {
    const adapter = makeBot(embedded);
    await adapter
      .send('你是机器人吗')
      .assertReply((a) => {
        expect(textOf(a)).to.equal(t('zh-CN', 'core.iAmABot'));
        expect(buttonsOf(a)).to.include(t('zh-CN', 'core.intent.human_agent'));
      })
      .send('are you a real person?')
      .assertReply((a) => expect(textOf(a)).to.equal(t('en', 'core.iAmABot')))
      .send('能转真人吗')
      .assertReply((a) => expect(textOf(a)).not.to.equal(t('zh-CN', 'core.iAmABot')));
  });

  it('tells the borrower honestly when a turn fails and offers a person, and keeps working', async () => {
    const failing: IntentRecognizer = {
      recognize: async (text, ctx) => {
        if (text === 'what do I owe') throw new Error('recogniser exploded');
        return embedded.recognize(text, ctx);
      },
    };
    const adapter = makeBot(failing);
    await adapter
      .send('what do I owe')
      .assertReply((a) => {
        expect(textOf(a)).to.equal(t('en', 'core.error'));
        expect(buttonsOf(a)).to.deep.equal([intentLabel('en', 'human_agent')]);
      })
      .send('hello')
      .assertReply(t('en', 'core.greeting'));
  });
});
