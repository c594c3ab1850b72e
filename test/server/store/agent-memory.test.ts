import { PostgresAgentMemory } from '../../../server/store/postgres-memory.js';
import { PostgresStore } from '../../../server/store/postgres.js';
import { SqliteAgentMemory } from '../../../server/store/sqlite-memory.js';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { AgentMemoryData, InMemoryAgentMemory } from '../../helpers/memory-agent-memory.js';
import { removeDir, tempDir } from '../../helpers/temp-dir.js';
import { dropSchema, TEST_DATABASE_URL, uniqueName } from '../scale/services.js';
import { runAgentMemoryContractTests } from './agent-memory-contract.js';

// The agents' memory of each room, on both stores of the server and on the tests' in-memory one.

runAgentMemoryContractTests('SQLite', () => {
  const dir = tempDir('stockroom-memory-');
  const stores: SqliteStore[] = [];
  return {
    open: async () => {
      const store = SqliteStore.open(dir);
      stores.push(store);
      return new SqliteAgentMemory(store.db, () => store.durable());
    },
    cleanup: async () => {
      await Promise.all(stores.map((s) => s.close()));
      removeDir(dir);
    },
  };
});

// A fresh schema per test, as in postgres.test.ts.
runAgentMemoryContractTests('PostgreSQL', () => {
  const schema = uniqueName('sr_memory');
  const stores: PostgresStore[] = [];
  return {
    open: async () => {
      const store = await PostgresStore.open(TEST_DATABASE_URL, { schema, max: 2 });
      stores.push(store);
      return new PostgresAgentMemory(store.pool, schema);
    },
    cleanup: async () => {
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(schema);
    },
  };
});

runAgentMemoryContractTests('in memory (test helper)', () => {
  const data = new AgentMemoryData();
  return { open: async () => new InMemoryAgentMemory(data), cleanup: async () => {} };
});
