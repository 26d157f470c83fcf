import type { Redis } from 'ioredis';
import { BotError } from '../errors/botError';
import type { RedisKeys } from '../redis/keys';
import {
  HANDLE_TIME_SAMPLES,
  queueScore,
  validRating,
  type ChangeResult,
  type ClaimResult,
  type ClaimingAgent,
  type HandoffQueue,
  type HandoffQueueOptions,
} from './handoffQueue';
import { formatTicketId, localDay, type Outcome, type Priority, type QueuedTicket, type Ticket, type TicketEvent, type TicketRequest, type TicketState } from './ticket';

/*
 * Keys (prefix p):
 *   p:handoff-ticket:<id>            hash of one ticket            TTL = retention, renewed on every change
 *   p:handoff-ticket:<id>:history    list of TicketEvent JSON       same TTL
 *   p:handoff-conv:<conversationId>  latest ticket id              same TTL
 *   p:handoff-agent:<agentId>:tickets set of assigned ticket ids   same TTL, renewed on every claim
 *   p:handoff-seq:<YYYYMMDD>         that day's ticket counter      TTL 3 days
 *   p:handoff:queue                  zset id → priority*1e13+createdAt   lives forever (members leave on claim/end)
 *   p:handoff:waiting                zset id → createdAt (time-outs)     lives forever (the queue's members, minus left messages)
 *   p:handoff:handle-times           list of seconds, newest first, capped at 50   lives forever
 * Scripts get key prefixes in ARGV where the key depends on data read inside the script (single-node Redis).
 */

// KEYS: ticket, history, queue, waiting, conv
// ARGV: id, score, createdAt ('' for a left message: it never times out), ttlSec, historyJson, ticketPrefix, field, value, ...
const ENQUEUE = `
local existing = redis.call('GET', KEYS[5])
if existing then
  local st = redis.call('HGET', ARGV[6] .. existing, 'state')
  if st == 'queued' or st == 'assigned' then return existing end
end
local ttl = tonumber(ARGV[4])
for i = 7, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('RPUSH', KEYS[2], ARGV[5])
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
if ARGV[3] ~= '' then redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1]) end
redis.call('SET', KEYS[5], ARGV[1], 'EX', ttl)
return ''
`;

// KEYS: queue, waiting, agentTickets
// ARGV: ticketPrefix, agentId, agentName, agentSkillsCsv, now, maxTickets, ttlSec, scanLimit, historyJson
// Returns '' (nothing to claim), '!capacity', or the claimed id.
const CLAIM = `
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[6]) then return '!capacity' end
local have = {}
for s in string.gmatch(ARGV[4], '[^,]+') do have[s] = true end
local ttl = tonumber(ARGV[7])
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[8]) - 1)
for _, id in ipairs(ids) do
  local tk = ARGV[1] .. id
  local f = redis.call('HMGET', tk, 'state', 'skills')
  if f[1] ~= 'queued' then
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
  else
    local ok = true
    if f[2] then
      for s in string.gmatch(f[2], '[^,]+') do
        if not have[s] then ok = false break end
      end
    end
    if ok then
      redis.call('ZREM', KEYS[1], id)
      redis.call('ZREM', KEYS[2], id)
      redis.call('HSET', tk, 'state', 'assigned', 'agentId', ARGV[2], 'agentName', ARGV[3], 'assignedAt', ARGV[5])
      redis.call('EXPIRE', tk, ttl)
      redis.call('RPUSH', tk .. ':history', ARGV[9])
      redis.call('EXPIRE', tk .. ':history', ttl)
      redis.call('SADD', KEYS[3], id)
      redis.call('EXPIRE', KEYS[3], ttl)
      return id
    end
  end
end
return ''
`;

// KEYS: ticket, history, queue   ARGV: id, priorityRead, priority, score, dataJson, historyJson
// The ticket's data was read and rewritten by the caller: written only if it is still queued at the priority read.
const ESCALATE = `
local f = redis.call('HMGET', KEYS[1], 'state', 'priority')
if not f[1] then return 'not_found' end
if f[1] ~= 'queued' then return 'not_active' end
if f[2] ~= ARGV[2] then return 'changed' end
redis.call('HSET', KEYS[1], 'priority', ARGV[3], 'data', ARGV[5])
redis.call('ZADD', KEYS[3], 'XX', ARGV[4], ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[6])
return 'ok'
`;

