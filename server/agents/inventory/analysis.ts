import { isLowStock, type Item } from '../../../shared/items.js';
import type { StockFigures, StockReport } from '../../../shared/progress.js';
import { reorderQuantity } from '../forecasting/stock.js';

export const DEMAND_WINDOW_DAYS = 28;

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** One item's figures; `analyzeStock` makes `analysis_results.data` of them (both types live in shared/). */
function stockFigures(item: Item, recentUnits: readonly number[] | undefined): StockFigures {
  const d = item.data;
  const current = num(d['current_stock']);
  const max = num(d['max_stock']);
  const demand =
    recentUnits && recentUnits.length > 0
      ? recentUnits.reduce((a, b) => a + b, 0) / recentUnits.length
      : null;
  return {
    itemId: item.id,
    sku: String(d['sku'] ?? item.id),
    name: item.name,
    current_stock: current,
    reorder_point: num(d['reorder_point']),
    max_stock: max,
    lead_time_days: num(d['lead_time_days']),
    low_stock: isLowStock(d),
    daily_demand: demand,
    days_of_cover: demand && demand > 0 ? current / demand : null,
    reorder_quantity: reorderQuantity(
      { current_stock: current, max_stock: max, lead_time_days: num(d['lead_time_days']) },
      [demand ?? 0],
    ),
  };
}

export function analyzeStock(
  items: readonly Item[],
  recentSales: ReadonlyMap<string, readonly number[]>,
): StockReport {
  const figures = items
    .filter((item) => item.type === 'inventory')
    .map((item) => stockFigures(item, recentSales.get(String(item.data['sku'] ?? item.id))));
  const low = figures.filter((f) => f.low_stock);
  const atRisk = figures.filter(
    (f) => !f.low_stock && f.days_of_cover !== null && f.days_of_cover < f.lead_time_days,
  );
  return {
    items: figures.length,
    low_stock: low,
    at_risk: atRisk,
    total_reorder_units: low.reduce((sum, f) => sum + f.reorder_quantity, 0),
  };
}
