import type { SkuForecastRow as ForecastRow } from '../../../shared/progress.js';

/**
 * One SKU's forecast as column arrays for the chart (uPlot's aligned-data layout), on an x axis of
 * day offsets: history ends at day 0, the forecast runs from day 1 (its start date) to the horizon.
 * Pure, so the chart's data is tested without a canvas.
 */

export interface ForecastSeries {
  /** Day offsets: -(history.length - 1) … 0 for history, then 1 … daily.length. */
  x: number[];
  history: (number | null)[];
  forecast: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  hasHistory: boolean;
  /** Both bounds present and as long as the forecast. */
  hasBand: boolean;
}

export function buildForecastSeries(
  row: Pick<ForecastRow, 'daily' | 'lower' | 'upper' | 'history'>,
): ForecastSeries {
  const history = row.history ?? [];
  const daily = row.daily;
  const hasBand =
    row.lower?.length === daily.length && row.upper?.length === daily.length && daily.length > 0;
  const h = history.length;
  const x = [...history.map((_, i) => i - (h - 1)), ...daily.map((_, i) => i + 1)];
  const lastActual = h > 0 ? (history[h - 1] ?? null) : null;

  // The forecast (and its band) also gets a point at day 0, the last actual value, so the lines
  // join instead of leaving a gap between "what happened" and "what we expect".
  const lead = (values: readonly number[]): (number | null)[] => [
    ...history.map((_, i) => (i === h - 1 ? lastActual : null)),
    ...values,
  ];

  return {
    x,
    history: [...history, ...daily.map(() => null)],
    forecast: lead(daily),
    lower: hasBand ? lead(row.lower ?? []) : x.map(() => null),
    upper: hasBand ? lead(row.upper ?? []) : x.map(() => null),
    hasHistory: h > 0,
    hasBand,
  };
}

const DAY_MS = 86_400_000;

/**
 * Labels for day offsets on the x axis. With the forecast's first date (`data.start_date`,
 * YYYY-MM-DD) they are calendar dates ("Mar 4"); without it, relative ("today", "-7", "+14").
 * Axis ticks between whole days get no label.
 */
export function dayLabeller(startDate: string | null): (offset: number) => string {
  const start = startDate ? Date.parse(`${startDate}T00:00:00Z`) : NaN;
  return (offset) => {
    if (!Number.isInteger(offset)) return '';
    if (Number.isNaN(start)) return offset === 0 ? 'today' : offset > 0 ? `+${offset}` : String(offset);
    const date = new Date(start + (offset - 1) * DAY_MS);
    return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  };
}
