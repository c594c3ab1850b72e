/**
 * The knobs of the mock data set: its seed, its calendar, and the demand and supply model.
 * Changing any of them changes mock_data/ (regenerate with `npm run mock-data` and commit).
 */

/** The bounds [lo, hi] of a drawn value. */
export type Range = readonly [number, number];

/** Seed of the single PRNG; change it for another, equally valid data set. */
export const SEED = 20261031;
/** The last day of sales history, the data set's "today". */
export const END_DATE = '2026-10-31';
/** Days of sales history per SKU: two years, so yearly seasonality is seen twice. */
export const HISTORY_DAYS = 730;
/** Share of board items at or below their reorder point; "Restock low-stock items" needs some. */
export const LOW_STOCK_SHARE = 0.15;
/** Mean daily units for a $1 product; demand falls with sqrt(unit cost). */
export const DEMAND_SCALE = 60;
/** Spread (log sd) of per-SKU demand around the price-driven level. */
export const DEMAND_SPREAD = 0.35;
/** Mon..Sun demand multipliers: trade customers buy on working days. */
export const WEEKLY_PROFILE = [1.2, 1.24, 1.2, 1.14, 1.02, 0.66, 0.54];
/** Per-SKU jitter of the weekly profile, so no two SKUs share it exactly. */
export const WEEKLY_JITTER = 0.06;
/** Range of the yearly seasonal amplitude (fraction of the level). */
export const YEARLY_AMPLITUDE: Range = [0.15, 0.35];
/** Range of the linear trend, as a fraction of the starting level per year. */
export const TREND_PER_YEAR: Range = [-0.1, 0.25];
/** Negative-binomial shape of daily counts: larger is closer to Poisson; 12 is moderate noise. */
export const NOISE_SHAPE = 12;
/** Days of demand held between reorder point and max stock. */
export const CYCLE_DAYS: Range = [14, 45];
/** Purchase orders per supplier over the history. */
export const ORDERS_PER_SUPPLIER: Range = [20, 60];
