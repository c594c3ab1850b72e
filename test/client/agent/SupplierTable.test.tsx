// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SupplierScore } from '../../../shared/progress.js';
import { sortSuppliers, SupplierTable } from '../../../client/src/agent/SupplierTable.js';

afterEach(cleanup);

const row = (supplier: string, rank: number, on_time_rate: number | null): SupplierScore => ({
  supplier,
  orders: 10,
  on_time_rate,
  mean_lead_time_days: 4.25,
  p90_lead_time_days: 9,
  fill_rate: 0.955,
  defect_rate: 0.012,
  score: 81.23,
  rank,
});

// Cog has no delivered order yet: its on-time rate is unknown (null), not 0.
const rows = [row('Bolt', 2, 0.8), row('Acme', 1, 0.95), row('Cog', 4, null), row('Dyn', 3, 0.7)];
const names = () =>
  Array.from(
    screen.getByTestId('supplier-table').querySelectorAll('tbody tr'),
    (tr) => tr.children[1]?.textContent,
  );

describe('sortSuppliers', () => {
  it('sorts either way with missing values last', () => {
    expect(sortSuppliers(rows, { key: 'rank', dir: 'asc' }).map((r) => r.supplier)).toEqual([
      'Acme',
      'Bolt',
      'Dyn',
      'Cog',
    ]);
    expect(sortSuppliers(rows, { key: 'rank', dir: 'desc' }).map((r) => r.supplier)).toEqual([
      'Cog',
      'Dyn',
      'Bolt',
      'Acme',
    ]);
    for (const dir of ['asc', 'desc'] as const) {
      expect(sortSuppliers(rows, { key: 'on_time_rate', dir }).at(-1)?.supplier).toBe('Cog');
    }
    expect(sortSuppliers(rows, { key: 'supplier', dir: 'asc' }).map((r) => r.supplier)).toEqual([
      'Acme',
      'Bolt',
      'Cog',
      'Dyn',
    ]);
  });
});

describe('SupplierTable', () => {
  it('shows suppliers by rank with percentages and days formatted', () => {
    render(<SupplierTable suppliers={rows} />);
    expect(names()).toEqual(['Acme', 'Bolt', 'Dyn', 'Cog']);
    const first = screen.getByTestId('supplier-table').querySelector('tbody tr');
    const cells = Array.from(first?.children ?? [], (td) => td.textContent);
    expect(cells).toEqual(['1', 'Acme', '81.2', '95.0%', '4.3 d', '9.0 d', '95.5%', '1.20%', '10']);
  });

  it('re-sorts when a header is clicked, toggling direction on a second click', () => {
    render(<SupplierTable suppliers={rows} />);
    const rank = screen.getByRole('button', { name: /Rank/ });
    fireEvent.click(rank);
    expect(names()).toEqual(['Cog', 'Dyn', 'Bolt', 'Acme']);
    expect(rank.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: /On time/ }));
    expect(names()).toEqual(['Acme', 'Bolt', 'Dyn', 'Cog']);
  });
});
