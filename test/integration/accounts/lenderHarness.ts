import { ManualClock } from '../../../services/clock';
import { FixtureAccountService, loadFixtureFile } from '../../../services/accounts/fixtureAccountService';
import { buildLenderServer, listenLender, type LenderServer } from '../../../services/accounts/lenderServer';
import { HttpAccountService, type HttpAccountServiceOptions } from '../../../services/accounts/httpAccountService';
import type { Logger } from '../../../services/logging/logger';

export const DEMO_FIXTURE = 'services/accounts/fixtures/demoBorrowers.json';

/** The reference lender server over the demo fixture, on a free 127.0.0.1 port. */
export async function startLender(options: { latencyMs?: number; apiToken?: string; clock?: ManualClock } = {}): Promise<
  LenderServer & { url: string; backend: FixtureAccountService; close: () => Promise<void> }
> {
  const clock = options.clock ?? new ManualClock();
  const backend = new FixtureAccountService(loadFixtureFile(DEMO_FIXTURE, clock), clock);
  const lender = buildLenderServer({ service: backend, latencyMs: options.latencyMs, apiToken: options.apiToken });
  const url = await listenLender(lender.server, 0);
  return { ...lender, url, backend, close: () => new Promise<void>((r) => lender.server.close(() => r())) };
}

export function httpClient(url: string, overrides: Partial<HttpAccountServiceOptions> = {}, logger?: Logger): HttpAccountService {
  return new HttpAccountService({
    baseUrl: url,
    timeoutMs: 500,
    retryAttempts: 3,
    breakerFailures: 5,
    breakerHalfOpenMs: 60000,
    retryInitialDelayMs: 5,
    logger,
    ...overrides,
  });
}
