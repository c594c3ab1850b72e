import { addMissingItems } from '../../shared/items.js';
import type { MockData } from '../data/mock-data.js';
import { inventoryItemFromRow } from '../data/inventory-items.js';
import type { Logger } from '../logger.js';
import type { Room } from '../sync/room/room.js';
import type { RoomInitializer } from '../sync/registry.js';
import type { SeedOrigin } from '../../shared/origins.js';

const DEMO_ROOM = 'demo';
const SEED: SeedOrigin = Object.freeze({ source: 'seed' });

/**
 * Fills `demo` from inventory.csv the first time it is opened with an empty
 * document (no stored history). Items are keyed by SKU, so two processes
 * seeding at once converge on one copy of each. The seed is one
 * `room.transact`: stored first, like any client's edit.
 */
export function createDemoSeeder(data: MockData, logger: Logger): RoomInitializer {
  return async (room: Room) => {
    if (room.name !== DEMO_ROOM || room.seq > 0) return;
    const rows = await data.inventory();
    await seedRoom(room, rows.map(inventoryItemFromRow));
    logger.info({ room: room.name, items: rows.length }, 'seeded demo room');
  };
}

async function seedRoom(room: Room, items: Parameters<typeof addMissingItems>[1]): Promise<void> {
  room.transact((doc) => addMissingItems(doc, items, SEED), SEED);
  await room.whenStored();
}
