import { useCallback, useEffect, useState } from 'react';

export interface ScrollToItemParts {
  /** The rows as shown (filtered and sorted). */
  rows: readonly { id: string }[];
  exists(id: string): boolean;
  /** Clears the filters, so that a row they hide can be shown. */
  revealAll(): void;
  scrollToIndex(index: number): void;
  flash(id: string): void;
}

/**
 * Scrolls the board to an item and flashes it. The request waits for its row:
 * a just-added item renders a tick later, one hidden by the filters only after
 * they are cleared. Returns false for an id the room does not have.
 */
export function useScrollToItem({ rows, exists, revealAll, scrollToIndex, flash }: ScrollToItemParts) {
  const [target, setTarget] = useState<{ id: string } | null>(null);

  useEffect(() => {
    if (!target) return;
    const index = rows.findIndex((row) => row.id === target.id);
    if (index >= 0) {
      scrollToIndex(index);
      flash(target.id);
      setTarget(null);
    } else if (!exists(target.id)) setTarget(null);
    else revealAll();
  }, [target, rows, exists, revealAll, scrollToIndex, flash]);

  return useCallback(
    (id: string) => {
      if (!exists(id)) return false;
      setTarget({ id });
      return true;
    },
    [exists],
  );
}
