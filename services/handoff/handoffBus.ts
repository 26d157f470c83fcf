import type { ConversationReference } from 'botbuilder';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger';
import type { RedisKeys } from '../redis/keys';
import type { Outcome, TicketMessage, TicketState } from './ticket';

/**
 * What happens on the agent side, as data for the borrower. The dialog layer turns each into words in the
 * borrower's language; services never hold borrower-facing wording.
 */
export type BorrowerEvent =
  /** Position or estimated wait changed materially while waiting. */
  | { kind: 'queued'; ticketId: string; position: number; estimatedWaitSeconds: number }
  /** `leftMessage`: the ticket is a message the borrower left earlier (say the agent has read it). */
  | { kind: 'joined'; ticketId: string; agentName: string; leftMessage?: true }
  | { kind: 'message'; ticketId: string; agentName: string; text: string }
  | { kind: 'typing'; ticketId: string }
  | { kind: 'closed'; ticketId: string; outcome: Outcome }
  /** Nobody in time: offer a callback or a message ticket. */
  | { kind: 'timed_out'; ticketId: string };

/**
 * Implemented by the bot layer: send `event` to the borrower as a proactive message, i.e.
 * `adapter.continueConversationAsync(MicrosoftAppId ?? '', reference, async (ctx) => ctx.sendActivity(render(event)))`.
 * Called on the instance that holds the borrower's conversation.
 */
export interface BorrowerNotifier {
  deliver(reference: Partial<ConversationReference>, event: BorrowerEvent): Promise<void>;
}

/** A borrower event on its way to the instance holding the conversation. */
export interface BorrowerEnvelope {
  conversationId: string;
  reference: Partial<ConversationReference>;
  event: BorrowerEvent;
  /** Epoch ms at publication (delivery latency). */
  sentAt: number;
}

/** Live updates for agent consoles, on every instance. */
export type AgentFeedEvent =
  | { type: 'queue_changed' }
  | { type: 'ticket_changed'; ticketId: string; state: TicketState; agentId?: string }
  /** A chat message (either direction) of a ticket; `agentId` is the assigned agent, whose consoles show it. */
  | { type: 'message'; ticketId: string; agentId?: string; message: TicketMessage }
  | { type: 'borrower_typing'; ticketId: string; agentId?: string };

/** Moves hand-off events between bot instances: Redis pub/sub, or in-process in the embedded mode. */
export interface HandoffBus {
  /** Send to the instance `instanceId`; resolves to how many subscribers received it (0: that instance is gone). */
  publishToBorrower(instanceId: string, envelope: BorrowerEnvelope): Promise<number>;
  /** Receive the borrower events meant for this instance. */
  subscribeBorrower(instanceId: string, handler: (envelope: BorrowerEnvelope) => void): Promise<void>;
  publishToAgents(event: AgentFeedEvent): Promise<void>;
  subscribeAgents(handler: (event: AgentFeedEvent) => void): Promise<void>;
  close(): Promise<void>;
}

/** One process, several logical instances (tests, embedded mode). Delivery is asynchronous, like pub/sub. */
export class InMemoryHandoffBus implements HandoffBus {
  private readonly borrowerHandlers = new Map<string, ((e: BorrowerEnvelope) => void)[]>();
  private agentHandlers: ((e: AgentFeedEvent) => void)[] = [];

  async publishToBorrower(instanceId: string, envelope: BorrowerEnvelope): Promise<number> {
    const handlers = this.borrowerHandlers.get(instanceId) ?? [];
    const copy = structuredClone(envelope);
    for (const h of handlers) queueMicrotask(() => h(structuredClone(copy)));
    return handlers.length;
  }

  async subscribeBorrower(instanceId: string, handler: (envelope: BorrowerEnvelope) => void): Promise<void> {
    this.borrowerHandlers.set(instanceId, [...(this.borrowerHandlers.get(instanceId) ?? []), handler]);
  }

  async publishToAgents(event: AgentFeedEvent): Promise<void> {
    for (const h of this.agentHandlers) queueMicrotask(() => h(structuredClone(event)));
  }

  async subscribeAgents(handler: (event: AgentFeedEvent) => void): Promise<void> {
    this.agentHandlers.push(handler);
  }

  async close(): Promise<void> {
    this.borrowerHandlers.clear();
    this.agentHandlers = [];
  }
}

export interface RedisHandoffBusDeps {
  /** Any ordinary client (PUBLISH). */
  publisher: Redis;
  /** A client of its own: once it subscribes it can do nothing else. The bus disconnects it on close. */
  subscriber: Redis;
  keys: RedisKeys;
  logger: Logger;
}

/**
 * Redis pub/sub. Channels `p:ch:handoff:borrower:<instanceId>` (one per instance) and `p:ch:handoff:agents`
 * (every instance, for its consoles). Pub/sub is fire-and-forget: the queue and message store in Redis are the
 * record, the bus only makes updates live.
 */
export class RedisHandoffBus implements HandoffBus {
  private readonly handlers = new Map<string, ((payload: unknown) => void)[]>();
  private readonly agentsChannel: string;

  constructor(private readonly deps: RedisHandoffBusDeps) {
    this.agentsChannel = deps.keys.channel('handoff:agents');
    deps.subscriber.on('message', (channel: string, message: string) => {
      const handlers = this.handlers.get(channel);
      if (!handlers) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch (err) {
        deps.logger.warn({ event: 'handoff.bus_bad_message', channel, err: (err as Error).message }, 'unreadable bus message');
        return;
      }
      for (const h of handlers) h(payload);
    });
  }

  async publishToBorrower(instanceId: string, envelope: BorrowerEnvelope): Promise<number> {
    return this.deps.publisher.publish(this.borrowerChannel(instanceId), JSON.stringify(envelope));
  }

  async subscribeBorrower(instanceId: string, handler: (envelope: BorrowerEnvelope) => void): Promise<void> {
    await this.subscribe(this.borrowerChannel(instanceId), handler as (p: unknown) => void);
  }

  async publishToAgents(event: AgentFeedEvent): Promise<void> {
    await this.deps.publisher.publish(this.agentsChannel, JSON.stringify(event));
  }

  async subscribeAgents(handler: (event: AgentFeedEvent) => void): Promise<void> {
    await this.subscribe(this.agentsChannel, handler as (p: unknown) => void);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.deps.subscriber.disconnect();
  }

  private async subscribe(channel: string, handler: (payload: unknown) => void): Promise<void> {
    const existing = this.handlers.get(channel);
    this.handlers.set(channel, [...(existing ?? []), handler]);
    if (!existing) await this.deps.subscriber.subscribe(channel);
  }

  private borrowerChannel(instanceId: string): string {
    return this.deps.keys.channel(`handoff:borrower:${instanceId}`);
  }
}
