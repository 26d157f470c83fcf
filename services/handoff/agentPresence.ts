import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import type { RedisKeys } from '../redis/keys';

/** Which agents are online: seen by the server within the presence window. Feeds wait estimates and `no_agents`. */
export interface AgentPresence {
  touch(agentId: string): Promise<void>;
  leave(agentId: string): Promise<void>;
  /** Ids of agents seen within the window. */
  online(): Promise<string[]>;
}

export interface AgentPresenceOptions {
  clock: Clock;
  windowMs: number;
}

export class InMemoryAgentPresence implements AgentPresence {
  private readonly seen = new Map<string, number>();
  constructor(private readonly options: AgentPresenceOptions) {}
  async touch(agentId: string): Promise<void> {
    this.seen.set(agentId, this.options.clock.now());
  }
  async leave(agentId: string): Promise<void> {
    this.seen.delete(agentId);
  }
  async online(): Promise<string[]> {
    const since = this.options.clock.now() - this.options.windowMs;
    for (const [id, at] of this.seen) if (at < since) this.seen.delete(id);
    return [...this.seen.keys()].sort();
  }
}

/** `p:handoff:agents-online`: zset agentId → last seen (ms). Lives forever; stale members are pruned on read. */
export class RedisAgentPresence implements AgentPresence {
  private readonly key: string;
  constructor(
    private readonly redis: Redis,
    keys: RedisKeys,
    private readonly options: AgentPresenceOptions,
  ) {
    this.key = keys.collection('handoff', 'agents-online');
  }
  async touch(agentId: string): Promise<void> {
    await this.redis.zadd(this.key, this.options.clock.now(), agentId);
  }
  async leave(agentId: string): Promise<void> {
    await this.redis.zrem(this.key, agentId);
  }
  async online(): Promise<string[]> {
    const since = this.options.clock.now() - this.options.windowMs;
    const [, [, ids]] = (await this.redis
      .multi()
      .zremrangebyscore(this.key, '-inf', `(${since}`)
      .zrangebyscore(this.key, since, '+inf')
      .exec()) as [[null, number], [null, string[]]];
    return [...ids].sort();
  }
}
