import { useSyncExternalStore } from 'react';
import type { Editing, Peer } from './presence-store.js';
import { useRoom } from './RoomContext.js';

export interface Presence {
  /** Everyone present, yourself first. */
  peers: readonly Peer[];
  setEditing(editing: Editing | null): void;
}

export function usePresence(): Presence {
  const { presence } = useRoom();
  const peers = useSyncExternalStore(presence.subscribe, presence.getSnapshot);
  return { peers, setEditing: presence.setEditing };
}
