// Reference lender API (`npm run lender`): serves services/accounts/lenderApi.openapi.yaml over the fixture
// file LENDER_FIXTURE_PATH on LENDER_PORT, with LENDER_LATENCY_MS of artificial latency per request.
// Point the bot at it with LENDER_API_URL=http://127.0.0.1:<port>.
import 'dotenv/config';
import { parseConfig } from '../services/config/config';
import { createLogger } from '../services/logging/logger';
import { FixtureAccountService } from '../services/accounts/fixtureAccountService';
import { buildLenderServer, listenLender } from '../services/accounts/lenderServer';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger({ level: config.LOG_LEVEL });
  const service = FixtureAccountService.fromFile(config.LENDER_FIXTURE_PATH);
  const { server } = buildLenderServer({ service, latencyMs: config.LENDER_LATENCY_MS, apiToken: config.LENDER_API_TOKEN, logger });
  const url = await listenLender(server, config.LENDER_PORT, '127.0.0.1');
  logger.info({ event: 'lender.listening', url, fixture: config.LENDER_FIXTURE_PATH, latencyMs: config.LENDER_LATENCY_MS }, `reference lender API on ${url}`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
