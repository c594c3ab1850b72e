import type pg from 'pg';
import type { AgentMemory, MemoryEntry } from '../agents/memory/memory.js';
import { quoteSchema } from './postgres-migrations.js';

/**
 * Agent memory in the same PostgreSQL schema as the rooms (migration 2), so
 * "Undo the last agent change" sent to one process undoes a request that ran
 * on another.
 */
export class PostgresAgentMemory implements AgentMemory {
  private readonly sql;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    const s = quoteSchema(schema);
    this.sql = {
      record: `INSERT INTO ${s}.agent_requests (room, request_id, at, entry) VALUES ($1, $2, $3, $4)
        ON CONFLICT (room, request_id) DO UPDATE SET at = EXCLUDED.at, entry = EXCLUDED.entry, id = DEFAULT`,
      // Ties on `at` (same millisecond) go to the later write, like SQLite's rowid after INSERT OR REPLACE.
      recent: `SELECT entry FROM ${s}.agent_requests WHERE room = $1 ORDER BY at DESC, id DESC LIMIT $2`,
      markUndone: `UPDATE ${s}.agent_requests SET entry = jsonb_set(entry, '{undoneBy}', to_jsonb($1::text))
        WHERE room = $2 AND request_id = $3`,
    };
  }

  async record(room: string, entry: MemoryEntry): Promise<void> {
    await this.pool.query(this.sql.record, [room, entry.requestId, entry.at, JSON.stringify(entry)]);
  }

  async recent(room: string, limit = 50): Promise<MemoryEntry[]> {
    const { rows } = await this.pool.query<{ entry: MemoryEntry }>(this.sql.recent, [room, limit]);
    return rows.map((row) => row.entry);
  }

  async markUndone(room: string, requestId: string, undoneBy: string): Promise<void> {
    await this.pool.query(this.sql.markUndone, [undoneBy, room, requestId]);
  }
}
