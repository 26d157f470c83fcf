import { z } from 'zod';

/** Building blocks for environment variables (strings in, typed values out). Used by every config fragment. */
export const vars = {
  int: (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z.coerce.number().int(`must be a whole number`).min(min).max(max).default(def),
  number: (def: number, min = -Infinity, max = Infinity) => z.coerce.number().min(min).max(max).default(def),
  bool: (def: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .transform((v) => v === 'true' || v === '1' || v === 'yes')
      .default(def),
  url: () => z.url({ error: 'must be a URL' }).optional(),
  string: (def: string) => z.string().default(def),
  optionalString: () => z.string().optional(),
  /** Comma-separated list. */
  list: (def: string[]) =>
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .default(def),
};
