import type { ConversationReference } from 'botbuilder';
import { isoDate, localParts } from '../scheduling/zonedTime';

/** P1 (harassment, threats, filed lawsuits) before P2 (negotiation, scams) before P3. */
export type Priority = 1 | 2 | 3;
export const SKILLS = ['legal', 'negotiation', 'complaints'] as const;
export type Skill = (typeof SKILLS)[number];

/** queued → assigned → closed; cancelled (borrower gave up) and timed_out (nobody in time) end a queued ticket. */
export type TicketState = 'queued' | 'assigned' | 'closed' | 'cancelled' | 'timed_out';
export const ACTIVE_STATES: readonly TicketState[] = ['queued', 'assigned'];

/** How an agent ends a conversation; the dialog layer decides what to say for each. */
export const OUTCOMES = ['resolved', 'follow_up', 'escalated', 'no_response', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface IntentConfidence {
  intent: string;
  confidence: number;
}

/** Something filed in this conversation (plan request, complaint, callback) that the agent should see. */
export interface FiledRecord {
  kind: string;
  reference: string;
}

/** What the bot knows when it asks for a person. Everything is plain JSON. */
export interface TicketRequest {
  conversationId: string;
  /** The full Bot Framework conversation reference (incl. serviceUrl): proactive messages need all of it. */
  conversationReference: Partial<ConversationReference>;
  reason: string;
  priority: Priority;
  skills: Skill[];
  intents: IntentConfidence[];
  /** Language the borrower writes in (zh-CN, zh-TW, en). */
  language: string;
  /** Verified borrower id, only when verification succeeded in this conversation. */
  borrowerId?: string;
  /** Account snapshot (JSON) shown to the agent; only for verified borrowers. */
  accountSnapshot?: unknown;
  records: FiledRecord[];
  /**
   * `message`: a message left for a person when nobody could take the conversation (outside hours, no agent online,
   * waited too long). It waits for an agent without timing out; the agent who claims it answers in the conversation.
   * Absent: the borrower waits live.
   */
  kind?: 'message';
}

export interface Ticket extends TicketRequest {
  /** Human-readable reference, e.g. H-20261122-0042. */
  id: string;
  state: TicketState;
  /** Epoch ms. */
  createdAt: number;
  assignedAt?: number;
  /** When the ticket left the active states (closed, cancelled, timed out). */
  closedAt?: number;
  agentId?: string;
  agentName?: string;
  outcome?: Outcome;
  note?: string;
  rating?: number;
  /** Instance that last handled a turn of this conversation: agent events are delivered there. */
  instanceId?: string;
}

export type TicketEventType = 'queued' | 'escalated' | 'assigned' | 'closed' | 'cancelled' | 'timed_out' | 'rated';

/** One line of a ticket's history. */
export interface TicketEvent {
  at: number;
  type: TicketEventType;
  /** Agent id, `borrower` or `system`. */
  by: string;
  detail?: Record<string, unknown>;
}

/** A message of the chat between borrower and agent (both directions), kept per ticket. */
export interface TicketMessage {
  /** Sequence number within the ticket, from 1. */
  seq: number;
  at: number;
  from: 'borrower' | 'agent';
  text?: string;
  /** Card submit value (Adaptive Card Action.Submit). */
  value?: unknown;
  attachments?: { contentType: string; name?: string; contentUrl?: string }[];
  agentName?: string;
}

/** A ticket as the queue lists it, with its position. */
export interface QueuedTicket {
  ticket: Ticket;
  /** 1-based position in the whole queue (all priorities). */
  position: number;
}

export function isPriority(v: unknown): v is Priority {
  return v === 1 || v === 2 || v === 3;
}

export function isSkill(v: unknown): v is Skill {
  return typeof v === 'string' && (SKILLS as readonly string[]).includes(v);
}

export function isOutcome(v: unknown): v is Outcome {
  return typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);
}

/** Local calendar day `YYYYMMDD` of `ms` in `timeZone` (ticket references are per local day). */
export function localDay(ms: number, timeZone: string): string {
  return isoDate(localParts(ms, timeZone).date).replaceAll('-', '');
}

/** `H-20261122-0042`: the day in the lender's zone and that day's sequence number. */
export function formatTicketId(day: string, seq: number): string {
  return `H-${day}-${String(seq).padStart(4, '0')}`;
}
