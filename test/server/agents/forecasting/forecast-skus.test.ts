import { describe, expect, it } from 'vitest';
import { evaluateHoldout, forecastSku } from '../../../../server/agents/forecasting/index.js';
import { demandSeries, WEEK } from './synthetic.js';

describe('forecastSku', () => {
  it('gives one non-negative value per horizon day, a total and a bracketing interval', () => {
    const result = forecastSku('SKU-1', demandSeries(3, 365), 28);
    expect(result.sku).toBe('SKU-1');
    expect(result.daily).toHaveLength(28);
    expect(result.lower).toHaveLength(28);
    expect(result.upper).toHaveLength(28);
    expect(result.total).toBeCloseTo(
      result.daily.reduce((a, b) => a + b, 0),
      9,
    );
    result.daily.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(result.lower[i]).toBeLessThanOrEqual(d);
      expect(result.upper[i]).toBeGreaterThanOrEqual(d);
    });
  });

  it('falls back to a flat mean for histories under two weeks, zeros for none', () => {
    // mean of [2, 4] = 3; sample sd = √2 → interval 3 ± 1.96·1.414 = [0.228, 5.772]
    const young = forecastSku('NEW', [2, 4], 3);
    expect(young.daily).toEqual([3, 3, 3]);
    expect(young.total).toBe(9);
    expect(young.lower[0]).toBeCloseTo(3 - 1.959963984540054 * Math.SQRT2, 12);
    expect(forecastSku('NONE', [], 2)).toEqual({
      sku: 'NONE',
      daily: [0, 0],
      total: 0,
      lower: [0, 0],
      upper: [0, 0],
    });
  });
});

describe('evaluateHoldout', () => {
  it('scores Holt-Winters and the seasonal-naive baseline on the last 8 weeks', () => {
    const accuracy = evaluateHoldout(demandSeries(11, 730));
    const { mase, smape, baseline_mase, baseline_smape } = accuracy;
    for (const v of [mase, smape, baseline_mase, baseline_smape]) expect(v).toEqual(expect.any(Number));
    expect(mase as number).toBeLessThan(baseline_mase as number);
    expect(smape as number).toBeLessThan(baseline_smape as number);
  });

  it('is all null when the training part is shorter than two weeks', () => {
    expect(evaluateHoldout(demandSeries(1, 69))).toEqual({
      mase: null,
      smape: null,
      baseline_mase: null,
      baseline_smape: null,
    });
    expect(evaluateHoldout(demandSeries(1, 70))).toMatchObject({ mase: expect.any(Number) });
  });

  it('reports MASE as null, not Infinity, when the training series repeats exactly', () => {
    const series = Array.from({ length: 140 }, (_, t) => 20 + (WEEK[t % 7] as number));
    const accuracy = evaluateHoldout(series, 28);
    expect(accuracy.mase).toBeNull();
    expect(accuracy.baseline_mase).toBeNull();
    expect(accuracy.smape).toBeCloseTo(0, 6);
    expect(accuracy.baseline_smape).toBe(0);
  });
});
