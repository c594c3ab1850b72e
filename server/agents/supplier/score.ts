import { supplierMetrics, type SupplierMetrics } from './supplier-metrics.js';
import type { PurchaseOrder, SupplierScore } from './types.js';

/**
 * Weights of the composite score; they sum to 1 and the score is 100 × the
 * weighted sum of four components, each in [0, 1]:
 * - on_time: on_time_rate (the promise kept matters most to a planner)
 * - fill: fill_rate capped at 1 (over-delivery earns no extra credit)
 * - quality: 1 − defect_rate (capped to [0, 1])
 * - lead_time: where the supplier's mean lead time sits between the best (1)
 *   and the worst (0) mean lead time among the suppliers scored together;
 *   1 for everyone when all means are equal (or only one is known).
 * A component whose figure is null (e.g. no delivered order) earns 0: no
 * evidence, no credit. So a supplier with only open orders scores 0 and ranks
 * after every supplier that has delivered something.
 */
const SCORE_WEIGHTS = { on_time: 0.4, fill: 0.25, quality: 0.2, lead_time: 0.15 } as const;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Scores and ranks every supplier that appears in `orders`. The result is
 * sorted by rank: highest score first, equal scores by supplier name (code-unit
 * order, so the ranking does not depend on the server's locale).
 */
export function scoreSuppliers(orders: readonly PurchaseOrder[]): SupplierScore[] {
  const bySupplier = new Map<string, PurchaseOrder[]>();
  for (const order of orders) {
    const list = bySupplier.get(order.supplier);
    if (list) list.push(order);
    else bySupplier.set(order.supplier, [order]);
  }
  const metrics = [...bySupplier].map(([supplier, list]) => supplierMetrics(supplier, list));

  const leads = metrics.map((m) => m.mean_lead_time_days).filter((x): x is number => x !== null);
  const best = Math.min(...leads);
  const worst = Math.max(...leads);

  const leadComponent = (m: SupplierMetrics): number => {
    if (m.mean_lead_time_days === null) return 0;
    if (worst === best) return 1;
    return (worst - m.mean_lead_time_days) / (worst - best);
  };

  const scored = metrics.map((m) => {
    const composite =
      SCORE_WEIGHTS.on_time * (m.on_time_rate ?? 0) +
      SCORE_WEIGHTS.fill * (m.fill_rate === null ? 0 : clamp01(m.fill_rate)) +
      SCORE_WEIGHTS.quality * (m.defect_rate === null ? 0 : 1 - clamp01(m.defect_rate)) +
      SCORE_WEIGHTS.lead_time * leadComponent(m);
    return { ...m, score: 100 * composite, rank: 0 };
  });

  scored.sort(
    (a, b) => b.score - a.score || (a.supplier < b.supplier ? -1 : a.supplier > b.supplier ? 1 : 0),
  );
  scored.forEach((s, i) => (s.rank = i + 1));
  return scored;
}
