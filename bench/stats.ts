/** Small pure statistics for the benchmark: percentiles by nearest rank, medians, ratios. */

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentile (p in 0..100) of unsorted values; NaN for an empty list.
 * Nearest rank, not interpolation: the figure is always a latency that really happened.
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarizeLatency(values: ArrayLike<number>): LatencySummary {
  if (values.length === 0) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
  return { p50: at(50), p99: at(99), max: sorted[sorted.length - 1]! };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** a / b, or NaN when either side is missing or b is zero. */
export function ratio(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) {
    return Number.NaN;
  }
  return a / b;
}

/**
 * Index of the first entry of a non-decreasing series that is ≥ threshold, or -1.
 * Used to find when a subscriber first held a given transaction.
 */
export function firstAtLeast(series: ArrayLike<number>, threshold: number): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series[mid]! >= threshold) hi = mid;
    else lo = mid + 1;
  }
  return lo < series.length ? lo : -1;
}
