import { describe, expect, it } from 'vitest';
import { parseForecastResults, parseSupplierResults } from '../../../client/src/agent/result-data.js';

const supplier = {
  supplier: 'Acme',
  orders: 40,
  on_time_rate: 0.9,
  mean_lead_time_days: 4.2,
  p90_lead_time_days: 7,
  fill_rate: 0.97,
  defect_rate: 0.01,
  score: 0.88,
  rank: 1,
};

describe('parseSupplierResults', () => {
  it('keeps well-formed rows, shows missing metrics as null and skips rows without a supplier', () => {
    const rows = parseSupplierResults({
      suppliers: [supplier, { ...supplier, supplier: 'Bolt', score: 'n/a' }, { rank: 3 }],
    });
    expect(rows).toHaveLength(2);
    expect(rows?.[0]).toEqual(supplier);
    expect(rows?.[1]?.score).toBeNull();
  });

  it('is null without a supplier list', () => {
    expect(parseSupplierResults(undefined)).toBeNull();
    expect(parseSupplierResults({ suppliers: 'none' })).toBeNull();
  });
});

describe('parseForecastResults', () => {
  it('reads horizon, forecasts (optional bands and history) and accuracy', () => {
    const parsed = parseForecastResults({
      horizon_days: 28,
      start_date: '2025-03-04',
      forecasts: [
        { sku: 'SKU-1', daily: [1, 2], total: 3, lower: [0, 1], upper: [2, 3], history: [4] },
        { sku: 'SKU-2', daily: [5], total: 5, lower: 'bad' },
        { daily: [1] },
      ],
      accuracy: { mase: 0.8, smape: 0.21, baseline_mase: 1 },
    });
    expect(parsed?.horizonDays).toBe(28);
    expect(parsed?.startDate).toBe('2025-03-04');
    expect(parsed?.forecasts.map((f) => f.sku)).toEqual(['SKU-1', 'SKU-2']);
    expect(parsed?.forecasts[1]?.lower).toBeUndefined();
    expect(parsed?.accuracy).toEqual({ mase: 0.8, smape: 0.21, baseline_mase: 1 });
  });

  it('tolerates missing accuracy and horizon', () => {
    const parsed = parseForecastResults({ forecasts: [], start_date: 'tomorrow' });
    expect(parsed).toEqual({ horizonDays: null, startDate: null, forecasts: [], accuracy: null });
    expect(parseForecastResults({})).toBeNull();
  });
});
