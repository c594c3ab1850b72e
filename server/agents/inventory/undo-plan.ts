import type * as Y from 'yjs';
import {
  dataOf,
  isItemMap,
  itemsOf,
  sameJson,
  STAMP_KEYS,
  type FieldChange,
  type ItemPatch,
  type NewItem,
} from '../../../shared/items.js';
import type { MemoryEntry } from '../memory/memory.js';

export interface SkippedField {
  itemId: string;
  field: string;
  reason: string;
}

export interface UndoPlan {
  /** Items the request added that nobody has touched since. */
  remove: string[];
  /** Items the request removed, to be put back. */
  restore: NewItem[];
  /** Fields to set back to their value before the request. */
  patches: ItemPatch[];
  /** Fields the request had set and that did not exist before: delete them. */
  clears: { id: string; fields: string[] }[];
  skipped: SkippedField[];
}

const TOP_LEVEL = new Set(['type', 'name', 'subtitle']);

function currentValue(item: Y.Map<unknown>, field: string): unknown {
  return TOP_LEVEL.has(field) ? item.get(field) : dataOf(item)?.get(field);
}

/**
 * How to revert one request field by field. A field whose value is no longer
 * what the agent wrote was changed by someone since: it is kept, and listed
 * in `skipped` so the person hears about it.
 */
export function planUndo(doc: Y.Doc, entry: MemoryEntry): UndoPlan {
  const items = itemsOf(doc);
  const plan: UndoPlan = { remove: [], restore: [], patches: [], clears: [], skipped: [] };
  const agentStamp = `agent:${entry.agentId}`;

  for (const id of entry.added) {
    const item = items.get(id);
    if (!item) continue;
    if (dataOf(item)?.get('updated_by') !== agentStamp) {
      plan.skipped.push({ itemId: id, field: '*', reason: 'edited by someone since it was added; kept' });
    } else {
      plan.remove.push(id);
    }
  }

  for (const removed of entry.removed) {
    if (items.has(removed.id)) continue;
    const data = Object.fromEntries(Object.entries(removed.data).filter(([key]) => !STAMP_KEYS.has(key)));
    plan.restore.push({
      id: removed.id,
      type: removed.type,
      name: removed.name,
      subtitle: removed.subtitle,
      data,
    });
  }

  const patches = new Map<string, ItemPatch & { data: Record<string, unknown> }>();
  const clears = new Map<string, string[]>();
  for (const change of netChanges(entry.changes)) {
    if (STAMP_KEYS.has(change.field) || entry.added.includes(change.id)) continue;
    const item: unknown = items.get(change.id);
    if (!isItemMap(item)) {
      plan.skipped.push({ itemId: change.id, field: change.field, reason: 'item was removed since' });
      continue;
    }
    if (!sameJson(currentValue(item, change.field), change.after)) {
      plan.skipped.push({ itemId: change.id, field: change.field, reason: 'changed by someone since; kept' });
      continue;
    }
    if (change.before === undefined) {
      clears.set(change.id, [...(clears.get(change.id) ?? []), change.field]);
      continue;
    }
    const patch = patches.get(change.id) ?? { id: change.id, data: {} };
    if (TOP_LEVEL.has(change.field)) Object.assign(patch, { [change.field]: change.before });
    else patch.data[change.field] = change.before;
    patches.set(change.id, patch);
  }
  plan.patches = [...patches.values()];
  plan.clears = [...clears].map(([id, fields]) => ({ id, fields }));
  return plan;
}

/**
 * One change per field: its value before the request's first write and after
 * its last. A request may write a field twice (a bulk update listing an item
 * twice); comparing the first write's `after` with the document would
 * mistake the second write for a person's edit.
 */
function netChanges(changes: readonly FieldChange[]): FieldChange[] {
  const byField = new Map<string, FieldChange>();
  for (const change of changes) {
    const key = JSON.stringify([change.id, change.field]);
    const first = byField.get(key);
    byField.set(key, first ? { ...first, after: change.after } : change);
  }
  return [...byField.values()];
}
