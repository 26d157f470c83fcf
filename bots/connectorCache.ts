import type { CloudAdapter } from 'botbuilder';

/** botframework-connector's BotFrameworkAuthentication, named through CloudAdapter (no direct dependency). */
export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type ConnectorFactory = ReturnType<BotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<BotFrameworkAuthentication['createConnectorFactory']>[0];
type UserTokenClient = Awaited<ReturnType<BotFrameworkAuthentication['createUserTokenClient']>>;
type AuthenticateRequestResult = Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;

/** Most clients kept per cache; the oldest is dropped beyond it (serviceUrls come from requests). */
const MAX_ENTRIES = 256;

/** A bounded map of promises; a rejected promise is dropped so the next call tries again. */
class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = create();
      entry.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
      this.entries.set(key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    }
    return entry;
  }
}

/** The identity part of a cache key: who the bot is and who called (aud, appid / azp, ver). */
function identityKey(claimsIdentity: ClaimsIdentity | undefined): string {
  const claims = claimsIdentity?.claims ?? [];
  const value = (type: string) => claims.find((c) => c.type === type)?.value ?? '';
  return [value('aud'), value('appid'), value('azp'), value('ver')].join('|');
}

/**
 * CloudAdapter asks its BotFrameworkAuthentication for a new ConnectorFactory, ConnectorClient and UserTokenClient on
 * every turn; each ConnectorClient builds a full HTTP pipeline (and, with an app id, credentials), which is several
 * per cent of a turn's CPU in the load benchmark, for a client that expectReplies turns never use. This decorator
 * keeps one ConnectorClient per (bot identity, serviceUrl, audience) and one UserTokenClient per bot identity, as
 * the older BotFrameworkAdapter did. Clients are stateless apart from their credentials (which cache and refresh
 * their own tokens), so sharing them across turns is safe. Everything else is delegated unchanged.
 */
export function withConnectorCache(inner: BotFrameworkAuthentication): BotFrameworkAuthentication {
  const connectors = new PromiseCache<ConnectorClient>();
  const userTokenClients = new PromiseCache<UserTokenClient>();

  const cachingFactory = (factory: ConnectorFactory, claimsIdentity: ClaimsIdentity | undefined): ConnectorFactory => {
    const identity = identityKey(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        connectors.get(JSON.stringify([identity, serviceUrl, audience ?? '']), () => factory.create(serviceUrl, audience)),
    } as ConnectorFactory;
  };
  const withCachingFactory = (result: AuthenticateRequestResult): AuthenticateRequestResult =>
    result.connectorFactory ? { ...result, connectorFactory: cachingFactory(result.connectorFactory, result.claimsIdentity) } : result;

  // Own properties over the inner object: every other member (including protected helpers) is inner's.
  const decorated = Object.create(inner) as BotFrameworkAuthentication;
  Object.assign(decorated, {
    authenticateRequest: async (activity: Parameters<BotFrameworkAuthentication['authenticateRequest']>[0], authHeader: string) =>
      withCachingFactory(await inner.authenticateRequest(activity, authHeader)),
    authenticateStreamingRequest: async (authHeader: string, channelIdHeader: string) =>
      withCachingFactory(await inner.authenticateStreamingRequest(authHeader, channelIdHeader)),
    createConnectorFactory: (claimsIdentity: ClaimsIdentity) => cachingFactory(inner.createConnectorFactory(claimsIdentity), claimsIdentity),
    createUserTokenClient: (claimsIdentity: ClaimsIdentity) =>
      userTokenClients.get(identityKey(claimsIdentity), () => inner.createUserTokenClient(claimsIdentity)),
  });
  return decorated;
}
