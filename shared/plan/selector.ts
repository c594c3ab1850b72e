import { z } from 'zod';
import { ItemRefSchema } from './refs.js';

/**
 * Which items a step works on. A selector composes: named items, or the
 * items matching every filter (any of the categories, any of the suppliers,
 * all of the conditions), minus the exclusions. It never means "everything"
 * by default: a selector with nothing named and no filter must say `all`
 * (NLU-8), so a filter the parser lost cannot silently widen a write.
 */
export const ConditionSchema = z.discriminatedUnion('kind', [
  /** `current_stock <= reorder_point` (DOC-5). */
  z.object({ kind: z.literal('low_stock') }),
  z.object({ kind: z.literal('out_of_stock') }),
  z.object({ kind: z.literal('below_min') }),
  z.object({ kind: z.literal('over_max') }),
  /** Stock runs out within `days` at the recent sales rate (days of cover <= days). */
  z.object({ kind: z.literal('runs_out_within'), days: z.number().int().min(1).max(730) }),
]);
export type Condition = z.infer<typeof ConditionSchema>;
export type ConditionKind = Condition['kind'];

const Names = z.array(z.string().trim().min(1).max(200)).max(50);

export const ExclusionSchema = z.object({
  items: z.array(ItemRefSchema).max(200).default([]),
  categories: Names.default([]),
  suppliers: Names.default([]),
  conditions: z.array(ConditionSchema).max(10).default([]),
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

export const SelectorSchema = z
  .object({
    /** Items named one by one; when present, only these (filters then narrow them). */
    items: z.array(ItemRefSchema).max(200).default([]),
    /** The request said "all" / "every" / "everything" outright. */
    all: z.boolean().default(false),
    categories: Names.default([]),
    suppliers: Names.default([]),
    conditions: z.array(ConditionSchema).max(10).default([]),
    exclude: ExclusionSchema.default({ items: [], categories: [], suppliers: [], conditions: [] }),
  })
  .refine(
    (s) =>
      s.all ||
      s.items.length > 0 ||
      s.categories.length > 0 ||
      s.suppliers.length > 0 ||
      s.conditions.length > 0,
    { message: 'a selector names items, a filter, or says "all"' },
  );
export type Selector = z.infer<typeof SelectorSchema>;

/** A selector with no filter, used when a request names its items. */
export function emptyExclusion(): Exclusion {
  return { items: [], categories: [], suppliers: [], conditions: [] };
}
