import type Database from 'better-sqlite3';
import type { AgentMemory, MemoryEntry } from '../agents/memory/memory.js';

/** Agent memory in the same SQLite file as the rooms; a write resolves once it is on disk. */
export class SqliteAgentMemory implements AgentMemory {
  private readonly insert;
  private readonly select;
  private readonly update;

  constructor(
    db: Database.Database,
    private readonly durable: () => Promise<void>,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS agent_requests (
      room TEXT NOT NULL,
      request_id TEXT NOT NULL,
      at TEXT NOT NULL,
      entry TEXT NOT NULL,
      PRIMARY KEY (room, request_id)
    )`);
    db.exec('CREATE INDEX IF NOT EXISTS agent_requests_by_time ON agent_requests (room, at)');
    this.insert = db.prepare<[string, string, string, string]>(
      'INSERT OR REPLACE INTO agent_requests (room, request_id, at, entry) VALUES (?, ?, ?, ?)',
    );
    this.select = db.prepare<[string, number], { entry: string }>(
      'SELECT entry FROM agent_requests WHERE room = ? ORDER BY at DESC, rowid DESC LIMIT ?',
    );
    this.update = db.prepare<[string, string, string]>(
      `UPDATE agent_requests SET entry = json_set(entry, '$.undoneBy', ?) WHERE room = ? AND request_id = ?`,
    );
  }

  async record(room: string, entry: MemoryEntry): Promise<void> {
    this.insert.run(room, entry.requestId, entry.at, JSON.stringify(entry));
    await this.durable();
  }

  async recent(room: string, limit = 50): Promise<MemoryEntry[]> {
    return this.select.all(room, limit).map((row) => JSON.parse(row.entry) as MemoryEntry);
  }

  async markUndone(room: string, requestId: string, undoneBy: string): Promise<void> {
    this.update.run(undoneBy, room, requestId);
    await this.durable();
  }
}
