/**
 * The board's columns. `field` is what an input's data-field names (UI-6): top-level item keys (name, type) or `data` fields.
 */
export type ColumnKey =
  | 'name'
  | 'sku'
  | 'type'
  | 'current_stock'
  | 'min_stock'
  | 'max_stock'
  | 'reorder_point'
  | 'supplier'
  | 'forecast'
  | 'updated';

export interface Column {
  key: ColumnKey;
  label: string;
  /** Shown as a tooltip on the header: what a short label means. */
  hint?: string;
  /** Editable columns render an input with data-field equal to the key. */
  editable: boolean;
  numeric: boolean;
  /** CSS grid track. */
  width: string;
}

export const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set(['name', 'type']);

export const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', editable: true, numeric: false, width: 'minmax(170px, 2.4fr)' },
  { key: 'sku', label: 'SKU', editable: true, numeric: false, width: 'minmax(92px, 1fr)' },
  { key: 'type', label: 'Type', editable: true, numeric: false, width: 'minmax(92px, 0.8fr)' },
  {
    key: 'current_stock',
    label: 'Stock',
    hint: 'current_stock',
    editable: true,
    numeric: true,
    width: '96px',
  },
  { key: 'min_stock', label: 'Min', hint: 'min_stock', editable: true, numeric: true, width: '64px' },
  { key: 'max_stock', label: 'Max', hint: 'max_stock', editable: true, numeric: true, width: '64px' },
  {
    key: 'reorder_point',
    label: 'Reorder',
    hint: 'reorder_point: an item is low on stock when its stock is at or below this',
    editable: true,
    numeric: true,
    width: '80px',
  },
  { key: 'supplier', label: 'Supplier', editable: true, numeric: false, width: 'minmax(116px, 1.3fr)' },
  {
    key: 'forecast',
    label: 'Forecast',
    hint: 'forecast_units over forecast_horizon_days, and days of cover',
    editable: false,
    numeric: false,
    width: 'minmax(100px, 1fr)',
  },
  { key: 'updated', label: 'Updated by', editable: false, numeric: false, width: 'minmax(100px, 1fr)' },
];

/** The row grid: the columns plus the remove button. */
export const GRID_TEMPLATE = `${COLUMNS.map((c) => c.width).join(' ')} 36px`;
