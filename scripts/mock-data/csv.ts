/** The files of the mock data set: their columns, in order, and a minimal CSV writer. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Cell = string | number;
export type Row = Record<string, Cell>;

/** The column order of each file (the server checks headers by name, people read them in this order). */
const COLUMNS = {
  'suppliers.csv': ['name', 'country', 'contact_email', 'payment_terms', 'lead_time_days'],
  'inventory.csv': [
    ...['sku', 'name', 'category', 'current_stock', 'min_stock', 'max_stock', 'reorder_point'],
    ...['supplier', 'unit_cost', 'lead_time_days'],
  ],
  'catalog.csv': ['sku', 'name', 'category', 'supplier', 'unit_cost', 'lead_time_days'],
  'sales_history.csv': ['date', 'sku', 'units'],
  'purchase_orders.csv': [
    ...['po_id', 'supplier', 'sku', 'order_date', 'promised_date', 'delivered_date'],
    ...['quantity_ordered', 'quantity_received', 'defective_units'],
  ],
} as const satisfies Record<string, readonly string[]>;

export type FileName = keyof typeof COLUMNS;

function csvCell(value: Cell): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function writeCsv(dir: string, file: FileName, rows: readonly Row[]): void {
  const columns: readonly string[] = COLUMNS[file];
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column] ?? '')).join(','));
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
}
