/** Level, trend and seasonal state of the smoother at one instant. */
export interface HwState {
  level: number;
  trend: number;
  /** seasonal[t mod m] is the seasonal effect applying at time t. */
  seasonal: Float64Array;
}

/** How many leading seasons the initial state is estimated from (fewer if the series is shorter). */
const INIT_SEASONS = 4;

/**
 * Initial state "just before t = 0", estimated from the first k = min(⌊n/m⌋, 4)
 * complete seasons (needs k ≥ 1):
 * - trend T: the slope between the means of the first and the k-th season,
 *   (mean_k − mean_1) / ((k − 1)·m); 0 when only one season is available.
 * - a line f(t) = mean_1 + T·(t − (m − 1)/2) passes through the first season's
 *   centre; the seasonal effect of position j is the mean over those k seasons
 *   of y − f, shifted to sum to zero so level and season do not trade off.
 * - level = f(−1), trend = T: the state the first update starts from.
 * Several seasons (rather than one) keep a single noisy week from imprinting
 * the seasonal shape; four weeks is enough for a daily series and still lets
 * short histories fit.
 */
export function initialState(series: readonly number[], m: number): HwState {
  const k = Math.min(Math.floor(series.length / m), INIT_SEASONS);
  if (k < 1) throw new RangeError(`need at least one full season of ${m} points, got ${series.length}`);
  const seasonMean = (i: number): number => {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += series[i * m + j] as number;
    return sum / m;
  };
  const first = seasonMean(0);
  const trend = k > 1 ? (seasonMean(k - 1) - first) / ((k - 1) * m) : 0;
  const line = (t: number): number => first + trend * (t - (m - 1) / 2);

  const seasonal = new Float64Array(m);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < m; j++) {
      const t = i * m + j;
      seasonal[j] = (seasonal[j] as number) + ((series[t] as number) - line(t)) / k;
    }
  }
  const shift = seasonal.reduce((a, b) => a + b, 0) / m;
  for (let j = 0; j < m; j++) seasonal[j] = (seasonal[j] as number) - shift;

  return { level: line(-1), trend, seasonal };
}
