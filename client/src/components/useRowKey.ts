import { useMemo, useRef } from 'react';

/**
 * The virtualizer's getItemKey for the rows as shown. It keeps its identity
 * while the ids stay in the same order, because a new getItemKey makes the
 * virtualizer lay out every row again (10,000 with a full room), and an edit
 * to a row's fields replaces the rows array without moving anything.
 * The kept function reads an older array, which is right: same ids, same order.
 */
export function useRowKey(rows: readonly { id: string }[]): (index: number) => string | number {
  const last = useRef<{ rows: readonly { id: string }[]; key: (index: number) => string | number }>(null);
  return useMemo(() => {
    const kept = last.current;
    if (kept && sameIds(kept.rows, rows)) return kept.key;
    const key = (index: number) => rows[index]?.id ?? index;
    last.current = { rows, key };
    return key;
  }, [rows]);
}

function sameIds(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}
