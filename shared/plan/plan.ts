import { z } from 'zod';
import { ForecastStepSchema } from './forecast.js';
import { INVENTORY_QUESTION_SCHEMAS } from './questions.js';
import { ItemCandidateSchema } from './refs.js';
import { SupplierStepSchema } from './supplier.js';
import { BulkStepSchema, WRITE_STEP_SCHEMAS } from './writes.js';

/**
 * The typed request plan (NLU-7): what a request was understood as, before
 * anything runs. A plan is a list of steps carried out all or nothing in one
 * transaction (NLU-4); every step says whether it writes.
 */
export const MAX_PLAN_STEPS = 10;

export const StepSchema = z.discriminatedUnion('kind', [
  ...WRITE_STEP_SCHEMAS,
  BulkStepSchema,
  ...INVENTORY_QUESTION_SCHEMAS,
  SupplierStepSchema,
  ForecastStepSchema,
]);
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step['kind'];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;
export type WriteStep = Extract<Step, { writes: true }>;

export const PlanSchema = z.object({
  steps: z.array(StepSchema).min(1).max(MAX_PLAN_STEPS),
  /** Always true: a plan is carried out completely or not at all. */
  atomic: z.literal(true),
  /** The plan in words, for `intent_analysis` and the UI ("restock 12 low-stock Cleaning items to max"). */
  summary: z.string().max(2000),
});
export type Plan = z.infer<typeof PlanSchema>;

export function planWrites(plan: Plan): boolean {
  return plan.steps.some((s) => s.writes);
}

/** A request the parser could not use whole: nothing runs (NLU-4). */
export const NotUnderstoodSchema = z.object({
  ok: z.literal(false),
  reason: z.literal('not_understood'),
  /** What it did understand, as text. */
  understood: z.string().max(2000),
  /** The words it could not use, as typed. */
  unclear: z.array(z.string().max(200)).min(1).max(50),
  /** Up to 3 requests it would accept, closest first. */
  suggestions: z.array(z.string().max(300)).max(3),
});
export type NotUnderstood = z.infer<typeof NotUnderstoodSchema>;

/** A name matched several items: nothing runs, the person picks (NLU-5). */
export const ClarifySchema = z.object({
  ok: z.literal(false),
  reason: z.literal('clarify'),
  question: z.string().max(500),
  said: z.string().max(200),
  options: z.array(ItemCandidateSchema).min(2).max(20),
});
export type Clarify = z.infer<typeof ClarifySchema>;

export const UnderstandOutcomeSchema = z.union([
  z.object({ ok: z.literal(true), plan: PlanSchema }),
  NotUnderstoodSchema,
  ClarifySchema,
]);
export type UnderstandOutcome = z.infer<typeof UnderstandOutcomeSchema>;
