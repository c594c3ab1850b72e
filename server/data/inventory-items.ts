import type { CatalogRow, InventoryRow } from './schemas.js';

/** The four stock levels every inventory item carries (DOC-3). */
export interface StockLevels {
  current_stock: number;
  min_stock: number;
  max_stock: number;
  reorder_point: number;
}

// Type aliases rather than interfaces: only these are assignable to the
// JSON record that `addItems` / `addMissingItems` in shared/items.ts accept.
export type InventoryItemData = StockLevels & {
  sku: string;
  category: string;
  supplier: string;
  unit_cost: number;
  lead_time_days: number;
};

export type InventoryItemInput = {
  id: string;
  type: 'inventory';
  name: string;
  subtitle: string;
  data: InventoryItemData;
};

/**
 * The board item for an inventory.csv row. The SKU is the item id, so
 * seeding the same row twice (two peers, two server processes) converges to
 * one item.
 */
export function inventoryItemFromRow(row: InventoryRow): InventoryItemInput {
  const { current_stock, min_stock, max_stock, reorder_point } = row;
  return catalogItemFromRow(row, { current_stock, min_stock, max_stock, reorder_point });
}

/** A catalog product put on the board; the caller decides its stock levels. */
export function catalogItemFromRow(row: CatalogRow, stock: StockLevels): InventoryItemInput {
  return {
    id: row.sku,
    type: 'inventory',
    name: row.name,
    subtitle: `${row.category} · ${row.supplier}`,
    data: {
      sku: row.sku,
      category: row.category,
      current_stock: stock.current_stock,
      min_stock: stock.min_stock,
      max_stock: stock.max_stock,
      reorder_point: stock.reorder_point,
      supplier: row.supplier,
      unit_cost: row.unit_cost,
      lead_time_days: row.lead_time_days,
    },
  };
}
