import { expect } from 'chai';
import path from 'node:path';
import Redis from 'ioredis';
import { t } from '../../../dialogs/messages';
import { intentLabel } from '../../../dialogs/menu';
import { FixtureAccountService } from '../../../services/accounts/fixtureAccountService';
import { buildLenderServer, listenLender, type LenderServer } from '../../../services/accounts/lenderServer';
import { BotProcess, RedisProcess, ROOT } from '../../helpers/processes';
import { turn } from './turns';

const PREFIX = 'lender-outage';
/** What one lender call may take in all (LENDER_BUDGET_MS); one attempt times out at 400 ms, three attempts are allowed. */
const LENDER_BUDGET_MS = 600;
/** A turn waiting for the lender: the budget plus the bot's own work. Without the budget: 3 x 400 ms + backoff. */
const TURN_LIMIT_MS = LENDER_BUDGET_MS + 400;

const hhmm = (at: number) => new Date(at).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('resilience: the lender API is slow or down (reference lender server with fault injection)', function () {
  this.timeout(60_000);
  let redis: RedisProcess | undefined;
  let bot: BotProcess | undefined;
  let lender: LenderServer | undefined;
  let client: Redis | undefined;

  before(async () => {
    redis = await RedisProcess.start();
    lender = buildLenderServer({ service: FixtureAccountService.fromFile(path.join(ROOT, 'services/accounts/fixtures/demoBorrowers.json')) });
    const lenderUrl = await listenLender(lender.server);
    bot = await BotProcess.start({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: PREFIX,
      LENDER_API_URL: lenderUrl,
      LENDER_TIMEOUT_MS: '400',
      LENDER_RETRY_ATTEMPTS: '3',
      LENDER_BUDGET_MS: String(LENDER_BUDGET_MS),
      // Keep the breaker out of the way: every turn below really waits for the lender.
      LENDER_BREAKER_FAILURES: '100',
      ACCOUNT_CACHE_TTL_SECONDS: '1',
      TIME_ZONE: 'Asia/Shanghai',
    });
    client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  });
  afterEach(() => lender?.clearFaults());
  after(async () => {
    client?.disconnect();
    await bot?.kill();
    await new Promise<void>((resolve) => (lender ? lender.server.close(() => resolve()) : resolve()));
    await redis?.stop();
  });

  async function verify(conversationId: string, mobile: string, idLast6: string): Promise<string[]> {
    await turn(bot!.url, conversationId, '我还欠多少钱');
    await turn(bot!.url, conversationId, mobile);
    const r = await turn(bot!.url, conversationId, idLast6);
    expect(r.texts[0], 'verified').to.equal(t('zh-CN', 'identity.verified'));
    return r.texts;
  }

  it('shows the last known account state with its time when the lender is slow, within the turn budget', async () => {
    const before = Date.now();
    const texts = await verify('lender-stale', '13800000003', '345672');
    const after = Date.now();
    expect(texts.join('\n')).to.include('王五');
    await sleep(1200); // the fresh copy expires; the last known state stays

    lender!.inject({ kind: 'delay', ms: 5000 }, 20);
    const r = await turn(bot!.url, 'lender-stale', '我还欠多少钱');
    expect(r.status).to.equal(200);
    const all = r.texts.join('\n');
    const times = new Set([hhmm(before), hhmm(after)]);
    expect([...times].some((time) => all.includes(t('zh-CN', 'account.stale', { time }))), `stale notice with ${[...times]} in:\n${all}`).to.equal(true);
    expect(all).to.match(/截至 \d\d:\d\d/).and.to.include('王五');
    expect(r.ms, 'turn time').to.be.below(TURN_LIMIT_MS);
  });

  it('shows the last known state when the lender answers 500', async () => {
    await verify('lender-500', '13800000004', '45678X');
    await sleep(1200);
    lender!.inject({ kind: 'status500' }, 20);
    const errorsBefore = await lenderErrors(bot!.url);
    const r = await turn(bot!.url, 'lender-500', '我还欠多少钱');
    expect(r.texts.join('\n')).to.match(/截至 \d\d:\d\d/).and.to.include('赵六');
    expect(r.ms).to.be.below(TURN_LIMIT_MS);
    expect(await lenderErrors(bot!.url), 'counted on /metrics').to.be.above(errorsBefore);
  });

  it('tells the borrower plainly and offers a person when there is no last known state, within the turn budget', async () => {
    await verify('lender-none', '13800000006', '678905');
    // Nothing cached for this borrower any more (e.g. past the stale TTL).
    await client!.del(`${PREFIX}:account:D006`, `${PREFIX}:account:D006:last`, `${PREFIX}:account:D006:gen`);
    lender!.inject({ kind: 'delay', ms: 5000 }, 20);
    const r = await turn(bot!.url, 'lender-none', '我还欠多少钱');
    expect(r.texts).to.deep.equal([t('zh-CN', 'account.unavailable')]);
    expect(r.actions).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
    expect(r.ms, 'turn time').to.be.below(TURN_LIMIT_MS);
  });

  it('tells the borrower plainly and offers a person when verification cannot reach the lender', async () => {
    await turn(bot!.url, 'lender-verify', '我还欠多少钱');
    await turn(bot!.url, 'lender-verify', '13800000007');
    lender!.inject({ kind: 'delay', ms: 5000 }, 20);
    const r = await turn(bot!.url, 'lender-verify', '789016');
    expect(r.texts).to.deep.equal([t('zh-CN', 'identity.unavailable')]);
    expect(r.actions).to.deep.equal([intentLabel('zh-CN', 'human_agent')]);
    expect(r.ms, 'turn time').to.be.below(TURN_LIMIT_MS);
  });

  it('answers normally again once the lender recovers', async () => {
    const r = await turn(bot!.url, 'lender-stale', '我还欠多少钱');
    const all = r.texts.join('\n');
    expect(all).to.include('王五').and.not.to.match(/截至/);
    expect(bot!.child.running).to.equal(true);
  });
});

/** lender_api_errors_total for account reads, from the bot's /metrics. */
async function lenderErrors(url: string): Promise<number> {
  const m = /^lender_api_errors_total\{operation="getAccount",code="error"\} (\d+)$/m.exec(await (await fetch(`${url}/metrics`)).text());
  return m ? Number(m[1]) : 0;
}
