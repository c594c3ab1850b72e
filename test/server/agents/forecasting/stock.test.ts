import { describe, expect, it } from 'vitest';
import {
  daysOfCover,
  demandOver,
  reorderQuantity,
  stockoutDate,
} from '../../../../server/agents/forecasting/index.js';

describe('daysOfCover', () => {
  it('counts fractional days until demand uses up stock', () => {
    expect(daysOfCover(10, [4, 4, 4])).toBeCloseTo(2.5, 12); // 4 + 4, then 2 of day 3's 4
    expect(daysOfCover(8, [4, 4, 4])).toBe(2); // exactly two days
    expect(daysOfCover(5, [0, 2, 6])).toBeCloseTo(2.5, 12); // 0 + 2, then 3 of 6
  });

  it('extrapolates past the horizon at the mean daily rate', () => {
    // 12 used over 3 days, 8 left at 4/day → 3 + 2
    expect(daysOfCover(20, [4, 4, 4])).toBeCloseTo(5, 12);
  });

  it('is 0 without stock and null without demand', () => {
    expect(daysOfCover(0, [4])).toBe(0);
    expect(daysOfCover(5, [0, 0, 0])).toBeNull();
    expect(daysOfCover(5, [])).toBeNull();
  });
});

describe('stockoutDate', () => {
  it('is the first day cumulative demand exceeds stock', () => {
    // cumulative 4, 8, 12: stock 8 is met on days 1–2, short on day 3
    expect(stockoutDate(8, [4, 4, 4], '2024-05-01')).toBe('2024-05-03');
    expect(stockoutDate(10, [4, 4, 4], '2024-05-01')).toBe('2024-05-03');
    expect(stockoutDate(3, [4], '2024-12-31')).toBe('2024-12-31');
  });

  it('crosses month ends, leap days and years', () => {
    // cumulative 2, 4, 6 > 5 on the third day: 28 Feb, 29 Feb, 1 Mar 2024
    expect(stockoutDate(5, [2, 2, 2], '2024-02-28')).toBe('2024-03-01');
    expect(stockoutDate(1, [0, 0, 2], '2024-12-30')).toBe('2025-01-01');
  });

  it('is null when stock lasts the horizon', () => {
    expect(stockoutDate(12, [4, 4, 4], '2024-05-01')).toBeNull();
    expect(stockoutDate(0.3, [0.1, 0.1, 0.1], '2024-05-01')).toBeNull(); // no float false alarm
    expect(stockoutDate(0, [], '2024-05-01')).toBeNull();
  });
});

describe('reorderQuantity', () => {
  const forecast = [4, 5, 6, 7];

  it('refills to max_stock after lead-time demand', () => {
    // lead 3: demand 4 + 5 + 6 = 15, 30 − 15 = 15 on arrival → 100 − 15 = 85
    expect(reorderQuantity({ current_stock: 30, max_stock: 100, lead_time_days: 3 }, forecast)).toBe(85);
    // lead 2.5: 4 + 5 + 0.5·6 = 12 → 18 on arrival → 82
    expect(reorderQuantity({ current_stock: 30, max_stock: 100, lead_time_days: 2.5 }, forecast)).toBe(82);
    // lead 0: nothing sold before arrival → 70
    expect(reorderQuantity({ current_stock: 30, max_stock: 100, lead_time_days: 0 }, forecast)).toBe(70);
  });

  it('treats unmet demand as lost: stock bottoms out at 0', () => {
    // 5 in stock, 15 demanded over the lead time → 0 on arrival → order the full 100
    expect(reorderQuantity({ current_stock: 5, max_stock: 100, lead_time_days: 3 }, forecast)).toBe(100);
  });

  it('extrapolates lead times past the horizon at the mean rate', () => {
    // 6 days: 4 + 5 + 6 + 7 = 22, then 2 days at 22/4 = 5.5 → 33; 50 − 33 = 17 → 83
    expect(demandOver(forecast, 6)).toBeCloseTo(33, 12);
    expect(reorderQuantity({ current_stock: 50, max_stock: 100, lead_time_days: 6 }, forecast)).toBe(83);
  });

  it('rounds up to whole units and never goes negative', () => {
    // 10 − 0.5 = 9.5 on arrival → 10.5 short → 11
    expect(reorderQuantity({ current_stock: 10, max_stock: 20, lead_time_days: 1 }, [0.5])).toBe(11);
    // demand a hair above a whole unit (float noise from summing forecasts) orders no extra unit
    expect(reorderQuantity({ current_stock: 10, max_stock: 10, lead_time_days: 1 }, [1 + 1e-12])).toBe(1);
    expect(reorderQuantity({ current_stock: 200, max_stock: 100, lead_time_days: 1 }, [1])).toBe(0);
    expect(() => reorderQuantity({ current_stock: 1, max_stock: 2, lead_time_days: -1 }, [1])).toThrow(
      RangeError,
    );
  });
});
