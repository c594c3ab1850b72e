// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ForecastChart } from '../../../client/src/agent/ForecastChart.js';
import type { ForecastResultsData } from '../../../shared/progress.js';

afterEach(cleanup);

const results: ForecastResultsData = {
  horizon_days: 3,
  start_date: '2025-03-04',
  forecasts: [
    {
      sku: 'SKU-1',
      name: 'Widget',
      daily: [1, 2, 3],
      total: 6,
      lower: [0, 1, 2],
      upper: [2, 3, 4],
      history: [1, 1],
    },
    { sku: 'SKU-2', daily: [10, 10, 10], total: 30 },
  ],
  accuracy: { mase: 0.82, smape: 21.4, baseline_mase: 1 },
};

describe('ForecastChart', () => {
  it('falls back to a table where there is no canvas (happy-dom) and reports accuracy in words', () => {
    render(<ForecastChart results={results} />);
    const table = screen.getByRole('table', { name: /Forecast for Widget/ });
    expect(Array.from(table.querySelectorAll('tbody tr'), (tr) => tr.children[0]?.textContent)).toEqual([
      'Mar 4',
      'Mar 5',
      'Mar 6',
    ]);
    expect(table.textContent).toContain('0 – 2');
    const accuracy = screen.getByTestId('forecast-accuracy').textContent;
    expect(accuracy).toContain('0.82');
    expect(accuracy).toContain('21.4%');
    expect(accuracy).toContain('beats seasonal-naive by 18%');
  });

  it('switches SKU from the selector', () => {
    render(<ForecastChart results={results} />);
    fireEvent.change(screen.getByLabelText('SKU'), { target: { value: 'SKU-2' } });
    expect(screen.getByText('30 units in 3 days')).toBeTruthy();
    expect(screen.getByRole('table', { name: /Forecast for SKU-2/ }).textContent).not.toContain('–');
  });

  it('says so when there is nothing to chart', () => {
    const accuracy = { mase: null, smape: null, baseline_mase: null };
    render(<ForecastChart results={{ horizon_days: 28, forecasts: [], accuracy }} />);
    expect(screen.getByText('No forecasts.')).toBeTruthy();
  });
});
