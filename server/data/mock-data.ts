import { join } from 'node:path';
import { readCsv } from './csv.js';
import {
  CatalogRowSchema,
  InventoryRowSchema,
  PurchaseOrderRowSchema,
  SalesRowSchema,
  SupplierRowSchema,
  type CatalogRow,
  type InventoryRow,
  type PurchaseOrderRow,
  type SalesRow,
  type SupplierRow,
} from './schemas.js';

/** File names inside MOCK_DATA_DIR (ENV-1: default ./mock_data). */
export const MOCK_FILES = {
  inventory: 'inventory.csv',
  catalog: 'catalog.csv',
  suppliers: 'suppliers.csv',
  salesHistory: 'sales_history.csv',
  purchaseOrders: 'purchase_orders.csv',
} as const;

/** One SKU's daily sales, oldest first; `dates[i]` sold `units[i]`. */
export interface SalesSeries {
  readonly dates: readonly string[];
  readonly units: readonly number[];
}

/**
 * The CSV data the agents read. Each loader reads its file once and shares
 * the parsed rows (hence readonly: one caller sorting in place would reorder
 * them for all). A failed load is not cached, so a file fixed on disk is
 * picked up by the next call.
 */
export interface MockData {
  readonly dir: string;
  inventory(): Promise<readonly InventoryRow[]>;
  catalog(): Promise<readonly CatalogRow[]>;
  suppliers(): Promise<readonly SupplierRow[]>;
  salesHistory(): Promise<readonly SalesRow[]>;
  purchaseOrders(): Promise<readonly PurchaseOrderRow[]>;
  salesBySku(): Promise<ReadonlyMap<string, SalesSeries>>;
}

export function createMockData(dir: string): MockData {
  const path = (file: string) => join(dir, file);
  const salesHistory = memo(() => readCsv(path(MOCK_FILES.salesHistory), SalesRowSchema));
  return {
    dir,
    inventory: memo(() => readCsv(path(MOCK_FILES.inventory), InventoryRowSchema)),
    catalog: memo(() => readCsv(path(MOCK_FILES.catalog), CatalogRowSchema)),
    suppliers: memo(() => readCsv(path(MOCK_FILES.suppliers), SupplierRowSchema)),
    salesHistory,
    purchaseOrders: memo(() => readCsv(path(MOCK_FILES.purchaseOrders), PurchaseOrderRowSchema)),
    salesBySku: memo(async () => groupSales(path(MOCK_FILES.salesHistory), await salesHistory())),
  };
}

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** Groups rows by SKU, sorted by date; two rows for one SKU and day are refused as ambiguous. */
export function groupSales(file: string, rows: readonly SalesRow[]): Map<string, SalesSeries> {
  const bySku = new Map<string, SalesRow[]>();
  for (const row of rows) {
    const list = bySku.get(row.sku);
    if (list) list.push(row);
    else bySku.set(row.sku, [row]);
  }
  const out = new Map<string, SalesSeries>();
  for (const [sku, list] of bySku) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    list.forEach((row, i) => {
      if (i > 0 && list[i - 1]!.date === row.date) {
        throw new Error(`${file}: SKU ${sku} has more than one row for ${row.date}`);
      }
    });
    out.set(sku, { dates: list.map((r) => r.date), units: list.map((r) => r.units) });
  }
  return out;
}
