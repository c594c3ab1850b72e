import { z } from 'zod';
import { JsonRecordSchema } from '../../../shared/items.js';
import { PrimaryIntent } from '../../../shared/progress.js';
import {
  AddEntrySchema,
  BULK_OPERATIONS,
  RemoveEntrySchema,
  UpdateEntrySchema,
  type BulkOperation,
} from './bulk.js';

/**
 * Typed intents: what a request asks for, with its slots. The rule parser and
 * the LLM parser both produce these, so the agents never see raw text.
 */
const MAX_ADD_COUNT = 500;
const DEFAULT_HORIZON_DAYS = 28;
/** Two years: longer horizons say nothing useful with daily sales history. */
const MAX_HORIZON_DAYS = 730;

const Text = z.string().trim().min(1);
const Ref = Text.max(200).describe('the item id, SKU or name');
const ItemType = Text.max(100).default('inventory').describe("item type: 'inventory', 'supplier' or another");
const FieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The slots of each kind, as objects: also the LLM tools' parameter schemas. */
export const INTENT_SLOTS = {
  add_items: z.object({
    count: z.number().int().min(1).max(MAX_ADD_COUNT).describe('how many items to add'),
    item_type: ItemType,
    purpose: Text.max(500).optional().describe('what the items are for, e.g. "Q1 planning"'),
  }),
  create_item: z.object({
    name: Text.max(200),
    item_type: ItemType,
    data: JsonRecordSchema.optional().describe(
      'initial data fields, e.g. {"sku": "WID-1", "current_stock": 4}',
    ),
  }),
  remove_item: z.object({ ref: Ref }),
  remove_low_stock: z.object({}),
  bulk: z.object({
    operation: z.enum(BULK_OPERATIONS),
    items: z.array(z.union([AddEntrySchema, UpdateEntrySchema, RemoveEntrySchema])).optional(),
  }),
  set_field: z.object({
    ref: Ref,
    field: Text.max(100).describe('data field, e.g. current_stock, reorder_point, supplier'),
    value: FieldValueSchema.describe('numbers for numeric fields'),
  }),
  restock_low_stock: z.object({}),
  restock_item: z.object({
    ref: Ref,
    quantity: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('units to add; absent: up to max_stock'),
  }),
  stock_analysis: z.object({}),
  supplier_performance: z.object({ supplier: Text.max(200).optional() }),
  forecast_demand: z.object({
    horizon_days: z.number().int().min(1).max(MAX_HORIZON_DAYS).default(DEFAULT_HORIZON_DAYS),
    sku: Text.max(200).optional(),
  }),
  undo_last_agent_change: z.object({}),
  remove_recently_added: z.object({}),
  general: z.object({ reason: z.string().optional() }),
} as const;

export type IntentKind = keyof typeof INTENT_SLOTS;
export const INTENT_KINDS = Object.keys(INTENT_SLOTS) as IntentKind[];

export function isIntentKind(value: unknown): value is IntentKind {
  return typeof value === 'string' && Object.hasOwn(INTENT_SLOTS, value);
}

const S = INTENT_SLOTS;
const kind = <K extends IntentKind>(k: K) => ({ kind: z.literal(k) });
const bulkOf = <O extends BulkOperation, E extends z.ZodType>(operation: O, entry: E) =>
  z.object({ ...kind('bulk'), operation: z.literal(operation), items: z.array(entry) });

/** Bulk items are typed by operation, so the inventory agent needs no casts. */
const BulkIntentSchema = z.discriminatedUnion('operation', [
  bulkOf('add_multiple', AddEntrySchema),
  bulkOf('remove_multiple', RemoveEntrySchema),
  bulkOf('update_multiple', UpdateEntrySchema),
]);

export const IntentSchema = z.discriminatedUnion('kind', [
  S.add_items.extend(kind('add_items')),
  S.create_item.extend(kind('create_item')),
  S.remove_item.extend(kind('remove_item')),
  S.remove_low_stock.extend(kind('remove_low_stock')),
  BulkIntentSchema,
  S.set_field.extend(kind('set_field')),
  S.restock_low_stock.extend(kind('restock_low_stock')),
  S.restock_item.extend(kind('restock_item')),
  S.stock_analysis.extend(kind('stock_analysis')),
  S.supplier_performance.extend(kind('supplier_performance')),
  S.forecast_demand.extend(kind('forecast_demand')),
  S.undo_last_agent_change.extend(kind('undo_last_agent_change')),
  S.remove_recently_added.extend(kind('remove_recently_added')),
  S.general.extend(kind('general')),
]);

export type Intent = z.output<typeof IntentSchema>;
export type IntentOf<K extends IntentKind> = Extract<Intent, { kind: K }>;
export type BulkIntent = IntentOf<'bulk'>;

// Compile-time check: the union covers exactly the kinds of INTENT_SLOTS.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _covered: Same<Intent['kind'], IntentKind> = true;

const PRIMARY: Record<IntentKind, PrimaryIntent> = {
  add_items: PrimaryIntent.inventory,
  create_item: PrimaryIntent.inventory,
  remove_item: PrimaryIntent.inventory,
  remove_low_stock: PrimaryIntent.inventory,
  bulk: PrimaryIntent.inventory,
  set_field: PrimaryIntent.inventory,
  restock_low_stock: PrimaryIntent.inventory,
  restock_item: PrimaryIntent.inventory,
  stock_analysis: PrimaryIntent.inventory,
  supplier_performance: PrimaryIntent.supplier,
  forecast_demand: PrimaryIntent.forecasting,
  undo_last_agent_change: PrimaryIntent.inventory,
  remove_recently_added: PrimaryIntent.inventory,
  general: PrimaryIntent.general,
};

/** The contract's `primary_intent` for an intent (or a kind): PROG-5. */
export function primaryIntentOf(intent: Intent | IntentKind): PrimaryIntent {
  return PRIMARY[typeof intent === 'string' ? intent : intent.kind];
}
