import { describe, expect, it } from 'vitest';
import {
  CatalogRowSchema,
  InventoryRowSchema,
  PurchaseOrderRowSchema,
  SalesRowSchema,
  SupplierRowSchema,
} from '../../../server/data/schemas.js';

const inventoryRow = {
  sku: 'FAS-1042',
  name: 'Hex Nut M8, Box of 100',
  category: 'Fasteners',
  current_stock: '12',
  min_stock: '10',
  max_stock: '200',
  reorder_point: '40',
  supplier: 'Ironclad Fasteners Ltd',
  unit_cost: '6.50',
  lead_time_days: '12',
};

const purchaseOrderRow = {
  po_id: 'PO-2025-0001',
  supplier: 'Ironclad Fasteners Ltd',
  sku: 'FAS-1042',
  order_date: '2025-03-03',
  promised_date: '2025-03-15',
  delivered_date: '2025-03-17',
  quantity_ordered: '200',
  quantity_received: '180',
  defective_units: '2',
};

function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
}

describe('InventoryRowSchema', () => {
  it('parses numbers from cells', () => {
    expect(InventoryRowSchema.parse(inventoryRow)).toEqual({
      ...inventoryRow,
      current_stock: 12,
      min_stock: 10,
      max_stock: 200,
      reorder_point: 40,
      unit_cost: 6.5,
      lead_time_days: 12,
    });
  });

  it.each([
    ['current_stock', '-3'],
    ['current_stock', '1.5'],
    ['current_stock', ''],
    ['min_stock', 'ten'],
    ['unit_cost', '-1'],
    ['unit_cost', '1e3'],
    ['sku', '  '],
    ['sku', 'X'.repeat(201)],
    ['name', ''],
  ])('refuses %s = %j', (field, value) => {
    const result = InventoryRowSchema.safeParse({ ...inventoryRow, [field]: value });
    expect(result.success).toBe(false);
    expect(problems(result)).toContain(field);
  });

  it('refuses a reorder point or minimum above the maximum', () => {
    expect(problems(InventoryRowSchema.safeParse({ ...inventoryRow, reorder_point: '201' }))).toEqual([
      'reorder_point',
    ]);
    expect(problems(InventoryRowSchema.safeParse({ ...inventoryRow, min_stock: '201' }))).toContain('min_stock');
  });
});

describe('the other row schemas', () => {
  it('accepts good catalog, supplier and sales rows', () => {
    const { sku, name, category, supplier, unit_cost, lead_time_days } = inventoryRow;
    expect(CatalogRowSchema.parse({ sku, name, category, supplier, unit_cost, lead_time_days })).toMatchObject({
      unit_cost: 6.5,
      lead_time_days: 12,
    });
    const supplierRow = {
      name: 'Ironclad Fasteners Ltd',
      country: 'United Kingdom',
      contact_email: 'orders@ironclad.example',
      payment_terms: 'Net 30',
      lead_time_days: '12',
    };
    expect(SupplierRowSchema.parse(supplierRow).lead_time_days).toBe(12);
    expect(SalesRowSchema.parse({ date: '2026-10-31', sku, units: '0' })).toEqual({
      date: '2026-10-31',
      sku,
      units: 0,
    });
    expect(SupplierRowSchema.safeParse({ ...supplierRow, contact_email: 'nobody' }).success).toBe(false);
  });

  it.each(['2026-02-30', '2026-13-01', '31/10/2026', '2026-1-5', ''])('refuses the date %j', (date) => {
    expect(SalesRowSchema.safeParse({ date, sku: 'FAS-1042', units: '3' }).success).toBe(false);
  });

  it('reads an empty delivered_date as an open order', () => {
    const row = PurchaseOrderRowSchema.parse({ ...purchaseOrderRow, delivered_date: '' });
    expect(row.delivered_date).toBeNull();
    expect(PurchaseOrderRowSchema.parse(purchaseOrderRow).delivered_date).toBe('2025-03-17');
  });

  it('refuses purchase orders that contradict themselves', () => {
    const bad = (patch: Record<string, string>) => problems(PurchaseOrderRowSchema.safeParse({ ...purchaseOrderRow, ...patch }));
    expect(bad({ promised_date: '2025-03-01' })).toEqual(['promised_date']);
    expect(bad({ delivered_date: '2025-03-01' })).toEqual(['delivered_date']);
    expect(bad({ defective_units: '181' })).toEqual(['defective_units']);
    expect(bad({ delivered_date: 'soon' })).toEqual(['delivered_date']);
  });
});
