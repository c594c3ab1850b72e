import { isLowStock, type Item } from '../../../shared/items.js';
import { catalogItemFromRow, type InventoryItemInput } from '../../data/inventory-items.js';
import type { CatalogRow } from '../../data/schemas.js';

/**
 * Picks `count` products to add to the board: catalogue products not on it
 * yet (ordered by category need: categories with the most low-stock items
 * first), with stock levels taken from the medians of their category on the
 * board. When the catalogue runs out, it proposes bulk packs of the
 * best-covered board items — never the same placeholder twice.
 */
export function proposeNewItems(
  count: number,
  catalog: readonly CatalogRow[],
  board: readonly Item[],
): InventoryItemInput[] {
  const onBoard = new Set(board.flatMap((item) => [item.id, String(item.data['sku'] ?? '')]));
  const levels = categoryLevels(board);
  const lowByCategory = countLowByCategory(board);
  const fresh = catalog
    .filter((row) => !onBoard.has(row.sku))
    .sort(
      (a, b) =>
        (lowByCategory.get(b.category) ?? 0) - (lowByCategory.get(a.category) ?? 0) ||
        a.sku.localeCompare(b.sku),
    );
  const picked = fresh.slice(0, count).map((row) => catalogItemFromRow(row, levels(row.category)));
  let n = 1;
  const sources = board.filter((item) => item.type === 'inventory' && typeof item.data['sku'] === 'string');
  while (picked.length < count && sources.length > 0) {
    const source = sources[(picked.length + n) % sources.length]!;
    const sku = `${String(source.data['sku'])}-BULK${n}`;
    n += 1;
    if (onBoard.has(sku)) continue;
    onBoard.add(sku);
    picked.push({
      id: sku,
      type: 'inventory',
      name: `${source.name} (bulk pack ×${n * 5})`,
      subtitle: source.subtitle,
      data: {
        ...(source.data as Record<string, never>),
        sku,
        current_stock: 0,
        unit_cost: Math.round(Number(source.data['unit_cost'] ?? 1) * n * 5 * 0.9 * 100) / 100,
      } as InventoryItemInput['data'],
    });
  }
  return picked;
}

type Levels = { current_stock: number; min_stock: number; max_stock: number; reorder_point: number };

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function categoryLevels(board: readonly Item[]): (category: string) => Levels {
  const byCategory = new Map<string, Item[]>();
  for (const item of board) {
    const category = String(item.data['category'] ?? '');
    byCategory.set(category, [...(byCategory.get(category) ?? []), item]);
  }
  return (category) => {
    const items = byCategory.get(category) ?? [...board];
    const field = (name: string) =>
      median(items.map((i) => Number(i.data[name] ?? 0)).filter(Number.isFinite));
    const min = field('min_stock') || 10;
    const reorder = Math.max(min, field('reorder_point') || 20);
    const max = Math.max(reorder + 1, field('max_stock') || 100);
    // A first delivery halfway between the reorder point and the maximum.
    return {
      min_stock: min,
      reorder_point: reorder,
      max_stock: max,
      current_stock: Math.round((reorder + max) / 2),
    };
  };
}

function countLowByCategory(board: readonly Item[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of board) {
    if (isLowStock(item.data)) {
      const category = String(item.data['category'] ?? '');
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
  }
  return counts;
}