// KEYS: ticket, history, queue, waiting   ARGV: id, now, ttlSec, historyJsonWithoutFrom, agentTicketsPrefix, agentTicketsSuffix
const CANCEL = `
local f = redis.call('HMGET', KEYS[1], 'state', 'agentId')
if not f[1] then return 'not_found' end
if f[1] ~= 'queued' and f[1] ~= 'assigned' then return 'not_active' end
if f[1] == 'assigned' and f[2] then redis.call('SREM', ARGV[5] .. f[2] .. ARGV[6], ARGV[1]) end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
local ttl = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], 'state', 'cancelled', 'closedAt', ARGV[2])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('RPUSH', KEYS[2], (string.gsub(ARGV[4], '"FROM"', '"' .. f[1] .. '"')))
redis.call('EXPIRE', KEYS[2], ttl)
return 'ok'
`;

// KEYS: ticket, history, agentTickets, handleTimes   ARGV: id, agentId, outcome, note, now, ttlSec, historyJson, samples
const CLOSE = `
local f = redis.call('HMGET', KEYS[1], 'state', 'agentId', 'assignedAt')
if not f[1] then return 'not_found' end
if f[1] ~= 'assigned' then return 'not_assigned' end
if f[2] ~= ARGV[2] then return 'not_yours' end
local ttl = tonumber(ARGV[6])
redis.call('HSET', KEYS[1], 'state', 'closed', 'outcome', ARGV[3], 'note', ARGV[4], 'closedAt', ARGV[5])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('RPUSH', KEYS[2], ARGV[7])
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('SREM', KEYS[3], ARGV[1])
local secs = math.floor((tonumber(ARGV[5]) - tonumber(f[3] or ARGV[5])) / 1000 + 0.5)
if secs < 0 then secs = 0 end
redis.call('LPUSH', KEYS[4], secs)
redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[8]) - 1)
return 'ok'
`;

// KEYS: ticket, history   ARGV: rating, ttlSec, historyJson
const RATE = `
local f = redis.call('HMGET', KEYS[1], 'state', 'rating')
if not f[1] then return 'not_found' end
if f[1] ~= 'closed' then return 'not_closed' end
if f[2] then return 'already_rated' end
local ttl = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'rating', ARGV[1])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ttl)
return 'ok'
`;

// KEYS: queue, waiting   ARGV: ticketPrefix, cutoff, now, ttlSec, historyJson, limit   Returns the timed-out ids.
const EXPIRE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[2], 'LIMIT', 0, tonumber(ARGV[6]))
local out = {}
local ttl = tonumber(ARGV[4])
for _, id in ipairs(ids) do
  local tk = ARGV[1] .. id
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
  if redis.call('HGET', tk, 'state') == 'queued' then
    redis.call('HSET', tk, 'state', 'timed_out', 'closedAt', ARGV[3])
    redis.call('EXPIRE', tk, ttl)
    redis.call('RPUSH', tk .. ':history', ARGV[5])
    redis.call('EXPIRE', tk .. ':history', ttl)
    table.insert(out, id)
  end
end
return out
`;

// KEYS: ticket   ARGV: instanceId   (only an existing ticket: HSET would create one without a TTL)
const SET_INSTANCE = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'instanceId', ARGV[1]) return 1 end
return 0
`;

interface QueueCommands {
  bsbHandoffEnqueue(...args: (string | number)[]): Promise<string>;
  bsbHandoffClaim(...args: (string | number)[]): Promise<string>;
  bsbHandoffEscalate(...args: (string | number)[]): Promise<string>;
  bsbHandoffCancel(...args: (string | number)[]): Promise<string>;
  bsbHandoffClose(...args: (string | number)[]): Promise<string>;
  bsbHandoffRate(...args: (string | number)[]): Promise<string>;
  bsbHandoffExpire(...args: (string | number)[]): Promise<string[]>;
  bsbHandoffSetInstance(...args: (string | number)[]): Promise<number>;
}
type RedisWithQueue = Redis & QueueCommands;

