// One update's view of some of its chat's keys while it holds the chat's lock (chat-lock.ts): read when the
// lock was taken, in the same script, and written when the lock is left, in the same script as the mark.

/** A write an update owes one key: its value ("" deletes: no stored value is ever "") and its TTL. */
export interface OwedWrite {
  key: string;
  value: string;
  ttlSeconds: number;
}

/**
 * The keys an update read as it took its chat's lock, and the writes it owes them. Nothing else changes
 * them while the lock is held (every writer of a chat's state holds it), so a read is answered from here
 * and a write waits here for the lock's release, which stores it only if the lock is still the update's.
 */
export class HeldKeys {
  private readonly known = new Map<string, string | null>();
  private readonly owed = new Map<string, OwedWrite>();
  private readonly read: Array<{ key: string; value: string | null }>;

  constructor(keys: readonly string[] = [], values: ReadonlyArray<string | null> = []) {
    this.read = keys.map((key, i) => ({ key, value: values[i] ?? null }));
    for (const { key, value } of this.read) this.known.set(key, value);
  }

  /** The keys with their values as read when the lock was taken, whatever was written since. */
  asRead(): ReadonlyArray<{ key: string; value: string | null }> {
    return this.read;
  }

  /** The key's value as this update sees it (null: none); undefined when it was neither read nor written here. */
  get(key: string): string | null | undefined {
    return this.known.get(key);
  }

  /** Owes `key` this value ("" deletes it), stored when the lock is left. */
  set(key: string, value: string, ttlSeconds: number): void {
    this.known.set(key, value === "" ? null : value);
    this.owed.set(key, { key, value, ttlSeconds });
  }

  /** The writes owed, taken: whoever takes them stores them. */
  takeWrites(): OwedWrite[] {
    const writes = [...this.owed.values()];
    this.owed.clear();
    return writes;
  }
}
