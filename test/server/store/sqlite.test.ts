import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteAgentMemory } from '../../../server/store/sqlite-memory.js';
import { SQLITE_FILE_NAME, SqliteStore } from '../../../server/store/sqlite.js';
import { removeDir, tempDir } from '../../helpers/temp-dir.js';
import { runStoreContractTests } from './store-contract.js';

runStoreContractTests('SQLite', () => {
  const dir = tempDir('stockroom-sqlite-');
  return {
    open: async () => SqliteStore.open(dir),
    cleanup: async () => removeDir(dir),
  };
});

/** A file sync the test releases by hand, recording which file it was asked to flush. */
function gatedSync() {
  const calls: { inode: number; release: () => void; fail: (error: Error) => void }[] = [];
  const syncFile = (fd: number) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ inode: fs.fstatSync(fd).ino, release: resolve, fail: reject });
    });
  return { calls, syncFile };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function withStore(
  fn: (store: SqliteStore, sync: ReturnType<typeof gatedSync>, dir: string) => Promise<void>,
) {
  const dir = tempDir('stockroom-sqlite-');
  const sync = gatedSync();
  const store = SqliteStore.open(dir, { syncFile: sync.syncFile });
  try {
    await fn(store, sync, dir);
  } finally {
    const closing = store.close();
    // close() flushes once more; let it.
    await turn();
    for (const call of sync.calls) call.release();
    await closing;
    removeDir(dir);
  }
}

describe('SqliteStore', () => {
  it('runs in WAL mode; SQLite itself does not sync each commit, the store does', async () => {
    await withStore(async (store) => {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 1 = NORMAL: the store syncs the WAL before an append resolves (tests below).
      expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    });
  });

  it('resolves an append only after the WAL file is synced', async () => {
    await withStore(async (store, sync, dir) => {
      let done = false;
      const append = store.append('r', [new Uint8Array([1, 2, 3])]).then((seq) => {
        done = true;
        return seq;
      });
      await turn();
      expect(done).toBe(false);
      expect(sync.calls).toHaveLength(1);
      const wal = fs.statSync(path.join(dir, `${SQLITE_FILE_NAME}-wal`));
      expect(sync.calls[0]!.inode).toBe(wal.ino);
      sync.calls[0]!.release();
      expect(await append).toBe(1);
    });
  });

  it('resolves a compaction only after the WAL file is synced', async () => {
    await withStore(async (store, sync) => {
      const append = store.append('r', [new Uint8Array([1])]);
      sync.calls[0]!.release();
      await append;
      let done = false;
      const compact = store.compact('r', new Uint8Array([9]), 1).then(() => (done = true));
      await turn();
      expect(done).toBe(false);
      sync.calls[1]!.release();
      await compact;
      expect((await store.load('r')).snapshot).toEqual(new Uint8Array([9]));
    });
  });

  it('lets appends of many rooms share one sync', async () => {
    await withStore(async (store, sync) => {
      const first = store.append('a', [new Uint8Array([1])]);
      // Committed while the first sync runs: they need a sync that starts after them, one for all.
      const rest = ['b', 'c', 'd', 'e'].map((room) => store.append(room, [new Uint8Array([2])]));
      expect(sync.calls).toHaveLength(1);
      sync.calls[0]!.release();
      await first;
      await turn();
      expect(sync.calls).toHaveLength(2);
      sync.calls[1]!.release();
      expect(await Promise.all(rest)).toEqual([1, 1, 1, 1]);
      expect(store.syncCount).toBe(2);
    });
  });

  it('syncs agent memory writes before they resolve', async () => {
    await withStore(async (store, sync) => {
      const memory = new SqliteAgentMemory(store.db, () => store.durable());
      let done = false;
      const entry = { requestId: 'q1', at: '2026-11-25T00:00:00.000Z' } as Parameters<
        SqliteAgentMemory['record']
      >[1];
      const record = memory.record('r', entry).then(() => (done = true));
      await turn();
      expect(done).toBe(false);
      sync.calls.at(-1)!.release();
      await record;
      expect((await memory.recent('r')).map((e) => e.requestId)).toEqual(['q1']);
    });
  });

  it('fails every write after a failed sync: what it was for may never reach the disk', async () => {
    await withStore(async (store, sync) => {
      const append = store.append('r', [new Uint8Array([1])]);
      sync.calls[0]!.fail(new Error('EIO'));
      await expect(append).rejects.toThrow(/failed to sync .*EIO.*restart the server/);
      await expect(store.append('r', [new Uint8Array([2])])).rejects.toThrow(/restart the server/);
      await expect(store.compact('r', new Uint8Array([9]), 1)).rejects.toThrow(/restart the server/);
      await expect(store.durable()).rejects.toThrow(/restart the server/);
      // Nothing more was written after the failure.
      expect((await store.load('r')).lastSeq).toBe(1);
    });
  });

  it('answers a sync asked for after close without touching the closed WAL descriptor', async () => {
    const dir = tempDir('stockroom-sqlite-');
    const synced: number[] = [];
    const store = SqliteStore.open(dir, {
      syncFile: async (fd) => {
        synced.push(fd);
      },
    });
    try {
      await store.append('r', [new Uint8Array([1])]);
      await store.close();
      const before = synced.length;
      await store.durable();
      expect(synced).toHaveLength(before);
    } finally {
      removeDir(dir);
    }
  });
});
