import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  clearFields,
  isLowStock,
  itemsOf,
  removeItem,
  setFields,
  updateItems,
  type Item,
} from '../../shared/items.js';
import type { UserOrigin } from '../../shared/origins.js';
import { toRow } from '../../client/src/sync/items-store.js';
import { Random } from '../helpers/random.js';
import { link, testRoom } from './room-fixture.js';

/** The oracle for the store's incremental type tally: every type, recounted from scratch. */
function distinctTypes(items: readonly Item[]): string[] {
  return [...new Set(items.map((i) => i.type))].sort(
    new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare,
  );
}

const bob: UserOrigin = { source: 'user', userId: 'bob' };

describe('malformed items from a peer', () => {
  it('are shown as best they can be, or skipped, instead of breaking the board', () => {
    const room = testRoom('alice');
    const items = room.doc.getMap<unknown>('items');
    room.doc.transact(() => {
      items.set('plain', { name: 'not a Y.Map' });
      items.set('bare', new Y.Map<unknown>([['name', 42]]));
    });
    expect(room.items.getSnapshot()).toEqual([{ id: 'bare', type: '', name: '', subtitle: '', data: {} }]);
  });
});

describe('one edit, one row', () => {
  it('replaces only the edited row object and keeps the summary while its figures hold', () => {
    const room = testRoom('alice');
    for (let i = 0; i < 5; i++) {
      addItem(
        room.doc,
        { id: `i${i}`, name: `Item ${i}`, data: { current_stock: 10, reorder_point: 5 } },
        bob,
      );
    }
    const before = room.items.getSnapshot();
    const summary = room.items.getSummary();
    expect(summary).toEqual({ low: 0, types: ['inventory'] });

    setFields(room.doc, 'i2', { current_stock: 9 }, bob);
    const after = room.items.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.map((row, i) => row === before[i])).toEqual([true, true, false, true, true]);
    expect(after[2]!.data['current_stock']).toBe(9);
    expect(room.items.getSummary()).toBe(summary);

    setFields(room.doc, 'i2', { current_stock: 5 }, bob);
    expect(room.items.getSummary()).toEqual({ low: 1, types: ['inventory'] });
  });

  it('appends a new item, closes the gap of a removed one, and puts a re-added id last', () => {
    const room = testRoom('alice');
    for (const id of ['a', 'b', 'c']) addItem(room.doc, { id, name: id }, bob);
    removeItem(room.doc, 'a', bob);
    addItem(room.doc, { id: 'd', name: 'd', type: 'supplier' }, bob);
    addItem(room.doc, { id: 'a', name: 'a again' }, bob);
    expect(room.items.getSnapshot().map((row) => row.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(room.items.getSummary().types).toEqual(['inventory', 'supplier']);
    removeItem(room.doc, 'd', bob);
    expect(room.items.getSummary().types).toEqual(['inventory']);
    setFields(room.doc, 'c', { supplier: 'Acme' }, bob);
    expect(room.items.get('c')).toBe(room.items.getSnapshot()[1]);
  });
});

/** What the store should hold, read from the document from scratch. */
function fromScratch(doc: Y.Doc): { rows: Item[]; low: number; types: string[] } {
  const rows: Item[] = [];
  itemsOf(doc).forEach((value, id) => {
    const row = toRow(id, value);
    if (row) rows.push(row);
  });
  return { rows, low: rows.filter((row) => isLowStock(row.data)).length, types: distinctTypes(rows) };
}

const TYPES = ['inventory', 'supplier', 'tool', 'part'];

describe('incremental rows, low-stock count and types', () => {
  it.each([1, 7, 42])('match a from-scratch reading after many random edits (seed %i)', (seed) => {
    const random = new Random(seed);
    const room = testRoom('alice');
    const remote = new Y.Doc();
    link(room.doc, remote);
    let nextId = 0;
    for (let step = 0; step < 300; step++) {
      const local = random.chance(0.3);
      const doc = local ? room.doc : remote;
      const origin = local ? room.origin : bob;
      const touched = new Set<string>();
      const before = room.items.getSnapshot();
      doc.transact(() => {
        for (let op = random.intBetween(1, 4); op > 0; op--) {
          const ids = [...itemsOf(doc).keys()];
          const roll = random.next();
          if (ids.length === 0 || roll < 0.25) {
            // Fresh ids only: a re-added id goes last in the store but keeps its old place in Y.Map.
            const id = `n${nextId++}`;
            const data = { current_stock: random.int(20), reorder_point: random.int(20) };
            addItem(doc, { id, name: id, type: random.pick(TYPES), data }, origin);
            touched.add(id);
            continue;
          }
          const id = random.pick(ids);
          touched.add(id);
          if (roll < 0.35) removeItem(doc, id, origin);
          else if (roll < 0.45) updateItems(doc, [{ id, type: random.pick(TYPES) }], origin);
          else if (roll < 0.5) clearFields(doc, id, ['reorder_point'], origin);
          else {
            const field = random.pick(['current_stock', 'reorder_point', 'supplier']);
            setFields(
              doc,
              id,
              { [field]: field === 'supplier' ? `S${random.int(3)}` : random.int(20) },
              origin,
            );
          }
        }
      }, origin);

      const expected = fromScratch(room.doc);
      expect(room.items.getSnapshot()).toEqual(expected.rows);
      expect(room.items.getSummary()).toEqual({ low: expected.low, types: expected.types });
      const previous = new Map(before.map((row) => [row.id, row]));
      for (const row of room.items.getSnapshot()) {
        if (!touched.has(row.id)) expect(row).toBe(previous.get(row.id));
        expect(room.items.get(row.id)).toBe(row);
      }
    }
    expect(room.items.getSnapshot().length).toBeGreaterThan(10);
  });
});
