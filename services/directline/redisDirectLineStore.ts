import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys';
import {
  activityId,
  conversationFull,
  unknownConversation,
  type ActivityPage,
  type DirectLineConversation,
  type DirectLineStore,
  type DirectLineStoreOptions,
  type StoredActivity,
} from './directLineStore';

// Keys (both with the conversation TTL, refreshed on every write):
//   <prefix>:dlconv:<id>             hash { c: conversation JSON, s: '1' once started }
//   <prefix>:dlconv:<id>:activities  list of activity JSON, position = index

// Append if the conversation exists and is not full; refresh both TTLs. Returns the position, -1 unknown, -2 full.
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = redis.call('LLEN', KEYS[2])
if n >= tonumber(ARGV[3]) then return -2 end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return n
`;

// Set the started flag once. Returns 1 if this call started it, 0 if already started, -1 unknown.
const MARK_STARTED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local set = redis.call('HSETNX', KEYS[1], 's', '1')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return set
`;

interface RedisWithDirectLineCommands extends Redis {
  bsbDlAppend(meta: string, list: string, json: string, ttlMs: number, max: number): Promise<number>;
  bsbDlMarkStarted(meta: string, ttlMs: number): Promise<number>;
}

/** Redis store: shared by every instance, survives restarts and page reloads. */
export class RedisDirectLineStore implements DirectLineStore {
  private readonly redis: RedisWithDirectLineCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: DirectLineStoreOptions,
  ) {
    if (!('bsbDlAppend' in redis)) redis.defineCommand('bsbDlAppend', { numberOfKeys: 2, lua: APPEND });
    if (!('bsbDlMarkStarted' in redis)) redis.defineCommand('bsbDlMarkStarted', { numberOfKeys: 1, lua: MARK_STARTED });
    this.redis = redis as RedisWithDirectLineCommands;
  }

  async create(conversation: DirectLineConversation): Promise<void> {
    const meta = this.metaKey(conversation.id);
    await this.redis.multi().hset(meta, 'c', JSON.stringify(conversation)).pexpire(meta, this.options.ttlMs).exec();
  }

  async get(conversationId: string): Promise<DirectLineConversation | undefined> {
    const json = await this.redis.hget(this.metaKey(conversationId), 'c');
    return json ? (JSON.parse(json) as DirectLineConversation) : undefined;
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const result = await this.redis.bsbDlMarkStarted(this.metaKey(conversationId), this.options.ttlMs);
    if (result === -1) throw unknownConversation(conversationId);
    return result === 1;
  }

  async append(conversationId: string, activity: StoredActivity): Promise<number> {
    const position = await this.redis.bsbDlAppend(
      this.metaKey(conversationId),
      this.listKey(conversationId),
      JSON.stringify(activity),
      this.options.ttlMs,
      this.options.maxActivities,
    );
    if (position === -1) throw unknownConversation(conversationId);
    if (position === -2) throw conversationFull(conversationId);
    return position;
  }

  async list(conversationId: string, watermark: number, max: number): Promise<ActivityPage | undefined> {
    const from = Math.max(0, watermark);
    const results = await this.redis
      .multi()
      .exists(this.metaKey(conversationId))
      .llen(this.listKey(conversationId))
      .lrange(this.listKey(conversationId), from, from + max - 1)
      .exec();
    if (!results) return undefined;
    for (const [err] of results) if (err) throw err;
    if (results[0][1] !== 1) return undefined;
    const length = results[1][1] as number;
    const items = results[2][1] as string[];
    const start = Math.min(from, length);
    return {
      activities: items.map((json, i) => ({ ...JSON.parse(json), id: activityId(conversationId, start + i) })),
      watermark: String(start + items.length),
    };
  }

  private metaKey(conversationId: string): string {
    return this.keys.key('dlconv', conversationId);
  }

  private listKey(conversationId: string): string {
    return this.keys.key('dlconv', conversationId, 'activities');
  }
}
