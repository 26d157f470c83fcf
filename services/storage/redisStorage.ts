import type { Storage, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';
import { BotError } from '../errors/botError';
import type { RedisKeys } from '../redis/keys';

// One hash per item: d = JSON without the eTag, e = eTag. eTags come from one INCR sequence (lives forever),
// so a deleted and re-created item never repeats an old eTag. All items of one write are checked, then all
// written, in one script call: a write is all or nothing.
// KEYS: seq, item1..itemN   ARGV: ttlSeconds, etag1, json1, etag2, json2, ...
const WRITE_SCRIPT = `
local n = #KEYS - 1
for i = 1, n do
  local expected = ARGV[2 * i]
  if expected ~= '' and expected ~= '*' then
    local current = redis.call('HGET', KEYS[i + 1], 'e')
    if current ~= expected then return i end
  end
end
local ttl = tonumber(ARGV[1])
for i = 1, n do
  local etag = tostring(redis.call('INCR', KEYS[1]))
  redis.call('HSET', KEYS[i + 1], 'd', ARGV[2 * i + 1], 'e', etag)
  if ttl > 0 then redis.call('EXPIRE', KEYS[i + 1], ttl) end
end
return 0
`;

/**
 * Set on every item read: the JSON it was stored as (without its eTag). A symbol key, so it is never serialised back;
 * a reader that compares the item before and after a turn can start from it instead of serialising the item again.
 */
export const STORED_JSON = Symbol('storedJson');

/** One item for writeSerialised: its key, the eTag to check ('' or '*' for none) and its JSON without the eTag. */
export interface SerialisedItem {
  key: string;
  eTag: string;
  json: string;
}

interface RedisWithStateCommands extends Redis {
  bsbStateWrite(...args: (string | number)[]): Promise<number>;
}

export interface RedisStorageOptions {
  /** Seconds an item lives after its last write; 0 = forever. */
  ttlSeconds: number;
}

/**
 * botbuilder Storage on Redis with optimistic concurrency: a write whose eTag is neither empty nor `*` and
 * differs from the stored one is rejected with BotError('STATE_CONFLICT'), atomically across the write's items.
 */
export class RedisStorage implements Storage {
  private readonly redis: RedisWithStateCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: RedisStorageOptions,
  ) {
    if (!('bsbStateWrite' in redis)) redis.defineCommand('bsbStateWrite', { lua: WRITE_SCRIPT });
    this.redis = redis as RedisWithStateCommands;
  }

  async read(keys: string[]): Promise<StoreItems> {
    // One HMGET per item, sent back to back (a turn reads one item; an ioredis pipeline would cost more than it saves).
    const results = await Promise.all(keys.map((key) => this.redis.hmget(this.itemKey(key), 'd', 'e'))).catch((err: unknown) => {
      throw new BotError('STATE_UNAVAILABLE', 'state read failed', { cause: err });
    });
    const items: StoreItems = {};
    results.forEach(([data, etag], i) => {
      if (data !== null) items[keys[i]] = { ...JSON.parse(data), eTag: etag, [STORED_JSON]: data };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes ?? {}).map(([key, item]): SerialisedItem => {
      const { eTag, ...data } = (item ?? {}) as { eTag?: string };
      return { key, eTag: eTag ?? '', json: JSON.stringify(data) };
    });
    await this.writeSerialised(entries);
  }

  /** write() for items the caller has already serialised (JSON without the eTag): same checks, one script call. */
  async writeSerialised(items: SerialisedItem[]): Promise<void> {
    if (items.length === 0) return;
    const args: (string | number)[] = [items.length + 1, this.keys.collection('state', 'etag-seq')];
    for (const { key } of items) args.push(this.itemKey(key));
    args.push(this.options.ttlSeconds);
    for (const { eTag, json } of items) args.push(eTag, json);
    const conflict = await this.redis.bsbStateWrite(...args).catch((err: unknown) => {
      throw new BotError('STATE_UNAVAILABLE', 'state write failed', { cause: err });
    });
    if (conflict !== 0) {
      throw new BotError('STATE_CONFLICT', `eTag conflict writing state item "${items[conflict - 1].key}"`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((k) => this.itemKey(k)));
  }

  private itemKey(key: string): string {
    return this.keys.key('state', key);
  }
}