const SCRIPTS: [keyof QueueCommands, number, string][] = [
  ['bsbHandoffEnqueue', 5, ENQUEUE],
  ['bsbHandoffClaim', 3, CLAIM],
  ['bsbHandoffEscalate', 3, ESCALATE],
  ['bsbHandoffCancel', 4, CANCEL],
  ['bsbHandoffClose', 4, CLOSE],
  ['bsbHandoffRate', 2, RATE],
  ['bsbHandoffExpire', 2, EXPIRE],
  ['bsbHandoffSetInstance', 1, SET_INSTANCE],
];

/** How far down the queue a claim looks for a ticket matching the agent's skills. */
const CLAIM_SCAN_LIMIT = 500;

/** The queue on Redis, shared by every bot instance; tickets, history and references survive restarts. */
export class RedisHandoffQueue implements HandoffQueue {
  private readonly redis: RedisWithQueue;
  private readonly ttlSec: number;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: HandoffQueueOptions,
  ) {
    for (const [name, numberOfKeys, lua] of SCRIPTS) if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
    this.redis = redis as RedisWithQueue;
    this.ttlSec = Math.max(1, Math.ceil(options.retentionMs / 1000));
  }

  async enqueue(request: TicketRequest, instanceId?: string): Promise<{ ticket: Ticket; created: boolean }> {
    const existing = await this.latestFor(request.conversationId);
    if (existing && (existing.state === 'queued' || existing.state === 'assigned')) return { ticket: existing, created: false };
    const now = this.options.clock.now();
    const day = localDay(now, this.options.timeZone);
    const seqKey = this.keys.key('handoff-seq', day);
    const [[, seq]] = (await this.redis.multi().incr(seqKey).expire(seqKey, 3 * 86400).exec()) as [[null, number]];
    const id = formatTicketId(day, seq);
    const ticket: Ticket = { ...request, id, state: 'queued', createdAt: now, ...(instanceId ? { instanceId } : {}) };
    const event: TicketEvent = { at: now, type: 'queued', by: 'borrower', detail: { priority: request.priority } };
    const raced = await this.redis.bsbHandoffEnqueue(
      this.ticketKey(id),
      this.historyKey(id),
      this.queueKey(),
      this.waitingKey(),
      this.convKey(request.conversationId),
      id,
      queueScore(request.priority, now),
      request.kind === 'message' ? '' : now,
      this.ttlSec,
      JSON.stringify(event),
      this.ticketKey(''),
      ...toFields(ticket),
    );
    if (raced) {
      const other = await this.get(raced);
      if (other) return { ticket: other, created: false };
    }
    return { ticket, created: true };
  }

  async get(ticketId: string): Promise<Ticket | undefined> {
    return fromHash(await this.redis.hgetall(this.ticketKey(ticketId)));
  }

  async latestFor(conversationId: string): Promise<Ticket | undefined> {
    const id = await this.redis.get(this.convKey(conversationId));
    return id ? this.get(id) : undefined;
  }

  async claimNext(agent: ClaimingAgent): Promise<ClaimResult> {
    const now = this.options.clock.now();
    const event: TicketEvent = { at: now, type: 'assigned', by: agent.id, detail: { agentName: agent.displayName } };
    const got = await this.redis.bsbHandoffClaim(
      this.queueKey(),
      this.waitingKey(),
      this.agentTicketsKey(agent.id),
      this.ticketKey(''),
      agent.id,
      agent.displayName,
      agent.skills.join(','),
      now,
      this.options.maxTicketsPerAgent,
      this.ttlSec,
      CLAIM_SCAN_LIMIT,
      JSON.stringify(event),
    );
    if (got === '!capacity') return { atCapacity: true };
    if (!got) return {};
    return { ticket: await this.get(got) };
  }

  async escalate(ticketId: string, priority: Priority, reason: string): Promise<ChangeResult> {
    // Read, rewrite the data (the reason lives in it), write if unchanged meanwhile; a few tries against a race.
    for (let attempt = 0; attempt < 3; attempt++) {
      const ticket = await this.get(ticketId);
      if (!ticket) return { ok: false, reason: 'not_found' };
      if (ticket.state !== 'queued') return { ok: false, reason: 'not_active' };
      if (priority >= ticket.priority) return { ok: true, ticket };
      const event: TicketEvent = { at: this.options.clock.now(), type: 'escalated', by: 'system', detail: { from: ticket.priority, priority, reason } };
      const r = await this.redis.bsbHandoffEscalate(
        this.ticketKey(ticketId),
        this.historyKey(ticketId),
        this.queueKey(),
        ticketId,
        String(ticket.priority),
        priority,
        queueScore(priority, ticket.createdAt),
        dataJson({ ...ticket, reason }),
        JSON.stringify(event),
      );
      if (r !== 'changed') return this.result(ticketId, r);
    }
    return { ok: false, reason: 'not_active' };
  }

  async cancel(ticketId: string): Promise<ChangeResult> {
    const now = this.options.clock.now();
    const event = { at: now, type: 'cancelled', by: 'borrower', detail: { from: 'FROM' } };
    const [before, after] = this.agentTicketsKey('\u0000').split('\u0000');
    const r = await this.redis.bsbHandoffCancel(
      this.ticketKey(ticketId),
      this.historyKey(ticketId),
      this.queueKey(),
      this.waitingKey(),
      ticketId,
      now,
      this.ttlSec,
      JSON.stringify(event),
      before,
      after,
    );
    return this.result(ticketId, r);
  }

  async close(ticketId: string, agentId: string, outcome: Outcome, note: string): Promise<ChangeResult> {
    const now = this.options.clock.now();
    const event: TicketEvent = { at: now, type: 'closed', by: agentId, detail: { outcome } };
    const r = await this.redis.bsbHandoffClose(
      this.ticketKey(ticketId),
      this.historyKey(ticketId),
      this.agentTicketsKey(agentId),
      this.keys.collection('handoff', 'handle-times'),
      ticketId,
      agentId,
      outcome,
      note,
      now,
      this.ttlSec,
      JSON.stringify(event),
      HANDLE_TIME_SAMPLES,
    );
    return this.result(ticketId, r);
  }

  async rate(ticketId: string, rating: number): Promise<ChangeResult> {
    if (!validRating(rating)) throw new BotError('BAD_INPUT', 'rating must be a whole number 1..5');
    const event: TicketEvent = { at: this.options.clock.now(), type: 'rated', by: 'borrower', detail: { rating } };
    const r = await this.redis.bsbHandoffRate(this.ticketKey(ticketId), this.historyKey(ticketId), rating, this.ttlSec, JSON.stringify(event));
    return this.result(ticketId, r);
  }

  async expireWaiting(olderThan: number, limit = 100): Promise<Ticket[]> {
    const now = this.options.clock.now();
    const event: TicketEvent = { at: now, type: 'timed_out', by: 'system' };
    const ids = await this.redis.bsbHandoffExpire(
      this.queueKey(),
      this.waitingKey(),
      this.ticketKey(''),
      olderThan,
      now,
      this.ttlSec,
      JSON.stringify(event),
      limit,
    );
    const tickets = await Promise.all(ids.map((id) => this.get(id)));
    return tickets.filter((t): t is Ticket => t !== undefined);
  }

  async position(ticketId: string): Promise<number | undefined> {
    const rank = await this.redis.zrank(this.queueKey(), ticketId);
    return rank === null ? undefined : rank + 1;
  }

  async waiting(limit = 500): Promise<QueuedTicket[]> {
    const ids = await this.redis.zrange(this.queueKey(), 0, limit - 1);
    const tickets = await this.getMany(ids);
    const out: QueuedTicket[] = [];
    tickets.forEach((t) => {
      if (t && t.state === 'queued') out.push({ ticket: t, position: out.length + 1 });
    });
    return out;
  }

  /** ZCOUNT over each priority's score band (queueScore: priority × 1e13 + enqueue time). */
  async depthByPriority(): Promise<Record<Priority, number>> {
    const band = (p: Priority) => this.redis.zcount(this.queueKey(), queueScore(p, 0), `(${queueScore(p + 1, 0)}`);
    const [p1, p2, p3] = await Promise.all([band(1), band(2), band(3)]);
    return { 1: p1, 2: p2, 3: p3 };
  }

  async assignedTo(agentId: string): Promise<Ticket[]> {
    const ids = await this.redis.smembers(this.agentTicketsKey(agentId));
    const tickets = await this.getMany(ids);
    return tickets
      .filter((t): t is Ticket => t !== undefined && t.state === 'assigned' && t.agentId === agentId)
      .sort((a, b) => (a.assignedAt ?? 0) - (b.assignedAt ?? 0));
  }

  async history(ticketId: string): Promise<TicketEvent[]> {
    return (await this.redis.lrange(this.historyKey(ticketId), 0, -1)).map((s) => JSON.parse(s) as TicketEvent);
  }

  async setInstance(ticketId: string, instanceId: string): Promise<void> {
    await this.redis.bsbHandoffSetInstance(this.ticketKey(ticketId), instanceId);
  }

  async recentHandleSeconds(): Promise<number[]> {
    return (await this.redis.lrange(this.keys.collection('handoff', 'handle-times'), 0, -1)).map(Number);
  }

  private async getMany(ids: string[]): Promise<(Ticket | undefined)[]> {
    if (!ids.length) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.ticketKey(id));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, h]) => {
      if (err) throw new BotError('HANDOFF_UNAVAILABLE', 'ticket read failed', { cause: err });
      return fromHash(h as Record<string, string>);
    });
  }

  private async result(ticketId: string, r: string): Promise<ChangeResult> {
    if (r !== 'ok') return { ok: false, reason: r as Exclude<ChangeResult, { ok: true }>['reason'] };
    const ticket = await this.get(ticketId);
    return ticket ? { ok: true, ticket } : { ok: false, reason: 'not_found' };
  }

  private ticketKey(id: string) {
    return this.keys.key('handoff-ticket', id);
  }
  private historyKey(id: string) {
    return this.keys.key('handoff-ticket', id, 'history');
  }
  private convKey(conversationId: string) {
    return this.keys.key('handoff-conv', conversationId);
  }
  private agentTicketsKey(agentId: string) {
    return this.keys.key('handoff-agent', agentId, 'tickets');
  }
  private queueKey() {
    return this.keys.collection('handoff', 'queue');
  }
  private waitingKey() {
    return this.keys.collection('handoff', 'waiting');
  }
}

