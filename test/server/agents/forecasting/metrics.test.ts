import { describe, expect, it } from 'vitest';
import { mae, mase, seasonalNaive, smape } from '../../../../server/agents/forecasting/index.js';

describe('metrics on hand-computed vectors', () => {
  it('mae', () => {
    // |1−2| + |2−2| + |3−5| = 3 over 3 points
    expect(mae([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(() => mae([1], [1, 2])).toThrow(RangeError);
  });

  it('seasonalNaive repeats the last season', () => {
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 3)).toEqual([8, 9, 10, 8, 9]);
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7], 2)).toEqual([1, 2]);
    expect(() => seasonalNaive([1, 2], 3, 3)).toThrow(RangeError);
  });

  it('mase scales by the in-sample seasonal-naive MAE', () => {
    // training m = 2: |3−1| = |4−2| = |5−3| = |6−4| = 2 → scale 2
    // MAE of the forecast: (|7−6| + |8−10|)/2 = 1.5 → MASE 0.75
    expect(mase([7, 8], [6, 10], [1, 2, 3, 4, 5, 6], 2)).toBeCloseTo(0.75, 12);
    // m = 7 default: training of 9 points, y_t − y_{t−7} = 7 for both t = 7, 8
    expect(mase([0], [14], [1, 2, 3, 4, 5, 6, 7, 8, 9])).toBeCloseTo(2, 12);
  });

  it('mase is NaN where its scale is undefined', () => {
    expect(mase([1], [1], [5, 5, 5, 5], 2)).toBeNaN();
    expect(mase([1], [1], [1, 2], 2)).toBeNaN();
  });

  it('smape in percent on the 0–200 scale, 0/0 days count as exact', () => {
    // 200·10/210 = 9.5238; both 0 → 0; 200·50/50 = 200 → mean 69.8413
    expect(smape([100, 0, 50], [110, 0, 0])).toBeCloseTo((200 * 10) / 210 / 3 + 200 / 3, 12);
    expect(smape([3, 4], [3, 4])).toBe(0);
    expect(smape([0, 0], [1, 2])).toBe(200);
  });
});
