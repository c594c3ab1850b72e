import { daysBetween } from './dates.js';
import { quantileType7 } from './percentile.js';
import type { PurchaseOrder, SupplierScore } from './types.js';

/** The measured figures of one supplier, before scoring against the others. */
export type SupplierMetrics = Omit<SupplierScore, 'score' | 'rank'>;

/**
 * Definitions (over ONE supplier's orders):
 * - orders: every order, open ones included.
 * - on_time_rate: share of DELIVERED orders with delivered_date ≤ promised_date.
 *   Open orders are not counted late yet: an order still within its promise
 *   would be punished for nothing, one past it shows up once it lands.
 * - lead time: delivered_date − order_date in whole days, delivered orders only;
 *   mean_lead_time_days is its mean, p90_lead_time_days its 0.9 quantile by
 *   linear interpolation (type 7, see percentile.ts).
 * - fill_rate: Σ quantity_received / Σ quantity_ordered over delivered orders
 *   (an open order has received nothing yet, counting it would read as shortfall).
 *   May exceed 1 when a supplier over-delivers; reported as measured.
 * - defect_rate: Σ defective_units / Σ quantity_received over delivered orders.
 * A figure whose denominator is empty or zero is null (no delivered order,
 * nothing ordered, nothing received): "unknown", not "perfect" or "zero".
 */
export function supplierMetrics(supplier: string, orders: readonly PurchaseOrder[]): SupplierMetrics {
  const delivered = orders.filter((o) => o.delivered_date !== null);
  let onTime = 0;
  let ordered = 0;
  let received = 0;
  let defective = 0;
  const leadTimes: number[] = [];
  for (const o of delivered) {
    const deliveredDate = o.delivered_date as string;
    if (daysBetween(o.promised_date, deliveredDate) <= 0) onTime += 1;
    leadTimes.push(daysBetween(o.order_date, deliveredDate));
    ordered += o.quantity_ordered;
    received += o.quantity_received;
    defective += o.defective_units;
  }
  const n = delivered.length;
  return {
    supplier,
    orders: orders.length,
    on_time_rate: n > 0 ? onTime / n : null,
    mean_lead_time_days: n > 0 ? leadTimes.reduce((a, b) => a + b, 0) / n : null,
    p90_lead_time_days: quantileType7(leadTimes, 0.9),
    fill_rate: ordered > 0 ? received / ordered : null,
    defect_rate: received > 0 ? defective / received : null,
  };
}
