// Results of pure functions kept by key, for keys that are few in practice (days, minutes, amounts, names).

/**
 * Keeps a computed value per key; once `limit` keys are held it forgets them all and starts again. The bound
 * is for long runs with unusual keys, not a recency policy: a hot path whose keys are a handful (today's
 * date, the fee) pays one Map lookup instead of Intl or a normalisation on every call.
 */
export class BoundedMemo<K, V> {
  private readonly kept = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value kept for `key`, or `compute()`'s, which is kept from then on. */
  get(key: K, compute: () => V): V {
    let value = this.kept.get(key);
    if (value === undefined) {
      value = compute();
      this.remember(key, value);
    }
    return value;
  }

  /** The value kept for `key`, if any. */
  peek(key: K): V | undefined {
    return this.kept.get(key);
  }

  /** Keeps `value` for `key`, for a caller that decides itself whether a result may be kept. */
  remember(key: K, value: V): void {
    if (this.kept.size >= this.limit) this.kept.clear();
    this.kept.set(key, value);
  }

  get size(): number {
    return this.kept.size;
  }
}
