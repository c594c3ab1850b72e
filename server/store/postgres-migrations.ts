import type pg from 'pg';

/**
 * Versioned schema migrations for the PostgreSQL store. Each runs once per
 * schema, in order, recorded in `schema_migrations`. Append new versions at
 * the end; never edit one that has shipped.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL for the schema named `s` (already quoted). */
  sql(s: string): string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'room log',
    sql: (s) => `
      -- One row per room: the last sequence number given out. Appenders lock this row,
      -- so numbers are consecutive per batch and commit in order across processes.
      CREATE TABLE ${s}.room_heads (room TEXT PRIMARY KEY, last_seq BIGINT NOT NULL);
      CREATE TABLE ${s}.room_updates (
        room TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (room, seq));
      CREATE TABLE ${s}.room_snapshots (room TEXT PRIMARY KEY, seq BIGINT NOT NULL, data BYTEA NOT NULL);`,
  },
  {
    version: 2,
    name: 'agent memory',
    sql: (s) => `
      CREATE TABLE ${s}.agent_requests (
        id BIGSERIAL NOT NULL, room TEXT NOT NULL, request_id TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL, entry JSONB NOT NULL, PRIMARY KEY (room, request_id));
      CREATE INDEX agent_requests_by_time ON ${s}.agent_requests (room, at DESC, id DESC);`,
  },
];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The schema name, quoted for SQL; anything but a plain identifier is refused (no injection through config). */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

/**
 * Brings `schema` up to the latest version in ONE transaction. A transaction-
 * scoped advisory lock per schema makes concurrent starts safe: the second
 * process waits, then finds nothing left to do. DDL is transactional in
 * PostgreSQL, so a crash mid-way leaves the previous version intact.
 * Returns the versions it applied.
 */
export async function migrate(pool: pg.Pool, schema: string): Promise<number[]> {
  const s = quoteSchema(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `stockroom:migrate:${schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
         version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
