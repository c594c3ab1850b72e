import { z } from 'zod';
import { IsoDaySchema } from './refs.js';

/**
 * Questions about suppliers, answered from purchase orders (supplier_results).
 * `window` limits the orders looked at; absent: all of them.
 */
const reads = { writes: z.literal(false) };
const Supplier = z.string().trim().min(1).max(200);

export const SUPPLIER_METRICS = [
  'score',
  'on_time_rate',
  'mean_lead_time_days',
  'p90_lead_time_days',
  'fill_rate',
  'defect_rate',
  'orders',
] as const;
export const SupplierMetricSchema = z.enum(SUPPLIER_METRICS);
export type SupplierMetric = z.infer<typeof SupplierMetricSchema>;

/** Orders placed between `from` and `to`, both included. */
export const WindowSchema = z.object({ from: IsoDaySchema, to: IsoDaySchema, said: z.string().max(200) });
export type Window = z.infer<typeof WindowSchema>;
const window = { window: WindowSchema.optional() };

export const SupplierQuestionSchema = z.discriminatedUnion('ask', [
  /** `rank suppliers by fill rate`, `top 3 suppliers`, `analyze supplier performance`. */
  z.object({
    ask: z.literal('rank'),
    metric: SupplierMetricSchema.default('score'),
    /** best first, or worst first ("worst suppliers by defects"). */
    order: z.enum(['best', 'worst']).default('best'),
    limit: z.number().int().min(1).max(50).optional(),
    ...window,
  }),
  /** `how reliable is BoxCraft`, `Nordpack's on-time rate`. */
  z.object({ ask: z.literal('one'), supplier: Supplier, metric: SupplierMetricSchema.optional(), ...window }),
  /** `compare BoxCraft and Nordpack on lead time`. */
  z.object({
    ask: z.literal('compare'),
    suppliers: z.array(Supplier).min(2).max(15),
    metric: SupplierMetricSchema.optional(),
    ...window,
  }),
  /** `best supplier for cleaning`: only suppliers that sell that category. */
  z.object({
    ask: z.literal('best_for_category'),
    category: z.string().trim().min(1).max(200),
    metric: SupplierMetricSchema.default('score'),
    ...window,
  }),
  /** `who is late most often`. */
  z.object({ ask: z.literal('late_most'), ...window }),
  /** `open purchase orders`, `overdue POs from BoxCraft`. */
  z.object({
    ask: z.literal('purchase_orders'),
    status: z.enum(['open', 'overdue']),
    supplier: Supplier.optional(),
    ...window,
  }),
]);
export type SupplierQuestion = z.infer<typeof SupplierQuestionSchema>;

export const SupplierStepSchema = z.object({
  kind: z.literal('supplier'),
  ...reads,
  question: SupplierQuestionSchema,
});
