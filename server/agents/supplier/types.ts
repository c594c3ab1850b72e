/**
 * One purchase order, as the CSV loader (server/data) yields it. Dates are
 * calendar days 'YYYY-MM-DD'; `delivered_date` null means the order is still
 * open. Kept local so the scoring core depends on nothing but itself.
 */
export interface PurchaseOrder {
  po_id: string;
  supplier: string;
  sku: string;
  order_date: string;
  promised_date: string;
  delivered_date: string | null;
  quantity_ordered: number;
  quantity_received: number;
  defective_units: number;
}

/**
 * One supplier's figures: the element of `supplier_results.data.suppliers`
 * (AGENT-15, docs/PROTOCOL.md). Rates are fractions in [0, 1], lead times are days,
 * all at full precision (the UI rounds). A rate is null when nothing it is
 * computed over exists yet (e.g. no delivered order), never a guessed 0.
 */
export interface SupplierScore {
  supplier: string;
  /** Every order, open ones included. */
  orders: number;
  on_time_rate: number | null;
  mean_lead_time_days: number | null;
  p90_lead_time_days: number | null;
  fill_rate: number | null;
  defect_rate: number | null;
  /** Weighted composite in [0, 100]; see score.ts. */
  score: number;
  /** 1 = best; equal scores are ordered by supplier name. */
  rank: number;
}
