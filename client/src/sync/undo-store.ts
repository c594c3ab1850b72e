import * as Y from 'yjs';
import type { ItemsMap } from '../../../shared/items.js';
import type { UserOrigin } from '../../../shared/origins.js';
import { ExternalStore } from './store.js';

export interface UndoSnapshot {
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Undo and redo for this tab's own edits. The UndoManager tracks exactly one
 * origin object, the session's UserOrigin, so changes from other people,
 * agents, other tabs and IndexedDB are never undone here, even when they
 * touch the same item (Yjs keeps them while reverting ours).
 */
export class UndoStore extends ExternalStore<UndoSnapshot> {
  readonly manager: Y.UndoManager;

  constructor(items: ItemsMap, origin: UserOrigin) {
    super({ canUndo: false, canRedo: false });
    this.manager = new Y.UndoManager(items, { trackedOrigins: new Set([origin]) });
    this.manager.on('stack-item-added', this.refresh);
    this.manager.on('stack-item-popped', this.refresh);
    this.manager.on('stack-cleared', this.refresh);
  }

  readonly undo = (): void => {
    this.manager.undo();
  };

  readonly redo = (): void => {
    this.manager.redo();
  };

  /** Makes the next edit its own undo step; the default merges edits made within 500 ms. */
  readonly endStep = (): void => {
    this.manager.stopCapturing();
  };

  destroy(): void {
    this.manager.destroy();
  }

  private readonly refresh = () => {
    const canUndo = this.manager.canUndo();
    const canRedo = this.manager.canRedo();
    const current = this.getSnapshot();
    if (current.canUndo !== canUndo || current.canRedo !== canRedo) this.set({ canUndo, canRedo });
  };
}
