import type { Intent, IntentKind, IntentOf } from './intents/schema.js';
import type { AgentRun } from './run.js';

/** What a finished request reports in its `complete` message. */
export interface Outcome {
  message: string;
  /** Summary figures of the agent; `itemIds`, when given, are also linked as the `complete`'s `data.refs`. */
  data?: Record<string, unknown> & { itemIds?: string[] };
}

export type Handler<K extends IntentKind = IntentKind> = (
  intent: IntentOf<K>,
  run: AgentRun,
) => Promise<Outcome>;

export type HandlerTable = { [K in IntentKind]: Handler<K> };

export function dispatch(table: HandlerTable, intent: Intent, run: AgentRun): Promise<Outcome> {
  return (table[intent.kind] as Handler)(intent, run);
}
