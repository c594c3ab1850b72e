import { z } from 'zod';
import { AddEntrySchema, RemoveEntrySchema, UpdateEntrySchema } from './bulk-entries.js';
import { SelectorSchema } from './selector.js';

/**
 * Steps that change the document. Each carries `writes: true`, so a reader
 * (the safety checker, the executor, the UI) never has to know the list.
 */
const writes = { writes: z.literal(true) };
const Field = z.string().trim().min(1).max(100);
export const FieldValueSchema = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
const Qty = z.number().int().min(1).max(1_000_000);

/** `set reorder point of X to 40` */
export const SetFieldStepSchema = z.object({
  kind: z.literal('set_field'),
  ...writes,
  selector: SelectorSchema,
  field: Field,
  value: FieldValueSchema,
});

/** How a numeric field changes: by units, by a percentage, or by a factor. */
export const ChangeSchema = z.discriminatedUnion('kind', [
  /** Signed: `+10`, `-5`. */
  z.object({ kind: z.literal('delta'), amount: z.number().refine((n) => n !== 0) }),
  /** Signed percent of the current value: `+10` is ×1.1. */
  z.object({
    kind: z.literal('percent'),
    percent: z
      .number()
      .min(-100)
      .max(10_000)
      .refine((n) => n !== 0),
  }),
  z.object({ kind: z.literal('multiply'), factor: z.number().positive().max(1000) }),
]);
export type Change = z.infer<typeof ChangeSchema>;

/** `raise max stock of cleaning items by 10%`, `double the reorder point of X` */
export const AdjustFieldStepSchema = z.object({
  kind: z.literal('adjust_field'),
  ...writes,
  selector: SelectorSchema,
  field: Field,
  change: ChangeSchema,
});

/** Restock: up to max_stock, by a quantity, or up to a level. Always current_stock. */
export const RestockTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('max') }),
  z.object({ kind: z.literal('quantity'), quantity: Qty }),
  z.object({ kind: z.literal('level'), level: z.number().int().min(0).max(10_000_000) }),
]);
export const RestockStepSchema = z.object({
  kind: z.literal('restock'),
  ...writes,
  selector: SelectorSchema,
  target: RestockTargetSchema,
});

/** Goods in: current_stock rises by `quantity` (a delivery arrived). */
export const ReceiveStepSchema = z.object({
  kind: z.literal('receive'),
  ...writes,
  selector: SelectorSchema,
  quantity: Qty,
});

/** Goods out: current_stock falls by `quantity` (sold, used, written off). */
export const SellStepSchema = z.object({
  kind: z.literal('sell'),
  ...writes,
  selector: SelectorSchema,
  quantity: Qty,
  reason: z.enum(['sold', 'used', 'written_off']).default('sold'),
});

export const RemoveStepSchema = z.object({ kind: z.literal('remove'), ...writes, selector: SelectorSchema });

/** New items with the fields the request gave; the executor fills the rest (and says which). */
export const NewItemSpecSchema = z.object({
  type: z.string().trim().min(1).max(100).default('inventory'),
  name: z.string().trim().min(1).max(200),
  data: z.record(z.string(), FieldValueSchema).default({}),
});
export type NewItemSpec = z.infer<typeof NewItemSpecSchema>;
export const AddItemsStepSchema = z.object({
  kind: z.literal('add_items'),
  ...writes,
  items: z.array(NewItemSpecSchema).min(1).max(500),
});

/** `add 5 cleaning products`: real catalogue products, of that category / supplier when named. */
export const CreateFromCatalogueStepSchema = z.object({
  kind: z.literal('create_from_catalogue'),
  ...writes,
  count: z.number().int().min(1).max(500),
  category: z.string().max(200).optional(),
  supplier: z.string().max(200).optional(),
  purpose: z.string().max(500).optional(),
});

/** Reverts the room's most recent agent request that changed the document. */
export const UndoStepSchema = z.object({ kind: z.literal('undo'), ...writes });
/** Removes exactly the items the room's most recent adding request created. */
export const RemoveRecentStepSchema = z.object({ kind: z.literal('remove_recent'), ...writes });

/** The bulk context operations (AGENT-8), entries checked as today. */
export const BulkStepSchema = z.discriminatedUnion('operation', [
  z.object({
    kind: z.literal('bulk'),
    ...writes,
    operation: z.literal('add_multiple'),
    items: z.array(AddEntrySchema).min(1),
  }),
  z.object({
    kind: z.literal('bulk'),
    ...writes,
    operation: z.literal('remove_multiple'),
    items: z.array(RemoveEntrySchema).min(1),
  }),
  z.object({
    kind: z.literal('bulk'),
    ...writes,
    operation: z.literal('update_multiple'),
    items: z.array(UpdateEntrySchema).min(1),
  }),
]);

export const WRITE_STEP_SCHEMAS = [
  SetFieldStepSchema,
  AdjustFieldStepSchema,
  RestockStepSchema,
  ReceiveStepSchema,
  SellStepSchema,
  RemoveStepSchema,
  AddItemsStepSchema,
  CreateFromCatalogueStepSchema,
  UndoStepSchema,
  RemoveRecentStepSchema,
] as const;
