/**
 * Forecast accuracy measures. Conventions, used everywhere in Stockroom:
 * - sMAPE is in PERCENT on the 0–200 scale.
 * - A measure that is undefined for its input (MASE of a training series with
 *   no seasonal variation, anything over zero points) is NaN; callers that
 *   serialise it turn non-finite values into null.
 */

function sameLength(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length) {
    throw new RangeError(`actual has ${actual.length} points but forecast has ${forecast.length}`);
  }
}

/** Mean absolute error; NaN for no points. */
export function mae(actual: readonly number[], forecast: readonly number[]): number {
  sameLength(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((actual[i] as number) - (forecast[i] as number));
  return sum / actual.length;
}

/**
 * The seasonal-naive forecast: each future day repeats the same weekday of
 * the last observed season, ŷ_{n+h} = y_{n+h−m·⌈h/m⌉}.
 */
export function seasonalNaive(training: readonly number[], horizon: number, m = 7): number[] {
  if (training.length < m) throw new RangeError(`seasonal naive needs ${m} points, got ${training.length}`);
  const start = training.length - m;
  return Array.from({ length: horizon }, (_, h) => training[start + (h % m)] as number);
}

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006): the forecast's MAE
 * divided by the in-sample MAE of the one-season-back naive forecast on the
 * training data, mean_{t≥m} |y_t − y_{t−m}|. Below 1 beats that naive method
 * (in-sample); NaN when the scale is 0 (a training series that repeats
 * exactly) or there is no point to scale by.
 */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  training: readonly number[],
  m = 7,
): number {
  let scale = 0;
  for (let t = m; t < training.length; t++) {
    scale += Math.abs((training[t] as number) - (training[t - m] as number));
  }
  const terms = training.length - m;
  if (terms <= 0 || scale === 0) return NaN;
  return mae(actual, forecast) / (scale / terms);
}

/**
 * Symmetric MAPE in percent, 0–200: mean of 200·|F − A| / (|A| + |F|). A day
 * where both are 0 counts as a perfect 0 (not 0/0): slow movers have many
 * zero-sale days and a correct zero forecast should not be punished.
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  sameLength(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const f = forecast[i] as number;
    const denominator = Math.abs(a) + Math.abs(f);
    if (denominator > 0) sum += (200 * Math.abs(f - a)) / denominator;
  }
  return sum / actual.length;
}
