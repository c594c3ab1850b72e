/**
 * The p-quantile (0 ≤ p ≤ 1) of `values` by linear interpolation between
 * order statistics: Hyndman & Fan type 7, the default of R, NumPy and
 * spreadsheets, so figures match what an analyst recomputes by hand:
 *   h = (n − 1)·p,  q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])  (x sorted ascending)
 * Returns null for no values.
 */
export function quantileType7(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}
