import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../clock';
import type { RedisKeys } from '../redis/keys';
import type { BorrowerLanguage } from '../accounts/accountSchemas';

/** How a conversation proved who the borrower is. */
export type VerificationMethod = 'id_last6' | 'one_time_code' | 'token';

/** What a conversation knows about its borrower. Plain JSON (it may be shown in dialog state too). */
export type ConversationIdentity =
  | {
      state: 'verified';
      borrowerId: string;
      method: VerificationMethod;
      language?: BorrowerLanguage;
      verifiedAt: string;
      expiresAt: string;
    }
  | {
      state: 'code_sent';
      /** Empty when the mobile matched nobody: the code then always fails (the borrower is not told). */
      borrowerId: string;
      language?: BorrowerLanguage;
      /** sha256 of conversation id + code; the code itself is never stored. */
      codeHash: string;
      /** Attempt-counter subject of the mobile the code went to. */
      mobileSubject: string;
      maskedMobile: string;
      expiresAt: string;
    };

/**
 * Identity per conversation, expiring at `expiresAt` (judged by the injected clock; Redis also drops the key
 * then). Implementations: InMemoryVerificationStore, RedisVerificationStore. One contract suite.
 */
export interface VerificationStore {
  get(conversationId: string): Promise<ConversationIdentity | undefined>;
  set(conversationId: string, identity: ConversationIdentity): Promise<void>;
  delete(conversationId: string): Promise<void>;
}

export class InMemoryVerificationStore implements VerificationStore {
  private readonly items = new Map<string, string>();

  constructor(private readonly clock: Clock = systemClock) {}

  async get(conversationId: string): Promise<ConversationIdentity | undefined> {
    const raw = this.items.get(conversationId);
    const identity = raw ? (JSON.parse(raw) as ConversationIdentity) : undefined;
    if (identity && Date.parse(identity.expiresAt) <= this.clock.now()) {
      this.items.delete(conversationId);
      return undefined;
    }
    return identity;
  }

  async set(conversationId: string, identity: ConversationIdentity): Promise<void> {
    this.items.set(conversationId, JSON.stringify(identity));
  }

  async delete(conversationId: string): Promise<void> {
    this.items.delete(conversationId);
  }
}

/** `verification:<conversationId>` JSON strings with a TTL up to `expiresAt`. */
export class RedisVerificationStore implements VerificationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly clock: Clock = systemClock,
  ) {}

  async get(conversationId: string): Promise<ConversationIdentity | undefined> {
    const raw = await this.redis.get(this.key(conversationId));
    if (!raw) return undefined;
    const identity = JSON.parse(raw) as ConversationIdentity;
    return Date.parse(identity.expiresAt) > this.clock.now() ? identity : undefined;
  }

  async set(conversationId: string, identity: ConversationIdentity): Promise<void> {
    const ttl = Date.parse(identity.expiresAt) - this.clock.now();
    if (ttl <= 0) {
      await this.delete(conversationId);
      return;
    }
    await this.redis.set(this.key(conversationId), JSON.stringify(identity), 'PX', ttl);
  }

  async delete(conversationId: string): Promise<void> {
    await this.redis.del(this.key(conversationId));
  }

  private key(conversationId: string): string {
    return this.keys.key('verification', conversationId);
  }
}
