import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockData, type SalesSeries } from '../../../server/data/mock-data.js';
import type {
  CatalogRow,
  InventoryRow,
  PurchaseOrderRow,
  SupplierRow,
} from '../../../server/data/schemas.js';

// The files in the repository, as the server reads them (ENV-1: MOCK_DATA_DIR defaults to ./mock_data).
const MOCK_DIR = fileURLToPath(new URL('../../../mock_data/', import.meta.url));

let inventory: readonly InventoryRow[];
let catalog: readonly CatalogRow[];
let suppliers: readonly SupplierRow[];
let orders: readonly PurchaseOrderRow[];
let sales: ReadonlyMap<string, SalesSeries>;

beforeAll(async () => {
  const data = createMockData(MOCK_DIR);
  [inventory, catalog, suppliers, orders, sales] = await Promise.all([
    data.inventory(),
    data.catalog(),
    data.suppliers(),
    data.purchaseOrders(),
    data.salesBySku(),
  ]);
});

describe('committed mock_data/', () => {
  it('has about 200 distinct SKUs with consistent stock levels', () => {
    expect(inventory.length).toBeGreaterThanOrEqual(180);
    expect(inventory.length).toBeLessThanOrEqual(220);
    expect(new Set(inventory.map((r) => r.sku)).size).toBe(inventory.length);
    for (const r of inventory) {
      expect(r.sku).toMatch(/^[A-Z]{3}-\d{4}$/);
      expect(r.min_stock, r.sku).toBeLessThanOrEqual(r.reorder_point);
      expect(r.reorder_point, r.sku).toBeLessThan(r.max_stock);
    }
    expect(new Set(inventory.map((r) => r.category)).size).toBeGreaterThanOrEqual(8);
  });

  it('has 10–20% of items at or below their reorder point', () => {
    const low = inventory.filter((r) => r.current_stock <= r.reorder_point).length / inventory.length;
    expect(low).toBeGreaterThanOrEqual(0.1);
    expect(low).toBeLessThanOrEqual(0.2);
  });

  it('names only known suppliers, with their lead times', () => {
    const leadTime = new Map(suppliers.map((s) => [s.name, s.lead_time_days]));
    expect(suppliers.length).toBeGreaterThanOrEqual(10);
    for (const r of [...inventory, ...catalog]) expect(leadTime.get(r.supplier), r.sku).toBe(r.lead_time_days);
    for (const o of orders) expect(leadTime.has(o.supplier), o.po_id).toBe(true);
  });

  it('has a catalog of new products whose SKUs are not on the board', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(50);
    const onBoard = new Set(inventory.map((r) => r.sku));
    expect(catalog.filter((r) => onBoard.has(r.sku))).toEqual([]);
    expect(new Set(catalog.map((r) => r.sku)).size).toBe(catalog.length);
  });

  it('has 730 consecutive days of sales for every SKU, ending 2026-10-31', () => {
    expect([...sales.keys()].sort()).toEqual(inventory.map((r) => r.sku).sort());
    for (const [sku, series] of sales) {
      expect(series.dates.length, sku).toBe(730);
      expect(series.dates[0], sku).toBe('2024-11-01');
      expect(series.dates.at(-1), sku).toBe('2026-10-31');
    }
  });

  it('has 20–60 purchase orders per supplier, a few still open', () => {
    const perSupplier = new Map<string, number>();
    for (const o of orders) perSupplier.set(o.supplier, (perSupplier.get(o.supplier) ?? 0) + 1);
    expect([...perSupplier.keys()].sort()).toEqual(suppliers.map((s) => s.name).sort());
    for (const [supplier, count] of perSupplier) {
      expect(count, supplier).toBeGreaterThanOrEqual(20);
      expect(count, supplier).toBeLessThanOrEqual(60);
    }
    const open = orders.filter((o) => o.delivered_date === null).length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(orders.length * 0.05);
    const onBoard = new Set(inventory.map((r) => r.sku));
    expect(orders.filter((o) => !onBoard.has(o.sku))).toEqual([]);
    expect(new Set(orders.map((o) => o.po_id)).size).toBe(orders.length);
  });
});
