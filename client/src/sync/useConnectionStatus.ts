import { useSyncExternalStore } from 'react';
import type { ConnectionSnapshot } from './connection-store.js';
import { useRoom } from './RoomContext.js';

/** `online` / `offline` / `connecting`, the count of local changes not yet sent, and whether the local copy loaded. */
export function useConnectionStatus(): ConnectionSnapshot {
  const { connection } = useRoom();
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
