import type { ConversationReference } from 'botbuilder';
import type { Clock } from '../clock';
import { BotError } from '../errors/botError';
import type { Logger } from '../logging/logger';
import { maskDeep, maskPii } from '../logging/mask';
import { isWithinServiceHours, nextOpening, type ServiceHours } from '../scheduling/serviceHours';
import type { AgentPresence } from './agentPresence';
import type { AgentProfile } from './agentAuth';
import type { AgentFeedEvent, BorrowerEvent, BorrowerNotifier, HandoffBus } from './handoffBus';
import { estimateWaitSeconds, type HandoffQueue } from './handoffQueue';
import type { TicketMessageStore } from './ticketMessageStore';
import type { TranscriptStore, TranscriptTurn } from './transcriptStore';
import { isOutcome, type Outcome, type Priority, type Skill, type Ticket, type TicketEvent, type TicketMessage, type TicketRequest, type TicketState } from './ticket';

export type HandoffRequest = Omit<TicketRequest, 'conversationId' | 'skills' | 'intents' | 'records'> & {
  /** Defaults to conversationReference.conversation.id. */
  conversationId?: string;
  skills?: Skill[];
  intents?: TicketRequest['intents'];
  records?: TicketRequest['records'];
};

export type HandoffRequestResult =
  | {
      ticketId: string;
      /** 1-based; 0 once an agent has the conversation. */
      position: number;
      estimatedWaitSeconds: number;
      state: 'queued' | 'assigned';
      /** False when the conversation already had an active ticket (nothing new was created). */
      created: boolean;
      /** That ticket is a message left for a person (TicketRequest.kind). */
      kind?: 'message';
    }
  /** Offer a callback or a message ticket. `nextOpening` (ISO) is when people are next available. */
  | { unavailable: 'outside_hours'; nextOpening?: { from: string; to: string } }
  | { unavailable: 'no_agents' };

export interface HandoffStatus {
  ticketId: string;
  state: TicketState;
  /** queued or assigned: the relay gate applies (assigned: the bot stays silent). */
  active: boolean;
  agentName?: string;
  position?: number;
  estimatedWaitSeconds?: number;
  outcome?: Outcome;
  /** Closed and not yet rated: the dialog may ask for a 1–5 rating. */
  awaitingRating: boolean;
}

/** What the borrower sent while a ticket is open: text, a card submit value, attachments. */
export interface BorrowerMessage {
  text?: string;
  value?: unknown;
  attachments?: { contentType: string; name?: string; contentUrl?: string }[];
}

export interface QueueOverviewEntry {
  ticketId: string;
  priority: Priority;
  skills: Skill[];
  reason: string;
  language: string;
  /** `message`: left for a person (see TicketRequest.kind). */
  kind?: 'message';
  position: number;
  waitingSeconds: number;
  /** Whether the asking agent has the skills to claim it. */
  claimable: boolean;
}

export interface TicketDetail {
  ticket: Omit<Ticket, 'conversationReference'>;
  transcript: TranscriptTurn[];
  messages: TicketMessage[];
  history: TicketEvent[];
}

export interface HandoffServiceOptions {
  /** Tickets waiting longer than this time out (borrower offered a callback). */
  maxWaitMs: number;
  /** Refuse new tickets when no agent is online. */
  requireAgentOnline: boolean;
  defaultHandleSeconds: number;
  /** Sweep period (time-outs, position updates) once start() is called. */
  sweepIntervalMs: number;
}

export interface HandoffServiceDeps {
  queue: HandoffQueue;
  transcripts: TranscriptStore;
  messages: TicketMessageStore;
  presence: AgentPresence;
  bus: HandoffBus;
  /** Unique per process: borrower events for conversations this instance holds are routed here. */
  instanceId: string;
  /** Bot layer's proactive sender. Absent on an instance that serves only the agent console. */
  notifier?: BorrowerNotifier;
  /** Agents' hours (services/scheduling). Absent: always open. */
  serviceHours?: ServiceHours;
  clock: Clock;
  logger: Logger;
  options: HandoffServiceOptions;
  /** Called when an agent claims a ticket, with how long it waited (metrics). */
  onClaimed?: (waitedSeconds: number, kind: 'live' | 'message') => void;
}

/**
 * An agent asked for a ticket that does not exist or is not theirs. Code BAD_INPUT (the shared code list has no
 * finer one); `kind` lets the API answer 404 or 403.
 */
