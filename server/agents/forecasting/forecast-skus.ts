import { DEFAULT_PERIOD, fitHoltWinters } from './holt-winters.js';
import { forecast, Z95, type IntervalForecast } from './hw-forecast.js';
import { mase, seasonalNaive, smape } from './metrics.js';

/** One SKU's forecast; `sku`, `daily` and `total` are a forecast_results entry (AGENT-16). */
export interface SkuForecast {
  sku: string;
  /** Expected units per day, day 1 = the day after the history ends. */
  daily: number[];
  /** Σ daily: the units expected over the whole horizon. */
  total: number;
  /** 95 % prediction interval per day. */
  lower: number[];
  upper: number[];
}

/** Holdout accuracy of one SKU; null where the measure is undefined or the history too short. */
export interface HoldoutAccuracy {
  mase: number | null;
  smape: number | null;
  baseline_mase: number | null;
  baseline_smape: number | null;
}

/** Eight weeks: long enough to span two months of weekdays, short enough to leave a year to learn from. */
export const DEFAULT_HOLDOUT_DAYS = 56;

const MIN_HW_POINTS = 2 * DEFAULT_PERIOD;

/**
 * Holt-Winters (weekly season) when there are two weeks of history. With
 * less, a new SKU gets its mean daily sales as a flat forecast and ± z·(sample
 * standard deviation) as its interval: honest about knowing little, and
 * never failing a whole forecast run over one young SKU. No history at all
 * forecasts zeros.
 */
function predict(dailyUnits: readonly number[], horizonDays: number): IntervalForecast {
  if (dailyUnits.length >= MIN_HW_POINTS) return forecast(fitHoltWinters(dailyUnits), horizonDays);
  if (!Number.isInteger(horizonDays) || horizonDays < 0) {
    throw new RangeError(`horizon must be a whole number ≥ 0, got ${horizonDays}`);
  }
  const n = dailyUnits.length;
  const mean = n > 0 ? dailyUnits.reduce((a, b) => a + b, 0) / n : 0;
  const variance = n > 1 ? dailyUnits.reduce((a, y) => a + (y - mean) ** 2, 0) / (n - 1) : 0;
  const half = Z95 * Math.sqrt(variance);
  const level = Math.max(0, mean);
  return {
    mean: Array.from({ length: horizonDays }, () => level),
    lower: Array.from({ length: horizonDays }, () => Math.max(0, mean - half)),
    upper: Array.from({ length: horizonDays }, () => Math.max(0, mean + half)),
  };
}

export function forecastSku(sku: string, dailyUnits: readonly number[], horizonDays: number): SkuForecast {
  const { mean, lower, upper } = predict(dailyUnits, horizonDays);
  return { sku, daily: mean, total: mean.reduce((a, b) => a + b, 0), lower, upper };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Backtest: fits on all but the last `holdoutDays`, forecasts them, and scores
 * that forecast and the seasonal-naive one on the same days (MASE scaled by
 * the training part; sMAPE in percent, 0–200). All null when the training
 * part is shorter than two weeks, too short for either method to be judged.
 */
export function evaluateHoldout(
  dailyUnits: readonly number[],
  holdoutDays: number = DEFAULT_HOLDOUT_DAYS,
): HoldoutAccuracy {
  const cut = dailyUnits.length - holdoutDays;
  if (!Number.isInteger(holdoutDays) || holdoutDays < 1 || cut < MIN_HW_POINTS) {
    return { mase: null, smape: null, baseline_mase: null, baseline_smape: null };
  }
  const training = dailyUnits.slice(0, cut);
  const actual = dailyUnits.slice(cut);
  const model = predict(training, holdoutDays).mean;
  const naive = seasonalNaive(training, holdoutDays, DEFAULT_PERIOD);
  return {
    mase: finiteOrNull(mase(actual, model, training, DEFAULT_PERIOD)),
    smape: finiteOrNull(smape(actual, model)),
    baseline_mase: finiteOrNull(mase(actual, naive, training, DEFAULT_PERIOD)),
    baseline_smape: finiteOrNull(smape(actual, naive)),
  };
}
