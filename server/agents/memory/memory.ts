import type { FieldChange, Item } from '../../../shared/items.js';

/**
 * What the agents remember of each request in a room: enough to answer
 * "Remove the items you just added" and to undo a request field by field.
 */
export interface MemoryEntry {
  requestId: string;
  input: string;
  userId: string;
  agentId: string;
  intentKind: string;
  intent: unknown;
  outcome: 'complete' | 'error' | 'cancelled';
  message: string;
  /** Ids of items the request created. */
  added: string[];
  /** Full copies of the items it removed, so an undo can put them back. */
  removed: Item[];
  /** Every field it changed, with the value before and after. */
  changes: FieldChange[];
  at: string;
  /** Set when an undo has reverted this request. */
  undoneBy?: string | undefined;
}

export interface AgentMemory {
  record(room: string, entry: MemoryEntry): Promise<void>;
  /** Newest first. */
  recent(room: string, limit?: number): Promise<MemoryEntry[]>;
  markUndone(room: string, requestId: string, undoneBy: string): Promise<void>;
}

export function changedDocument(entry: MemoryEntry): boolean {
  return entry.added.length > 0 || entry.removed.length > 0 || entry.changes.length > 0;
}
