import { expect } from 'chai';
import { BotProcess } from '../../helpers/processes';

describe('graceful shutdown', function () {
  this.timeout(40_000);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops listening and exits 0 on ${signal}`, async () => {
      const bot = await BotProcess.start({ LOG_LEVEL: 'info' });
      try {
        expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
        bot.child.signal(signal);
        const code = await Promise.race([bot.child.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
        expect(code, bot.child.tail()).to.equal(0);
        expect(bot.child.output).to.contain('shutting down');
        const after = await fetch(`${bot.url}/healthz`).then(
          () => 'answered',
          () => 'refused',
        );
        expect(after).to.equal('refused');
      } finally {
        await bot.kill();
      }
    });
  }
});
