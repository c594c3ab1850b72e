import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/items.js';
import {
  compareValues,
  isFiltering,
  matchesFilter,
  nextSort,
  NO_FILTER,
  visibleItems,
} from '../../client/src/view/filter-sort.js';

function item(id: string, name: string, data: Record<string, unknown> = {}, type = 'inventory'): Item {
  return { id, type, name, subtitle: '', data: data as Item['data'] };
}

const items: Item[] = [
  item('a', 'Widget', { sku: 'W-1', current_stock: 5, reorder_point: 10, supplier: 'Acme' }),
  item('b', 'bolt', { sku: 'B-2', current_stock: 50, reorder_point: 10, supplier: 'Bolt Co' }),
  item('c', 'Anvil', { sku: 'A-10', current_stock: 10, reorder_point: 10 }, 'supplier'),
  item('d', 'Gear', { sku: 'A-9' }),
];

const ids = (rows: readonly Item[]) => rows.map((r) => r.id);

describe('filtering', () => {
  it('keeps everything without a filter, in document order', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(ids(visibleItems(items, NO_FILTER, null))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matches text case-insensitively in name, SKU, supplier and id', () => {
    expect(ids(visibleItems(items, { ...NO_FILTER, text: 'WID' }, null))).toEqual(['a']);
    expect(ids(visibleItems(items, { ...NO_FILTER, text: 'b-2' }, null))).toEqual(['b']);
    expect(ids(visibleItems(items, { ...NO_FILTER, text: 'acme' }, null))).toEqual(['a']);
    expect(ids(visibleItems(items, { ...NO_FILTER, text: '  ' }, null))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by type', () => {
    expect(ids(visibleItems(items, { ...NO_FILTER, type: 'supplier' }, null))).toEqual(['c']);
  });

  it('"low stock" keeps items at or below their reorder point (isLowStock), not items missing the numbers', () => {
    expect(ids(visibleItems(items, { ...NO_FILTER, lowOnly: true }, null))).toEqual(['a', 'c']);
    expect(matchesFilter(items[3]!, { ...NO_FILTER, lowOnly: true })).toBe(false);
  });

  it('combines filters', () => {
    expect(ids(visibleItems(items, { text: 'a', type: 'inventory', lowOnly: true }, null))).toEqual(['a']);
  });
});

describe('sorting', () => {
  it('sorts text naturally and case-insensitively', () => {
    expect(ids(visibleItems(items, NO_FILTER, { key: 'name', dir: 'asc' }))).toEqual(['c', 'b', 'd', 'a']);
    // A-9 before A-10: numeric collation
    expect(ids(visibleItems(items, NO_FILTER, { key: 'sku', dir: 'asc' }))).toEqual(['d', 'c', 'b', 'a']);
    expect(compareValues('a', 'B')).toBeLessThan(0);
  });

  it('sorts numbers numerically and puts missing values last in both directions', () => {
    expect(ids(visibleItems(items, NO_FILTER, { key: 'current_stock', dir: 'asc' }))).toEqual([
      'a',
      'c',
      'b',
      'd',
    ]);
    expect(ids(visibleItems(items, NO_FILTER, { key: 'current_stock', dir: 'desc' }))).toEqual([
      'b',
      'c',
      'a',
      'd',
    ]);
  });

  it('is stable: ties keep document order', () => {
    expect(ids(visibleItems(items, NO_FILTER, { key: 'reorder_point', dir: 'desc' }))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('sorts the "updated" column by time, newest first on the first click', () => {
    const stamped = [
      item('old', 'x', { updated_at: '2024-01-01T00:00:00.000Z' }),
      item('new', 'y', { updated_at: '2025-01-01T00:00:00.000Z' }),
    ];
    const first = nextSort(null, 'updated');
    expect(first).toEqual({ key: 'updated', dir: 'desc' });
    expect(ids(visibleItems(stamped, NO_FILTER, first))).toEqual(['new', 'old']);
  });

  it('cycles a header through ascending, descending and off', () => {
    const a = nextSort(null, 'name');
    expect(a).toEqual({ key: 'name', dir: 'asc' });
    const b = nextSort(a, 'name');
    expect(b).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort(b, 'name')).toBeNull();
    expect(nextSort(b, 'sku')).toEqual({ key: 'sku', dir: 'asc' });
  });

  it('does not mutate its input', () => {
    const copy = [...items];
    visibleItems(items, NO_FILTER, { key: 'name', dir: 'desc' });
    expect(items).toEqual(copy);
  });

  // How fast this runs is the benchmark's to say; here, that the result is right at that size.
  it('filters and sorts 10,000 items: every low-stock item, nothing else, in name order', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      item(`i${i}`, `Item ${(i * 7919) % 10_000}`, { current_stock: (i * 31) % 997, reorder_point: 100 }),
    );
    const rows = visibleItems(many, { ...NO_FILTER, lowOnly: true }, { key: 'name', dir: 'asc' });
    const low = many.filter((i) => Number(i.data['current_stock']) <= 100);
    expect(rows.length).toBe(low.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(low.map((i) => i.id)));
    for (let i = 1; i < rows.length; i++) {
      expect(compareValues(rows[i - 1]!.name, rows[i]!.name)).toBeLessThanOrEqual(0);
    }
  });
});
