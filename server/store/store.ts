/**
 * Durable storage of room documents: an append-only log of Yjs updates per
 * room, folded into a snapshot now and then. Every implementation (SQLite,
 * PostgreSQL) passes the one contract suite in test/server/store/
 * (store-contract.ts), as does the tests' in-memory store.
 */
export interface StoredRoom {
  /** The latest snapshot, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in the order they were appended. */
  updates: Uint8Array[];
  /** Sequence number of the last update the room holds (snapshot included); 0 for a new room. */
  lastSeq: number;
  /** Total bytes of `updates`, so the caller knows when to compact. */
  tailBytes: number;
}

export interface Store {
  readonly kind: string;
  /** The whole room: snapshot plus every update after it. Same as `loadSince(room, 0)`. */
  load(room: string): Promise<StoredRoom>;
  /**
   * What a reader holding every update through `afterSeq` is missing, read
   * consistently: the updates with seq > afterSeq in order, and the snapshot
   * too when compaction already folded some of them into it (then `updates`
   * are those after the snapshot). `lastSeq` is the room's last sequence
   * number. Processes sharing a store catch up with this (docs/SCALING.md).
   */
  loadSince(room: string, afterSeq: number): Promise<StoredRoom>;
  /**
   * Appends updates in ONE transaction, durable when the promise resolves.
   * Returns the sequence number given to the last one; the batch holds the
   * consecutive numbers ending there, even with other appenders at once.
   */
  append(room: string, updates: readonly Uint8Array[]): Promise<number>;
  /**
   * Replaces every update with sequence ≤ throughSeq by `snapshot`, which must
   * contain them all. Updates appended meanwhile (seq > throughSeq) stay.
   */
  compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  close(): Promise<void>;
}
