import { expect } from 'chai';
import { TestAdapter, TurnContext } from 'botbuilder';
import { DialogContext, DialogContextError, DialogSet } from 'botbuilder-dialogs';
import { BotError, errorCode } from '../../../services/errors/botError';

describe('errorCode', () => {
  it('reads the code of a BotError, also when a dialog wrapped it', () => {
    const original = new BotError('STATE_UNAVAILABLE', 'redis down');
    expect(errorCode(original)).to.equal('STATE_UNAVAILABLE');
    const dc = new DialogContext(new DialogSet(), new TurnContext(new TestAdapter(), { type: 'message', text: 'x' }), { dialogStack: [] });
    const wrapped = new DialogContextError(original, dc);
    expect(errorCode(wrapped)).to.equal('STATE_UNAVAILABLE');
    expect(errorCode(new Error('x', { cause: new BotError('LOCK_TIMEOUT', 'busy') }))).to.equal('LOCK_TIMEOUT');
  });

  it('calls anything else INTERNAL', () => {
    expect(errorCode(new Error('boom'))).to.equal('INTERNAL');
    expect(errorCode('a string')).to.equal('INTERNAL');
    expect(errorCode(undefined)).to.equal('INTERNAL');
  });
});
