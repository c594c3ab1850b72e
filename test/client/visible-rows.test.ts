import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/items.js';
import { NO_FILTER, visibleItems, type Filter, type Sort } from '../../client/src/view/filter-sort.js';
import { VisibleRows } from '../../client/src/view/visible-rows.js';
import { Random } from '../helpers/random.js';

const NAMES = ['Widget', 'widget', 'Bolt', 'Anvil', 'Gear 10', 'Gear 9', 'Nut', ''];

function randomItem(random: Random, id: string): Item {
  const data: Record<string, unknown> = { sku: `S-${random.int(30)}` };
  // Sometimes missing, so "missing values go last" is exercised too.
  if (random.chance(0.8)) data['current_stock'] = random.int(20);
  if (random.chance(0.8)) data['reorder_point'] = random.int(20);
  if (random.chance(0.5)) data['supplier'] = random.chance(0.5) ? 'Acme' : 'Bolt Co';
  if (random.chance(0.7)) data['updated_at'] = new Date(Date.UTC(2026, 0, 1 + random.int(5))).toISOString();
  return {
    id,
    type: random.chance(0.5) ? 'inventory' : 'supplier',
    name: NAMES[random.int(NAMES.length)]!,
    subtitle: '',
    data: data as Item['data'],
  };
}

const FILTERS: Filter[] = [
  NO_FILTER,
  { text: 'gear', type: '', lowOnly: false },
  { text: '', type: 'supplier', lowOnly: false },
  { text: '', type: '', lowOnly: true },
  { text: 'acme', type: 'inventory', lowOnly: true },
];
const SORTS: (Sort | null)[] = [
  null,
  { key: 'name', dir: 'asc' },
  { key: 'name', dir: 'desc' },
  { key: 'current_stock', dir: 'desc' },
  { key: 'updated', dir: 'desc' },
  { key: 'sku', dir: 'asc' },
];

describe('VisibleRows', () => {
  it('matches visibleItems() after every step of random edits, for every filter and sort', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = new Random(seed);
      let items: Item[] = Array.from({ length: 40 }, (_, i) => randomItem(random, `i${i}`));
      let next = items.length;
      for (const filter of FILTERS) {
        for (const sort of SORTS) {
          const view = new VisibleRows();
          for (let step = 0; step < 40; step++) {
            const roll = random.next();
            if (roll < 0.8) {
              // In place, as ItemsStore does for edits: a few rows replaced by new objects.
              items = items.slice();
              for (let k = random.intBetween(1, 3); k > 0; k--) {
                const at = random.int(items.length);
                items[at] = { ...randomItem(random, items[at]!.id) };
              }
            } else if (roll < 0.9) {
              items = [...items, randomItem(random, `i${next++}`)];
            } else if (items.length > 1) {
              items = items.filter((_, i) => i !== random.int(items.length));
            }
            const expected = visibleItems(items, filter, sort);
            expect(view.update(items, filter, sort), `seed ${seed} step ${step}`).toEqual(expected);
          }
        }
      }
    }
  });

  it('returns the items themselves without filter or sort, and a new array after each change otherwise', () => {
    const random = new Random(7);
    const items = Array.from({ length: 10 }, (_, i) => randomItem(random, `i${i}`));
    const view = new VisibleRows();
    expect(view.update(items, NO_FILTER, null)).toBe(items);
    const sort: Sort = { key: 'name', dir: 'asc' };
    const first = view.update(items, NO_FILTER, sort);
    expect(view.update(items, NO_FILTER, sort)).toBe(first);
    const edited = items.slice();
    edited[3] = { ...edited[3]!, name: 'Zzz' };
    const second = view.update(edited, NO_FILTER, sort);
    expect(second).not.toBe(first);
    expect(second.at(-1)!.name).toBe('Zzz');
  });

  it('moves an edited row without sorting the rest again', () => {
    const random = new Random(11);
    const items = Array.from({ length: 2000 }, (_, i) => randomItem(random, `i${i}`));
    const sort: Sort = { key: 'name', dir: 'asc' };
    const view = new VisibleRows();
    view.update(items, NO_FILTER, sort);
    const edited = items.slice();
    edited[5] = { ...edited[5]!, name: '' };
    // Counted on the class's comparison: a re-sort of 2,000 rows needs ~20,000, a binary-search move a few dozen.
    const proto = VisibleRows.prototype as unknown as { compare: (a: Item, b: Item) => number };
    const compare = proto.compare;
    let comparisons = 0;
    proto.compare = function (this: VisibleRows, a: Item, b: Item) {
      comparisons++;
      return compare.call(this, a, b);
    };
    let rows: readonly Item[];
    try {
      rows = view.update(edited, NO_FILTER, sort);
    } finally {
      proto.compare = compare;
    }
    expect(rows).toEqual(visibleItems(edited, NO_FILTER, sort));
    expect(comparisons).toBeGreaterThan(0);
    expect(comparisons).toBeLessThan(100);
  });
});
