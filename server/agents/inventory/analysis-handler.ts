import { listItems } from '../../../shared/items.js';
import type { Handler } from '../handler.js';
import { analyzeStock, DEMAND_WINDOW_DAYS } from './analysis.js';

/** "What is low on stock?": low-stock items, days of cover and reorder quantities from recent sales. */
export const stockAnalysisHandler: Handler<'stock_analysis'> = async (_intent, run) => {
  run.emit('inventory_analysis', `Reading stock levels and the last ${DEMAND_WINDOW_DAYS} days of sales`);
  const sales = await run.data.salesBySku();
  const recent = new Map<string, number[]>();
  for (const [sku, series] of sales) recent.set(sku, series.units.slice(-DEMAND_WINDOW_DAYS));
  const report = analyzeStock(listItems(run.doc), recent);
  const message =
    `${report.low_stock.length} of ${report.items} items are at or below their reorder point; ` +
    `${report.at_risk.length} more will run out within their lead time`;
  run.emit('analysis_results', message, { ...report });
  return { message, data: { low_stock: report.low_stock.length, at_risk: report.at_risk.length } };
};
