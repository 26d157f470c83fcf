import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import { maskPii } from '../logging/mask';
import type { RedisKeys } from '../redis/keys';

/** One turn of the conversation as an agent reads it. Text is redacted (maskPii) before it is stored. */
export interface TranscriptTurn {
  at: number;
  from: 'borrower' | 'bot' | 'agent';
  text: string;
  /** Set for card submits and attachments, which have no text of their own. */
  kind?: 'text' | 'card_submit' | 'attachment';
}

export const TRANSCRIPT_TURNS = 30;

/** The last 30 turns per conversation, redacted on write: what the agent sees as context. */
export type NewTranscriptTurn = Omit<TranscriptTurn, 'at'> & { at?: number };

export interface TranscriptStore {
  /** Append turns in order (a whole bot turn at once: one write). */
  append(conversationId: string, ...turns: NewTranscriptTurn[]): Promise<void>;
  /** Oldest first, at most 30. */
  recent(conversationId: string): Promise<TranscriptTurn[]>;
}

export interface TranscriptStoreOptions {
  clock: Clock;
  /** How long a conversation's transcript lives after its last turn (ms). */
  ttlMs: number;
}

function redact(conversationTurn: NewTranscriptTurn, now: number): TranscriptTurn {
  const turn: TranscriptTurn = { at: conversationTurn.at ?? now, from: conversationTurn.from, text: maskPii(conversationTurn.text ?? '') };
  if (conversationTurn.kind && conversationTurn.kind !== 'text') turn.kind = conversationTurn.kind;
  return turn;
}

export class InMemoryTranscriptStore implements TranscriptStore {
  private readonly turns = new Map<string, { turns: TranscriptTurn[]; expiresAt: number }>();

  constructor(private readonly options: TranscriptStoreOptions) {}

  async append(conversationId: string, ...turns: NewTranscriptTurn[]): Promise<void> {
    if (!turns.length) return;
    const now = this.options.clock.now();
    const current = this.live(conversationId, now) ?? [];
    const kept = [...current, ...turns.map((t) => redact(t, now))].slice(-TRANSCRIPT_TURNS);
    this.turns.set(conversationId, { turns: kept, expiresAt: now + this.options.ttlMs });
    if (this.turns.size > 10_000) for (const [k, v] of this.turns) if (v.expiresAt <= now) this.turns.delete(k);
  }

  async recent(conversationId: string): Promise<TranscriptTurn[]> {
    return structuredClone(this.live(conversationId, this.options.clock.now()) ?? []);
  }

  private live(conversationId: string, now: number): TranscriptTurn[] | undefined {
    const e = this.turns.get(conversationId);
    if (!e) return undefined;
    if (e.expiresAt <= now) {
      this.turns.delete(conversationId);
      return undefined;
    }
    return e.turns;
  }
}

// Append, trim to the newest ARGV[1] entries and renew the TTL, atomically. One script call rather than a MULTI:
// an ioredis MULTI builds a Pipeline object (a copy of every defined command) on every turn.
// KEYS: list   ARGV: keep, ttlMs, entry1, entry2, ...
const APPEND_SCRIPT = `
redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

interface RedisWithTranscriptCommands extends Redis {
  bsbTranscriptAppend(key: string, keep: number, ttlMs: number, ...entries: string[]): Promise<number>;
}

/** `p:transcript:<conversationId>`: a list trimmed to 30 entries, TTL renewed on every append. */
export class RedisTranscriptStore implements TranscriptStore {
  private readonly redis: RedisWithTranscriptCommands;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: TranscriptStoreOptions,
  ) {
    if (!('bsbTranscriptAppend' in redis)) redis.defineCommand('bsbTranscriptAppend', { numberOfKeys: 1, lua: APPEND_SCRIPT });
    this.redis = redis as RedisWithTranscriptCommands;
  }

  async append(conversationId: string, ...turns: NewTranscriptTurn[]): Promise<void> {
    if (!turns.length) return;
    const key = this.keys.key('transcript', conversationId);
    const now = this.options.clock.now();
    await this.redis.bsbTranscriptAppend(key, TRANSCRIPT_TURNS, this.options.ttlMs, ...turns.map((t) => JSON.stringify(redact(t, now))));
  }

  async recent(conversationId: string): Promise<TranscriptTurn[]> {
    const items = await this.redis.lrange(this.keys.key('transcript', conversationId), 0, -1);
    return items.map((s) => JSON.parse(s) as TranscriptTurn);
  }
}
