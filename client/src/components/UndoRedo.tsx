import { useUndo } from '../sync/useUndo.js';
import { useUndoShortcuts } from './useUndoShortcuts.js';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl+';

/** Undo/redo of your own edits (never other people's or the agents'), with keyboard shortcuts. */
export function UndoRedo() {
  const { canUndo, canRedo, undo, redo } = useUndo();
  useUndoShortcuts(undo, redo);
  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="btn btn--icon"
        data-testid="undo"
        onClick={undo}
        disabled={!canUndo}
        title={`Undo your last change (${MOD}Z)`}
        aria-label="Undo"
      >
        ↶
      </button>
      <button
        type="button"
        className="btn btn--icon"
        data-testid="redo"
        onClick={redo}
        disabled={!canRedo}
        title={`Redo (${MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`}
        aria-label="Redo"
      >
        ↷
      </button>
    </div>
  );
}
