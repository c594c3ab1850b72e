import { z } from 'zod';

/**
 * `data` of the supplier and forecasting agents' messages (AGENT-15, AGENT-16,
 * result shapes). The server's scorers produce these types, and the web
 * client's tables and charts read them, so neither side re-declares them.
 */

/** A rate or a duration that is null when nothing it is computed over exists yet, never a guessed 0. */
const Measure = z.number().nullable();

/** One supplier's figures. Rates are fractions in [0, 1], lead times days, at full precision. */
export const SupplierScoreSchema = z.object({
  supplier: z.string(),
  /** Every order, open ones included. */
  orders: z.number().int().min(0),
  on_time_rate: Measure,
  mean_lead_time_days: Measure,
  p90_lead_time_days: Measure,
  fill_rate: Measure,
  defect_rate: Measure,
  /** Weighted composite in [0, 100]. */
  score: z.number(),
  /** 1 = best; equal scores are ordered by supplier name. */
  rank: z.number().int().min(1),
});
export type SupplierScore = z.infer<typeof SupplierScoreSchema>;

export const SupplierAnalysisDataSchema = z.looseObject({
  /** How many suppliers and purchase orders are being scored. */
  suppliers: z.number().int().min(0),
  orders: z.number().int().min(0),
});

export const SupplierResultsDataSchema = z.looseObject({
  /** Best first. */
  suppliers: z.array(SupplierScoreSchema),
});
export type SupplierResultsData = z.infer<typeof SupplierResultsDataSchema>;

export const ForecastingAnalysisDataSchema = z.looseObject({
  horizon_days: z.number().int().min(1),
  skus: z.number().int().min(0),
  method: z.string(),
});

const Series = z.array(z.number());

/** One SKU's forecast; `sku`, `daily` and `total` are the contract's, the rest feeds the chart. */
export const SkuForecastSchema = z.object({
  sku: z.string(),
  name: z.string().optional(),
  /** Expected units per day; day 1 is `start_date`. */
  daily: Series,
  /** Σ daily. */
  total: z.number(),
  /** 95 % prediction interval per day. */
  lower: Series.optional(),
  upper: Series.optional(),
  /** Units sold per day before `start_date`, oldest first. */
  history: Series.optional(),
});
export type SkuForecastRow = z.infer<typeof SkuForecastSchema>;

/** Holdout accuracy; null where a measure is undefined or the history too short. */
const ForecastAccuracySchema = z.looseObject({
  mase: Measure,
  smape: Measure,
  baseline_mase: Measure,
});
export type ForecastAccuracy = z.infer<typeof ForecastAccuracySchema>;

export const ForecastResultsDataSchema = z.looseObject({
  horizon_days: z.number().int().min(1),
  /** The first forecast day, YYYY-MM-DD: the day after the sales history ends, not always today. */
  start_date: z.iso.date().optional(),
  forecasts: z.array(SkuForecastSchema),
  accuracy: ForecastAccuracySchema,
});
export type ForecastResultsData = z.infer<typeof ForecastResultsDataSchema>;
