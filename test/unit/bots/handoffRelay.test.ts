import { expect } from 'chai';
import { queuePlaceText } from '../../../dialogs/handoff/queuePlace';
import { TestAdapter, type Activity } from 'botbuilder';
import { HandoffRelay } from '../../../bots/handoffRelay';
import { t } from '../../../dialogs/messages';
import { defaultProfile, type ConversationProfile } from '../../../dialogs/turnInfo';
import { ManualClock } from '../../../services/clock';
import { InMemoryAgentPresence } from '../../../services/handoff/agentPresence';
import { InMemoryHandoffBus } from '../../../services/handoff/handoffBus';
import { InMemoryHandoffQueue } from '../../../services/handoff/handoffQueue';
import { HandoffService } from '../../../services/handoff/handoffService';
import { InMemoryTicketMessageStore } from '../../../services/handoff/ticketMessageStore';
import { InMemoryTranscriptStore } from '../../../services/handoff/transcriptStore';
import { silentLogger } from '../../../services/logging/logger';
import { request } from '../../integration/handoff/fixtures';
import { RecordingNotifier } from '../../integration/handoff/handoffTestServer';

const alice = { id: 'alice', displayName: 'Alice', skills: [] };
// TestAdapter's conversation, as conversationKey() names it.
const CONVERSATION = 'test/Convo1';

/** Another tab (or instance) stores a rating between the relay's status check and its own rate() call. */
class RacingQueue extends InMemoryHandoffQueue {
  override async rate(ticketId: string, rating: number) {
    await super.rate(ticketId, rating === 1 ? 2 : 1);
    return super.rate(ticketId, rating);
  }
}

class FailingRateQueue extends InMemoryHandoffQueue {
  override async rate(): Promise<never> {
    throw new Error('connection lost');
  }
}

/**
 * The relay gate in front of a stand-in bot that answers "bot: <text>" whenever the gate lets a message through,
 * with a real in-memory hand-off service. The ticket is queued, then (unless `waiting`) claimed and closed: the next
 * message may be the rating.
 */
async function closedTicket(queue: InMemoryHandoffQueue, { waiting = false } = {}) {
  const clock = new ManualClock();
  const service = new HandoffService({
    queue,
    transcripts: new InMemoryTranscriptStore({ clock, ttlMs: 3_600_000 }),
    messages: new InMemoryTicketMessageStore({ clock, retentionMs: 3_600_000 }),
    presence: new InMemoryAgentPresence({ clock, windowMs: 90_000 }),
    bus: new InMemoryHandoffBus(),
    instanceId: 'me',
    notifier: new RecordingNotifier(),
    clock,
    logger: silentLogger(),
    options: { maxWaitMs: 15 * 60_000, requireAgentOnline: false, defaultHandleSeconds: 300, sweepIntervalMs: 60_000 },
  });
  const relay = new HandoffRelay(service, silentLogger());
  const profile: ConversationProfile = defaultProfile();
  const adapter = new TestAdapter(async (context) => {
    const text = context.activity.text ?? '';
    if (!(await relay.intercept(context, profile, { text }, 'zh-CN'))) await context.sendActivity(`bot: ${text}`);
  });
  const queued = await service.requestHandoff(request(CONVERSATION));
  if (!('ticketId' in queued)) throw new Error('not queued');
  profile.handoffTicket = queued.ticketId;
  if (!waiting) {
    await service.claimNext(alice);
    await service.close(alice, queued.ticketId, 'resolved', 'done');
  }
  const say = async (text: string): Promise<string[]> => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: 'message', text });
    return adapter.activeQueue.splice(0).map((a: Partial<Activity>) => a.text ?? '');
  };
  return { queue, profile, say, ticketId: queued.ticketId };
}

