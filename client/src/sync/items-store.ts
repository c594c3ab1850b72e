import * as Y from 'yjs';
import { type Item, type ItemsMap, type JsonRecord } from '../../../shared/items.js';
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
 * Here one transaction re-reads only the items it touched; the others keep
 * their object identity, so memoised rows skip rendering.
 */
export class ItemsStore extends ExternalStore<readonly Item[]> {
  private readonly rows = new Map<string, Item>();
  private readonly changeListeners = new Set<(change: ItemsChange) => void>();

  constructor(private readonly map: ItemsMap) {
    super([]);
    map.forEach((item, id) => {
      const row = toRow(id, item);
      if (row) this.rows.set(id, row);
    });
    this.set(Array.from(this.rows.values()));
    map.observeDeep(this.onEvents);
  }

  get(id: string): Item | undefined {
    return this.rows.get(id);
  }

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
    const previous = new Map<string, Item | undefined>();
    const current = new Map<string, Item | undefined>();
    for (const id of touched) {
      previous.set(id, this.rows.get(id));
      const row = toRow(id, this.map.get(id));
      if (row) {
        this.rows.set(id, row);
        current.set(id, row);
      } else {
        this.rows.delete(id);
        current.set(id, undefined);
      }
    }
    if (touched.size === 0) return;
    this.set(Array.from(this.rows.values()));
    for (const listener of [...this.changeListeners]) listener({ transaction, previous, current });
  };
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
