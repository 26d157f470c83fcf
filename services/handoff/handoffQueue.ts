import type { Clock } from '../clock';
import { BotError } from '../errors/botError';
import {
  formatTicketId,
  localDay,
  type Outcome,
  type Priority,
  type QueuedTicket,
  type Skill,
  type Ticket,
  type TicketEvent,
  type TicketRequest,
  type TicketState,
} from './ticket';

/** Who is claiming: an agent and the skills they have. */
export interface ClaimingAgent {
  id: string;
  displayName: string;
  skills: readonly Skill[];
}

/** Result of a state change that may not apply (ticket gone, already ended, someone else's). */
export type ChangeResult =
  | { ok: true; ticket: Ticket }
  | { ok: false; reason: 'not_found' | 'not_active' | 'not_assigned' | 'not_yours' | 'already_rated' | 'not_closed' };

export interface ClaimResult {
  ticket?: Ticket;
  /** The agent already holds the configured maximum of tickets. */
  atCapacity?: boolean;
}

/**
 * The hand-off queue: tickets ordered by priority (P1 first), then age (oldest first). Claims are atomic: two
 * agents never get the same ticket. An agent can claim a ticket only if they have every skill it asks for.
 */
export interface HandoffQueue {
  /**
   * Put a ticket in the queue. Idempotent per conversation: while the conversation already has an active
   * (queued or assigned) ticket, that ticket is returned and nothing is created.
   */
  enqueue(request: TicketRequest, instanceId?: string): Promise<{ ticket: Ticket; created: boolean }>;
  get(ticketId: string): Promise<Ticket | undefined>;
  /** The conversation's most recent ticket (any state), while it is retained. */
  latestFor(conversationId: string): Promise<Ticket | undefined>;
  /** Oldest of the highest priority among the tickets the agent has the skills for; assigns it to the agent. */
  claimNext(agent: ClaimingAgent): Promise<ClaimResult>;
  /**
   * A waiting ticket moves up to `priority` with a new reason (the borrower said something urgent while waiting). It
   * then waits like a ticket of that priority queued at the same time. Never moves a ticket down; `not_active`
   * unless it is queued.
   */
  escalate(ticketId: string, priority: Priority, reason: string): Promise<ChangeResult>;
  /** Borrower gave up: a queued or assigned ticket becomes `cancelled`. */
  cancel(ticketId: string): Promise<ChangeResult>;
  /** The assigned agent ends the conversation. Records the handling time for wait estimates. */
  close(ticketId: string, agentId: string, outcome: Outcome, note: string): Promise<ChangeResult>;
  /** The borrower's 1–5 rating of a closed ticket; once. */
  rate(ticketId: string, rating: number): Promise<ChangeResult>;
  /** Tickets queued before `olderThan` (epoch ms) become `timed_out`; returns them. */
  expireWaiting(olderThan: number, limit?: number): Promise<Ticket[]>;
  /** 1-based position of a queued ticket in the whole queue; undefined if it is not queued. */
  position(ticketId: string): Promise<number | undefined>;
  /** Waiting tickets in claim order (up to `limit`). */
  waiting(limit?: number): Promise<QueuedTicket[]>;
  /** How many tickets wait at each priority (metrics). */
  depthByPriority(): Promise<Record<Priority, number>>;
  /** Tickets currently assigned to the agent. */
  assignedTo(agentId: string): Promise<Ticket[]>;
  history(ticketId: string): Promise<TicketEvent[]>;
  /** Remember which bot instance holds the borrower's conversation. */
  setInstance(ticketId: string, instanceId: string): Promise<void>;
  /** Recent handling times (seconds, newest first, at most 50). */
  recentHandleSeconds(): Promise<number[]>;
}

export interface HandoffQueueOptions {
  clock: Clock;
  /** Lender's zone: ticket references carry the local day. */
  timeZone: string;
  /** Kept this long after a change (ms). */
  retentionMs: number;
  /** Most tickets one agent may hold. */
  maxTicketsPerAgent: number;
}

export const HANDLE_TIME_SAMPLES = 50;

/**
 * Wait estimate from the position, the agents online and recent handling times: the ticket is served in round
 * ceil(position / agents), and on average an agent is half-way through a conversation when a round starts.
 */
