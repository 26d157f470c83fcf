import { expect } from 'chai';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import registrationModule = require('botbuilder-dialogs/lib/dialogsComponentRegistration');
import { createDialogContext, innermostDialogId } from '../../../dialogs/dialogRuntime';
import { botHarness } from '../../helpers/botHarness';

const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

describe('dialog runtime (per-turn waste of botbuilder-dialogs removed)', () => {
  const state = new ConversationState(new MemoryStorage());
  const dialogState = state.createProperty<DialogState>('dialogState');
  const turn = () =>
    new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1' } as never, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' } });

  async function runTurn(context: TurnContext): Promise<string[]> {
    const seen: string[] = [];
    const set = new DialogSet(dialogState);
    set.add(
      new WaterfallDialog('w', [
        async (step) => {
          step.state.setValue('turn.greeting', 'hello');
          seen.push(step.state.getValue('turn.greeting'), step.state.getValue('turn.activity.text'));
          return step.endDialog();
        },
      ]),
    );
    const dc = await createDialogContext(set, context);
    await dc.beginDialog('w');
    return seen;
  }

  it('shares one DialogsComponentRegistration instead of building one per DialogContext', async () => {
    await runTurn(turn());
    const a = new registrationModule.DialogsComponentRegistration();
    const b = new registrationModule.DialogsComponentRegistration();
    expect(a).to.equal(b);
    expect(a.constructor.name, 'ComponentRegistration.add keys on the class name').to.equal('DialogsComponentRegistration');
    expect(a.getMemoryScopes().length).to.be.greaterThan(0);
  });

  it('hands the first turn\'s DialogStateManager configuration to later turns, and memory still works', async () => {
    const first = turn();
    expect(await runTurn(first)).to.deep.equal(['hello', 'hi']);
    const configuration = first.turnState.get(CONFIGURATION_KEY);
    expect(configuration).to.have.property('memoryScopes').that.is.an('array').that.is.not.empty;

    const second = turn();
    expect(await runTurn(second)).to.deep.equal(['hello', 'hi']);
    expect(second.turnState.get(CONFIGURATION_KEY), 'the same configuration, not a rebuilt one').to.equal(configuration);
  });
});

describe('innermostDialogId', () => {
  it('names the innermost active dialog of the saved state the real bot leaves: the ID-characters prompt inside the verification', async () => {
    const h = await botHarness();
    try {
      expect(innermostDialogId(undefined)).to.equal(undefined);
      await h.say('我还欠多少钱');
      const stored = (h.app.bot as unknown as { deps: { conversationState: { storage: MemoryStorage } } }).deps.conversationState.storage;
      const read = async () => {
        const items = await stored.read(['test/conversations/Convo1/']);
        return (items['test/conversations/Convo1/'] as { dialogState?: DialogState }).dialogState;
      };
      expect(innermostDialogId(await read())).to.equal('identity.mobile');
      await h.say('13800000002');
      expect(innermostDialogId(await read())).to.equal('identity.secret');
      await h.say('234561');
      expect(innermostDialogId(await read())).to.equal(undefined);
    } finally {
      await h.close();
    }
  });
});
