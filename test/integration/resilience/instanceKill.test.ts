import { expect } from 'chai';
import path from 'node:path';
import { t } from '../../../dialogs/messages';
import { FixtureAccountService } from '../../../services/accounts/fixtureAccountService';
import { buildLenderServer, listenLender, type LenderServer } from '../../../services/accounts/lenderServer';
import { BotProcess, RedisProcess, ROOT } from '../../helpers/processes';
import { turn } from './turns';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('resilience: a bot instance is killed (SIGKILL) mid-conversation; another on the same Redis continues it', function () {
  this.timeout(90_000);
  let redis: RedisProcess | undefined;
  let lender: LenderServer | undefined;
  const bots: BotProcess[] = [];
  let env: Record<string, string>;

  before(async () => {
    redis = await RedisProcess.start();
    lender = buildLenderServer({ service: FixtureAccountService.fromFile(path.join(ROOT, 'services/accounts/fixtures/demoBorrowers.json')) });
    env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'kill',
      LENDER_API_URL: await listenLender(lender.server),
      LENDER_TIMEOUT_MS: '10000',
      LENDER_BUDGET_MS: '10000',
      ACCOUNT_CACHE_TTL_SECONDS: '1',
      TURN_LOCK_TIMEOUT_MS: '5000',
    };
    bots.push(await BotProcess.start(env), await BotProcess.start(env));
  });
  afterEach(() => lender?.clearFaults());
  after(async () => {
    await Promise.all(bots.map((b) => b.kill()));
    await new Promise<void>((resolve) => (lender ? lender.server.close(() => resolve()) : resolve()));
    await redis?.stop();
  });

  it('continues a dialog on instance B after A is killed between turns', async () => {
    const [a, b] = bots;
    expect((await turn(a.url, 'kill-between', '我还欠多少钱')).texts.join('\n')).to.include(t('zh-CN', 'identity.askMobile'));
    expect((await turn(a.url, 'kill-between', '13800000002')).texts.join('\n')).to.include(t('zh-CN', 'identity.askIdLast6'));
    await a.kill();
    expect(a.child.running).to.equal(false);
    const r = await turn(b.url, 'kill-between', '234561');
    expect(r.texts[0]).to.equal(t('zh-CN', 'identity.verified'));
    expect(r.texts.join('\n')).to.include('李四');
  });

  it('continues on another instance promptly when one is killed in the middle of a turn (holding the turn lock)', async () => {
    const c = await BotProcess.start(env);
    bots.push(c);
    const b = bots[1];
    await turn(c.url, 'kill-mid', '我还欠多少钱');
    await turn(c.url, 'kill-mid', '13800000003');
    expect((await turn(c.url, 'kill-mid', '345672')).texts[0]).to.equal(t('zh-CN', 'identity.verified'));
    await sleep(1200); // the cached account expires: the next read goes to the (now slow) lender

    lender!.inject({ kind: 'delay', ms: 8000 }, 1);
    const inFlight = turn(c.url, 'kill-mid', '我还欠多少钱').catch((err: Error) => err);
    await sleep(500); // C is now inside the turn, holding the conversation's lock, waiting for the lender
    await c.kill();
    const cut = await inFlight;
    expect(cut, `the killed turn must not complete: ${JSON.stringify(cut)}`).to.be.instanceOf(Error);

    const started = Date.now();
    const r = await turn(b.url, 'kill-mid', '我还欠多少钱');
    expect(r.texts.join('\n'), 'B answers the turn itself, not "busy"').to.include('王五');
    expect(Date.now() - started, 'B takes over within the lock wait').to.be.below(6000);
  });

  it('keeps the turn lock for a turn longer than the lease (renewed), so a second turn of the conversation waits', async () => {
    const b = bots[1];
    await sleep(1200); // cached account expires
    lender!.inject({ kind: 'delay', ms: 4000 }, 1);
    const order: string[] = [];
    const first = turn(b.url, 'kill-mid', '我还欠多少钱').then((r) => (order.push('first'), r));
    await sleep(300);
    const second = turn(b.url, 'kill-mid', '谢谢').then((r) => (order.push('second'), r));
    const [r1, r2] = await Promise.all([first, second]);
    expect(r1.texts.join('\n')).to.include('王五');
    expect(r2.texts, 'the second turn ran after the first, not beside it').to.not.include(t('zh-CN', 'core.busy'));
    expect(order).to.deep.equal(['first', 'second']);
  });
});
