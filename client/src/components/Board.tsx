import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useDeferredValue,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type Ref,
} from 'react';
import type { Peer } from '../sync/presence-store.js';
import { useRoom } from '../sync/RoomContext.js';
import { useConnectionStatus } from '../sync/useConnectionStatus.js';
import { useItems } from '../sync/useItems.js';
import { useItemsSummary } from '../sync/useItemsSummary.js';
import { usePresence } from '../sync/usePresence.js';
import { GRID_TEMPLATE } from '../view/columns.js';
import { addFromForm, commitField, removeRow, type NewItemForm } from '../view/edits.js';
import { isFiltering, nextSort, NO_FILTER, type Sort } from '../view/filter-sort.js';
import { VisibleRows } from '../view/visible-rows.js';
import { AddItemForm } from './AddItemForm.js';
import { BoardEmpty } from './BoardEmpty.js';
import { BoardHeader } from './BoardHeader.js';
import { BoardToolbar } from './BoardToolbar.js';
import { ItemRow, type RemoteEditor } from './ItemRow.js';
import { useFlash } from './useFlash.js';
import { useNow } from './useNow.js';
import { useRowKey } from './useRowKey.js';
import { useScrollToItem } from './useScrollToItem.js';
import './board.css';

const ROW_HEIGHT = 40; // px, --row-height
const HEAD_HEIGHT = 36; // px, the sticky column header above the rows

const rowHeight = () => ROW_HEIGHT;

export interface BoardHandle {
  /** Scrolls the item into view and flashes it, clearing filters that hide it; false for an unknown id. */
  scrollToItem(id: string): boolean;
}

/** Other people's editing focus by item: the first one wins the outline. */
function editorsByItem(peers: readonly Peer[]): Map<string, RemoteEditor> {
  const map = new Map<string, RemoteEditor>();
  for (const peer of peers) {
    if (peer.isSelf || !peer.editing || map.has(peer.editing.itemId)) continue;
    map.set(peer.editing.itemId, { name: peer.name, color: peer.color, field: peer.editing.field });
  }
  return map;
}

export function Board({ ref }: { ref?: Ref<BoardHandle> }) {
  const room = useRoom();
  const items = useItems();
  const { low: lowCount, types } = useItemsSummary();
  const { status, loaded } = useConnectionStatus();
  const { peers, setEditing } = usePresence();
  const [filter, setFilter] = useState(NO_FILTER);
  const [sort, setSort] = useState<Sort | null>(null);
  const [adding, setAdding] = useState(false);
  // Filtering 10,000 rows per keystroke must not delay the keystroke itself.
  const shownFilter = useDeferredValue(filter);
  // Under a sort or filter an edit moves only the rows it changed (not a re-sort of 10,000 per edit).
  const [visible] = useState(() => new VisibleRows());
  const rows = useMemo(() => visible.update(items, shownFilter, sort), [visible, items, shownFilter, sort]);
  const editors = useMemo(() => editorsByItem(peers), [peers]);
  const now = useNow();
  const { flashId, flash } = useFlash();

  const scrollRef = useRef<HTMLDivElement>(null);
  // Kept while the shown ids keep their order: a new getItemKey makes the virtualizer re-measure all rows.
  const getItemKey = useRowKey(rows);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    getItemKey,
    scrollMargin: HEAD_HEIGHT,
    overscan: 10,
  });

  const exists = useCallback((id: string) => room.items.get(id) !== undefined, [room]);
  const revealAll = useCallback(() => setFilter((f) => (isFiltering(f) ? NO_FILTER : f)), []);
  const scrollToIndex = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'center' }),
    [virtualizer],
  );
  const scrollToItem = useScrollToItem({ rows, exists, revealAll, scrollToIndex, flash });
  useImperativeHandle(ref, () => ({ scrollToItem }), [scrollToItem]);

  const onCommit = useCallback(
    (id: string, field: string, raw: string) => commitField(room, id, field, raw),
    [room],
  );
  const onEditing = useCallback(
    (itemId: string, field: string, editing: boolean) => setEditing(editing ? { itemId, field } : null),
    [setEditing],
  );
  const onRemove = useCallback((id: string) => void removeRow(room, id), [room]);
  const onAdd = useCallback(
    (form: NewItemForm) => {
      const result = addFromForm(room, form);
      if (result.ok) scrollToItem(result.id);
      return result;
    },
    [room, scrollToItem],
  );

  return (
    <section className="board" aria-label="Items">
      <BoardToolbar
        filter={filter}
        types={types}
        total={items.length}
        shown={rows.length}
        low={lowCount}
        adding={adding}
        onFilter={setFilter}
        onToggleAdd={() => setAdding((a) => !a)}
      />
      {adding ? <AddItemForm types={types} onAdd={onAdd} /> : null}
      <div className="board-scroll" ref={scrollRef}>
        <div
          className="board-grid"
          role="table"
          aria-rowcount={rows.length}
          style={{ '--grid': GRID_TEMPLATE } as CSSProperties}
        >
          <BoardHeader sort={sort} onSort={(key) => setSort((s) => nextSort(s, key))} />
          {rows.length === 0 ? (
            <BoardEmpty
              room={room.name}
              total={items.length}
              loaded={loaded}
              status={status}
              onClearFilters={() => setFilter(NO_FILTER)}
              onAdd={() => setAdding(true)}
            />
          ) : (
            <div className="board-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((virtualRow) => {
                const item = rows[virtualRow.index]!;
                return (
                  <ItemRow
                    key={item.id}
                    item={item}
                    top={virtualRow.start - HEAD_HEIGHT}
                    flashing={flashId === item.id}
                    editor={editors.get(item.id)}
                    now={now}
                    onCommit={onCommit}
                    onEditing={onEditing}
                    onRemove={onRemove}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
