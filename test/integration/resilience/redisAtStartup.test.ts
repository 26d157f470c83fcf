import { expect } from 'chai';
import { t } from '../../../dialogs/messages';
import { BotProcess, RedisProcess, freePort } from '../../helpers/processes';
import { turn } from './turns';

describe('resilience: Redis is not there when the bot starts (own redis-server, bot as a child process)', function () {
  this.timeout(60_000);

  it('stops with one line naming the Redis (password hidden) and what to do, after REDIS_STARTUP_TIMEOUT_MS', async () => {
    const port = await freePort();
    const failed = await BotProcess.start({ REDIS_URL: `redis://:secret@127.0.0.1:${port}`, REDIS_STARTUP_TIMEOUT_MS: '1500' }).then(
      () => undefined,
      (err: Error) => err.message,
    );
    expect(failed, 'the bot must not start').to.be.a('string');
    expect(failed).to.contain('exited early (code 1)');
    expect(failed).to.contain(`Redis at redis://:****@127.0.0.1:${port} did not answer within 2 s (connect ECONNREFUSED`);
    expect(failed).to.contain('leave REDIS_URL empty');
    expect(failed).not.to.contain('secret').and.not.to.contain('MaxRetriesPerRequestError');
  });

  it('waits for a Redis that comes up during start-up, then serves', async () => {
    const port = await freePort();
    let redis: RedisProcess | undefined;
    const late = new Promise<void>((resolve) => setTimeout(() => RedisProcess.start(port).then((r) => ((redis = r), resolve())), 1500));
    let bot: BotProcess | undefined;
    try {
      bot = await BotProcess.start({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: 'late', REDIS_STARTUP_TIMEOUT_MS: '20000' });
      await late;
      const reply = await turn(bot.url, 'late-redis', '我还欠多少钱');
      expect(reply.texts.join('\n')).to.contain(t('zh-CN', 'identity.askMobile'));
    } finally {
      await late;
      await bot?.kill();
      await (redis as RedisProcess | undefined)?.stop();
    }
  });
});
