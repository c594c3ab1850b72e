import { z } from 'zod';
import { IsoDaySchema } from './refs.js';
import { SelectorSchema } from './selector.js';

/**
 * A demand forecast. The model forecasts from the day after the sales data
 * ends (`start`), which may be before today; the horizon runs to `end`, so a
 * request for "December" or "through end of January" covers every day up to
 * that date, not a default 28 days.
 */
export const MAX_FORECAST_DAYS = 730;
export const DEFAULT_FORECAST_DAYS = 28;

export const HorizonSchema = z.object({
  /** First forecast day: the day after the sales data's last date. */
  start: IsoDaySchema,
  /** Last forecast day, included. */
  end: IsoDaySchema,
  days: z.number().int().min(1).max(MAX_FORECAST_DAYS),
  /** The period asked about, when it was a date or period ("December" → Dec 1–31). */
  period: z.object({ from: IsoDaySchema, to: IsoDaySchema }).optional(),
  /** As the request said it ("next 4 weeks", "through end of January"); empty for the default. */
  said: z.string().max(200),
});
export type Horizon = z.infer<typeof HorizonSchema>;

export const ForecastStepSchema = z.object({
  kind: z.literal('forecast'),
  /** A forecast writes only derived fields (forecast_units, forecast_horizon_days) on the items in scope. */
  writes: z.literal(false),
  selector: SelectorSchema,
  horizon: HorizonSchema,
});
export type ForecastStep = z.infer<typeof ForecastStepSchema>;
