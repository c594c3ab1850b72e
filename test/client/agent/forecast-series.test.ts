import { describe, expect, it } from 'vitest';
import { buildForecastSeries, dayLabeller } from '../../../client/src/agent/forecast-series.js';

describe('buildForecastSeries', () => {
  it('aligns history (ending today) with the forecast and joins them at day 0', () => {
    const s = buildForecastSeries({ history: [5, 6, 7], daily: [8, 9], lower: [6, 6], upper: [10, 12] });
    expect(s.x).toEqual([-2, -1, 0, 1, 2]);
    expect(s.history).toEqual([5, 6, 7, null, null]);
    expect(s.forecast).toEqual([null, null, 7, 8, 9]);
    expect(s.lower).toEqual([null, null, 7, 6, 6]);
    expect(s.upper).toEqual([null, null, 7, 10, 12]);
    expect(s).toMatchObject({ hasHistory: true, hasBand: true });
  });

  it('works with a forecast alone', () => {
    const s = buildForecastSeries({ daily: [1, 2, 3] });
    expect(s.x).toEqual([1, 2, 3]);
    expect(s.forecast).toEqual([1, 2, 3]);
    expect(s.history).toEqual([null, null, null]);
    expect(s.lower).toEqual([null, null, null]);
    expect(s).toMatchObject({ hasHistory: false, hasBand: false });
  });

  it('ignores a band whose length does not match the forecast', () => {
    expect(buildForecastSeries({ daily: [1, 2], lower: [0], upper: [2, 3] }).hasBand).toBe(false);
  });

  it('labels days relative to today without a start date, as dates with one', () => {
    expect([-3, 0, 7, 2.5].map(dayLabeller(null))).toEqual(['-3', 'today', '+7', '']);
    expect([0, 1, 28].map(dayLabeller('2025-02-28'))).toEqual(['Feb 27', 'Feb 28', 'Mar 27']);
    expect(dayLabeller('soon')(1)).toBe('+1');
  });
});
