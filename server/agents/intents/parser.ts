import type { PrimaryIntent } from '../../../shared/progress.js';
import type { Intent } from './schema.js';

/** The request's `context` object (PROG-2: `user_request.context`). */
export type IntentContext = Readonly<Record<string, unknown>>;

export interface ParsedIntent {
  intent: Intent;
  /** `intent_analysis` data.intent.primary_intent (PROG-5). */
  primary_intent: PrimaryIntent;
  /** 0..1; how sure the parser is. Rules are fixed per rule, a model's is fixed per answer. */
  confidence: number;
  /** One human-readable line for the progress feed. */
  explanation: string;
  /** Which parser decided: `rules`, or `llm:<model>`. */
  parser: string;
  /**
   * The request was understood but cannot be carried out as given (a bad bulk
   * entry, a value a field refuses). When not empty the agent must end the
   * request with `error` listing these, and change nothing.
   */
  problems: string[];
}

export interface IntentParser {
  readonly name: string;
  /**
   * `signal` aborts a parse that waits on something (a model's answer); it
   * then rejects with the signal's reason instead of answering.
   */
  parse(input: string, context?: IntentContext, signal?: AbortSignal): Promise<ParsedIntent>;
}
