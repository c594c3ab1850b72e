import { useSyncExternalStore } from 'react';
import type { ItemsSummary } from './items-tally.js';
import { useRoom } from './RoomContext.js';

/** The low-stock count and the types over all items; re-renders only when one of them changes. */
export function useItemsSummary(): ItemsSummary {
  const { items } = useRoom();
  return useSyncExternalStore(items.subscribe, items.getSummary);
}
