import { useMemo, useState } from 'react';
import './supplier-table.css';
import './agent-empty.css';
import { formatDays, formatNumber, formatPercent } from './format.js';
import type { SupplierScore as SupplierRow } from '../../../shared/progress.js';

type SortKey = Exclude<keyof SupplierRow, 'supplier'> | 'supplier';

interface Column {
  key: SortKey;
  label: string;
  /** Header text when the label is too wide for its column; `label` stays the accessible name. */
  short?: string;
  format(row: SupplierRow): string;
  /** The direction a first click sorts in: best first (high rates, low lead times). */
  firstDir: 'asc' | 'desc';
  numeric: boolean;
  /** Rank and name stay in view while the metrics scroll sideways in a narrow side panel. */
  sticky?: 'rank' | 'name';
}

const metric = (
  key: SortKey,
  label: string,
  format: (row: SupplierRow) => string,
  firstDir: 'asc' | 'desc',
): Column => ({ key, label, format, firstDir, numeric: true });

// Ordered by what a planner reads first: the score, then reliability, speed and quality.
const COLUMNS: readonly Column[] = [
  { ...metric('rank', 'Rank', (r) => formatNumber(r.rank, 0), 'asc'), sticky: 'rank', short: '#' },
  {
    key: 'supplier',
    label: 'Supplier',
    format: (r) => r.supplier,
    firstDir: 'asc',
    numeric: false,
    sticky: 'name',
  },
  metric('score', 'Score', (r) => formatNumber(r.score, 1), 'desc'),
  metric('on_time_rate', 'On time', (r) => formatPercent(r.on_time_rate), 'desc'),
  metric('mean_lead_time_days', 'Lead time', (r) => formatDays(r.mean_lead_time_days), 'asc'),
  metric('p90_lead_time_days', 'P90 lead', (r) => formatDays(r.p90_lead_time_days), 'asc'),
  metric('fill_rate', 'Fill rate', (r) => formatPercent(r.fill_rate), 'desc'),
  metric('defect_rate', 'Defects', (r) => formatPercent(r.defect_rate, 2), 'asc'),
  metric('orders', 'Orders', (r) => formatNumber(r.orders, 0), 'desc'),
];

export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** Sorted copy; missing values always sink to the bottom whatever the direction. */
export function sortSuppliers(rows: readonly SupplierRow[], { key, dir }: SortState): SupplierRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'string' || typeof y === 'string') return sign * String(x).localeCompare(String(y));
    return sign * (x - y);
  });
}

/** `supplier_results` for people: one row per supplier, best rank first, every column sortable. */
export function SupplierTable({ suppliers }: { suppliers: readonly SupplierRow[] }) {
  const [sort, setSort] = useState<SortState>({ key: 'rank', dir: 'asc' });
  const rows = useMemo(() => sortSuppliers(suppliers, sort), [suppliers, sort]);

  const toggle = (column: Column) =>
    setSort((prev) =>
      prev.key === column.key
        ? { key: column.key, dir: prev.dir === 'asc' ? 'desc' : 'asc' }
        : { key: column.key, dir: column.firstDir },
    );

  if (suppliers.length === 0) return <p className="agent-empty">No supplier data.</p>;
  return (
    <div className="agent-table-wrap">
      <table className="agent-table" data-testid="supplier-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  data-numeric={column.numeric || undefined}
                  data-sticky={column.sticky}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="agent-table__sort"
                    aria-label={column.short ? column.label : undefined}
                    onClick={() => toggle(column)}
                  >
                    {column.short ?? column.label}
                    <span className="agent-table__arrow" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.supplier} data-rank={row.rank ?? undefined}>
              {COLUMNS.map((column) => (
                <td key={column.key} data-numeric={column.numeric || undefined} data-sticky={column.sticky}>
                  {column.format(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
