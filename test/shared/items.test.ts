import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, getItem, itemsOf, listItems, removeItems } from '../../shared/items.js';

const alice = { source: 'user', userId: 'alice' } as const;

describe('the document model', () => {
  it('stamps updated_by and updated_at on every edit', () => {
    const doc = new Y.Doc();
    addItem(doc, { id: 'a', name: 'A', data: { current_stock: 1 } }, alice, new Date('2026-01-02T03:04:05Z'));
    expect(getItem(doc, 'a')?.data).toEqual({
      current_stock: 1,
      updated_by: 'user:alice',
      updated_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('skips entries under items that are not item maps instead of failing the room', () => {
    const doc = new Y.Doc();
    addItem(doc, { id: 'a', name: 'A' }, alice);
    (itemsOf(doc) as unknown as Y.Map<unknown>).set('junk', 5);
    expect(listItems(doc).map((i) => i.id)).toEqual(['a']);
    expect(getItem(doc, 'junk')).toBeUndefined();
    expect(removeItems(doc, ['junk'], alice)).toEqual([]);
    expect(itemsOf(doc).has('junk')).toBe(false);
  });
});
