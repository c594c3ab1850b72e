/**
 * Stock figures derived from a daily demand forecast, for the inventory agent.
 * Day 0 is dailyForecast[0], the first forecast day. Demand within a day is
 * taken as spread evenly over it, which is what makes fractional days of
 * cover meaningful.
 */

/** Guards comparisons of integer stock against float sums (0.1 + 0.2 > 0.3). */
const EPSILON = 1e-9;

const meanRate = (f: readonly number[]): number =>
  f.length > 0 ? f.reduce((a, b) => a + b, 0) / f.length : 0;

/**
 * Units demanded over the first `days` days (fractional days pro rata). Past
 * the end of the forecast, demand continues at the forecast's mean daily rate:
 * a lead time longer than the horizon should not look free.
 */
export function demandOver(dailyForecast: readonly number[], days: number): number {
  if (!(days >= 0) || !Number.isFinite(days))
    throw new RangeError(`days must be a finite number ≥ 0, got ${days}`);
  const whole = Math.floor(days);
  let total = 0;
  for (let i = 0; i < Math.min(whole, dailyForecast.length); i++) total += dailyForecast[i] as number;
  if (whole < dailyForecast.length) return total + (days - whole) * (dailyForecast[whole] as number);
  return total + (days - dailyForecast.length) * meanRate(dailyForecast);
}

/**
 * Days until forecast demand uses up `currentStock`, fractional (stock 10,
 * demand [4, 4, 4] → 2.5). Beyond the horizon, extrapolated at the forecast's
 * mean daily rate. 0 when there is no stock; null when the forecast expects no
 * demand at all (cover is unbounded: `days_of_cover` is nullable for this).
 */
export function daysOfCover(currentStock: number, dailyForecast: readonly number[]): number | null {
  if (currentStock <= 0) return 0;
  let remaining = currentStock;
  for (let i = 0; i < dailyForecast.length; i++) {
    const demand = dailyForecast[i] as number;
    if (demand > remaining + EPSILON) return i + remaining / demand;
    remaining -= demand;
  }
  const rate = meanRate(dailyForecast);
  return rate > 0 ? dailyForecast.length + Math.max(0, remaining) / rate : null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function addDays(date: string, days: number): string {
  const match = ISO_DAY.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // UTC so a daylight-saving change never moves the result to a neighbouring day.
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The first day on which cumulative forecast demand exceeds `currentStock`,
 * i.e. the first day with unmet demand, as 'YYYY-MM-DD' counting
 * dailyForecast[0] as `startDate`; null if stock lasts the whole forecast.
 * (Stock 8, demand [4, 4, 4] from 2024-05-01 → 2024-05-03: two days are met
 * exactly, the third is not.) Only the forecast horizon is searched: a date
 * past it would be a guess.
 */
export function stockoutDate(
  currentStock: number,
  dailyForecast: readonly number[],
  startDate: string,
): string | null {
  let cumulative = 0;
  for (let i = 0; i < dailyForecast.length; i++) {
    cumulative += dailyForecast[i] as number;
    if (cumulative > currentStock + EPSILON) return addDays(startDate, i);
  }
  return null;
}

export interface ReorderInput {
  current_stock: number;
  max_stock: number;
  lead_time_days: number;
}

/**
 * Units to order now so that, once the order arrives after `lead_time_days`,
 * stock is back at max_stock: max_stock − max(0, current_stock − demand over
 * the lead time). Demand the stock cannot meet meanwhile is treated as lost,
 * not back-ordered, hence the max(0, …). Rounded up to whole units (ordering
 * less would fall short), never negative.
 */
export function reorderQuantity(item: ReorderInput, dailyForecast: readonly number[]): number {
  const onArrival = Math.max(0, item.current_stock - demandOver(dailyForecast, item.lead_time_days));
  return Math.max(0, Math.ceil(item.max_stock - onArrival - EPSILON));
}
