import type { Draft } from './context.js';
import type { Normalized } from './normalize.js';
import type { IntentContext } from './parser.js';
import type { Action } from './vocabulary.js';

/** One classification rule: a draft when it places the request, else undefined. */
export interface Classified extends Draft {
  confidence: number;
}

export type Rule = (
  n: Normalized,
  lead: Action | undefined,
  context: IntentContext,
) => Classified | undefined;

/** Confidence is per rule: 0.9 for a clear verb and object, lower for vaguer matches. */
export function draft(kind: Draft['kind'], slots: Record<string, unknown>, confidence = 0.9): Classified {
  return { kind, slots, confidence };
}
