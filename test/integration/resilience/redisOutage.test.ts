import { expect } from 'chai';
import { t, type Locale } from '../../../dialogs/messages';
import { BotProcess, RedisProcess, waitFor } from '../../helpers/processes';
import { turn } from './turns';

/** A degraded reply must come at once, not after the client's reconnect back-off. */
const DEGRADED_REPLY_MS = 1000;

describe('resilience: Redis stops in the middle of conversations (own redis-server, bot as a child process)', function () {
  this.timeout(90_000);
  let redis: RedisProcess | undefined;
  let bot: BotProcess | undefined;

  before(async () => {
    redis = await RedisProcess.start();
    bot = await BotProcess.start({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'outage' });
  });
  after(async () => {
    await bot?.kill();
    await redis?.stop();
  });

  // Three borrowers, each half way through identity verification (mobile given, ID last 6 asked).
  const conversations: Array<{ id: string; locale: Locale; start: string; mobile: string; idLast6: string; during: string; name: string }> = [
    { id: 'outage-zh', locale: 'zh-CN', start: '我还欠多少钱', mobile: '13800000002', idLast6: '234561', during: '请问还在吗', name: '李四' },
    { id: 'outage-tw', locale: 'zh-TW', start: '我還欠多少錢', mobile: '13800000008', idLast6: '890127', during: '請問還在嗎？我還欠多少錢', name: '林測試' },
    { id: 'outage-en', locale: 'en', start: 'how much do I owe', mobile: '13800000009', idLast6: '90123X', during: 'hello, are you still there?', name: 'Alex Demo' },
  ];

  it('answers every message honestly and quickly while Redis is down, fails /readyz, and continues where each conversation was once Redis is back', async () => {
    const url = bot!.url;
    for (const c of conversations) {
      const first = await turn(url, c.id, c.start);
      expect(first.texts.join('\n'), c.id).to.include(t(c.locale, 'identity.askMobile'));
      const second = await turn(url, c.id, c.mobile);
      expect(second.texts.join('\n'), c.id).to.include(t(c.locale, 'identity.askIdLast6'));
    }
    expect(await bot!.readyStatus()).to.equal(200);

    await redis!.snapshotAndKill();

    await waitFor('/readyz to fail', async () => (await bot!.readyStatus()) === 503, 3000);
    for (let round = 0; round < 3; round++) {
      for (const c of conversations) {
        const r = await turn(url, c.id, c.during);
        expect(r.status, `${c.id} round ${round}: HTTP status`).to.equal(200);
        expect(r.texts, `${c.id} round ${round}`).to.deep.equal([t(c.locale, 'core.stateUnavailable')]);
        // The in-bot hand-off queue lives in Redis too: the reply names the official app, and offers no button that cannot work.
        expect(r.actions, `${c.id} round ${round}: no dead "talk to a person" button`).to.deep.equal([]);
        expect(r.ms, `${c.id} round ${round}: reply time`).to.be.below(DEGRADED_REPLY_MS);
      }
    }
    expect(t('zh-CN', 'core.stateUnavailable')).to.match(/官方App.*客服/);
    expect(t('zh-TW', 'core.stateUnavailable')).to.match(/官方App.*客服/);
    expect(t('en', 'core.stateUnavailable')).to.match(/official app/);
    expect((await fetch(`${url}/healthz`)).status, 'process is up').to.equal(200);
    expect((await bot!.readyStatus())).to.equal(503);

    await redis!.restart();
    await waitFor('/readyz to recover by itself', async () => (await bot!.readyStatus()) === 200, 15_000, 100);

    // The dialogs continue at the step they were at before the outage.
    for (const c of conversations) {
      const r = await turn(url, c.id, c.idLast6);
      expect(r.status).to.equal(200);
      expect(r.texts[0], c.id).to.equal(t(c.locale, 'identity.verified'));
      expect(r.texts.join('\n'), c.id).to.include(c.name);
    }
    expect(bot!.child.running, 'bot still running').to.equal(true);
    expect(bot!.child.output, 'no unhandled rejections').not.to.include('unhandled_rejection');
  });
});
