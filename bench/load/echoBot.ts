// Reference row of the load benchmark: a plain botbuilder echo bot on the same server stack as the real bot
// (restify 12 + stock CloudAdapter in anonymous mode + the project's RedisStorage), with one conversation-state
// read and one write per turn. Deliberately untuned: it is the "what the SDK costs out of the box" baseline.
// Env: PORT (default 0), REDIS_URL (required), REDIS_KEY_PREFIX. Prints `listening <url>` on stdout.
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import Redis from 'ioredis';
import * as restify from 'restify';
import { RedisKeys } from '../../services/redis/keys';
import { RedisStorage } from '../../services/storage/redisStorage';

class EchoBot extends ActivityHandler {
  constructor(private readonly state: ConversationState) {
    super();
    const turns = state.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`echo ${count}: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}

async function main(): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is required');
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const storage = new RedisStorage(redis, new RedisKeys(process.env.REDIS_KEY_PREFIX ?? 'echo'), { ttlSeconds: 3600 });
  const state = new ConversationState(storage);
  const bot = new EchoBot(state);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({} as ConfigurationBotFrameworkAuthenticationOptions));
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`echo turn failed: ${String(error)}\n`);
    await context.sendActivity('error');
  };

  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const ok = (await redis.ping().catch(() => 'down')) === 'PONG';
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => resolve()));
  const address = server.address();
  process.stdout.write(`listening http://127.0.0.1:${address.port}\n`);
  const stop = () => server.close(() => redis.quit().finally(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
