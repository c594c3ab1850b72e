import { describe, expect, it } from 'vitest';
import { firstAtLeast, mean, median, percentile, ratio, summarizeLatency } from '../../bench/stats.js';

describe('bench statistics', () => {
  it('takes percentiles by nearest rank, so every figure is a value that occurred', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it('summarizes p50, p99 and max of 1,000 latencies', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(summarizeLatency(values)).toEqual({ p50: 500, p99: 990, max: 1000 });
    expect(summarizeLatency(new Float64Array([3]))).toEqual({ p50: 3, p99: 3, max: 3 });
    expect(summarizeLatency([]).max).toBeNaN();
  });

  it('takes medians of odd and even counts and means', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(mean([1, 2, 3, 6])).toBe(3);
  });

  it('gives NaN for ratios with a missing or zero side', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(undefined, 2)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });

  it('finds the first entry of a non-decreasing series at or above a threshold', () => {
    const series = [0, 2, 2, 5, 9];
    expect(firstAtLeast(series, 0)).toBe(0);
    expect(firstAtLeast(series, 2)).toBe(1);
    expect(firstAtLeast(series, 3)).toBe(3);
    expect(firstAtLeast(series, 9)).toBe(4);
    expect(firstAtLeast(series, 10)).toBe(-1);
    expect(firstAtLeast([], 1)).toBe(-1);
  });
});
