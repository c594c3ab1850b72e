import type { PurchaseOrder } from '../../../../server/agents/supplier/index.js';

/** Compact row builder: [po, supplier, ordered, promised, delivered, qty, received, defective]. */
type Row = [string, string, string, string, string | null, number, number, number];

const order = ([
  po_id,
  supplier,
  order_date,
  promised_date,
  delivered_date,
  q,
  r,
  d,
]: Row): PurchaseOrder => ({
  po_id,
  supplier,
  sku: 'SKU-1',
  order_date,
  promised_date,
  delivered_date,
  quantity_ordered: q,
  quantity_received: r,
  defective_units: d,
});

/**
 * Four suppliers, every figure worked out by hand in score.test.ts:
 * Acme mixes on-time, exactly-on-promise, late and open orders; Bolt is
 * always on time and fastest (one lead time spans 29 Feb 2024); Cargo has
 * only open orders; Dart has a single late, short, defective delivery.
 */
export const ORDERS: readonly PurchaseOrder[] = (
  [
    ['A1', 'Acme', '2024-01-01', '2024-01-08', '2024-01-07', 100, 100, 2],
    ['A2', 'Acme', '2024-01-10', '2024-01-17', '2024-01-17', 50, 50, 0],
    ['A3', 'Acme', '2024-02-01', '2024-02-08', '2024-02-11', 80, 70, 1],
    ['A4', 'Acme', '2024-03-01', '2024-03-08', null, 40, 0, 0],
    ['B1', 'Bolt', '2024-01-05', '2024-01-09', '2024-01-09', 200, 200, 10],
    ['B2', 'Bolt', '2024-01-20', '2024-01-24', '2024-01-23', 100, 90, 0],
    ['B3', 'Bolt', '2024-02-27', '2024-03-02', '2024-03-02', 100, 100, 5],
    ['C1', 'Cargo', '2024-03-01', '2024-03-10', null, 30, 0, 0],
    ['C2', 'Cargo', '2024-03-02', '2024-03-11', null, 30, 0, 0],
    ['D1', 'Dart', '2024-01-01', '2024-01-10', '2024-01-15', 10, 5, 1],
  ] satisfies Row[]
).map(order);

export { order };
export type { Row };
