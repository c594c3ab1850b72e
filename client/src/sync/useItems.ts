import { useSyncExternalStore } from 'react';
import type { Item } from '../../../shared/items.js';
import { useRoom } from './RoomContext.js';

/** The room's items; re-renders on every change, local or remote, with unchanged rows kept identical. */
export function useItems(): readonly Item[] {
  const { items } = useRoom();
  return useSyncExternalStore(items.subscribe, items.getSnapshot);
}
