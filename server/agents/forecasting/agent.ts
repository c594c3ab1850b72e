import { itemsOf, listItems } from '../../../shared/items.js';
import { CancelledError } from '../errors.js';
import type { Handler } from '../handler.js';
import { resolveItem } from '../inventory/resolve.js';
import { forecastAll } from './forecast-all.js';
import { daysOfCover, stockoutDate } from './stock.js';

/** Items written per transaction, so people see forecasts arrive as the agent goes. */
const WRITE_BATCH = 50;
/** History shipped with each forecast for the chart. */
const HISTORY_DAYS = 56;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * "Forecast demand for the next 4 weeks": Holt-Winters per SKU, evaluated on
 * an 8-week holdout against seasonal-naive, then each board item's forecast
 * summary is written into its data in batched transactions.
 */
export const forecastHandler: Handler<'forecast_demand'> = async (intent, run) => {
  const horizon = intent.horizon_days;
  const sales = await run.data.salesBySku();
  const board = listItems(run.doc).filter((item) => sales.has(String(item.data['sku'] ?? '')));
  const only = intent.sku ? resolveSku(intent.sku, run) : undefined;
  const skus = only ? [only] : board.length > 0 ? board.map((i) => String(i.data['sku'])) : [...sales.keys()];
  const series = new Map(
    skus.filter((s) => sales.has(s)).map((sku) => [sku, sales.get(sku)!.units] as const),
  );
  run.emit(
    'forecasting_analysis',
    `Forecasting daily demand of ${series.size} SKUs for the next ${horizon} days`,
    {
      horizon_days: horizon,
      skus: series.size,
      method: 'Holt-Winters (additive, damped trend, weekly seasonality)',
    },
  );

  const result = await forecastAll(series, horizon, {
    onProgress: (done, total) => run.progress(done, total, `Forecasting ${done}/${total} SKUs`),
    shouldStop: () => run.isCancelled,
  });
  if (result.stopped) throw new CancelledError();

  const lastDate = sales.values().next().value?.dates.at(-1) ?? new Date().toISOString().slice(0, 10);
  const start = nextDay(lastDate);
  const bySku = new Map(board.map((item) => [String(item.data['sku']), item]));
  const targets = result.forecasts.filter((f) => bySku.has(f.sku));
  for (let i = 0; i < targets.length; i += WRITE_BATCH) {
    const patches = targets.slice(i, i + WRITE_BATCH).flatMap((f) => {
      const item = bySku.get(f.sku)!;
      if (!itemsOf(run.doc).has(item.id)) return [];
      const stock = Number(item.data['current_stock'] ?? 0);
      const cover = daysOfCover(stock, f.daily);
      return [
        {
          id: item.id,
          data: {
            forecast_units: Math.round(f.total),
            forecast_horizon_days: horizon,
            days_of_cover: cover === null ? null : round2(cover),
            stockout_date: stockoutDate(stock, f.daily, start),
          },
        },
      ];
    });
    run.updateItems(patches);
    run.progress(
      Math.min(i + WRITE_BATCH, targets.length),
      targets.length,
      `Writing forecasts ${Math.min(i + WRITE_BATCH, targets.length)}/${targets.length}`,
    );
  }

  const beats = result.accuracy.mase !== null && result.accuracy.baseline_mase !== null;
  const summary = beats
    ? `MASE ${result.accuracy.mase!.toFixed(3)} vs seasonal-naive ${result.accuracy.baseline_mase!.toFixed(3)} on an 8-week holdout`
    : 'Not enough history to evaluate accuracy';
  run.emit('forecast_results', `Forecast ${result.forecasts.length} SKUs for ${horizon} days. ${summary}`, {
    horizon_days: result.horizon_days,
    start_date: start,
    forecasts: result.forecasts.map((f) => ({
      sku: f.sku,
      daily: f.daily.map(round2),
      total: round2(f.total),
      lower: f.lower.map(round2),
      upper: f.upper.map(round2),
      history: sales.get(f.sku)?.units.slice(-HISTORY_DAYS) ?? [],
    })),
    accuracy: result.accuracy,
  });
  return {
    message: `Forecast ${result.forecasts.length} SKUs for the next ${horizon} days`,
    data: { skus: result.forecasts.length, updated: targets.length },
  };
};

function resolveSku(ref: string, run: Parameters<Handler>[1]): string {
  try {
    const item = resolveItem(run.doc, ref);
    return String(item.data['sku'] ?? item.id);
  } catch {
    return ref.toUpperCase();
  }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
