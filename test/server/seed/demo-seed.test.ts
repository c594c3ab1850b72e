import { ItemsResponseSchema } from '../../../shared/http.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemsOf, listItems } from '../../../shared/items.js';
import { createMockData } from '../../../server/data/mock-data.js';
import { createLogger } from '../../../server/logger.js';
import { createDemoSeeder } from '../../../server/seed/demo-seed.js';
import { RoomRegistry } from '../../../server/sync/registry.js';
import { MemoryStore, MemoryStoreData } from '../../helpers/memory-store.js';
import { startTestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';

const MOCK_DATA_DIR = path.resolve(import.meta.dirname, '../../../mock_data');
const logger = createLogger('silent');

// The store is not under test here: registries on one MemoryStoreData share it as processes share a file.
function registryOn(data: MemoryStoreData) {
  const store = new MemoryStore(data);
  const registry = new RoomRegistry(store, {
    logger,
    compactAfterUpdates: 500,
    compactAfterBytes: 1 << 24,
    initialize: createDemoSeeder(createMockData(MOCK_DATA_DIR), logger),
  });
  return { store, registry };
}

describe('seeding the demo room (ROOM-4, ROOM-5)', () => {
  it('two processes seeding at once yield each SKU once', async () => {
    const data = new MemoryStoreData();
    const one = registryOn(data);
    const two = registryOn(data);
    // Both load an empty `demo` and seed it before either sees the other's writes.
    const [a, b] = await Promise.all([one.registry.acquire('demo'), two.registry.acquire('demo')]);
    expect(itemsOf(a.doc).size).toBeGreaterThan(0);
    expect(itemsOf(b.doc).size).toBe(itemsOf(a.doc).size);
    one.registry.release('demo');
    two.registry.release('demo');
    await Promise.all([one.registry.closeAll(), two.registry.closeAll()]);
    await Promise.all([one.store.close(), two.store.close()]);

    const third = registryOn(data);
    const merged = await third.registry.acquire('demo');
    const skus = listItems(merged.doc).map((item) => item.data['sku']);
    const rows = await createMockData(MOCK_DATA_DIR).inventory();
    expect(skus).toHaveLength(rows.length);
    expect(new Set(skus).size).toBe(rows.length);
    third.registry.release('demo');
    await third.registry.closeAll();
    await third.store.close();
  });

  it('seeds only the first time: a reopened demo room is not refilled', async () => {
    const { store, registry } = registryOn(new MemoryStoreData());
    await registry.withRoom('demo', (room) => {
      expect(itemsOf(room.doc).size).toBeGreaterThan(150);
    });
    await registry.closeAll();
    const again = await registry.acquire('demo');
    expect(again.seq).toBeGreaterThan(0);
    registry.release('demo');
    await registry.closeAll();
    await store.close();
  });

  it('the real server serves demo with about 200 items and leaves other rooms empty', async () => {
    const server = await startTestServer();
    try {
      const demo = ItemsResponseSchema.parse(
        await (await fetch(`${server.url}/api/rooms/demo/items`)).json(),
      );
      expect(demo.items.length).toBeGreaterThanOrEqual(180);
      const other = ItemsResponseSchema.parse(
        await (await fetch(`${server.url}/api/rooms/other/items`)).json(),
      );
      expect(other.items).toEqual([]);
    } finally {
      await server.close();
      removeDir(server.dataDir);
    }
  });
});
