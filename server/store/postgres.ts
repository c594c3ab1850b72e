import pg from 'pg';
import { migrate, quoteSchema } from './postgres-migrations.js';
import type { Store, StoredRoom } from './store.js';

export interface PostgresOptions {
  /** Schema holding the tables (default `public`); created and migrated on open. */
  schema?: string;
  /** Pool size (default 10). */
  max?: number;
  /** An idle pooled connection failed; the pool replaces it. Without a listener it would crash the process. */
  onError?: (error: Error) => void;
}

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * The room log on PostgreSQL, shared by every server process. Each append is
 * one statement (hence one transaction), committed before it resolves; its
 * sequence numbers come from the room's row in `room_heads`, whose row lock
 * serializes appenders from all processes, so a batch gets consecutive
 * numbers and seq N committed implies every seq < N committed (the fan-out
 * relies on this, docs/SCALING.md). Reads are single statements, so each
 * sees one consistent snapshot even while another process compacts.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private readonly sql;
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
  ) {
    const s = quoteSchema(schema);
    const head = `INSERT INTO ${s}.room_heads AS h (room, last_seq) VALUES ($1, $2)
      ON CONFLICT (room) DO UPDATE SET last_seq = h.last_seq + EXCLUDED.last_seq RETURNING last_seq`;
    this.sql = {
      appendOne: `WITH head AS (${head}), added AS (
          INSERT INTO ${s}.room_updates (room, seq, data) SELECT $1, head.last_seq, $3::bytea FROM head)
        SELECT last_seq FROM head`,
      appendMany: `WITH head AS (${head}), added AS (
          INSERT INTO ${s}.room_updates (room, seq, data)
          SELECT $1, head.last_seq - $2 + u.ord, u.data
          FROM head, unnest($3::bytea[]) WITH ORDINALITY AS u(data, ord))
        SELECT last_seq FROM head`,
      head: `SELECT last_seq FROM ${s}.room_heads WHERE room = $1`,
      since: `SELECT 0 AS part, seq, data FROM ${s}.room_snapshots WHERE room = $1 AND seq > $2
        UNION ALL
        SELECT 1, seq, data FROM ${s}.room_updates WHERE room = $1 AND seq > GREATEST($2::bigint,
          COALESCE((SELECT seq FROM ${s}.room_snapshots WHERE room = $1), 0))
        UNION ALL
        SELECT 2, last_seq, NULL FROM ${s}.room_heads WHERE room = $1
        ORDER BY part, seq`,
      // Deleting through throughSeq is safe even when a newer snapshot wins the upsert: it covers more.
      compact: `WITH snap AS (
          INSERT INTO ${s}.room_snapshots AS old (room, seq, data) VALUES ($1, $2, $3)
          ON CONFLICT (room) DO UPDATE SET seq = EXCLUDED.seq, data = EXCLUDED.data WHERE EXCLUDED.seq >= old.seq)
        DELETE FROM ${s}.room_updates WHERE room = $1 AND seq <= $2`,
    };
  }

  /** Connects, migrates the schema (safe with several processes starting at once) and returns the store. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const schema = options.schema ?? 'public';
    quoteSchema(schema);
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
    pool.on('error', (error) => options.onError?.(error));
    try {
      await migrate(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, schema);
  }

  async load(room: string): Promise<StoredRoom> {
    return this.loadSince(room, 0);
  }

  async loadSince(room: string, afterSeq: number): Promise<StoredRoom> {
    const { rows } = await this.pool.query<{ part: number; seq: string; data: Buffer | null }>(
      this.sql.since,
      [room, afterSeq],
    );
    let snapshot: Uint8Array | null = null;
    let lastSeq = 0;
    const updates: Uint8Array[] = [];
    for (const row of rows) {
      if (row.part === 0) snapshot = asBytes(row.data!);
      else if (row.part === 1) updates.push(asBytes(row.data!));
      else lastSeq = Number(row.seq);
    }
    return { snapshot, updates, lastSeq, tailBytes: updates.reduce((sum, u) => sum + u.byteLength, 0) };
  }

  async append(room: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) {
      const { rows } = await this.pool.query<{ last_seq: string }>(this.sql.head, [room]);
      return Number(rows[0]?.last_seq ?? 0);
    }
    // One update (the usual tick) travels as a binary parameter; a batch as one bytea[] array.
    const { rows } = await this.pool.query<{ last_seq: string }>(
      updates.length === 1 ? this.sql.appendOne : this.sql.appendMany,
      [room, updates.length, updates.length === 1 ? updates[0] : updates],
    );
    return Number(rows[0]!.last_seq);
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await this.pool.query(this.sql.compact, [room, throughSeq, snapshot]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
