import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../server/store/postgres-migrations.js';
import { PostgresStore } from '../../../server/store/postgres.js';
import { addItem, itemsOf } from '../../../shared/items.js';
import { connectSynced, waitFor } from '../../helpers/clients.js';
import { startTestServer } from '../../helpers/start-server.js';
import { dropSchema, TEST_DATABASE_URL, uniqueName } from '../scale/services.js';
import { runStoreContractTests } from './store-contract.js';

// The same contract as SQLite (agent memory: agent-memory.test.ts), against the PostgreSQL of this machine, in a fresh schema per test.
runStoreContractTests('PostgreSQL', () => {
  const schema = uniqueName('sr_store');
  return {
    open: () => PostgresStore.open(TEST_DATABASE_URL, { schema, max: 4 }),
    cleanup: () => dropSchema(schema),
  };
});

describe('PostgresStore', () => {
  const schemas: string[] = [];
  const fresh = (): string => {
    const schema = uniqueName('sr_pg');
    schemas.push(schema);
    return schema;
  };
  afterEach(async () => {
    await Promise.all(schemas.splice(0).map(dropSchema));
  });

  it('migrates once when several processes start at the same time', async () => {
    const schema = fresh();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => PostgresStore.open(TEST_DATABASE_URL, { schema, max: 2 })),
    );
    try {
      const { rows } = await stores[0]!.pool.query<{ version: number }>(
        `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
      );
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      // A later start finds nothing to do.
      expect(await migrate(stores[0]!.pool, schema)).toEqual([]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(PostgresStore.open(TEST_DATABASE_URL, { schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
      /invalid PostgreSQL schema/,
    );
  });

  it('serves rooms from DATABASE_URL alone (one process, no Redis) and keeps them across a restart', async () => {
    const schema = fresh();
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, COMPACT_AFTER_UPDATES: '5' };
    let server = await startTestServer({ env });
    expect(server.store.kind).toBe('postgres');
    const writer = await connectSynced(server.wsUrl, 'pg-only');
    for (let i = 0; i < 12; i++)
      addItem(writer.doc, { id: `i${i}`, name: `I${i}` }, { source: 'user', userId: 'w' });
    const probe = await connectSynced(server.wsUrl, 'pg-only');
    await waitFor(() => itemsOf(probe.doc).size === 12, 'items stored and forwarded');
    writer.destroy();
    probe.destroy();
    await server.close();
    server = await startTestServer({ env });
    const reader = await connectSynced(server.wsUrl, 'pg-only');
    expect(itemsOf(reader.doc).size).toBe(12);
    reader.destroy();
    await server.close();
  });
});
