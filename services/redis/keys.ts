/**
 * The one place Redis keys are made: `<prefix>:<entity>:<id>[:<part>]`.
 * Each entity says whether its keys carry a TTL (set by the code that writes them) or live forever.
 */
export class RedisKeys {
  constructor(readonly prefix: string) {
    if (!/^[A-Za-z0-9_.-]+$/.test(prefix)) throw new Error(`invalid Redis key prefix: ${prefix}`);
  }

  /** Build a key. `id` may hold any characters (it is the last free-form segment before `part`). */
  key(entity: string, id: string, part?: string): string {
    return part === undefined ? `${this.prefix}:${entity}:${id}` : `${this.prefix}:${entity}:${id}:${part}`;
  }

  /** A key naming a whole collection (a queue, a counter) rather than one item. */
  collection(entity: string, name: string): string {
    return `${this.prefix}:${entity}:${name}`;
  }

  /** Pub/sub channel name. */
  channel(name: string): string {
    return `${this.prefix}:ch:${name}`;
  }
}
