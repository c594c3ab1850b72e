import * as Y from 'yjs';
import { type Item, type ItemsMap, type JsonRecord } from '../../../shared/items.js';
import { ItemsTally, type ItemsSummary } from './items-tally.js';
import { ExternalStore } from './store.js';

/** What one transaction did to the items, handed to listeners such as the activity feed. */
export interface ItemsChange {
  transaction: Y.Transaction;
  /** Each touched id with its row before the transaction (undefined: it did not exist). */
  previous: ReadonlyMap<string, Item | undefined>;
  /** Each touched id with its row after (undefined: it was removed). */
  current: ReadonlyMap<string, Item | undefined>;
}

/**
 * The room's items as plain rows, kept in step with the Y.Map.
 * Why not `listItems(doc)` on every change: with 10,000 items a remote
 * keystroke would re-serialise every row and re-render every visible one.
 * Here one transaction re-reads only the items it touched and puts the new
 * rows at their places in a copy of the list; the others keep their object
 * identity, so memoised rows skip rendering. Rows keep the order they first
 * arrived in; a new item goes last. The low-stock count and the types are
 * tallied row by row alongside (getSummary).
 */
export class ItemsStore extends ExternalStore<readonly Item[]> {
  private readonly rows = new Map<string, Item>();
  /** Each row's position in the snapshot. */
  private readonly positions = new Map<string, number>();
  private readonly tally = new ItemsTally();
  private summary: ItemsSummary;
  private readonly changeListeners = new Set<(change: ItemsChange) => void>();

  constructor(private readonly map: ItemsMap) {
    super([]);
    const list: Item[] = [];
    map.forEach((item, id) => {
      const row = toRow(id, item);
      if (!row) return;
      this.rows.set(id, row);
      this.positions.set(id, list.length);
      list.push(row);
      this.tally.add(row);
    });
    this.summary = this.tally.summary();
    this.set(list);
    map.observeDeep(this.onEvents);
  }

  get(id: string): Item | undefined {
    return this.rows.get(id);
  }

  /** Low-stock count and types over all items; a new object only when one of them changed. */
  readonly getSummary = (): ItemsSummary => this.summary;

  /** Called after the rows are updated, once per transaction that touched items. */
  onChange(listener: (change: ItemsChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  destroy(): void {
    this.map.unobserveDeep(this.onEvents);
    this.changeListeners.clear();
  }

  private readonly onEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === this.map) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(String(key));
      } else {
        // A change inside an item: the first step of the path is its key in the items map.
        const id = event.path[0];
        if (typeof id === 'string') touched.add(id);
      }
    }
    if (touched.size === 0) return;
    const previous = new Map<string, Item | undefined>();
    const current = new Map<string, Item | undefined>();
    const list = this.getSnapshot().slice();
    let removed = false;
    for (const id of touched) {
      const before = this.rows.get(id);
      const after = toRow(id, this.map.get(id));
      previous.set(id, before);
      current.set(id, after);
      if (before) this.tally.remove(before);
      if (after) this.tally.add(after);
      if (before && after) {
        this.rows.set(id, after);
        list[this.positions.get(id)!] = after;
      } else if (after) {
        this.rows.set(id, after);
        this.positions.set(id, list.length);
        list.push(after);
      } else if (before) {
        this.rows.delete(id);
        removed = true;
      }
    }
    this.summary = this.tally.summary();
    this.set(removed ? this.compact(list) : list);
    for (const listener of [...this.changeListeners]) listener({ transaction, previous, current });
  };

  /** Drops removed rows from the list and renumbers the rows after the first gap. */
  private compact(list: Item[]): Item[] {
    let write = 0;
    for (let read = 0; read < list.length; read++) {
      const row = list[read]!;
      if (this.rows.get(row.id) !== row) {
        this.positions.delete(row.id);
        continue;
      }
      if (write !== read) {
        list[write] = row;
        this.positions.set(row.id, write);
      }
      write++;
    }
    list.length = write;
    return list;
  }
}

/**
 * A plain row from an item's Y.Map. The document is shared with every peer, so
 * a malformed entry (not a map, fields missing) is shown as best it can be, or
 * skipped, rather than breaking the whole board.
 */
export function toRow(id: string, value: unknown): Item | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const json = value.toJSON() as Record<string, unknown>;
  const data = json['data'];
  return {
    id,
    type: typeof json['type'] === 'string' ? json['type'] : '',
    name: typeof json['name'] === 'string' ? json['name'] : '',
    subtitle: typeof json['subtitle'] === 'string' ? json['subtitle'] : '',
    data: typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as JsonRecord) : {},
  };
}
