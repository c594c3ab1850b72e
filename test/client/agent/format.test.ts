import { describe, expect, it } from 'vitest';
import {
  describeBaseline,
  formatDays,
  formatNumber,
  formatPercent,
  formatPercentPoints,
  formatTime,
  MISSING,
  progressFraction,
} from '../../../client/src/agent/format.js';

describe('formatting helpers', () => {
  it('formats fractions as percentages, over-delivery included, and percent figures as they are', () => {
    expect(formatPercent(0.934)).toBe('93.4%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(1.05)).toBe('105.0%');
    expect(formatPercent(0.0125, 2)).toBe('1.25%');
    expect(formatPercent(null)).toBe(MISSING);
    expect(formatPercent(Number.NaN)).toBe(MISSING);
    expect(formatPercentPoints(21.44)).toBe('21.4%');
    expect(formatPercentPoints(undefined)).toBe(MISSING);
  });

  it('formats days and plain numbers', () => {
    expect(formatDays(3.25)).toBe('3.3 d');
    expect(formatDays(undefined)).toBe(MISSING);
    expect(formatNumber(1234.56, 1)).toBe('1,234.6');
    expect(formatNumber(12, 0)).toBe('12');
    expect(formatNumber(Infinity)).toBe(MISSING);
  });

  it('formats timestamps as local wall-clock time, empty when unparsable', () => {
    expect(formatTime('2025-01-06T09:05:07.000Z')).toMatch(/^\d{2}:05:07$/);
    expect(formatTime('yesterday')).toBe('');
  });

  it('turns done/total into a clamped fraction', () => {
    expect(progressFraction(3, 12)).toBe(0.25);
    expect(progressFraction(20, 10)).toBe(1);
    expect(progressFraction(-1, 10)).toBe(0);
    expect(progressFraction(1, 0)).toBeNull();
    expect(progressFraction('1', 2)).toBeNull();
    expect(progressFraction(undefined, undefined)).toBeNull();
  });

  it('compares the forecast with the seasonal-naive baseline in words', () => {
    expect(describeBaseline(0.82, 1)).toBe('beats seasonal-naive by 18%');
    expect(describeBaseline(1.2, 1)).toBe('trails seasonal-naive by 20%');
    expect(describeBaseline(0.999, 1)).toBe('on par with seasonal-naive');
    expect(describeBaseline(0.5, 0)).toBeNull();
    expect(describeBaseline(null, 1)).toBeNull();
  });
});
