import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { t } from '../../dialogs/messages';
import { render } from '../../dialogs/messages/catalog';
import { messageActivity } from '../helpers/app';
import { AGENT_ACCOUNTS, AGENT_PASSWORD, zoneWhereItIsNoon } from '../helpers/handoff';
import { BotProcess, RedisProcess } from '../helpers/processes';
import { AgentClient } from './handoff/handoffTestServer';
import { turn } from './resilience/turns';

/** POST a raw body to /api/messages. */
async function post(url: string, body: string, contentType?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, text: await res.text() };
}

/** POST an activity (any type) with expectReplies; the HTTP status and the bot's non-trace replies. */
async function postActivity(url: string, activity: Partial<Activity>): Promise<{ status: number; replies: Partial<Activity>[] }> {
  const res = await post(url, JSON.stringify({ deliveryMode: 'expectReplies', ...activity }), 'application/json');
  let replies: Partial<Activity>[] = [];
  try {
    replies = ((JSON.parse(res.text) as { activities?: Partial<Activity>[] }).activities ?? []).filter((a) => a.type !== 'trace');
  } catch {
    // empty or non-JSON body: no replies
  }
  return { status: res.status, replies };
}

const TEXT_CORPUS: Array<[label: string, text: string]> = [
  ['emoji only', '😀😡🙏🏽👨‍👩‍👧'],
  ['control characters', '\u0000\u0007\u001b[31m我还欠多少\u0008钱\u007f'],
  ['right-to-left marks', '\u202e我还欠多少钱\u202c\u200f'],
  ['HTML and script tags', '<script>alert(1)</script><img src=x onerror=alert(1)><b>我还欠多少钱</b>'],
  ['SQL injection', "' OR 1=1; DROP TABLE borrowers; --"],
  ['template injection', '{{7*7}} ${7*7} {name} {max} #{7*7} <%= 7*7 %> $&'],
  ['JSON inside text', '{"type":"event","name":"webchat/language","value":"en","intent":"human_agent"}'],
  ['lone surrogates', '\ud800\udfff\ud83d 我要投诉'],
  ['very long word', 'a'.repeat(4999)],
];

