/**
 * Prediction-time index of a model's features: the same features as `textFeatures` (features.ts), found without
 * building a string per n-gram. Unit n-grams (most of a text's features) are looked up by their units' integer
 * ids in an open-addressing table, and de-duplicated in a reused scratch table, so a call allocates little more
 * than the text's units; the few other features (`~` character trigrams, `@short`, `%` concepts) go through a
 * string map as before. `LinearModel` checks in its tests that both paths give the same rows and count.
 */
import { addNonGramFeatures, textUnits } from './features';

const EMPTY = -1;

/** 32-bit mix of up to three ids (ids of absent positions are 0). */
function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** Open-addressing table of (a, b, c) id triples → value. */
class TripleTable {
  mask: number;
  ka: Int32Array;
  kb: Int32Array;
  kc: Int32Array;
  val: Int32Array;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.ka = new Int32Array(size);
    this.kb = new Int32Array(size);
    this.kc = new Int32Array(size);
    this.val = new Int32Array(size).fill(EMPTY);
  }

  set(a: number, b: number, c: number, v: number): void {
    let i = hash3(a, b, c) & this.mask;
    while (this.val[i] !== EMPTY && !(this.ka[i] === a && this.kb[i] === b && this.kc[i] === c)) i = (i + 1) & this.mask;
    this.ka[i] = a;
    this.kb[i] = b;
    this.kc[i] = c;
    this.val[i] = v;
  }

  get(a: number, b: number, c: number): number {
    let i = hash3(a, b, c) & this.mask;
    while (this.val[i] !== EMPTY) {
      if (this.ka[i] === a && this.kb[i] === b && this.kc[i] === c) return this.val[i];
      i = (i + 1) & this.mask;
    }
    return EMPTY;
  }
}

/** Scratch set of id triples, emptied in O(1) per text by bumping a stamp. */
class TripleSet {
  private mask = 0;
  private ka = new Int32Array(0);
  private kb = new Int32Array(0);
  private kc = new Int32Array(0);
  private stamp = new Int32Array(0);
  private current = 0;

  /** Empty the set, with room for `n` triples. */
  reset(n: number): void {
    if (n * 2 > this.stamp.length) {
      let size = 64;
      while (size < n * 2) size *= 2;
      this.mask = size - 1;
      this.ka = new Int32Array(size);
      this.kb = new Int32Array(size);
      this.kc = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.current = 0;
    }
    this.current++;
    if (this.current === 0x7fffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
  }

  /** Adds the triple; false if it was already there. */
  add(a: number, b: number, c: number): boolean {
    let i = hash3(a, b, c) & this.mask;
    while (this.stamp[i] === this.current) {
      if (this.ka[i] === a && this.kb[i] === b && this.kc[i] === c) return false;
      i = (i + 1) & this.mask;
    }
    this.stamp[i] = this.current;
    this.ka[i] = a;
    this.kb[i] = b;
    this.kc[i] = c;
    return true;
  }
}

/** The rows of a text's known features and the number of its distinct features (known or not). */
export interface TextRows {
  rows: Int32Array;
  /** How many entries of `rows` are set. */
  known: number;
  /** Distinct features of the text, known to the model or not (the length of `textFeatures`). */
  distinct: number;
}

export class GramIndex {
  private readonly unitIds = new Map<string, number>();
  private readonly grams: TripleTable;
  private readonly others = new Map<string, number>();
  private readonly seen = new TripleSet();
  private rows = new Int32Array(256);
  private ids = new Int32Array(256);
  private readonly start: number;
  private readonly end: number;
  private readonly sep: number;

  /** `features`: the model's feature strings in row order; `maxOrder` <= 3. */
  constructor(
    features: readonly string[],
    private readonly maxOrder: number,
    private readonly lexicon: boolean,
  ) {
    if (maxOrder < 1 || maxOrder > 3) throw new Error('GramIndex supports n-gram orders 1 to 3');
    const idOf = (u: string): number => {
      let id = this.unitIds.get(u);
      if (id === undefined) {
        id = this.unitIds.size + 1;
        this.unitIds.set(u, id);
      }
      return id;
    };
    this.start = idOf('^');
    this.end = idOf('$');
    this.sep = idOf('_');
    const grams: Array<[number, number, number, number]> = [];
    features.forEach((f, row) => {
      const c = f.charCodeAt(0);
      // `~` character trigram, `@short`, `%` concept, `w:` segmenter word: not unit n-grams.
      if (c === 126 || c === 64 || c === 37 || f.startsWith('w:')) {
        this.others.set(f, row);
        return;
      }
      const parts = f.split(' ');
      if (parts.length > 3) return;
      grams.push([idOf(parts[0]), parts.length > 1 ? idOf(parts[1]) : 0, parts.length > 2 ? idOf(parts[2]) : 0, row]);
    });
    this.grams = new TripleTable(grams.length);
    for (const [a, b, c, row] of grams) this.grams.set(a, b, c, row);
  }

  /** The text's feature rows (the returned arrays are reused by the next call). */
  lookup(normalized: string): TextRows {
    const units = textUnits(normalized);
    const n = units.length + 2;
    if (this.ids.length < n) this.ids = new Int32Array(n * 2);
    const ids = this.ids;
    ids[0] = this.start;
    ids[n - 1] = this.end;
    // Units the model has never seen get negative ids, distinct per unit, so they still count as features.
    let unknown: Map<string, number> | undefined;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      let id = this.unitIds.get(u);
      if (id === undefined) {
        unknown ??= new Map();
        id = unknown.get(u);
        if (id === undefined) {
          id = -(unknown.size + 1);
          unknown.set(u, id);
        }
      }
      ids[i + 1] = id;
    }
    const maxGrams = n * this.maxOrder + 8;
    if (this.rows.length < maxGrams + 64) this.rows = new Int32Array((maxGrams + 64) * 2);
    const rows = this.rows;
    let known = 0;
    let distinct = 0;
    this.seen.reset(maxGrams);
    const order = this.maxOrder;
    for (let i = 0; i < n; i++) {
      const a = ids[i];
      if (a !== this.start && a !== this.end && a !== this.sep && this.seen.add(a, 0, 0)) {
        distinct++;
        if (a > 0) {
          const r = this.grams.get(a, 0, 0);
          if (r !== EMPTY) rows[known++] = r;
        }
      }
      if (order >= 2 && i + 1 < n) {
        const b = ids[i + 1];
        if (this.seen.add(a, b, 0)) {
          distinct++;
          if (a > 0 && b > 0) {
            const r = this.grams.get(a, b, 0);
            if (r !== EMPTY) rows[known++] = r;
          }
        }
        if (order >= 3 && i + 2 < n) {
          const c = ids[i + 2];
          if (this.seen.add(a, b, c)) {
            distinct++;
            if (a > 0 && b > 0 && c > 0) {
              const r = this.grams.get(a, b, c);
              if (r !== EMPTY) rows[known++] = r;
            }
          }
        }
      }
    }
    // The other feature kinds, exactly as textFeatures makes them (few per text).
    const other = new Set<string>();
    addNonGramFeatures(units, normalized, this.lexicon, other);
    for (const f of other) {
      const r = this.others.get(f);
      if (r !== undefined) rows[known++] = r;
    }
    distinct += other.size;
    return { rows, known, distinct };
  }
}
