import { DEFAULT_HOLDOUT_DAYS, evaluateHoldout, forecastSku, type SkuForecast } from './forecast-skus.js';

export interface ForecastAllOptions {
  /** Called after each chunk with the SKUs finished so far and the total. */
  onProgress?(done: number, total: number): void;
  /** Polled before each chunk; true ends the run with what is done. */
  shouldStop?(): boolean;
  /** SKUs per chunk; default 5 (about 10–15 ms of work for two-year histories between yields). */
  chunkSize?: number;
  holdoutDays?: number;
}

/** `forecast_results.data` (AGENT-16, docs/PROTOCOL.md), plus whether the run was stopped early. */
export interface ForecastAllResult {
  horizon_days: number;
  forecasts: SkuForecast[];
  /** Arithmetic mean over the SKUs where each measure is defined; null if none is. */
  accuracy: { mase: number | null; smape: number | null; baseline_mase: number | null };
  stopped: boolean;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function meanOfDefined(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length > 0 ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
}

/**
 * Forecasts and backtests every SKU in `series` (in its iteration order).
 * Cooperative: works in chunks and yields a macrotask (setImmediate) between
 * them, so sockets and timers of the server keep being served during a long
 * run; a microtask would not let I/O in. Stopping is checked before each chunk,
 * so a cancel takes effect within one chunk.
 */
export async function forecastAll(
  series: ReadonlyMap<string, readonly number[]>,
  horizonDays: number,
  opts: ForecastAllOptions = {},
): Promise<ForecastAllResult> {
  const chunkSize = opts.chunkSize ?? 5;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be ≥ 1, got ${chunkSize}`);
  const holdoutDays = opts.holdoutDays ?? DEFAULT_HOLDOUT_DAYS;
  const entries = [...series];
  const forecasts: SkuForecast[] = [];
  const accuracies: ReturnType<typeof evaluateHoldout>[] = [];
  let stopped = false;

  for (let start = 0; start < entries.length; start += chunkSize) {
    if (start > 0) await yieldToEventLoop();
    if (opts.shouldStop?.()) {
      stopped = true;
      break;
    }
    for (const [sku, units] of entries.slice(start, start + chunkSize)) {
      forecasts.push(forecastSku(sku, units, horizonDays));
      accuracies.push(evaluateHoldout(units, holdoutDays));
    }
    opts.onProgress?.(forecasts.length, entries.length);
  }

  return {
    horizon_days: horizonDays,
    forecasts,
    accuracy: {
      mase: meanOfDefined(accuracies.map((a) => a.mase)),
      smape: meanOfDefined(accuracies.map((a) => a.smape)),
      baseline_mase: meanOfDefined(accuracies.map((a) => a.baseline_mase)),
    },
    stopped,
  };
}
