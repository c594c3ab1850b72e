import type { Item } from '../../../shared/items.js';
import {
  compareValues,
  isFiltering,
  matchesFilter,
  sortValue,
  visibleItems,
  type Filter,
  type Sort,
} from './filter-sort.js';

/** Past this many changed rows in one step, filtering and sorting everything again is as cheap. */
const MAX_PATCHED_ROWS = 64;

/**
 * The board's rows under a filter or sort, kept in step with the items.
 *
 * Why not `visibleItems()` on every change: sorting 10,000 rows by name is
 * tens of milliseconds, and with a sort or filter on, every remote edit
 * would pay it. ItemsStore replaces only the rows an edit touched (same
 * positions, new objects), so here each changed row is taken out of the
 * shown list and put back where it now belongs, by binary search. Ties keep
 * document order, as in `visibleItems()`, which stays the reference: any
 * step that is not a few rows replaced in place (a filter or sort change,
 * items added or removed) recomputes with it.
 */
export class VisibleRows {
  private items: readonly Item[] | null = null;
  private filter: Filter | null = null;
  private sort: Sort | null = null;
  private shown: Item[] = [];
  private result: readonly Item[] = [];
  /** Each item's index in `items`: document order, for ties and for a filter without a sort. */
  private order = new Map<string, number>();

  update(items: readonly Item[], filter: Filter, sort: Sort | null): readonly Item[] {
    if (!isFiltering(filter) && !sort) {
      this.items = null;
      return items;
    }
    if (items === this.items && filter === this.filter && sort === this.sort) return this.result;
    const changed =
      this.items && filter === this.filter && sort === this.sort ? this.changedIndexes(items) : null;
    if (changed === null) return this.recompute(items, filter, sort);
    for (const index of changed) this.replace(this.items![index]!, items[index]!);
    this.items = items;
    this.result = this.shown.slice();
    return this.result;
  }

  /** Indexes whose row was replaced in place; null when anything else happened (or too much did). */
  private changedIndexes(items: readonly Item[]): number[] | null {
    const before = this.items!;
    if (items.length !== before.length) return null;
    const changed: number[] = [];
    for (let i = 0; i < items.length; i++) {
      if (items[i] === before[i]) continue;
      if (items[i]!.id !== before[i]!.id || changed.length === MAX_PATCHED_ROWS) return null;
      changed.push(i);
    }
    return changed;
  }

  private recompute(items: readonly Item[], filter: Filter, sort: Sort | null): readonly Item[] {
    this.items = items;
    this.filter = filter;
    this.sort = sort;
    this.order = new Map(items.map((item, index) => [item.id, index]));
    this.shown = [...visibleItems(items, filter, sort)];
    this.result = this.shown.slice();
    return this.result;
  }

  private replace(before: Item, after: Item): void {
    if (matchesFilter(before, this.filter!)) {
      const at = this.find(before);
      if (at >= 0) this.shown.splice(at, 1);
    }
    if (matchesFilter(after, this.filter!)) this.shown.splice(this.insertionPoint(after), 0, after);
  }

  /** Where `row` is in `shown`, by binary search; by scanning if the order was not what it expected. */
  private find(row: Item): number {
    const at = this.insertionPoint(row);
    for (const candidate of [at, at - 1]) if (this.shown[candidate] === row) return candidate;
    return this.shown.indexOf(row);
  }

  /** The first position whose row sorts after `row`. */
  private insertionPoint(row: Item): number {
    let low = 0;
    let high = this.shown.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.shown[mid]!, row) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The order `visibleItems()` produces: by the sort (missing values last), then document order. */
  private compare(a: Item, b: Item): number {
    if (this.sort) {
      const x = sortValue(a, this.sort.key);
      const y = sortValue(b, this.sort.key);
      const byValue =
        x === undefined || y === undefined
          ? compareValues(x, y)
          : (this.sort.dir === 'asc' ? 1 : -1) * compareValues(x, y);
      if (byValue !== 0) return byValue;
    }
    return this.order.get(a.id)! - this.order.get(b.id)!;
  }
}
