import type { ConnectionStatus } from '../sync/connection-store.js';
import { EmptyState } from './EmptyState.js';

export interface BoardEmptyProps {
  room: string;
  /** Items in the room (before filtering). */
  total: number;
  loaded: boolean;
  status: ConnectionStatus;
  onClearFilters(): void;
  onAdd(): void;
}

/** Says why the board shows no rows, and offers the way out. */
export function BoardEmpty({ room, total, loaded, status, onClearFilters, onAdd }: BoardEmptyProps) {
  if (total > 0) {
    return (
      <EmptyState title="No items match these filters">
        <button type="button" className="btn" onClick={onClearFilters}>
          Clear filters
        </button>
      </EmptyState>
    );
  }
  if (!loaded) return <EmptyState busy title={`Opening room “${room}”…`} />;
  if (status !== 'online') {
    return (
      <EmptyState busy={status === 'connecting'} title="Nothing stored in this browser for this room yet">
        <p>
          Items appear as soon as the server answers. You can already add items; they are sent when it does.
        </p>
        <button type="button" className="btn" onClick={onAdd}>
          + Add item
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="This room is empty">
      <p>Add the first item, or ask an agent, e.g. “Add 5 new inventory items for Q1 planning”.</p>
      <button type="button" className="btn btn--primary" onClick={onAdd}>
        + Add item
      </button>
    </EmptyState>
  );
}
