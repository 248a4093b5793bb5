interface Entry<V> {
  readonly key: string;
  readonly value: V;
}

/**
 * A small cache of values computed from short strings, direct-mapped: a slot is chosen
 * from the length and three characters of the key, and a key found there is compared with
 * `===`.
 *
 * Why not a `Map`: keys are fresh strings sliced from each record, and a `Map` first has
 * to hash the whole key (a call into the runtime that costs about as much as the work we
 * would save); here a lookup is three character reads and one comparison. Two keys that
 * share a slot just replace each other, which only costs a recomputation. Memory stays
 * bounded by the number of slots.
 */
export class StringCache<V> {
  private readonly entries: (Entry<V> | undefined)[];
  private readonly mask: number;

  /** `slots` must be a power of two. */
  constructor(slots: number) {
    this.entries = new Array<Entry<V> | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  /** The value remembered for `key`, or `compute(key)` (then remembered). */
  get(key: string, compute: (key: string) => V): V {
    const slot = this.slotOf(key);
    const entry = this.entries[slot];
    if (entry !== undefined && entry.key === key) return entry.value;
    const value = compute(key);
    this.entries[slot] = { key, value };
    return value;
  }

  private slotOf(key: string): number {
    const n = key.length;
    if (n === 0) return 0;
    const mix =
      n * 31 + key.charCodeAt(0) * 7 + key.charCodeAt(n >> 1) * 13 + key.charCodeAt(n - 1);
    return (mix ^ (mix >>> 7)) & this.mask;
  }
}
