import type { ItemRef } from '../../../shared/progress.js';
import './item-refs.css';

/** Beyond this, a bulk message (e.g. "removed 300 items") shows a count instead of 300 links. */
const MAX_SHOWN = 12;

export interface ItemRefsProps {
  refs: readonly ItemRef[];
  /** item_removed: the item is gone from the board, so the link is struck through. */
  removed: boolean;
  onItemClick(itemId: string): void;
}

/** Links from a feed message to the board items it touched. */
export function ItemRefs({ refs, removed, onItemClick }: ItemRefsProps) {
  if (refs.length === 0) return null;
  const shown = refs.slice(0, MAX_SHOWN);
  const hidden = refs.length - shown.length;
  return (
    <div className="agent-refs">
      {shown.map((ref) => (
        <button
          key={ref.id}
          type="button"
          className="agent-ref"
          data-testid="agent-item-ref"
          data-item-id={ref.id}
          data-removed={removed || undefined}
          title={removed ? `${ref.id} (removed)` : `Show ${ref.id} on the board`}
          onClick={() => onItemClick(ref.id)}
        >
          {ref.name ?? ref.id}
        </button>
      ))}
      {hidden > 0 ? <span className="agent-refs__more">+{hidden} more</span> : null}
    </div>
  );
}