// Scalar fields the scripts read or write live in their own hash fields; the rest is one JSON field.
/** The ticket's `data` field: what is read whole, never queried by a script. */
function dataJson(t: Ticket): string {
  const { conversationReference, reason, intents, language, borrowerId, accountSnapshot, records, kind } = t;
  return JSON.stringify({ conversationReference, reason, intents, language, borrowerId, accountSnapshot, records, kind });
}

function toFields(t: Ticket): string[] {
  const fields: Record<string, string | undefined> = {
    id: t.id,
    state: t.state,
    priority: String(t.priority),
    skills: t.skills.join(','),
    conversationId: t.conversationId,
    createdAt: String(t.createdAt),
    instanceId: t.instanceId,
    data: dataJson(t),
  };
  return Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : [k, v]));
}

function fromHash(h: Record<string, string>): Ticket | undefined {
  if (!h || !h.state) return undefined;
  const data = JSON.parse(h.data ?? '{}') as Partial<Ticket>;
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  const t: Ticket = {
    ...(data as TicketRequest),
    id: h.id,
    conversationId: h.conversationId,
    state: h.state as TicketState,
    priority: Number(h.priority) as Ticket['priority'],
    skills: (h.skills ? h.skills.split(',') : []) as Ticket['skills'],
    createdAt: Number(h.createdAt),
  };
  const optional: Partial<Ticket> = {
    assignedAt: num(h.assignedAt),
    closedAt: num(h.closedAt),
    agentId: h.agentId,
    agentName: h.agentName,
    outcome: h.outcome as Outcome | undefined,
    note: h.note,
    rating: num(h.rating),
    instanceId: h.instanceId,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (t as unknown as Record<string, unknown>)[k] = v;
  if (data.borrowerId === undefined) delete t.borrowerId;
  if (data.accountSnapshot === undefined) delete t.accountSnapshot;
  return t;
}
