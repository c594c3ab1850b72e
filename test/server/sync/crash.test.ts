import { afterEach, describe, expect, it } from 'vitest';
import { addItem, itemsOf } from '../../../shared/items.js';
import { connectClient, connectSynced, waitFor, type StockClient } from '../../helpers/clients.js';
import { spawnServer, type SpawnedServer } from '../../helpers/spawn-server.js';
import { removeDir } from '../../helpers/temp-dir.js';

/**
 * DUR-1: a crash (SIGKILL, power loss) never loses an update that any
 * client has received. A writer streams items; as soon as an observer has
 * received K of them the server is SIGKILLed; after a restart on the same
 * DATA_DIR a fresh client must see every item the observer had.
 */
describe('crash safety of the embedded store', () => {
  let server: SpawnedServer | undefined;
  const clients: StockClient[] = [];

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  it('DUR-1: after SIGKILL, a fresh client sees every update another client had received', async () => {
    const K = 150;
    server = await spawnServer();
    const wsUrl = `ws://127.0.0.1:${server.port}/yjs`;
    const writer = await connectSynced(wsUrl, 'crash');
    const observer = await connectSynced(wsUrl, 'crash');
    clients.push(writer, observer);

    let seen: string[] = [];
    const killed = new Promise<void>((resolve) => {
      observer.doc.on('update', () => {
        if (itemsOf(observer.doc).size >= K && seen.length === 0) {
          seen = [...itemsOf(observer.doc).keys()];
          // Synchronously from the observer's receive path, so the server has no time to catch up.
          server!.process.kill('SIGKILL');
          resolve();
        }
      });
    });
    const origin = { source: 'user', userId: 'writer' } as const;
    for (let i = 0; i < K * 4 && seen.length === 0; i++) {
      addItem(writer.doc, { id: `item-${i}`, name: `Item ${i}` }, origin);
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await killed;
    clients.splice(0).forEach((c) => c.destroy());
    await server.kill();

    const dataDir = server.dataDir;
    server = await spawnServer({ dataDir });
    const fresh = connectClient(`ws://127.0.0.1:${server.port}/yjs`, 'crash');
    clients.push(fresh);
    await waitFor(() => fresh.provider.synced, 'fresh client synced');
    const recovered = new Set(itemsOf(fresh.doc).keys());
    expect(seen.length).toBeGreaterThanOrEqual(K);
    expect(seen.filter((id) => !recovered.has(id))).toEqual([]);
  });

  it('STOP-1: SIGTERM persists everything and exits 0', async () => {
    server = await spawnServer();
    const wsUrl = `ws://127.0.0.1:${server.port}/yjs`;
    const writer = await connectSynced(wsUrl, 'graceful');
    clients.push(writer);
    for (let i = 0; i < 50; i++)
      addItem(writer.doc, { id: `g-${i}`, name: `G ${i}` }, { source: 'user', userId: 'w' });
    const probe = await connectSynced(wsUrl, 'graceful');
    clients.push(probe);
    await waitFor(() => itemsOf(probe.doc).size === 50, 'all items stored and forwarded');
    expect(await server.stop()).toBe(0);
    clients.splice(0).forEach((c) => c.destroy());
    server = await spawnServer({ dataDir: server.dataDir });
    const fresh = await connectSynced(`ws://127.0.0.1:${server.port}/yjs`, 'graceful');
    clients.push(fresh);
    expect(itemsOf(fresh.doc).size).toBe(50);
  });
});
