import type { Store, StoredRoom } from '../../server/store/store.js';

/** One room as the memory store keeps it: the snapshot and the numbered log after it. */
interface MemoryRoom {
  snapshot: Uint8Array | null;
  /** The sequence number the snapshot covers (0 without one). */
  snapshotSeq: number;
  /** Updates after the snapshot, oldest first, numbered snapshotSeq + 1, + 2, … */
  log: { seq: number; update: Uint8Array }[];
  lastSeq: number;
}

/**
 * The data of a memory store. Several MemoryStore instances given the same
 * data share it, as two server processes share one database; it outlives
 * their close(), as a file would.
 */
export class MemoryStoreData {
  readonly rooms = new Map<string, MemoryRoom>();
}

/**
 * A Store that keeps everything in memory, for tests of rooms and agents that
 * do not test storage: no files, no fsync. It passes the same contract suite
 * as SQLite and PostgreSQL (test/server/store/memory.test.ts). Bytes are
 * copied in and out, so no caller can change what is stored.
 */
export class MemoryStore implements Store {
  readonly kind = 'memory';
  private closed = false;

  constructor(readonly data = new MemoryStoreData()) {}

  async load(room: string): Promise<StoredRoom> {
    return this.loadSince(room, 0);
  }

  async loadSince(room: string, afterSeq: number): Promise<StoredRoom> {
    this.checkOpen();
    const stored = this.data.rooms.get(room);
    if (!stored) return { snapshot: null, updates: [], lastSeq: 0, tailBytes: 0 };
    // A reader behind the snapshot missed updates only the snapshot still holds.
    const withSnapshot = stored.snapshot !== null && afterSeq < stored.snapshotSeq;
    const updates = stored.log.filter((entry) => entry.seq > afterSeq).map((entry) => entry.update.slice());
    return {
      snapshot: withSnapshot ? stored.snapshot!.slice() : null,
      updates,
      lastSeq: stored.lastSeq,
      tailBytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
    };
  }

  async append(room: string, updates: readonly Uint8Array[]): Promise<number> {
    this.checkOpen();
    const stored = this.roomOf(room);
    // Synchronous from here on: no other append can interleave, so the batch's numbers are consecutive.
    for (const update of updates) stored.log.push({ seq: ++stored.lastSeq, update: update.slice() });
    return stored.lastSeq;
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.checkOpen();
    const stored = this.roomOf(room);
    // The newer of two snapshots wins, as in the SQL stores: a late compaction never goes back.
    if (throughSeq < stored.snapshotSeq) return;
    stored.snapshot = snapshot.slice();
    stored.snapshotSeq = throughSeq;
    stored.log = stored.log.filter((entry) => entry.seq > throughSeq);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private roomOf(room: string): MemoryRoom {
    let stored = this.data.rooms.get(room);
    if (!stored) {
      stored = { snapshot: null, snapshotSeq: 0, log: [], lastSeq: 0 };
      this.data.rooms.set(room, stored);
    }
    return stored;
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('memory store is closed');
  }
}