export class HandoffAccessError extends BotError {
  constructor(
    readonly kind: 'not_found' | 'forbidden',
    message: string,
  ) {
    super('BAD_INPUT', message);
    this.name = 'HandoffAccessError';
  }
}

/** Position or wait changed enough to tell a waiting borrower again. */
export function materialChange(prev: { position: number; wait: number }, next: { position: number; wait: number }): boolean {
  if (next.position < prev.position && (next.position <= 3 || next.position <= prev.position / 2)) return true;
  return Math.abs(next.wait - prev.wait) >= Math.max(120, prev.wait * 0.25);
}

/**
 * The hand-off facade. Borrower side (called by dialogs and the relay gate): requestHandoff, status, cancel,
 * onBorrowerMessage, recordTurn, rate. Agent side (called by the console API): claimNext, reply, typing, close.
 * Agent actions reach the borrower as BorrowerEvents through the bus, on the instance that holds the conversation.
 */
export class HandoffService {
  private readonly feedListeners = new Set<(e: AgentFeedEvent) => void>();
  private readonly lastTold = new Map<string, { position: number; wait: number }>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(private readonly deps: HandoffServiceDeps) {}

  /** Subscribe to the bus and start the periodic sweep. */
  async start(): Promise<void> {
    const { bus, instanceId, logger } = this.deps;
    await bus.subscribeBorrower(instanceId, (env) => {
      void this.deliverLocally(env.reference, env.event, env.conversationId);
    });
    await bus.subscribeAgents((event) => {
      for (const l of this.feedListeners) {
        try {
          l(event);
        } catch (err) {
          logger.warn({ event: 'handoff.feed_listener_failed', err: (err as Error).message }, 'agent feed listener failed');
        }
      }
    });
    this.timer = setInterval(() => void this.sweep(), this.deps.options.sweepIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.feedListeners.clear();
  }

  // ---------------------------------------------------------------- borrower side

  async requestHandoff(request: HandoffRequest): Promise<HandoffRequestResult> {
    const { queue, logger, options } = this.deps;
    const conversationId = conversationIdOf(request);
    const existing = await queue.latestFor(conversationId);
    if (existing?.state === 'queued' && request.priority < existing.priority) {
      // Something urgent said while waiting (words of wanting to die): the ticket moves up, the agents see why.
      const raised = await queue.escalate(existing.id, request.priority, request.reason);
      if (raised.ok) {
        logger.info({ event: 'handoff.escalated', ticketId: existing.id, conversationId, from: existing.priority, priority: request.priority }, 'ticket moved up');
        await this.publishAgents({ type: 'queue_changed' });
        return this.describe(raised.ticket, false);
      }
    }
    if (existing && (existing.state === 'queued' || existing.state === 'assigned')) return this.describe(existing, false);
    const closed = this.closedNow();
    if (closed) {
      const { opening } = closed;
      logger.info({ event: 'handoff.unavailable', reason: 'outside_hours', conversationId }, 'hand-off outside service hours');
      return { unavailable: 'outside_hours', ...(opening ? { nextOpening: opening } : {}) };
    }
    if (options.requireAgentOnline && (await this.deps.presence.online()).length === 0) {
      logger.info({ event: 'handoff.unavailable', reason: 'no_agents', conversationId }, 'hand-off with no agent online');
      return { unavailable: 'no_agents' };
    }
    const { ticket, created } = await queue.enqueue(ticketRequest(request, conversationId), this.deps.instanceId);
    const result = await this.describe(ticket, created);
    if (created) {
      logger.info({ event: 'handoff.enqueued', ticketId: ticket.id, conversationId, priority: ticket.priority, skills: ticket.skills }, 'ticket queued');
      await this.publishAgents({ type: 'queue_changed' });
    }
    if ('ticketId' in result && result.state === 'queued') this.lastTold.set(ticket.id, { position: result.position, wait: result.estimatedWaitSeconds });
    return result;
  }

  /**
   * A message for a person when nobody can take the conversation now: queued whatever the hours and the agents
   * online (the message ticket never times out), with the borrower's text (masked) as its first message. A
   * conversation that already has an active ticket gets the text added to it instead (`created: false`).
   * `answerFrom` (ISO) is when people are next at work, absent when they are now.
   */
  async leaveMessage(request: HandoffRequest, text: string): Promise<{ ticketId: string; created: boolean; answerFrom?: string }> {
    const { queue, logger, messages } = this.deps;
    const conversationId = conversationIdOf(request);
    const { ticket, created } = await queue.enqueue({ ...ticketRequest(request, conversationId), kind: 'message' }, this.deps.instanceId);
    const stored = await messages.append(ticket.id, { from: 'borrower', text: maskPii(text) });
    logger.info({ event: created ? 'handoff.message_left' : 'handoff.message_added', ticketId: ticket.id, conversationId, priority: ticket.priority }, 'message left for a person');
    await this.publishAgents({ type: 'message', ticketId: ticket.id, agentId: ticket.agentId, message: stored });
    if (created) await this.publishAgents({ type: 'queue_changed' });
    const answerFrom = this.closedNow()?.opening?.from;
    return { ticketId: ticket.id, created, ...(answerFrom ? { answerFrom } : {}) };
  }

  /** The conversation's latest ticket, or undefined if it never asked for a person (or it is past retention). */
  async status(conversationId: string): Promise<HandoffStatus | undefined> {
    const t = await this.deps.queue.latestFor(conversationId);
    if (!t) return undefined;
    const s: HandoffStatus = { ticketId: t.id, state: t.state, active: t.state === 'queued' || t.state === 'assigned', awaitingRating: t.state === 'closed' && t.rating === undefined };
    if (t.agentName) s.agentName = t.agentName;
    if (t.outcome) s.outcome = t.outcome;
    if (t.state === 'queued') {
      const d = await this.describe(t, false);
      if ('ticketId' in d) Object.assign(s, { position: d.position, estimatedWaitSeconds: d.estimatedWaitSeconds });
    }
    return s;
  }

  /** The borrower stops waiting (不等了 / 取消) or leaves while an agent has the conversation. */
  async cancel(conversationId: string): Promise<{ cancelled: boolean; ticketId?: string }> {
    const t = await this.deps.queue.latestFor(conversationId);
    if (!t) return { cancelled: false };
    const r = await this.deps.queue.cancel(t.id);
    if (!r.ok) return { cancelled: false, ticketId: t.id };
    this.lastTold.delete(t.id);
    this.deps.logger.info({ event: 'handoff.cancelled', ticketId: t.id, conversationId, from: t.state }, 'ticket cancelled by borrower');
    await this.publishAgents({ type: 'ticket_changed', ticketId: t.id, state: 'cancelled', agentId: t.agentId });
    await this.publishAgents({ type: 'queue_changed' });
    return { cancelled: true, ticketId: t.id };
  }

  /**
   * Everything the borrower sends while a ticket is active. Stored for the agent (also while queued, so the agent
   * reads it on claiming) and pushed live. `relayed: true` means an agent has the conversation: the bot stays silent.
   */
  async onBorrowerMessage(conversationId: string, message: BorrowerMessage): Promise<{ relayed: boolean; state?: TicketState; ticketId?: string; kind?: 'message' }> {
    const t = await this.deps.queue.latestFor(conversationId);
    if (!t || (t.state !== 'queued' && t.state !== 'assigned')) return { relayed: false, state: t?.state };
    if (t.instanceId !== this.deps.instanceId) await this.deps.queue.setInstance(t.id, this.deps.instanceId);
    // What the borrower typed is masked before any agent can see it (phone, ID and card numbers).
    // The bot layer records the conversation transcript itself; this stores only the relayed message.
    const stored = await this.deps.messages.append(t.id, {
      from: 'borrower',
      ...(message.text !== undefined ? { text: maskPii(message.text) } : {}),
      ...(message.value !== undefined ? { value: maskDeep(message.value) } : {}),
      ...(message.attachments?.length ? { attachments: message.attachments.map((a) => ({ contentType: a.contentType, name: a.name, contentUrl: a.contentUrl })) } : {}),
    });
    await this.publishAgents({ type: 'message', ticketId: t.id, agentId: t.agentId, message: stored });
    return { relayed: t.state === 'assigned', state: t.state, ticketId: t.id, ...(t.kind ? { kind: t.kind } : {}) };
  }

  /** The borrower is typing (typing activity) while an agent has the conversation. */
  async onBorrowerTyping(conversationId: string): Promise<void> {
    const t = await this.deps.queue.latestFor(conversationId);
    if (t?.state === 'assigned') await this.publishAgents({ type: 'borrower_typing', ticketId: t.id, agentId: t.agentId });
  }

  /** Every turn (borrower and bot) goes here so an agent can read the last 30, redacted. */
  async recordTurn(conversationId: string, ...turns: Omit<TranscriptTurn, 'at'>[]): Promise<void> {
    await this.deps.transcripts.append(conversationId, ...turns);
  }

  /** The borrower's 1–5 rating after the agent closed. False if not closed, already rated, or unknown. */
  async rate(ticketId: string, rating: number): Promise<boolean> {
    const r = await this.deps.queue.rate(ticketId, rating);
    if (r.ok) this.deps.logger.info({ event: 'handoff.rated', ticketId, rating }, 'ticket rated');
    return r.ok;
  }

  // ---------------------------------------------------------------- agent side

  /** The agent's console called: counts them as online. */
  async touchAgent(agentId: string): Promise<void> {
    await this.deps.presence.touch(agentId);
  }

  async agentLeft(agentId: string): Promise<void> {
    await this.deps.presence.leave(agentId);
  }

  async agentsOnline(): Promise<string[]> {
    return this.deps.presence.online();
  }

  async queueOverview(agent: AgentProfile): Promise<{ waiting: QueueOverviewEntry[]; agentsOnline: number; mine: Omit<Ticket, 'conversationReference'>[] }> {
    const now = this.deps.clock.now();
    const [waiting, online, mine] = await Promise.all([this.deps.queue.waiting(), this.deps.presence.online(), this.deps.queue.assignedTo(agent.id)]);
    return {
      waiting: waiting.map(({ ticket: t, position }) => ({
        ticketId: t.id,
        priority: t.priority,
        skills: t.skills,
        reason: t.reason,
        language: t.language,
        ...(t.kind ? { kind: t.kind } : {}),
        position,
        waitingSeconds: Math.max(0, Math.round((now - t.createdAt) / 1000)),
        claimable: t.skills.every((s) => agent.skills.includes(s)),
      })),
      agentsOnline: online.length,
      mine: mine.map(withoutReference),
    };
  }

  async claimNext(agent: AgentProfile): Promise<{ ticket?: Omit<Ticket, 'conversationReference'>; atCapacity?: boolean }> {
    const r = await this.deps.queue.claimNext(agent);
    if (!r.ticket) return { atCapacity: r.atCapacity };
    const t = r.ticket;
    this.lastTold.delete(t.id);
    const waitedMs = (t.assignedAt ?? this.deps.clock.now()) - t.createdAt;
    this.deps.logger.info({ event: 'handoff.assigned', ticketId: t.id, agentId: agent.id, waitedMs }, 'ticket claimed');
    this.deps.onClaimed?.(waitedMs / 1000, t.kind ?? 'live');
    await this.toBorrower(t, { kind: 'joined', ticketId: t.id, agentName: agent.displayName, ...(t.kind === 'message' ? { leftMessage: true as const } : {}) });
    await this.publishAgents({ type: 'ticket_changed', ticketId: t.id, state: 'assigned', agentId: agent.id });
    await this.publishAgents({ type: 'queue_changed' });
    return { ticket: withoutReference(t) };
  }

  /** Detail for the console: only for the assigned agent, or anyone while the ticket still waits. */
  async ticketDetail(agent: AgentProfile, ticketId: string): Promise<TicketDetail> {
    const t = await this.readable(agent, ticketId);
    const [transcript, messages, history] = await Promise.all([
      this.deps.transcripts.recent(t.conversationId),
      this.deps.messages.list(t.id),
      this.deps.queue.history(t.id),
    ]);
    return { ticket: withoutReference(t), transcript, messages, history };
  }

  async messages(agent: AgentProfile, ticketId: string, afterSeq = 0): Promise<TicketMessage[]> {
    await this.readable(agent, ticketId);
    return this.deps.messages.list(ticketId, afterSeq);
  }

  async reply(agent: AgentProfile, ticketId: string, text: string): Promise<TicketMessage> {
    const clean = text.trim();
    if (!clean || clean.length > 4000) throw new BotError('BAD_INPUT', 'reply must be 1..4000 characters');
    const t = await this.ownAssigned(agent, ticketId);
    const stored = await this.deps.messages.append(t.id, { from: 'agent', text: clean, agentName: agent.displayName });
    await this.toBorrower(t, { kind: 'message', ticketId: t.id, agentName: agent.displayName, text: clean });
    await Promise.all([
      this.recordTurn(t.conversationId, { from: 'agent', text: clean }),
      this.publishAgents({ type: 'message', ticketId: t.id, agentId: agent.id, message: stored }),
    ]);
    return stored;
  }

  async typing(agent: AgentProfile, ticketId: string): Promise<void> {
    const t = await this.ownAssigned(agent, ticketId);
    await this.toBorrower(t, { kind: 'typing', ticketId: t.id });
  }

  async close(agent: AgentProfile, ticketId: string, outcome: Outcome, note: string): Promise<Omit<Ticket, 'conversationReference'>> {
    if (!isOutcome(outcome)) throw new BotError('BAD_INPUT', 'unknown outcome');
    if (note.length > 2000) throw new BotError('BAD_INPUT', 'note longer than 2000 characters');
    const r = await this.deps.queue.close(ticketId, agent.id, outcome, note.trim());
    if (!r.ok) throw new HandoffAccessError(r.reason === 'not_found' ? 'not_found' : 'forbidden', `cannot close ${ticketId}: ${r.reason}`);
    this.deps.logger.info({ event: 'handoff.closed', ticketId, agentId: agent.id, outcome }, 'ticket closed');
    await this.toBorrower(r.ticket, { kind: 'closed', ticketId, outcome });
    await this.publishAgents({ type: 'ticket_changed', ticketId, state: 'closed', agentId: agent.id });
    return withoutReference(r.ticket);
  }

  /** Live console updates on this instance (SSE). Returns the unsubscribe function. */
  onAgentFeed(listener: (e: AgentFeedEvent) => void): () => void {
    this.feedListeners.add(listener);
    return () => this.feedListeners.delete(listener);
  }

  // ---------------------------------------------------------------- sweep

  /**
   * Times out tickets waiting too long (atomic: each goes to exactly one instance) and tells this instance's
   * waiting borrowers when their position or wait changed materially. start() runs it periodically.
   */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const { queue, clock, options } = this.deps;
      const expired = await queue.expireWaiting(clock.now() - options.maxWaitMs);
      for (const t of expired) {
        this.lastTold.delete(t.id);
        this.deps.logger.info({ event: 'handoff.timed_out', ticketId: t.id, conversationId: t.conversationId }, 'ticket timed out');
        await this.toBorrower(t, { kind: 'timed_out', ticketId: t.id });
        await this.publishAgents({ type: 'ticket_changed', ticketId: t.id, state: 'timed_out' });
      }
      if (expired.length) await this.publishAgents({ type: 'queue_changed' });
      const waiting = await queue.waiting();
      const estimate = await this.estimator();
      const live = new Set<string>();
      for (const { ticket: t, position } of waiting) {
        live.add(t.id);
        // A left message is not a live wait: no position updates through the night.
        if (t.instanceId !== this.deps.instanceId || t.kind === 'message') continue;
        const next = { position, wait: estimate(position) };
        const prev = this.lastTold.get(t.id);
        if (!prev) {
          this.lastTold.set(t.id, next);
        } else if (materialChange(prev, next)) {
          this.lastTold.set(t.id, next);
          await this.toBorrower(t, { kind: 'queued', ticketId: t.id, position: next.position, estimatedWaitSeconds: next.wait });
        }
      }
      for (const id of this.lastTold.keys()) if (!live.has(id)) this.lastTold.delete(id);
    } catch (err) {
      this.deps.logger.warn({ event: 'handoff.sweep_failed', err: (err as Error).message }, 'hand-off sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  // ---------------------------------------------------------------- internals

  /** Outside the agents' service hours: the next opening (absent when none can be found). Open, or no hours: undefined. */
  private closedNow(): { opening?: { from: string; to: string } } | undefined {
    const { serviceHours, clock } = this.deps;
    const now = clock.now();
    if (!serviceHours || isWithinServiceHours(now, serviceHours)) return undefined;
    try {
      const n = nextOpening(now, serviceHours);
      return { opening: { from: n.from, to: n.to } };
    } catch {
      return {};
    }
  }

  private async estimator(): Promise<(position: number) => number> {
    const [online, handle] = await Promise.all([this.deps.presence.online(), this.deps.queue.recentHandleSeconds()]);
    return (position) => estimateWaitSeconds(position, online.length, handle, this.deps.options.defaultHandleSeconds);
  }

  private async describe(t: Ticket, created: boolean): Promise<HandoffRequestResult> {
    const kind = t.kind ? { kind: t.kind } : {};
    if (t.state === 'assigned') return { ticketId: t.id, position: 0, estimatedWaitSeconds: 0, state: 'assigned', created, ...kind };
    const [position, estimate] = await Promise.all([this.deps.queue.position(t.id), this.estimator()]);
    const p = position ?? 1;
    return { ticketId: t.id, position: p, estimatedWaitSeconds: estimate(p), state: 'queued', created, ...kind };
  }

  private async readable(agent: AgentProfile, ticketId: string): Promise<Ticket> {
    const t = await this.deps.queue.get(ticketId);
    if (!t) throw new HandoffAccessError('not_found', `no ticket ${ticketId}`);
    if (t.state !== 'queued' && t.agentId !== agent.id) throw new HandoffAccessError('forbidden', `${ticketId} belongs to another agent`);
    return t;
  }

  private async ownAssigned(agent: AgentProfile, ticketId: string): Promise<Ticket> {
    const t = await this.deps.queue.get(ticketId);
    if (!t) throw new HandoffAccessError('not_found', `no ticket ${ticketId}`);
    if (t.state !== 'assigned' || t.agentId !== agent.id) throw new HandoffAccessError('forbidden', `${ticketId} is not assigned to ${agent.id}`);
    return t;
  }

  /** Route an event to the instance holding the conversation; deliver here if that instance is gone. */
  private async toBorrower(t: Ticket, event: BorrowerEvent): Promise<void> {
    const target = t.instanceId ?? this.deps.instanceId;
    if (target === this.deps.instanceId && this.deps.notifier) {
      await this.deliverLocally(t.conversationReference, event, t.conversationId);
      return;
    }
    const envelope = { conversationId: t.conversationId, reference: t.conversationReference, event, sentAt: this.deps.clock.now() };
    let receivers = 0;
    try {
      receivers = await this.deps.bus.publishToBorrower(target, envelope);
    } catch (err) {
      this.deps.logger.warn({ event: 'handoff.bus_publish_failed', ticketId: t.id, err: (err as Error).message }, 'bus publish failed');
    }
    if (receivers > 0) return;
    if (this.deps.notifier) {
      this.deps.logger.info({ event: 'handoff.delivery_fallback', ticketId: t.id, target }, 'holding instance gone; delivering from here');
      await this.deliverLocally(t.conversationReference, event, t.conversationId);
    } else {
      this.deps.logger.warn({ event: 'handoff.delivery_lost', ticketId: t.id, target, kind: event.kind }, 'no instance to deliver a borrower event');
    }
  }

  private async deliverLocally(reference: Partial<ConversationReference>, event: BorrowerEvent, conversationId: string): Promise<void> {
    if (!this.deps.notifier) return;
    try {
      await this.deps.notifier.deliver(reference, event);
    } catch (err) {
      // A failed proactive send must not fail the agent's request; the message stays in the ticket's record.
      this.deps.logger.warn({ event: 'handoff.delivery_failed', conversationId, kind: event.kind, err: (err as Error).message }, 'borrower delivery failed');
    }
  }

  private async publishAgents(event: AgentFeedEvent): Promise<void> {
    try {
      await this.deps.bus.publishToAgents(event);
    } catch (err) {
      this.deps.logger.warn({ event: 'handoff.bus_publish_failed', err: (err as Error).message }, 'agent feed publish failed');
    }
  }
}

/** The conversation a request is for; a request that cannot be answered later (no id, no serviceUrl) is BAD_INPUT. */
function conversationIdOf(request: HandoffRequest): string {
  const conversationId = request.conversationId ?? request.conversationReference.conversation?.id;
  if (!conversationId) throw new BotError('BAD_INPUT', 'conversation id missing from the hand-off request');
  if (!request.conversationReference.serviceUrl) throw new BotError('BAD_INPUT', 'conversation reference without serviceUrl');
  return conversationId;
}

/** The queue's ticket request: the defaults filled in, optional fields only when known. */
function ticketRequest(request: HandoffRequest, conversationId: string): TicketRequest {
  return {
    conversationId,
    conversationReference: request.conversationReference,
    reason: request.reason,
    priority: request.priority,
    skills: request.skills ?? [],
    intents: request.intents ?? [],
    language: request.language,
    records: request.records ?? [],
    ...(request.borrowerId !== undefined ? { borrowerId: request.borrowerId } : {}),
    ...(request.accountSnapshot !== undefined ? { accountSnapshot: request.accountSnapshot } : {}),
  };
}

function withoutReference(t: Ticket): Omit<Ticket, 'conversationReference'> {
  const { conversationReference: _omit, ...rest } = t;
  return rest;
}
