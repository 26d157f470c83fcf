import type { Clock } from '../clock';
import { BotError } from '../errors/botError';

/** A Direct Line conversation as the facade keeps it (plain JSON). */
export interface DirectLineConversation {
  id: string;
  /** The user the conversation's tokens are for. */
  userId: string;
  /** Epoch ms. */
  createdAt: number;
  /** Language the client started in (zh-CN, zh-TW, en-US). */
  locale?: string;
  /**
   * The host page's signed borrower token, forwarded to the bot on every activity's channelData. Not verified
   * here (the bot's identity layer does that) and never returned to the client.
   */
  borrowerToken?: string;
}

/** A stored activity: whatever JSON the facade built, without its id (the id is derived from its position). */
export type StoredActivity = Record<string, unknown>;

export interface ActivityPage {
  /** Activities from the requested watermark on, each with its `id`. */
  activities: StoredActivity[];
  /** Watermark for the next poll: the number of activities read so far, as a string (as Direct Line does). */
  watermark: string;
}

/**
 * Conversations and their activity logs. Every write refreshes the conversation's TTL, so a conversation lives
 * `ttlMs` after its last activity. Implementations: in-memory (one process) and Redis (shared, survives
 * restarts). Activity ids are `<conversationId>|<7-digit position>`, so they are stable across instances.
 */
export interface DirectLineStore {
  /** Create a conversation (not yet started). */
  create(conversation: DirectLineConversation): Promise<void>;
  /** The conversation, or undefined if unknown or expired. */
  get(conversationId: string): Promise<DirectLineConversation | undefined>;
  /**
   * Mark the conversation started. True only for the one call that started it (so the bot gets exactly one
   * conversationUpdate even when several instances race); false if already started.
   * Throws BotError('BAD_INPUT') for an unknown conversation.
   */
  markStarted(conversationId: string): Promise<boolean>;
  /**
   * Append an activity; returns its position. Throws BotError('BAD_INPUT') for an unknown conversation and
   * BotError('RATE_LIMITED') when the conversation holds `maxActivities` already.
   */
  append(conversationId: string, activity: StoredActivity): Promise<number>;
  /** Up to `max` activities from position `watermark` on; undefined if the conversation is unknown. */
  list(conversationId: string, watermark: number, max: number): Promise<ActivityPage | undefined>;
}

export interface DirectLineStoreOptions {
  /** Lifetime of a conversation after its last write. */
  ttlMs: number;
  /** Most activities one conversation may hold. */
  maxActivities: number;
}

export function activityId(conversationId: string, position: number): string {
  return `${conversationId}|${String(position).padStart(7, '0')}`;
}

export function unknownConversation(conversationId: string): BotError {
  return new BotError('BAD_INPUT', `unknown Direct Line conversation ${conversationId}`);
}

export function conversationFull(conversationId: string): BotError {
  return new BotError('RATE_LIMITED', `Direct Line conversation ${conversationId} is full`);
}

interface MemoryEntry {
  conversation: DirectLineConversation;
  started: boolean;
  activities: string[];
  expiresAt: number;
}

/** In-process store (development, single instance). Expiry follows the injected clock. */
export class InMemoryDirectLineStore implements DirectLineStore {
  private readonly entries = new Map<string, MemoryEntry>();
  private lastSweep = 0;

  constructor(
    private readonly options: DirectLineStoreOptions,
    private readonly clock: Clock,
  ) {}

  async create(conversation: DirectLineConversation): Promise<void> {
    this.sweep();
    this.entries.set(conversation.id, {
      conversation: structuredClone(conversation),
      started: false,
      activities: [],
      expiresAt: this.clock.now() + this.options.ttlMs,
    });
  }

  async get(conversationId: string): Promise<DirectLineConversation | undefined> {
    const entry = this.live(conversationId);
    return entry && structuredClone(entry.conversation);
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const entry = this.live(conversationId);
    if (!entry) throw unknownConversation(conversationId);
    if (entry.started) return false;
    entry.started = true;
    entry.expiresAt = this.clock.now() + this.options.ttlMs;
    return true;
  }

  async append(conversationId: string, activity: StoredActivity): Promise<number> {
    const entry = this.live(conversationId);
    if (!entry) throw unknownConversation(conversationId);
    if (entry.activities.length >= this.options.maxActivities) throw conversationFull(conversationId);
    // Stored serialised, like Redis: callers can't mutate what was stored.
    entry.activities.push(JSON.stringify(activity));
    entry.expiresAt = this.clock.now() + this.options.ttlMs;
    return entry.activities.length - 1;
  }

  async list(conversationId: string, watermark: number, max: number): Promise<ActivityPage | undefined> {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const from = Math.min(Math.max(0, watermark), entry.activities.length);
    const slice = entry.activities.slice(from, from + max);
    return {
      activities: slice.map((json, i) => ({ ...JSON.parse(json), id: activityId(conversationId, from + i) })),
      watermark: String(from + slice.length),
    };
  }

  private live(conversationId: string): MemoryEntry | undefined {
    const entry = this.entries.get(conversationId);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.entries.delete(conversationId);
      return undefined;
    }
    return entry;
  }

  // Drop expired conversations now and then, so an idle process does not keep them all.
  private sweep(): void {
    const now = this.clock.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
