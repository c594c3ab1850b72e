import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { CoalescedSync } from './coalesced-sync.js';
import type { Store, StoredRoom } from './store.js';

/**
 * The embedded store: one SQLite file in WAL mode. An append or compaction
 * resolves only once its WAL frames are on disk, so it survives a process
 * crash and a power loss — the guarantee of synchronous=FULL. SQLite runs
 * with synchronous=NORMAL (it writes the WAL without syncing it) and the
 * store syncs the WAL file itself, off the event loop and shared by every
 * commit that finished meanwhile: with FULL each commit blocked the whole
 * process for an fsync (median 7 ms under load on the benchmark's VM).
 * Appends arrive batched per tick (group commit), one transaction each.
 */
export const SQLITE_FILE_NAME = 'stockroom.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS room_snapshots (
  room TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS room_updates (
  room TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (room, seq)
) WITHOUT ROWID;
`;

function openSqliteDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // Without a WAL the store's own sync (below) would have nothing to sync: refuse to run undurable.
  if (mode !== 'wal') throw new Error(`SQLite could not switch ${dataDir} to WAL mode (got ${String(mode)})`);
  // Durability comes from SqliteStore syncing the WAL before any append resolves (see above).
  db.pragma('synchronous = NORMAL');
  // Two processes on one DATA_DIR wait for each other's write lock instead of failing.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

export interface SqliteStoreOptions {
  /** Flushes an open file to disk; `fs.fdatasync` unless a test watches it. */
  syncFile?: (fd: number) => Promise<void>;
}

const fdatasync = promisify(fs.fdatasync);

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly statements;
  private readonly appendTx;
  private readonly compactTx;
  private readonly walSync: CoalescedSync;
  /** The WAL file, opened at the first sync (SQLite creates it; it keeps it while the database is open). */
  private walFd: number | null = null;
  private closed = false;
  /**
   * Set when a sync failed. The commit it was for is in the WAL but maybe not
   * on disk, and Linux may since have marked those pages clean, so no later
   * sync can vouch for it: every write fails from then on, and the server
   * must be restarted (SQLite then recovers from what the disk holds).
   */
  private failure: Error | null = null;

  constructor(
    readonly db: Database.Database,
    options: SqliteStoreOptions = {},
  ) {
    const syncFile = options.syncFile ?? fdatasync;
    this.walSync = new CoalescedSync(async () => {
      const fd = this.openWal();
      if (fd === null) return;
      try {
        await syncFile(fd);
      } catch (error) {
        this.failure ??= new Error(
          `the disk failed to sync ${db.name}-wal (${error instanceof Error ? error.message : String(error)}); restart the server`,
        );
        throw this.failure;
      }
    });
    const statements = {
      snapshot: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM room_snapshots WHERE room = ?',
      ),
      updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM room_updates WHERE room = ? AND seq > ? ORDER BY seq',
      ),
      lastSeq: db.prepare<[string, string], { seq: number }>(
        `SELECT MAX(seq) AS seq FROM (
           SELECT MAX(seq) AS seq FROM room_updates WHERE room = ?
           UNION ALL SELECT seq FROM room_snapshots WHERE room = ?)`,
      ),
      insert: db.prepare<[string, number, Uint8Array]>(
        'INSERT INTO room_updates (room, seq, data) VALUES (?, ?, ?)',
      ),
      upsertSnapshot: db.prepare<[string, number, Uint8Array]>(
        `INSERT INTO room_snapshots (room, seq, data) VALUES (?, ?, ?)
         ON CONFLICT (room) DO UPDATE SET seq = excluded.seq, data = excluded.data WHERE excluded.seq >= room_snapshots.seq`,
      ),
      deleteThrough: db.prepare<[string, number]>('DELETE FROM room_updates WHERE room = ? AND seq <= ?'),
    };
    this.statements = statements;
    this.appendTx = db.transaction((room: string, updates: readonly Uint8Array[]) => {
      let seq = statements.lastSeq.get(room, room)?.seq ?? 0;
      for (const update of updates) statements.insert.run(room, ++seq, update);
      return seq;
    });
    this.compactTx = db.transaction((room: string, snapshot: Uint8Array, throughSeq: number) => {
      statements.upsertSnapshot.run(room, throughSeq, snapshot);
      statements.deleteThrough.run(room, throughSeq);
    });
  }

  static open(dataDir: string, options: SqliteStoreOptions = {}): SqliteStore {
    return new SqliteStore(openSqliteDatabase(dataDir), options);
  }

  /** Null while there is no WAL file: then nothing was written that needs a sync. */
  private openWal(): number | null {
    if (this.walFd !== null) return this.walFd;
    // Closed: SQLite synced and checkpointed on close; the descriptor is gone.
    if (!this.db.open) return null;
    try {
      this.walFd = fs.openSync(`${this.db.name}-wal`, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.walFd;
  }

  /**
   * Resolves once everything committed on this connection so far is on
   * disk. For other writers of the same file (agent memory).
   */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return this.walSync.request();
  }

  /** How many WAL syncs ran: fewer than commits when they shared one. */
  get syncCount(): number {
    return this.walSync.flushCount;
  }

  async load(room: string): Promise<StoredRoom> {
    return this.loadSince(room, 0);
  }

  async loadSince(room: string, afterSeq: number): Promise<StoredRoom> {
    // A read transaction, so a concurrent compaction cannot slip between the reads.
    return this.db.transaction(() => {
      const snapshot = this.statements.snapshot.get(room);
      const folded = snapshot !== undefined && snapshot.seq > afterSeq;
      const rows = this.statements.updates.all(room, Math.max(afterSeq, snapshot?.seq ?? 0));
      const updates = rows.map((row) => new Uint8Array(row.data));
      return {
        snapshot: folded ? new Uint8Array(snapshot.data) : null,
        updates,
        lastSeq: rows.at(-1)?.seq ?? this.statements.lastSeq.get(room, room)?.seq ?? 0,
        tailBytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
      };
    })();
  }

  async append(room: string, updates: readonly Uint8Array[]): Promise<number> {
    if (this.failure) throw this.failure;
    if (updates.length === 0) return this.statements.lastSeq.get(room, room)?.seq ?? 0;
    const last = this.appendTx.immediate(room, updates);
    await this.walSync.request();
    return last;
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (this.failure) throw this.failure;
    this.compactTx.immediate(room, snapshot, throughSeq);
    await this.walSync.request();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A sync in flight still uses the descriptor.
    await this.walSync.request().catch(() => undefined);
    this.db.close();
    if (this.walFd !== null) fs.closeSync(this.walFd);
    this.walFd = null;
  }
}
