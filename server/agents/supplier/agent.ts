import type { Handler } from '../handler.js';
import { scoreSuppliers } from './score.js';

/** "Analyze supplier performance": scores from purchase_orders.csv, no document change. */
export const supplierPerformanceHandler: Handler<'supplier_performance'> = async (intent, run) => {
  const orders = await run.data.purchaseOrders();
  const suppliers = new Set(orders.map((o) => o.supplier));
  run.emit('supplier_analysis', `Scoring ${suppliers.size} suppliers from ${orders.length} purchase orders`, {
    suppliers: suppliers.size,
    orders: orders.length,
  });
  run.checkCancelled();
  let scores = scoreSuppliers(orders);
  if (intent.supplier) {
    const wanted = intent.supplier.toLowerCase();
    const matching = scores.filter((s) => s.supplier.toLowerCase().includes(wanted));
    if (matching.length > 0) scores = matching;
  }
  const best = scores[0];
  const summary = best
    ? `${best.supplier} ranks first (score ${best.score.toFixed(1)}, ${(100 * (best.on_time_rate ?? 0)).toFixed(0)}% on time)`
    : 'No purchase orders to score';
  run.emit('supplier_results', summary, { suppliers: scores });
  return { message: `Ranked ${scores.length} suppliers. ${summary}`, data: { suppliers: scores.length } };
};
