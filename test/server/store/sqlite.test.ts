import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { removeDir, tempDir } from '../../helpers/temp-dir.js';
import { runStoreContractTests } from './store-contract.js';

runStoreContractTests('SQLite', () => {
  const dir = tempDir('stockroom-sqlite-');
  return {
    open: async () => SqliteStore.open(dir),
    cleanup: async () => removeDir(dir),
  };
});

describe('SqliteStore', () => {
  it('runs in WAL mode with full synchronous commits', async () => {
    const dir = tempDir('stockroom-sqlite-');
    const store = SqliteStore.open(dir);
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 = FULL: a commit survives power loss, not only a process crash.
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.close();
      removeDir(dir);
    }
  });
});
