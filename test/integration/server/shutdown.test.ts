import { expect } from 'chai';
import path from 'node:path';
import type { Request, Response, Next } from 'restify';
import { t } from '../../../dialogs/messages';
import { FixtureAccountService } from '../../../services/accounts/fixtureAccountService';
import { buildLenderServer, listenLender, type LenderServer } from '../../../services/accounts/lenderServer';
import { BotProcess, ROOT, waitFor } from '../../helpers/processes';
import { turn } from '../resilience/turns';

// The bot runs as `node --import tsx index.ts` (BotProcess): the signal reaches the server process itself, and
// the exit code is its own, not that of a wrapper relaying the signal.
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

  describe('with a turn in flight', () => {
    let lender: LenderServer | undefined;
    // The lender holds requests while `held` is set, so the turn is provably mid-way when the signal arrives.
    let held: Array<() => void> | undefined;
    let arrived: () => void = () => undefined;

    before(async () => {
      lender = buildLenderServer({ service: FixtureAccountService.fromFile(path.join(ROOT, 'services/accounts/fixtures/demoBorrowers.json')) });
      lender.server.pre((_req: Request, _res: Response, next: Next) => {
        if (!held) return next();
        held.push(() => next());
        arrived();
      });
    });
    after(async () => {
      await new Promise<void>((resolve) => (lender ? lender.server.close(() => resolve()) : resolve()));
    });

    it('finishes a request that started before SIGTERM, then exits 0', async () => {
      const bot = await BotProcess.start({
        LOG_LEVEL: 'info',
        LENDER_API_URL: await listenLender(lender!.server),
        LENDER_TIMEOUT_MS: '20000',
        LENDER_BUDGET_MS: '20000',
        LENDER_RETRY_ATTEMPTS: '1',
        TIME_ZONE: 'Asia/Shanghai',
      });
      try {
        const conversationId = 'c-shutdown-inflight';
        expect((await turn(bot.url, conversationId, '我还欠多少钱')).texts).to.include(t('zh-CN', 'identity.askMobile'));
        expect((await turn(bot.url, conversationId, '13800000002')).texts).to.include(t('zh-CN', 'identity.askIdLast6'));

        // The last step calls the lender: hold that call, then stop the server while the turn waits for it.
        held = [];
        const reachedLender = new Promise<void>((resolve) => (arrived = resolve));
        const inFlight = turn(bot.url, conversationId, '234561');
        await reachedLender;
        bot.child.signal('SIGTERM');
        await waitFor('the server to start shutting down', async () => bot.child.output.includes('shutting down'), 10_000);
        // Closed to new connections, still running the turn.
        const fresh = await fetch(`${bot.url}/healthz`, { headers: { connection: 'close' } }).then(
          () => 'answered',
          () => 'refused',
        );
        expect(fresh).to.equal('refused');
        expect(bot.child.running, 'still running while the turn is in flight').to.equal(true);
        const release = held;
        held = undefined;
        release.forEach((go) => go());

        const last = await inFlight;
        expect(last.status).to.equal(200);
        expect(last.texts).to.include(t('zh-CN', 'identity.verified'));
        expect(last.texts.join('\n')).to.match(/¥[\d,]+\.\d\d/);
        const code = await Promise.race([bot.child.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
        expect(code, bot.child.tail()).to.equal(0);
      } finally {
        held?.forEach((go) => go());
        held = undefined;
        await bot.kill();
      }
    });
  });
});
