import { z } from 'zod';

/**
 * How a plan names items. The parser resolves every name against the room's
 * items before it hands out a plan: a plan that writes carries only resolved
 * references, so the executor never guesses. A name that matched several
 * items becomes a clarification instead (NLU-5); the ambiguous form exists
 * so that a caller (the LLM path, a UI) can say so in a plan too.
 */
const Text = z.string().trim().min(1).max(200);

export const ItemCandidateSchema = z.object({ id: Text, sku: z.string(), name: z.string() });
export type ItemCandidate = z.infer<typeof ItemCandidateSchema>;

export const ResolvedRefSchema = z.object({
  status: z.literal('resolved'),
  /** The item id on the board (for the seeded demo board, the SKU). */
  id: Text,
  /** What the request said, as typed: an id, a SKU or (part of) a name. */
  said: z.string().max(200),
  by: z.enum(['id', 'sku', 'name', 'context']),
});
export type ResolvedRef = z.infer<typeof ResolvedRefSchema>;

export const AmbiguousRefSchema = z.object({
  status: z.literal('ambiguous'),
  said: z.string().max(200),
  candidates: z.array(ItemCandidateSchema).min(2).max(20),
});
export type AmbiguousRef = z.infer<typeof AmbiguousRefSchema>;

export const ItemRefSchema = z.discriminatedUnion('status', [ResolvedRefSchema, AmbiguousRefSchema]);
export type ItemRef = z.infer<typeof ItemRefSchema>;

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDaySchema = z.iso.date();
