import { describe, expect, it } from 'vitest';
import { evaluateHoldout, forecastAll } from '../../../../server/agents/forecasting/index.js';
import { demandSeries } from './synthetic.js';

const series = new Map(
  Array.from({ length: 12 }, (_, i) => [`SKU-${i}`, demandSeries(100 + i, 200)] as const),
);

describe('forecastAll', () => {
  it('forecasts every SKU and averages holdout accuracy over SKUs (arithmetic mean)', async () => {
    const result = await forecastAll(series, 28);
    expect(result.horizon_days).toBe(28);
    expect(result.stopped).toBe(false);
    expect(result.forecasts.map((f) => f.sku)).toEqual([...series.keys()]);
    for (const f of result.forecasts) expect(f.daily).toHaveLength(28);

    const each = [...series.values()].map((units) => evaluateHoldout(units));
    const mean = (pick: (a: (typeof each)[number]) => number | null) =>
      each.reduce((sum, a) => sum + (pick(a) as number), 0) / each.length;
    expect(result.accuracy.mase).toBeCloseTo(
      mean((a) => a.mase),
      12,
    );
    expect(result.accuracy.smape).toBeCloseTo(
      mean((a) => a.smape),
      12,
    );
    expect(result.accuracy.baseline_mase).toBeCloseTo(
      mean((a) => a.baseline_mase),
      12,
    );
  });

  it('reports progress after each chunk and yields a macrotask between chunks', async () => {
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    const seen: [number, number, boolean][] = [];
    await forecastAll(series, 7, {
      chunkSize: 5,
      onProgress: (done, total) => seen.push([done, total, immediateRan]),
    });
    // the first chunk runs before anything else gets a turn; the event loop runs between chunks
    expect(seen).toEqual([
      [5, 12, false],
      [10, 12, true],
      [12, 12, true],
    ]);
  });

  it('stops early when asked and returns what it has', async () => {
    let chunks = 0;
    const result = await forecastAll(series, 7, {
      chunkSize: 4,
      onProgress: () => (chunks += 1),
      shouldStop: () => chunks >= 2,
    });
    expect(result.stopped).toBe(true);
    expect(result.forecasts).toHaveLength(8);
    expect(result.accuracy.mase).toEqual(expect.any(Number));
  });

  it('stopping before the first chunk gives nothing and null accuracy', async () => {
    const result = await forecastAll(series, 7, { shouldStop: () => true });
    expect(result).toEqual({
      horizon_days: 7,
      forecasts: [],
      accuracy: { mase: null, smape: null, baseline_mase: null },
      stopped: true,
    });
  });

  it('handles no SKUs and SKUs too young to backtest', async () => {
    expect((await forecastAll(new Map(), 7)).forecasts).toEqual([]);
    const young = await forecastAll(new Map([['NEW', [1, 2, 3]]]), 2);
    expect(young.forecasts[0]?.daily).toEqual([2, 2]);
    expect(young.accuracy).toEqual({ mase: null, smape: null, baseline_mase: null });
  });
});