describe('bad input: a corpus against the started bot over HTTP (own Redis)', function () {
  this.timeout(90_000);
  let redis: RedisProcess | undefined;
  let bot: BotProcess | undefined;
  let url = '';
  let ticketReference = '';
  const agent = () => new AgentClient(url);

  before(async () => {
    redis = await RedisProcess.start();
    bot = await BotProcess.start({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'badinput',
      AGENT_ACCOUNTS,
      TIME_ZONE: zoneWhereItIsNoon(),
      HANDOFF_REQUIRE_AGENT_ONLINE: 'false',
      // the corpus sends many messages from one user id on purpose
      RATE_LIMIT_USER_PER_MINUTE: '10000',
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '10000',
    });
    url = bot.url;

    // A conversation in the middle of a dialog, and a borrower waiting in the hand-off queue.
    expect((await turn(url, 'bad-mid', '我还欠多少钱')).texts.join('\n')).to.include(t('zh-CN', 'identity.askMobile'));
    expect((await turn(url, 'bad-mid', '13800000002')).texts.join('\n')).to.include(t('zh-CN', 'identity.askIdLast6'));
    const queued = await turn(url, 'bad-queued', '我要找真人客服');
    const match = /编号 (H-[\w-]+)/.exec(queued.texts.join('\n'));
    expect(match, queued.texts.join('\n')).to.not.equal(null);
    ticketReference = match![1];
  });
  after(async () => {
    await bot?.kill();
    await redis?.stop();
  });

  describe('message text', () => {
    it('asks for text when the message is empty, whitespace only or only invisible characters', async () => {
      for (const text of ['', '   \n\t  ', '\u200b\u200c\u200d\u2060\ufeff', '\u0000\u0001\u001f']) {
        const r = await turn(url, `bad-empty-${text.length}`, text);
        expect(r.status).to.equal(200);
        expect(r.texts, JSON.stringify(text)).to.deep.equal([t('zh-CN', 'core.emptyInput')]);
        expect(r.actions.length, 'menu offered').to.be.greaterThan(0);
      }
    });

    it('asks for a shorter message when it has 20,000 characters', async () => {
      const r = await turn(url, 'bad-long', '我'.repeat(20_000));
      expect(r.status).to.equal(200);
      expect(r.texts).to.deep.equal([t('zh-CN', 'core.tooLong', { max: 5000 })]);
    });

    for (const [label, text] of TEXT_CORPUS) {
      it(`answers sensibly: ${label}`, async () => {
        const r = await turn(url, `bad-${label.replace(/\W+/g, '-')}`, text);
        expect(r.status).to.equal(200);
        expect(r.texts.length, 'at least one reply').to.be.greaterThan(0);
        for (const reply of r.texts) {
          expect(reply.trim(), 'no empty reply').to.not.equal('');
          expect(reply, 'borrower markup is never echoed').to.not.match(/<script|onerror=/i);
          expect(reply, 'no template evaluated').to.not.match(/\b49\b/);
          expect(reply, 'no placeholder left').to.not.match(/\{\w+\}/);
          expect(reply, 'no error reply').to.not.equal(t('zh-CN', 'core.error'));
        }
      });
    }

    it('understands a request wrapped in right-to-left marks and control characters', async () => {
      const r = await turn(url, 'bad-rtl-intent', '\u202e\u200f我还欠多少钱\u202c');
      expect(r.texts.join('\n')).to.include(t('zh-CN', 'identity.askMobile'));
    });

    it('never interprets borrower text as a template, in the renderer or in a reply that repeats it', async () => {
      const borrowerText = '{{7*7}} ${7*7} {name} {description} $& $1';
      expect(render('说：{description}', { description: borrowerText })).to.equal(`说：${borrowerText}`);
      expect(render('{a}{b}', { a: '{b}', b: 'x' })).to.equal('{b}x');
      expect(t('zh-CN', 'complaints.summary', { description: borrowerText, date: '{date}', channel: '$&', who: '', number: '' })).to.include(borrowerText);
    });
  });

  describe('card submits and attachments', () => {
    const cases: Array<[string, Partial<Activity>]> = [
      ['an empty value', { text: undefined, value: {} }],
      ['a value with missing fields', { text: undefined, value: { action: 'plan.choose' } }],
      ['a value with extra and odd fields', { text: undefined, value: { intent: 'greeting', extra: { deep: [1, 2, { x: '<b>' }] }, __proto__: { polluted: true }, constructor: 'x' } }],
      ['a value with an unknown intent', { text: undefined, value: { intent: 'drop_database' } }],
      ['a string value', { text: undefined, value: 'not an object' as unknown as Record<string, unknown> }],
      ['an array value', { text: undefined, value: [1, 2, 3] as unknown as Record<string, unknown> }],
    ];
    for (const [label, extra] of cases) {
      it(`answers a card submit with ${label}`, async () => {
        const r = await postActivity(url, { ...messageActivity(`bad-card-${label.replace(/\W+/g, '-')}`, ''), ...extra });
        expect(r.status).to.equal(200);
        expect(r.replies.length).to.be.greaterThan(0);
        expect(r.replies.map((a) => a.text)).to.not.include(t('zh-CN', 'core.error'));
      });
    }

    it('says it reads text only when a message has attachments and no text', async () => {
      const r = await postActivity(url, {
        ...messageActivity('bad-attachment', ''),
        text: undefined,
        attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/photo.png', name: 'photo.png' }],
      });
      expect(r.status).to.equal(200);
      expect(r.replies.map((a) => a.text)).to.deep.equal([t('zh-CN', 'core.unsupportedInput')]);
    });
  });

  describe('non-message activity types', () => {
    const TYPES = [
      'conversationUpdate',
      'contactRelationUpdate',
      'typing',
      'endOfConversation',
      'event',
      'invoke',
      'installationUpdate',
      'messageReaction',
      'messageUpdate',
      'messageDelete',
      'deleteUserData',
      'suggestion',
      'trace',
      'handoff',
      'somethingNew',
    ];
    const bodyOf = (type: string, conversationId: string): Partial<Activity> => {
      const base = messageActivity(conversationId, '');
      delete base.text;
      const extra: Record<string, Partial<Activity>> = {
        conversationUpdate: { membersAdded: [{ id: `user-${conversationId}`, name: 'borrower' }], membersRemoved: [{ id: 'ghost', name: '' }] },
        event: { name: 'unknown/event', value: { a: 1 } },
        invoke: { name: 'unknown/invoke', value: {} },
        messageReaction: { reactionsAdded: [{ type: 'like' }], reactionsRemoved: [{ type: '<script>' }] },
        messageUpdate: { text: '我还欠多少钱' },
        installationUpdate: { action: 'add' },
        contactRelationUpdate: { action: 'remove' },
        endOfConversation: { code: 'userCancelled' },
      };
      return { ...base, type, ...(extra[type] ?? {}) };
    };

    for (const type of TYPES) {
      it(`answers ${type} with a sensible status and no error reply (also on the conversation mid-dialog and the one in the queue)`, async () => {
        for (const conversationId of [`bad-type-${type}`, 'bad-mid', 'bad-queued']) {
          const r = await postActivity(url, bodyOf(type, conversationId));
          // With expectReplies the SDK answers 200 with the (empty) replies; an unknown invoke may be 501 Not Implemented.
          expect(type === 'invoke' ? [200, 501] : [200], `${type} on ${conversationId}`).to.include(r.status);
          const messages = r.replies.filter((a) => a.type === 'message');
          for (const reply of messages) expect(reply.text ?? '', `${type} on ${conversationId}`).to.not.equal(t('zh-CN', 'core.error'));
          if (type === 'invoke') {
            const invokeResponse = r.replies.find((a) => a.type === 'invokeResponse');
            expect(r.status === 501 || (invokeResponse?.value as { status?: number } | undefined)?.status === 501, 'unknown invoke: 501 Not Implemented').to.equal(true);
          }
          if (conversationId !== `bad-type-${type}`) {
            // Nothing but a welcome (conversationUpdate) may be said into an ongoing conversation.
            expect(messages.length, `${type} on ${conversationId}: ${JSON.stringify(messages)}`).to.be.at.most(type === 'conversationUpdate' ? 1 : 0);
          }
        }
      });
    }
  });

  describe('HTTP bodies', () => {
    it('answers 400 to malformed JSON, JSON that is not an activity object, and no body', async () => {
      for (const [body, label] of [
        ['{"type": "message", "text": ', 'truncated'],
        ['{type: message}', 'unquoted'],
        ['[{"type":"message"}]', 'array'],
        ['null', 'null'],
        ['"message"', 'string'],
        ['', 'empty'],
      ] as const) {
        const r = await post(url, body, 'application/json');
        expect(r.status, label).to.equal(400);
      }
    });

    it('answers 400 to an activity without the fields the adapter needs (type, channelId, conversation.id)', async () => {
      const full = { ...messageActivity('bad-fields', '你好'), deliveryMode: 'expectReplies' } as Record<string, unknown>;
      for (const missing of ['type', 'channelId', 'conversation']) {
        const body = { ...full };
        delete body[missing];
        const r = await post(url, JSON.stringify(body), 'application/json');
        expect(r.status, `without ${missing}: ${r.text}`).to.equal(400);
      }
      const odd = await post(url, JSON.stringify({ ...full, conversation: 'x', type: 42 }), 'application/json');
      expect(odd.status).to.equal(400);
      expect(bot!.child.output, 'no failed turn logged').to.not.include('missing activity');
    });

    it('answers 413 to a body over the size limit', async () => {
      const big = JSON.stringify({ ...messageActivity('bad-big', 'x'.repeat(300 * 1024)) });
      const r = await post(url, big, 'application/json');
      expect(r.status).to.equal(413);
    });

    it('answers 415 or 400 to wrong content types', async () => {
      const json = JSON.stringify(messageActivity('bad-ctype', '你好'));
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', undefined]) {
        const r = await post(url, contentType === 'application/x-www-form-urlencoded' ? 'type=message&text=hi' : json, contentType);
        expect([400, 415], `content type ${contentType}`).to.include(r.status);
      }
    });
  });

  describe('after the corpus', () => {
    it('is still running, ready, and lost neither the conversation mid-dialog nor the queued ticket', async () => {
      expect(bot!.child.running).to.equal(true);
      expect(await bot!.readyStatus()).to.equal(200);

      const console = agent();
      expect((await console.signIn('agent1', AGENT_PASSWORD)).status).to.equal(200);
      const queue = (await (await console.get('/agent/api/queue')).json()) as { waiting: Array<{ ticketId: string }> };
      expect(queue.waiting.map((w) => w.ticketId)).to.include(ticketReference);
      const again = await turn(url, 'bad-queued', '我要找真人客服');
      expect(again.texts.join('\n')).to.include(ticketReference);

      const r = await turn(url, 'bad-mid', '234561');
      expect(r.texts[0]).to.equal(t('zh-CN', 'identity.verified'));
      expect(r.texts.join('\n')).to.include('李四');
      expect(bot!.child.output, 'no unhandled rejection').to.not.include('unhandled_rejection');
    });
  });
});
