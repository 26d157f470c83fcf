import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Redis } from 'ioredis';
import type { Clock } from '../../../services/clock';
import { parseConfig } from '../../../services/config/config';
import type { BotEndpoint } from '../../../services/directline/botEndpoint';
import { registerDirectLineRoutes } from '../../../services/directline/directLineRoutes';
import type { DirectLineService } from '../../../services/directline/directLineService';
import { silentLogger, type Logger } from '../../../services/logging/logger';
import { RedisKeys } from '../../../services/redis/keys';
import { EchoBotEndpoint } from './echoBotEndpoint';

export const TEST_SIGNING_KEY = 'test-signing-key-0123456789-abcdefghij';
export const TEST_SECRET = 'test-directline-secret-0123456789-abcdef';

export interface TestServer {
  url: string;
  service: DirectLineService;
  bot: BotEndpoint;
  close: () => Promise<void>;
}

/** Our routes on a real restify server on a free loopback port; the bot's serviceUrl is that server. */
export async function startDirectLineServer(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    redis?: { client: Redis; prefix: string };
    bot?: BotEndpoint;
    pageSize?: number;
    logger?: Logger;
    /** Plugins the composition root might add before our routes (e.g. a global bodyParser). */
    beforeRoutes?: (server: restify.Server) => void;
  } = {},
): Promise<TestServer> {
  const config = parseConfig({ DIRECTLINE_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY, DIRECTLINE_SECRET: TEST_SECRET, ...options.env });
  const server = restify.createServer({ name: 'directline-test' });
  const bot = options.bot ?? new EchoBotEndpoint();
  options.beforeRoutes?.(server);
  // Listen first (routes may be added later): the bot's serviceUrl needs the port.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { service } = registerDirectLineRoutes(server, {
    config,
    bot,
    logger: options.logger ?? silentLogger(),
    serviceUrl: () => url,
    clock: options.clock,
    redis: options.redis && { client: options.redis.client, keys: new RedisKeys(options.redis.prefix) },
    pageSize: options.pageSize,
  });
  return {
    url,
    service,
    bot,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Polling keep-alive connections would hold close() open.
        (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
