import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItems, addMissingItems, getItem, isLowStock } from '../../../shared/items.js';
import { catalogItemFromRow, inventoryItemFromRow } from '../../../server/data/inventory-items.js';
import type { CatalogRow, InventoryRow } from '../../../server/data/schemas.js';

const row: InventoryRow = {
  sku: 'FAS-1042',
  name: 'Hex Nut M8, Box of 100',
  category: 'Fasteners',
  current_stock: 12,
  min_stock: 10,
  max_stock: 200,
  reorder_point: 40,
  supplier: 'Ironclad Fasteners Ltd',
  unit_cost: 6.5,
  lead_time_days: 12,
};
const seed = { source: 'seed' } as const;

describe('inventoryItemFromRow', () => {
  it('makes a board item keyed by SKU that addMissingItems accepts', () => {
    const item = inventoryItemFromRow(row);
    const { name: _name, ...data } = row;
    expect(item).toEqual({
      id: 'FAS-1042',
      type: 'inventory',
      name: 'Hex Nut M8, Box of 100',
      subtitle: 'Fasteners · Ironclad Fasteners Ltd',
      data,
    });
    const doc = new Y.Doc();
    expect(addMissingItems(doc, [item], seed)).toEqual(['FAS-1042']);
    expect(addMissingItems(doc, [item], seed)).toEqual([]);
    const stored = getItem(doc, 'FAS-1042');
    expect(stored?.data).toMatchObject({ current_stock: 12, supplier: 'Ironclad Fasteners Ltd' });
    expect(isLowStock(stored!.data)).toBe(true);
  });
});

describe('catalogItemFromRow', () => {
  it('puts a catalog product on the board with the given stock levels', () => {
    const product: CatalogRow = {
      sku: 'ELE-7301',
      name: 'Extension Cord 3 m, 3-Outlet',
      category: 'Electrical',
      supplier: 'Voltline Electrical Supply',
      unit_cost: 15.6,
      lead_time_days: 7,
    };
    const stock = { current_stock: 50, min_stock: 10, max_stock: 80, reorder_point: 20 };
    const doc = new Y.Doc();
    addItems(doc, [catalogItemFromRow(product, stock)], seed);
    expect(getItem(doc, 'ELE-7301')).toMatchObject({
      type: 'inventory',
      subtitle: 'Electrical · Voltline Electrical Supply',
      data: { sku: 'ELE-7301', ...stock, unit_cost: 15.6, lead_time_days: 7, updated_by: 'system:seed' },
    });
  });
});
