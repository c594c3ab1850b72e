import { z } from 'zod';

/**
 * The `data` of `supplier_results` and `forecast_results` is `unknown` on the wire (the shared
 * schema leaves it open), so the views decode it here. Lenient on purpose: a missing metric shows
 * as "—" and a malformed row is skipped, instead of one bad value hiding the whole result.
 */

const metric = z.number().nullable().catch(null);
const series = z.array(z.number()).optional().catch(undefined);

export const SupplierRowSchema = z.object({
  supplier: z.string(),
  orders: metric,
  on_time_rate: metric,
  mean_lead_time_days: metric,
  p90_lead_time_days: metric,
  fill_rate: metric,
  defect_rate: metric,
  score: metric,
  rank: metric,
});
export type SupplierRow = z.infer<typeof SupplierRowSchema>;

export const ForecastRowSchema = z.object({
  sku: z.string(),
  name: z.string().optional().catch(undefined),
  daily: z.array(z.number()),
  total: metric,
  lower: series,
  upper: series,
  history: series,
});
export type ForecastRow = z.infer<typeof ForecastRowSchema>;

export const AccuracySchema = z.object({ mase: metric, smape: metric, baseline_mase: metric });
export type Accuracy = z.infer<typeof AccuracySchema>;

export interface ForecastResults {
  horizonDays: number | null;
  /** First forecast day, YYYY-MM-DD (`data.start_date`), when the agent sends it. */
  startDate: string | null;
  forecasts: ForecastRow[];
  accuracy: Accuracy | null;
}

function rows<T>(value: unknown, schema: z.ZodType<T>): T[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Suppliers of a `supplier_results` message, or null when it carries no supplier list. */
export function parseSupplierResults(data: Record<string, unknown> | undefined): SupplierRow[] | null {
  return rows(data?.suppliers, SupplierRowSchema);
}

/** Forecasts of a `forecast_results` message, or null when it carries no forecast list. */
export function parseForecastResults(data: Record<string, unknown> | undefined): ForecastResults | null {
  const forecasts = rows(data?.forecasts, ForecastRowSchema);
  if (!forecasts) return null;
  const accuracy = AccuracySchema.safeParse(data?.accuracy);
  const horizon = data?.horizon_days;
  const start = data?.start_date;
  return {
    horizonDays: typeof horizon === 'number' && Number.isFinite(horizon) ? horizon : null,
    startDate: typeof start === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : null,
    forecasts,
    accuracy: accuracy.success ? accuracy.data : null,
  };
}
