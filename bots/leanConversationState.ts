import { ConversationState, type TurnContext } from 'botbuilder';
import { RedisStorage, STORED_JSON } from '../services/storage/redisStorage';

interface Cached {
  state: Record<string, unknown>;
  /** The state as last read or written (eTag left out): what "changed" is measured against. */
  json: string;
}

/** The state without its eTag, serialised: equal strings mean nothing changed. */
function snapshot(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * ConversationState with a cheaper change check. botbuilder's BotState hashes the whole state on load, again on
 * save, and again after writing (JSON.stringify with a circular-safe replacer, then SHA-256): 6.5 % of the bot's CPU
 * under load (bench/results/load.md). State here is plain JSON (house style), so the serialised state itself is the
 * change marker: one plain JSON.stringify on save, and on load the JSON RedisStorage read (one stringify for other
 * stores). Same semantics otherwise: read once per turn, written only when changed (or forced), with eTag `*`.
 */
export class LeanConversationState extends ConversationState {
  private readonly cacheKey = Symbol('leanConversationState');

  override async load(context: TurnContext, force = false): Promise<any> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] ?? {}) as Record<string | symbol, unknown>;
    // RedisStorage hands over the JSON it read (the same string snapshot() would make); other stores are serialised.
    const stored = state[STORED_JSON]; // a symbol key: never serialised, so it may stay
    context.turnState.set(this.cacheKey, { state, json: typeof stored === 'string' ? stored : snapshot(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    const json = cached ? snapshot(cached.state) : '';
    if (!force && (!cached || json === cached.json)) return;
    cached ??= { state: {}, json: '' };
    cached.state.eTag = '*';
    const key = await this.storageKey(context);
    const serialised = json || snapshot(cached.state);
    // RedisStorage takes the JSON just made for the change check rather than serialising the state a second time.
    if (this.storage instanceof RedisStorage) await this.storage.writeSerialised([{ key, eTag: '*', json: serialised }]);
    else await this.storage.write({ [key]: cached.state });
    cached.json = serialised;
    context.turnState.set(this.cacheKey, cached);
  }

  override async clear(context: TurnContext): Promise<void> {
    // An empty marker: the cleared state is written by the next saveChanges.
    context.turnState.set(this.cacheKey, { state: {}, json: '' } satisfies Cached);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    await this.storage.delete([await this.storageKey(context)]);
  }

  override get(context: TurnContext): any {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    return typeof cached?.state === 'object' ? cached.state : undefined;
  }
}
