import { expect } from 'chai';
import { ConversationState, MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { createTurnErrorHandler } from '../../../bots/turnErrorHandler';
import { intentLabel } from '../../../dialogs/menu';
import { t, type Locale } from '../../../dialogs/messages';
import { captureLogger } from '../../../services/logging/logger';

interface LogLine {
  event?: string;
  conversationId?: string;
  code?: string;
  err?: { message?: string };
}

/** A bot whose every turn fails, with the one turn error handler and a logger whose lines the test reads. */
function failingBot(conversationId: string, fail: (context: TurnContext) => Promise<void> = async () => {
  throw new Error('lender client exploded');
}) {
  const { logger, lines } = captureLogger();
  const adapter = new TestAdapter(fail, { conversation: { id: conversationId } } as Partial<Activity>);
  adapter.onTurnError = createTurnErrorHandler({ logger, conversationState: new ConversationState(new MemoryStorage()) });
  const logged = () => lines.map((l) => JSON.parse(l) as LogLine);
  return { adapter, logged };
}

const buttonsOf = (a: Partial<Activity>) => (a.suggestedActions?.actions ?? []).map((x) => x.title);

describe('turn error handler', () => {
  it('logs turn.failed with the conversation id and the error code', async () => {
    const { adapter, logged } = failingBot('conv-err-42');
    await adapter.send('我还欠多少钱').assertReply(() => undefined).startTest();
    const failed = logged().filter((l) => l.event === 'turn.failed');
    expect(failed).to.have.length(1);
    expect(failed[0].conversationId).to.equal('conv-err-42');
    expect(failed[0].code).to.equal('INTERNAL');
    expect(failed[0].err?.message).to.equal('lender client exploded');
  });

  for (const [locale, text] of [
    ['zh-CN', '我想问一下我的欠款'],
    ['en', 'How much do I still owe on my loan?'],
  ] as Array<[Locale, string]>) {
    it(`tells the borrower honestly what happened and offers a person, in ${locale}`, async () => {
      const { adapter } = failingBot(`conv-err-${locale}`);
      await adapter
        .send(text)
        .assertReply((reply) => {
          expect(reply.text).to.equal(t(locale, 'core.error'));
          expect(buttonsOf(reply)).to.deep.equal([intentLabel(locale, 'human_agent')]);
        })
        .startTest();
    });
  }

  it('never throws, even when the apology cannot be sent', async () => {
    const { adapter, logged } = failingBot('conv-err-nosend', async (context) => {
      context.onSendActivities(async () => {
        throw new Error('connector down');
      });
      throw new Error('first failure');
    });
    await adapter.send('你好').startTest();
    const events = logged().map((l) => l.event);
    expect(events).to.include('turn.failed').and.to.include('turn.error_reply_failed');
    expect(logged().find((l) => l.event === 'turn.error_reply_failed')?.conversationId).to.equal('conv-err-nosend');
  });
});
