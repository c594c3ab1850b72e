import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMockData } from '../../../server/data/mock-data.js';

/**
 * The sales history must carry signal, not only noise: on the last 8 weeks,
 * a plain additive Holt-Winters (weekly season, fixed smoothing) has to beat
 * the seasonal-naive forecast, as it does on real retail data. This is a check
 * of the data, not of the forecasting agent's model.
 */
const MOCK_DIR = fileURLToPath(new URL('../../../mock_data/', import.meta.url));
const SEASON = 7;
const HOLDOUT = 56;

function holtWinters(y: readonly number[], horizon: number, alpha = 0.1, beta = 0.01, gamma = 0.1): number[] {
  const at = (i: number) => y[i] ?? 0;
  const mean = (from: number) => y.slice(from, from + SEASON).reduce((a, b) => a + b, 0) / SEASON;
  let level = mean(0);
  let trend = (mean(SEASON) - mean(0)) / SEASON;
  const season = Array.from({ length: SEASON }, (_, i) => at(i) - level);
  for (let t = SEASON; t < y.length; t++) {
    const s = season[t % SEASON]!;
    const previous = level;
    level = alpha * (at(t) - s) + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
    season[t % SEASON] = gamma * (at(t) - level) + (1 - gamma) * s;
  }
  return Array.from({ length: horizon }, (_, k) => level + (k + 1) * trend + season[(y.length + k) % SEASON]!);
}

function meanAbsError(actual: readonly number[], forecast: readonly number[]): number {
  return actual.reduce((sum, value, i) => sum + Math.abs(value - (forecast[i] ?? 0)), 0) / actual.length;
}

describe('sales history', () => {
  it('lets Holt-Winters beat seasonal-naive on an 8-week holdout', async () => {
    const series = await createMockData(MOCK_DIR).salesBySku();
    let hwMase = 0;
    let naiveMase = 0;
    let hwWins = 0;
    for (const { units } of series.values()) {
      const train = units.slice(0, -HOLDOUT);
      const test = units.slice(-HOLDOUT);
      const lastWeek = train.slice(-SEASON);
      const naive = test.map((_, k) => lastWeek[k % SEASON]!);
      const scale = meanAbsError(train.slice(SEASON), train.slice(0, -SEASON));
      const hw = meanAbsError(test, holtWinters(train, HOLDOUT)) / scale;
      const sn = meanAbsError(test, naive) / scale;
      hwMase += hw / series.size;
      naiveMase += sn / series.size;
      if (hw < sn) hwWins++;
    }
    expect(hwMase).toBeLessThan(naiveMase * 0.9);
    expect(hwWins / series.size).toBeGreaterThan(0.7);
    // Moderate, not trivial: the noise keeps the MASE well above zero.
    expect(hwMase).toBeGreaterThan(0.5);
  });
});
