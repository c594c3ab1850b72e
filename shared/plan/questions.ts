import { z } from 'zod';
import { SelectorSchema } from './selector.js';

/**
 * Questions about items and stock. Each carries `writes: false`: a question
 * never changes the document (NLU-2), whatever else the plan says.
 */
const reads = { writes: z.literal(false) };
const Field = z.string().trim().min(1).max(100);

/** `what's the reorder point of X`, `who supplies X`; no fields: the item's whole row. */
export const ItemFieldsQuestionSchema = z.object({
  kind: z.literal('item_fields'),
  ...reads,
  selector: SelectorSchema,
  fields: z.array(Field).max(20).default([]),
});

/** `show the low-stock cleaning items`: the matching items as a list. */
export const ListQuestionSchema = z.object({
  kind: z.literal('list_items'),
  ...reads,
  selector: SelectorSchema,
});

/** `what is our cleaning stock worth`: sum of current_stock × unit_cost. */
export const StockValueQuestionSchema = z.object({
  kind: z.literal('stock_value'),
  ...reads,
  selector: SelectorSchema,
});

/** `how many days of cover for X`: current_stock / recent daily sales. */
export const DaysOfCoverQuestionSchema = z.object({
  kind: z.literal('days_of_cover'),
  ...reads,
  selector: SelectorSchema,
});

/** `what should I reorder and how much`, `should we reorder X` (advice, no write). */
export const ReorderAdviceQuestionSchema = z.object({
  kind: z.literal('reorder_advice'),
  ...reads,
  selector: SelectorSchema,
  /** "what should I reorder this week": what needs ordering within this many days from today. */
  within_days: z.number().int().min(1).max(730).optional(),
});

/** `what is overstocked`: items over max_stock, with the excess. */
export const OverstockQuestionSchema = z.object({
  kind: z.literal('overstock'),
  ...reads,
  selector: SelectorSchema,
});

/** `what runs out first`, `when will X run out`, `what runs out before 2027-01-31`. */
export const RunsOutQuestionSchema = z.object({
  kind: z.literal('runs_out'),
  ...reads,
  selector: SelectorSchema,
  within_days: z.number().int().min(1).max(730).optional(),
});

/** `how many items are low`, `total units of cleaning stock`. */
export const TotalsQuestionSchema = z.object({
  kind: z.literal('totals'),
  ...reads,
  selector: SelectorSchema,
  measure: z.enum(['items', 'units', 'value']),
});

/** `analyze inventory`, `stock report`: the general stock analysis (AGENT table). */
export const StockAnalysisQuestionSchema = z.object({ kind: z.literal('stock_analysis'), ...reads });

/** `what can you do` */
export const HelpQuestionSchema = z.object({ kind: z.literal('help'), ...reads });

export const INVENTORY_QUESTION_SCHEMAS = [
  ItemFieldsQuestionSchema,
  ListQuestionSchema,
  StockValueQuestionSchema,
  DaysOfCoverQuestionSchema,
  ReorderAdviceQuestionSchema,
  OverstockQuestionSchema,
  RunsOutQuestionSchema,
  TotalsQuestionSchema,
  StockAnalysisQuestionSchema,
  HelpQuestionSchema,
] as const;
