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
 * (AGENT-15, docs/PROTOCOL.md), defined with the progress protocol in shared/
 * so the web client reads the same type. A rate is null when nothing it is
 * computed over exists yet (e.g. no delivered order), never a guessed 0.
 */
export type { SupplierScore } from '../../../shared/progress.js';
