import { isLowStock, type Item } from '../../../shared/items.js';
import type { ColumnKey } from './columns.js';

export interface Filter {
  text: string;
  /** '' for every type. */
  type: string;
  lowOnly: boolean;
}

export interface Sort {
  key: ColumnKey;
  dir: 'asc' | 'desc';
}

export const NO_FILTER: Filter = { text: '', type: '', lowOnly: false };

export function isFiltering(filter: Filter): boolean {
  return filter.text.trim() !== '' || filter.type !== '' || filter.lowOnly;
}

/** Text search looks at what a person would type: name, SKU, supplier, subtitle, id. */
export function matchesFilter(item: Item, filter: Filter): boolean {
  if (filter.type && item.type !== filter.type) return false;
  if (filter.lowOnly && !isLowStock(item.data)) return false;
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [item.name, item.subtitle, item.id, item.data['sku'], item.data['supplier']];
  return haystack.some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

/** The value a column sorts by; undefined sorts last in both directions. */
export function sortValue(item: Item, key: ColumnKey): string | number | undefined {
  switch (key) {
    case 'name':
      return item.name;
    case 'type':
      return item.type;
    case 'forecast':
      return numberOrUndefined(item.data['forecast_units']);
    case 'updated': {
      // Newest first reads best, so the column sorts by when, and shows who.
      const at = item.data['updated_at'];
      const t = typeof at === 'string' ? Date.parse(at) : NaN;
      return Number.isNaN(t) ? undefined : t;
    }
    default: {
      const value = item.data[key];
      return typeof value === 'string' || typeof value === 'number' ? value : undefined;
    }
  }
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows the board shows. Sorting is stable (ties keep document order) and
 * missing values go last whichever the direction, so a sort never buries data.
 * Without filter or sort it is `items` itself: nothing to copy per edit.
 */
export function visibleItems(items: readonly Item[], filter: Filter, sort: Sort | null): readonly Item[] {
  const filtering = isFiltering(filter);
  if (!filtering && !sort) return items;
  const rows = filtering ? items.filter((item) => matchesFilter(item, filter)) : items;
  if (!sort) return rows;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((item) => ({ item, value: sortValue(item, sort.key) }));
  keyed.sort((x, y) => {
    if (x.value === undefined || y.value === undefined) return compareValues(x.value, y.value);
    return sign * compareValues(x.value, y.value);
  });
  return keyed.map((k) => k.item);
}

/** Next sort when a header is clicked: ascending, then descending, then document order. */
export function nextSort(current: Sort | null, key: ColumnKey): Sort | null {
  if (!current || current.key !== key) return { key, dir: key === 'updated' ? 'desc' : 'asc' };
  const first = key === 'updated' ? 'desc' : 'asc';
  return current.dir === first ? { key, dir: first === 'asc' ? 'desc' : 'asc' } : null;
}
