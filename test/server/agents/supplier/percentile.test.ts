import { describe, expect, it } from 'vitest';
import { daysBetween, quantileType7 } from '../../../../server/agents/supplier/index.js';

describe('quantileType7', () => {
  it('interpolates between order statistics', () => {
    // [1, 2, 3, 4] p=0.9: h = 3·0.9 = 2.7 → 3 + 0.7·1 = 3.7
    expect(quantileType7([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileType7([4, 1, 3, 2], 0)).toBe(1);
    expect(quantileType7([4, 1, 3, 2], 1)).toBe(4);
    expect(quantileType7([5], 0.9)).toBe(5);
  });

  it('is null for no values and refuses p outside [0, 1]', () => {
    expect(quantileType7([], 0.5)).toBeNull();
    expect(() => quantileType7([1], 1.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days in UTC, across month ends and DST changes', () => {
    expect(daysBetween('2024-01-31', '2024-02-01')).toBe(1);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2024-12-31')).toBe(366);
    expect(daysBetween('2024-01-05', '2024-01-01')).toBe(-4);
  });
});
