import { z } from 'zod';
import { ItemSchema } from '../items/schema.js';

/**
 * `data` of the messages about board items. Every message that names items
 * names them in `data.refs`, one {id, name?} per item in the order they were
 * handled: the one field a reader needs to link a message to the board. The
 * older fields stay for the programs that read them: `itemId` and `item` on a
 * message about one item, `itemIds` and `count` on one that lists many (past
 * server/agents/run.ts's PER_ITEM_MESSAGE_LIMIT).
 */

export const ItemRefSchema = z.object({
  id: z.string().min(1),
  /** A display name when the sender knows it; readers fall back to the id. */
  name: z.string().optional(),
});
export type ItemRef = z.infer<typeof ItemRefSchema>;

export const ItemRefsSchema = z.object({ refs: z.array(ItemRefSchema) });

const Count = z.number().int().min(0);
const Ids = z.array(z.string());
const many = z.looseObject({ ...ItemRefsSchema.shape, itemIds: Ids, count: Count });

export const ItemAddedDataSchema = z.union([
  // `item` is null when another peer removed it again before the message was built.
  z.looseObject({ ...ItemRefsSchema.shape, itemId: z.string(), item: ItemSchema.nullable() }),
  many,
]);

export const ItemRemovedDataSchema = z.union([
  z.looseObject({ ...ItemRefsSchema.shape, itemId: z.string(), item: ItemSchema }),
  many,
]);

export const ItemUpdatedDataSchema = z.union([
  z.looseObject({ ...ItemRefsSchema.shape, itemId: z.string(), fields: z.array(z.string()) }),
  many,
]);

/** One field of one item; `before`/`after` are JSON values, null when the field was absent. */
export const FieldChangedDataSchema = z.looseObject({
  ...ItemRefsSchema.shape,
  itemId: z.string(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** What an agent is about to do; the items it names, when it names them. */
const Announcement = {
  ...ItemRefsSchema.partial().shape,
  itemId: z.string().optional(),
  itemIds: Ids.optional(),
  count: Count.optional(),
  /** The earlier request an undo or a "remove what you added" works on. */
  sourceRequestId: z.string().optional(),
};

export const ItemCreationDataSchema = z.looseObject({ count: Count.optional() });
export const ItemRemovalDataSchema = z.looseObject(Announcement);

/** A field an undo left alone because a person changed it since (`field: '*'`: the whole item). */
const SkippedFieldSchema = z.object({ itemId: z.string(), field: z.string(), reason: z.string() });

export const InventoryAnalysisDataSchema = z.looseObject({
  ...Announcement,
  skipped: z.array(SkippedFieldSchema).optional(),
});

/** One inventory item's stock figures (`analysis_results`). */
export const StockFiguresSchema = z.object({
  itemId: z.string(),
  sku: z.string(),
  name: z.string(),
  current_stock: z.number(),
  reorder_point: z.number(),
  max_stock: z.number(),
  lead_time_days: z.number(),
  low_stock: z.boolean(),
  /** Mean units sold per day over the recent window; null without sales history. */
  daily_demand: z.number().nullable(),
  /** current_stock / daily_demand; null when nothing sells. */
  days_of_cover: z.number().nullable(),
  /** Units to order now so stock is back at max_stock when the order arrives. */
  reorder_quantity: z.number(),
});
export type StockFigures = z.infer<typeof StockFiguresSchema>;

export const AnalysisResultsDataSchema = z.looseObject({
  items: Count,
  low_stock: z.array(StockFiguresSchema),
  /** Items that will run out within their lead time at the current demand. */
  at_risk: z.array(StockFiguresSchema),
  total_reorder_units: z.number(),
});
export type StockReport = z.infer<typeof AnalysisResultsDataSchema>;
