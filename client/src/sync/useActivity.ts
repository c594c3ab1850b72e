import { useSyncExternalStore } from 'react';
import type { ActivityEntry } from './activity.js';
import { useRoom } from './RoomContext.js';

/** The activity feed of this session, newest first (capped, see ACTIVITY_LIMIT). */
export function useActivity(): readonly ActivityEntry[] {
  const { activity } = useRoom();
  return useSyncExternalStore(activity.subscribe, activity.getSnapshot);
}
