import { z } from 'zod';

/**
 * One zod schema per mock-data CSV row. Cells arrive as strings, so numbers
 * are parsed explicitly: `z.coerce.number()` would turn an empty cell into 0
 * and "1e3" into 1000, and a typo in the data should fail loudly instead.
 */
const text = z.string().trim().min(1, 'must not be empty');

/** A SKU becomes an item id on the board, and item ids are at most 200 characters. */
const sku = text.max(200, 'must be at most 200 characters');

const count = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a whole number ≥ 0')
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER, 'is too large'));

const money = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a number ≥ 0')
  .transform(Number);

/** `YYYY-MM-DD` and a real calendar day (2026-02-30 is refused). */
const isoDate = z.string().trim().pipe(z.iso.date('must be a date YYYY-MM-DD'));

/** An empty cell means "not yet" (e.g. an open purchase order's delivery). */
const optionalIsoDate = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .pipe(z.iso.date('must be a date YYYY-MM-DD or empty').nullable());

export const InventoryRowSchema = z
  .object({
    sku,
    name: text,
    category: text,
    current_stock: count,
    min_stock: count,
    max_stock: count,
    reorder_point: count,
    supplier: text,
    unit_cost: money,
    lead_time_days: count,
  })
  // Only the orderings no inventory could mean; the stricter mock-data shape is checked in its tests.
  .refine((row) => row.min_stock <= row.max_stock, {
    message: 'min_stock must not exceed max_stock',
    path: ['min_stock'],
  })
  .refine((row) => row.reorder_point <= row.max_stock, {
    message: 'reorder_point must not exceed max_stock',
    path: ['reorder_point'],
  });
export type InventoryRow = z.output<typeof InventoryRowSchema>;

export const CatalogRowSchema = z.object({
  sku,
  name: text,
  category: text,
  supplier: text,
  unit_cost: money,
  lead_time_days: count,
});
export type CatalogRow = z.output<typeof CatalogRowSchema>;

export const SupplierRowSchema = z.object({
  name: text,
  country: text,
  contact_email: z.string().trim().pipe(z.email('must be an email address')),
  payment_terms: text,
  lead_time_days: count,
});
export type SupplierRow = z.output<typeof SupplierRowSchema>;

export const SalesRowSchema = z.object({
  date: isoDate,
  sku,
  units: count,
});
export type SalesRow = z.output<typeof SalesRowSchema>;

export const PurchaseOrderRowSchema = z
  .object({
    po_id: text,
    supplier: text,
    sku,
    order_date: isoDate,
    promised_date: isoDate,
    delivered_date: optionalIsoDate,
    quantity_ordered: count,
    quantity_received: count,
    defective_units: count,
  })
  // ISO dates compare correctly as strings.
  .refine((row) => row.promised_date >= row.order_date, {
    message: 'promised_date is before order_date',
    path: ['promised_date'],
  })
  .refine((row) => row.delivered_date === null || row.delivered_date >= row.order_date, {
    message: 'delivered_date is before order_date',
    path: ['delivered_date'],
  })
  .refine((row) => row.defective_units <= row.quantity_received, {
    message: 'defective_units exceeds quantity_received',
    path: ['defective_units'],
  });
export type PurchaseOrderRow = z.output<typeof PurchaseOrderRowSchema>;
