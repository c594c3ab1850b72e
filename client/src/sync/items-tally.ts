import { isLowStock, type Item } from '../../../shared/items.js';

/** The figures the toolbar shows about all items, whatever the filters. */
export interface ItemsSummary {
  /** Items at or below their reorder point (isLowStock). */
  low: number;
  /** Every item type present, naturally sorted. */
  types: readonly string[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The low-stock count and the set of types, kept up to date one row at a
 * time. Why not recount per snapshot: with 10,000 items every remote edit
 * would run isLowStock 10,000 times and rebuild the type list. The summary
 * keeps its identity until a figure changes, so a change that moves neither
 * (most edits) re-renders nothing that reads it.
 */
export class ItemsTally {
  private low = 0;
  /** How many items have each type: a type leaves the list when its count reaches 0. */
  private readonly typeCounts = new Map<string, number>();
  private typesChanged = false;
  private current: ItemsSummary = { low: 0, types: [] };

  add(row: Item): void {
    if (isLowStock(row.data)) this.low++;
    const n = this.typeCounts.get(row.type) ?? 0;
    this.typeCounts.set(row.type, n + 1);
    if (n === 0) this.typesChanged = true;
  }

  remove(row: Item): void {
    if (isLowStock(row.data)) this.low--;
    const n = this.typeCounts.get(row.type) ?? 0;
    if (n <= 1) {
      this.typeCounts.delete(row.type);
      this.typesChanged = true;
    } else this.typeCounts.set(row.type, n - 1);
  }

  /** The figures after the adds and removes so far; the same object when neither moved. */
  summary(): ItemsSummary {
    const types = this.typesChanged ? sortedTypes(this.typeCounts.keys()) : this.current.types;
    this.typesChanged = false;
    if (this.low !== this.current.low || !sameList(types, this.current.types)) {
      this.current = { low: this.low, types };
    }
    return this.current;
  }
}

function sortedTypes(types: Iterable<string>): string[] {
  return [...types].sort((a, b) => collator.compare(a, b));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}
