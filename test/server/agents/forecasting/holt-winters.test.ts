import { describe, expect, it } from 'vitest';
import {
  fitHoltWinters,
  forecast,
  mase,
  seasonalNaive,
  Z95,
  type HoltWintersModel,
} from '../../../../server/agents/forecasting/index.js';
import { demandSeries, WEEK } from './synthetic.js';

const HOLDOUT = 56;

describe('fitHoltWinters + forecast', () => {
  it.each([1, 2, 3, 4, 5])('beats seasonal naive on trend + weekly season + noise (seed %i)', (seed) => {
    const series = demandSeries(seed, 730);
    const training = series.slice(0, -HOLDOUT);
    const actual = series.slice(-HOLDOUT);
    const hw = forecast(fitHoltWinters(training), HOLDOUT).mean;
    const naive = seasonalNaive(training, HOLDOUT);
    expect(mase(actual, hw, training)).toBeLessThan(mase(actual, naive, training));
  });

  it('reproduces a pure seasonal series', () => {
    const series = Array.from({ length: 70 }, (_, t) => 30 + (WEEK[t % 7] as number));
    const model = fitHoltWinters(series);
    const { mean, lower, upper } = forecast(model, 21);
    mean.forEach((y, h) => expect(y).toBeCloseTo(30 + (WEEK[(70 + h) % 7] as number), 9));
    expect(model.sigma).toBeCloseTo(0, 9);
    lower.forEach((y, h) => expect(y).toBeCloseTo(mean[h] as number, 6));
    upper.forEach((y, h) => expect(y).toBeCloseTo(mean[h] as number, 6));
  });

  it('extrapolates an exact line + season with an undamped trend (φ = 1)', () => {
    // the initial state recovers slope, season and level exactly, so every
    // one-step error is 0 and the forecast is ℓ + h·b + s
    const y = (t: number) => 10 + 0.5 * t + (WEEK[t % 7] as number);
    const series = Array.from({ length: 56 }, (_, t) => y(t));
    const model = fitHoltWinters(series, { alpha: 0.4, beta: 0.2, gamma: 0.3, phi: 1 });
    expect(model.params).toEqual({ alpha: 0.4, beta: 0.2, gamma: 0.3, phi: 1 });
    forecast(model, 14).mean.forEach((v, h) => expect(v).toBeCloseTo(y(56 + h), 9));
  });

  it('keeps the parameters it is given and searches the others', () => {
    const model = fitHoltWinters(demandSeries(9, 200), { alpha: 0.3, phi: 0.9 });
    expect(model.params.alpha).toBe(0.3);
    expect(model.params.phi).toBe(0.9);
    expect(model.period).toBe(7);
    expect(model.n).toBe(200);
  });

  it('respects the horizon and never forecasts negative demand', () => {
    // falling sales that reach zero: an undamped trend would go negative
    const series = Array.from({ length: 84 }, (_, t) => Math.max(0, 30 - 0.5 * t + (WEEK[t % 7] as number)));
    const model = fitHoltWinters(series);
    for (const horizon of [0, 1, 7, 60]) {
      const { mean, lower, upper } = forecast(model, horizon);
      expect([mean.length, lower.length, upper.length]).toEqual([horizon, horizon, horizon]);
      for (const v of [...mean, ...lower, ...upper]) expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(() => forecast(model, -1)).toThrow(RangeError);
    expect(() => forecast(model, 1.5)).toThrow(RangeError);
  });

  it('refuses series shorter than two seasons or with non-finite values', () => {
    expect(() => fitHoltWinters([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])).toThrow(RangeError);
    expect(() => fitHoltWinters([...demandSeries(1, 20), NaN])).toThrow(RangeError);
  });
});

describe('prediction interval', () => {
  const model: HoltWintersModel = {
    period: 7,
    params: { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
    level: 100,
    trend: 0,
    seasonal: [0, 0, 0, 0, 0, 0, 0],
    sigma: 1,
    n: 100,
  };

  it('widens by the model variance multiplier', () => {
    // β = γ = 0 → c_j = α = 0.5, v_h = 1 + (h − 1)·0.25
    // h = 1: ±1.96·1; h = 3: ±1.96·√1.5; h = 5: ±1.96·√2
    const { mean, lower, upper } = forecast(model, 5);
    expect(mean).toEqual([100, 100, 100, 100, 100]);
    expect((upper[0] as number) - 100).toBeCloseTo(Z95, 12);
    expect(100 - (lower[2] as number)).toBeCloseTo(Z95 * Math.sqrt(1.5), 12);
    expect((upper[4] as number) - 100).toBeCloseTo(Z95 * Math.SQRT2, 12);
  });

  it('adds the seasonal term once a full season has passed', () => {
    // α = 0.5, γ = 0.4, β = 0: c_j = 0.5 + 0.4·0.5·[j = 7] → v_8 = 1 + 6·0.25 + 0.7² = 2.99
    const seasonal = forecast({ ...model, params: { ...model.params, gamma: 0.4 } }, 8);
    expect((seasonal.upper[7] as number) - 100).toBeCloseTo(Z95 * Math.sqrt(2.99), 12);
  });
});