export function estimateWaitSeconds(position: number, agentsOnline: number, handleSeconds: readonly number[], defaultHandleSeconds: number): number {
  if (position <= 0) return 0;
  const avg = handleSeconds.length ? handleSeconds.reduce((a, b) => a + b, 0) / handleSeconds.length : defaultHandleSeconds;
  const rounds = Math.ceil(position / Math.max(1, agentsOnline));
  return Math.round((rounds - 0.5) * avg);
}

/** Claim order score: priority first, then creation time. Fits a double exactly until the year 2286. */
export function queueScore(priority: number, createdAt: number): number {
  return priority * 1e13 + createdAt;
}

export function hasSkills(agentSkills: readonly string[], needed: readonly string[]): boolean {
  return needed.every((s) => agentSkills.includes(s));
}

export function isActive(state: TicketState): boolean {
  return state === 'queued' || state === 'assigned';
}

export function validRating(rating: number): boolean {
  return Number.isInteger(rating) && rating >= 1 && rating <= 5;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** In-process queue for the embedded mode and tests. Same contract as the Redis queue, nothing survives a restart. */
export class InMemoryHandoffQueue implements HandoffQueue {
  private readonly tickets = new Map<string, { ticket: Ticket; history: TicketEvent[] }>();
  private readonly byConversation = new Map<string, string>();
  private readonly daySeq = new Map<string, number>();
  private handleTimes: number[] = [];

  constructor(private readonly options: HandoffQueueOptions) {}

  async enqueue(request: TicketRequest, instanceId?: string): Promise<{ ticket: Ticket; created: boolean }> {
    const existingId = this.byConversation.get(request.conversationId);
    const existing = existingId ? this.tickets.get(existingId) : undefined;
    if (existing && isActive(existing.ticket.state)) return { ticket: clone(existing.ticket), created: false };
    const now = this.options.clock.now();
    const day = localDay(now, this.options.timeZone);
    const seq = (this.daySeq.get(day) ?? 0) + 1;
    this.daySeq.set(day, seq);
    const ticket: Ticket = { ...clone(request), id: formatTicketId(day, seq), state: 'queued', createdAt: now, instanceId };
    this.tickets.set(ticket.id, { ticket, history: [{ at: now, type: 'queued', by: 'borrower', detail: { priority: request.priority } }] });
    this.byConversation.set(request.conversationId, ticket.id);
    return { ticket: clone(ticket), created: true };
  }

  async get(ticketId: string): Promise<Ticket | undefined> {
    const t = this.tickets.get(ticketId);
    return t ? clone(t.ticket) : undefined;
  }

  async latestFor(conversationId: string): Promise<Ticket | undefined> {
    const id = this.byConversation.get(conversationId);
    return id ? this.get(id) : undefined;
  }

  async claimNext(agent: ClaimingAgent): Promise<ClaimResult> {
    if ((await this.assignedTo(agent.id)).length >= this.options.maxTicketsPerAgent) return { atCapacity: true };
    const next = this.ordered().find((e) => hasSkills(agent.skills, e.ticket.skills));
    if (!next) return {};
    const now = this.options.clock.now();
    Object.assign(next.ticket, { state: 'assigned', agentId: agent.id, agentName: agent.displayName, assignedAt: now });
    next.history.push({ at: now, type: 'assigned', by: agent.id, detail: { agentName: agent.displayName } });
    return { ticket: clone(next.ticket) };
  }

  async escalate(ticketId: string, priority: Priority, reason: string): Promise<ChangeResult> {
    const e = this.tickets.get(ticketId);
    if (!e) return { ok: false, reason: 'not_found' };
    if (e.ticket.state !== 'queued') return { ok: false, reason: 'not_active' };
    if (priority < e.ticket.priority) {
      e.history.push({ at: this.options.clock.now(), type: 'escalated', by: 'system', detail: { from: e.ticket.priority, priority, reason } });
      Object.assign(e.ticket, { priority, reason });
    }
    return { ok: true, ticket: clone(e.ticket) };
  }

  async cancel(ticketId: string): Promise<ChangeResult> {
    const e = this.tickets.get(ticketId);
    if (!e) return { ok: false, reason: 'not_found' };
    if (!isActive(e.ticket.state)) return { ok: false, reason: 'not_active' };
    const now = this.options.clock.now();
    const from = e.ticket.state;
    Object.assign(e.ticket, { state: 'cancelled', closedAt: now });
    e.history.push({ at: now, type: 'cancelled', by: 'borrower', detail: { from } });
    return { ok: true, ticket: clone(e.ticket) };
  }

  async close(ticketId: string, agentId: string, outcome: Outcome, note: string): Promise<ChangeResult> {
    const e = this.tickets.get(ticketId);
    if (!e) return { ok: false, reason: 'not_found' };
    if (e.ticket.state !== 'assigned') return { ok: false, reason: 'not_assigned' };
    if (e.ticket.agentId !== agentId) return { ok: false, reason: 'not_yours' };
    const now = this.options.clock.now();
    Object.assign(e.ticket, { state: 'closed', closedAt: now, outcome, note });
    e.history.push({ at: now, type: 'closed', by: agentId, detail: { outcome } });
    this.handleTimes = [Math.max(0, Math.round((now - (e.ticket.assignedAt ?? now)) / 1000)), ...this.handleTimes].slice(0, HANDLE_TIME_SAMPLES);
    return { ok: true, ticket: clone(e.ticket) };
  }

  async rate(ticketId: string, rating: number): Promise<ChangeResult> {
    if (!validRating(rating)) throw new BotError('BAD_INPUT', 'rating must be a whole number 1..5');
    const e = this.tickets.get(ticketId);
    if (!e) return { ok: false, reason: 'not_found' };
    if (e.ticket.state !== 'closed') return { ok: false, reason: 'not_closed' };
    if (e.ticket.rating !== undefined) return { ok: false, reason: 'already_rated' };
    e.ticket.rating = rating;
    e.history.push({ at: this.options.clock.now(), type: 'rated', by: 'borrower', detail: { rating } });
    return { ok: true, ticket: clone(e.ticket) };
  }

  async expireWaiting(olderThan: number, limit = 100): Promise<Ticket[]> {
    const now = this.options.clock.now();
    const expired = [...this.tickets.values()]
      .filter((e) => e.ticket.state === 'queued' && e.ticket.kind !== 'message' && e.ticket.createdAt < olderThan)
      .sort((a, b) => a.ticket.createdAt - b.ticket.createdAt)
      .slice(0, limit);
    for (const e of expired) {
      Object.assign(e.ticket, { state: 'timed_out', closedAt: now });
      e.history.push({ at: now, type: 'timed_out', by: 'system' });
    }
    this.prune(now);
    return expired.map((e) => clone(e.ticket));
  }

  async position(ticketId: string): Promise<number | undefined> {
    const i = this.ordered().findIndex((e) => e.ticket.id === ticketId);
    return i < 0 ? undefined : i + 1;
  }

  async waiting(limit = 500): Promise<QueuedTicket[]> {
    return this.ordered()
      .slice(0, limit)
      .map((e, i) => ({ ticket: clone(e.ticket), position: i + 1 }));
  }

  async depthByPriority(): Promise<Record<Priority, number>> {
    const depth: Record<Priority, number> = { 1: 0, 2: 0, 3: 0 };
    for (const e of this.ordered()) depth[e.ticket.priority]++;
    return depth;
  }

  async assignedTo(agentId: string): Promise<Ticket[]> {
    return [...this.tickets.values()]
      .filter((e) => e.ticket.state === 'assigned' && e.ticket.agentId === agentId)
      .map((e) => clone(e.ticket));
  }

  async history(ticketId: string): Promise<TicketEvent[]> {
    return clone(this.tickets.get(ticketId)?.history ?? []);
  }

  async setInstance(ticketId: string, instanceId: string): Promise<void> {
    const e = this.tickets.get(ticketId);
    if (e) e.ticket.instanceId = instanceId;
  }

  async recentHandleSeconds(): Promise<number[]> {
    return [...this.handleTimes];
  }

  /** Forget ended tickets past retention (the Redis queue does this with key TTLs). */
  private prune(now: number): void {
    for (const [id, e] of this.tickets) {
      const last = e.history[e.history.length - 1]?.at ?? e.ticket.createdAt;
      if (!isActive(e.ticket.state) && now - last > this.options.retentionMs) {
        this.tickets.delete(id);
        if (this.byConversation.get(e.ticket.conversationId) === id) this.byConversation.delete(e.ticket.conversationId);
      }
    }
  }

  private ordered() {
    return [...this.tickets.values()]
      .filter((e) => e.ticket.state === 'queued')
      .sort((a, b) => queueScore(a.ticket.priority, a.ticket.createdAt) - queueScore(b.ticket.priority, b.ticket.createdAt));
  }
}
