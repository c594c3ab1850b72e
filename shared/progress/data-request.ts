import { z } from 'zod';
import { PrimaryIntent } from './constants.js';
import { ItemRefsSchema } from './data-items.js';

/**
 * `data` of the messages every request sends whatever its agent: `start`,
 * `intent_analysis`, `progress`, and its one `complete` or `error`. Objects
 * are loose: a field this version does not know passes through untouched.
 */

export const StartDataSchema = z.looseObject({
  /** The request's text, so every watcher of the room can show what was asked. */
  input: z.string(),
  /** True when the room's earlier requests run first. */
  queued: z.boolean(),
  /** How many requests of the room are ahead of it. */
  position: z.number().int().min(0),
});

/**
 * The typed request it was understood as: `kind` and that kind's slots (the
 * server's intent schema, server/agents/intents/schema.ts, is their one
 * definition), plus the contract's `primary_intent`.
 */
const IntentSchema = z.looseObject({
  primary_intent: z.enum(Object.values(PrimaryIntent)),
  kind: z.string(),
});

export const IntentAnalysisDataSchema = z.looseObject({
  intent: IntentSchema,
  /** 0..1: how sure the parser is. */
  confidence: z.number().min(0).max(1),
  /** `rules`, or `llm:<model>`. */
  parser: z.string(),
  /** Why it cannot be carried out as given; not empty means the request ends with `error`. */
  problems: z.array(z.string()),
});

export const ProgressDataSchema = z.looseObject({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});

/** The items a request touched, by id (an item once, however many of its fields changed). */
export const AffectedSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  updated: z.array(z.string()),
});
export type Affected = z.infer<typeof AffectedSchema>;

/** What the request did; besides `affected`, each agent adds its own summary figures. */
export const CompleteDataSchema = z.looseObject({
  affected: AffectedSchema,
  ...ItemRefsSchema.partial().shape,
});

export const ErrorDataSchema = z.looseObject({
  /** One of ErrorReason, or a finer one an agent names (open, so a new reason breaks no reader). */
  reason: z.string().min(1),
  /** Edits made before it ended stay; absent when they are unknown (its process died). */
  affected: AffectedSchema.optional(),
  problems: z.array(z.string()).optional(),
});
export type ErrorData = z.infer<typeof ErrorDataSchema>;