describe('HandoffRelay: the rating after an agent closed', () => {
  const clock = new ManualClock();
  const queueOptions = { clock, timeZone: 'Asia/Shanghai', retentionMs: 86_400_000, maxTicketsPerAgent: 3 };

  it('thanks the borrower for a rating that was stored', async () => {
    const { queue, profile, say, ticketId } = await closedTicket(new InMemoryHandoffQueue(queueOptions));
    expect(await say('4')).to.deep.equal([t('zh-CN', 'handoff.rated')]);
    expect((await queue.get(ticketId))?.rating).to.equal(4);
    expect(profile.handoffTicket).to.equal(undefined);
  });

  it('says the rating was not stored, without thanks, when the queue refuses it, and moves on', async () => {
    const { queue, profile, say, ticketId } = await closedTicket(new RacingQueue(queueOptions));
    const replies = await say('5');
    expect(replies).to.deep.equal([t('zh-CN', 'handoff.ratingNotStored')]);
    expect(replies).not.to.include(t('zh-CN', 'handoff.rated'));
    expect((await queue.get(ticketId))?.rating, 'the other rating stands').to.equal(1);
    expect(profile.handoffTicket).to.equal(undefined);
    expect(await say('5'), 'not asked again: the bot answers').to.deep.equal(['bot: 5']);
  });

  it('says the rating was not stored when storing it fails, and moves on', async () => {
    const { profile, say } = await closedTicket(new FailingRateQueue(queueOptions));
    expect(await say('3')).to.deep.equal([t('zh-CN', 'handoff.ratingNotStored')]);
    expect(profile.handoffTicket).to.equal(undefined);
    expect(await say('你好')).to.deep.equal(['bot: 你好']);
  });
});

describe('HandoffRelay: while waiting for a person', () => {
  const clock = new ManualClock();
  const queueOptions = { clock, timeZone: 'Asia/Shanghai', retentionMs: 86_400_000, maxTicketsPerAgent: 3 };

  it('says where the borrower is in the queue when asked how long, and lets other messages through to the bot', async () => {
    const queue = new InMemoryHandoffQueue(queueOptions);
    await queue.enqueue(request('someone-else'));
    const { say } = await closedTicket(queue, { waiting: true });
    for (const asked of ['还要等多久', '我前面还有几个人', '怎么还没人接', 'how much longer?']) {
      const [reply] = await say(asked);
      expect(reply, asked).to.match(/^排队更新：您前面还有 1 位，预计还需约 \d+ 分钟。$/);
    }
    expect(await say('我还欠多少钱')).to.deep.equal(['bot: 我还欠多少钱']);
    expect(await say('不等了')).to.deep.equal([t('zh-CN', 'handoff.waitCancelled')]);
  });
});

describe('HandoffRelay: stopping the wait, in the borrower\'s own words', () => {
  const clock = new ManualClock();
  const queueOptions = { clock, timeZone: 'Asia/Shanghai', retentionMs: 86_400_000, maxTicketsPerAgent: 3 };

  for (const words of ['不等了', '算了不等了', '太久了，我不等了！', '不想等了', '不用转人工了', '取消排队', '算了', "I don't want to wait anymore", 'never mind']) {
    it(`leaves the queue on "${words}"`, async () => {
      const queue = new InMemoryHandoffQueue(queueOptions);
      const { say, profile, ticketId } = await closedTicket(queue, { waiting: true });
      expect(await say(words)).to.deep.equal([t('zh-CN', 'handoff.waitCancelled')]);
      expect(profile.handoffTicket).to.equal(undefined);
      expect((await queue.get(ticketId))?.state).to.not.equal('queued');
    });
  }

  for (const words of ['算了，我还是等着吧', '我再等等', '这个数不等于我欠的钱吧', '等了好久了，怎么还没人接']) {
    it(`stays in the queue on "${words}"`, async () => {
      const queue = new InMemoryHandoffQueue(queueOptions);
      const { say, profile } = await closedTicket(queue, { waiting: true });
      expect(await say(words)).to.not.deep.equal([t('zh-CN', 'handoff.waitCancelled')]);
      expect(profile.handoffTicket).to.not.equal(undefined);
    });
  }
});

describe('the place in the queue, in words', () => {
  it('says "you are next" for the one next in line, and how many are ahead otherwise', () => {
    expect(queuePlaceText('zh-CN', 'handoff.position', { position: 1, waitSeconds: 100 })).to.equal('排队更新：您是下一位，预计还需约 2 分钟。');
    expect(queuePlaceText('zh-CN', 'handoff.position', { position: 3, waitSeconds: 20 })).to.equal('排队更新：您前面还有 2 位，预计还需约 1 分钟。');
    expect(queuePlaceText('en', 'handoff.queued', { position: 1, waitSeconds: 180, reference: 'H-1' })).to.contain('You are next').and.to.contain('H-1');
  });
});
