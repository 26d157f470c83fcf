import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import type { RedisKeys } from '../redis/keys';
import type { TicketMessage } from './ticket';

/** Most messages kept per ticket (older ones are dropped; the conversation is long over by then). */
export const MAX_TICKET_MESSAGES = 500;

export type NewTicketMessage = Omit<TicketMessage, 'seq' | 'at'>;

/**
 * The chat between borrower and agent, per ticket, in order: what the console shows and re-reads after a reload.
 * The store keeps what it is given; HandoffService masks borrower text and card values (phone, ID and card numbers)
 * before appending, so the agent never sees them in full.
 */
export interface TicketMessageStore {
  append(ticketId: string, message: NewTicketMessage): Promise<TicketMessage>;
  /** Messages with `seq > afterSeq`, oldest first. */
  list(ticketId: string, afterSeq?: number): Promise<TicketMessage[]>;
}

export interface TicketMessageStoreOptions {
  clock: Clock;
  /** Kept this long after the last message (ms). */
  retentionMs: number;
}

export class InMemoryTicketMessageStore implements TicketMessageStore {
  private readonly messages = new Map<string, { list: TicketMessage[]; seq: number; expiresAt: number }>();

  constructor(private readonly options: TicketMessageStoreOptions) {}

  async append(ticketId: string, message: NewTicketMessage): Promise<TicketMessage> {
    const now = this.options.clock.now();
    let e = this.messages.get(ticketId);
    if (!e || e.expiresAt <= now) e = { list: [], seq: 0, expiresAt: 0 };
    const stored: TicketMessage = { ...structuredClone(message), seq: ++e.seq, at: now };
    e.list = [...e.list, stored].slice(-MAX_TICKET_MESSAGES);
    e.expiresAt = now + this.options.retentionMs;
    this.messages.set(ticketId, e);
    return structuredClone(stored);
  }

  async list(ticketId: string, afterSeq = 0): Promise<TicketMessage[]> {
    const e = this.messages.get(ticketId);
    if (!e || e.expiresAt <= this.options.clock.now()) return [];
    return structuredClone(e.list.filter((m) => m.seq > afterSeq));
  }
}

// KEYS: list, seq   ARGV: jsonWithoutSeq (ends with "}"), ttlMs, max   Returns the new seq.
// The sequence is assigned inside the script so list order and seq order always agree.
const APPEND = `
local seq = redis.call('INCR', KEYS[2])
local json = string.sub(ARGV[1], 1, -2) .. ',"seq":' .. seq .. '}'
redis.call('RPUSH', KEYS[1], json)
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return seq
`;

interface RedisWithMessages extends Redis {
  bsbHandoffMessageAppend(list: string, seq: string, json: string, ttlMs: number, max: number): Promise<number>;
}

/** `p:handoff-ticket:<id>:messages` (list) and `:message-seq`; both expire `retentionMs` after the last message. */
export class RedisTicketMessageStore implements TicketMessageStore {
  private readonly redis: RedisWithMessages;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: TicketMessageStoreOptions,
  ) {
    if (!('bsbHandoffMessageAppend' in redis)) redis.defineCommand('bsbHandoffMessageAppend', { numberOfKeys: 2, lua: APPEND });
    this.redis = redis as RedisWithMessages;
  }

  async append(ticketId: string, message: NewTicketMessage): Promise<TicketMessage> {
    const at = this.options.clock.now();
    const body = { ...message, at };
    const seq = await this.redis.bsbHandoffMessageAppend(
      this.keys.key('handoff-ticket', ticketId, 'messages'),
      this.keys.key('handoff-ticket', ticketId, 'message-seq'),
      JSON.stringify(body),
      this.options.retentionMs,
      MAX_TICKET_MESSAGES,
    );
    return { ...structuredClone(message), at, seq };
  }

  async list(ticketId: string, afterSeq = 0): Promise<TicketMessage[]> {
    const all = await this.redis.lrange(this.keys.key('handoff-ticket', ticketId, 'messages'), 0, -1);
    return all.map((s) => JSON.parse(s) as TicketMessage).filter((m) => m.seq > afterSeq);
  }
}
