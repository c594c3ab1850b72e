import { createContext, useContext } from 'react';
import type { Room } from './room.js';

export const RoomContext = createContext<Room | null>(null);

/** The open room; every sync hook reads its stores through this. */
export function useRoom(): Room {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom must be used inside <RoomContext.Provider>');
  return room;
}
