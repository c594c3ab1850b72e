import { useSyncExternalStore } from 'react';
import { useRoom } from './RoomContext.js';

export interface UndoControls {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
}

/** Undo/redo of this tab's own edits only (see UndoStore). */
export function useUndo(): UndoControls {
  const { undo } = useRoom();
  const { canUndo, canRedo } = useSyncExternalStore(undo.subscribe, undo.getSnapshot);
  return { canUndo, canRedo, undo: undo.undo, redo: undo.redo };
}
