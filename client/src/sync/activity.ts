import { STAMP_FIELDS } from '../../../shared/fields.js';
import type { Item } from '../../../shared/items.js';

/** One line of the activity feed. `actor` is an `updated_by` stamp (`user:…`, `agent:…`), or '' when unknown. */
export interface ActivityEntry {
  id: number;
  at: number;
  kind: 'added' | 'removed' | 'updated' | 'field_changed' | 'bulk';
  actor: string;
  itemId?: string;
  itemName: string;
  fields: FieldDelta[];
  /** For `bulk`: how many items and what happened to them. */
  count?: number;
  bulkOf?: 'added' | 'removed' | 'updated';
  /** This tab's undo or redo, or the catch-up sync with the server (after connecting). */
  via?: Via;
}

export interface FieldDelta {
  field: string;
  before: unknown;
  after: unknown;
}

export type ActivityDraft = Omit<ActivityEntry, 'id'>;
export type Via = 'undo' | 'redo' | 'sync';

/** Above this many items in one transaction (a seed, a first sync, an agent batch) the feed shows one summary line. */
export const BULK_THRESHOLD = 12;

const TOP_LEVEL = ['name', 'type', 'subtitle'] as const;
const STAMPS: ReadonlySet<string> = new Set(STAMP_FIELDS);

/** The fields that differ between two versions of an item, stamps excluded. */
export function fieldDeltas(before: Item, after: Item): FieldDelta[] {
  const deltas: FieldDelta[] = [];
  for (const field of TOP_LEVEL) {
    if (before[field] !== after[field]) deltas.push({ field, before: before[field], after: after[field] });
  }
  const keys = new Set([...Object.keys(before.data), ...Object.keys(after.data)]);
  for (const field of keys) {
    if (STAMPS.has(field)) continue;
    const a = before.data[field];
    const b = after.data[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) deltas.push({ field, before: a, after: b });
  }
  return deltas;
}

function stampOf(item: Item | undefined): string {
  const by = item?.data['updated_by'];
  return typeof by === 'string' ? by : '';
}

/**
 * Turns one transaction's effect on the items into feed lines.
 * `actor` is known for this tab's own writes (from the transaction origin);
 * for remote ones it is null and each item's `updated_by` says who. A removal
 * from elsewhere carries no stamp, so its actor stays unknown ('').
 */
export function deriveActivity(
  previous: ReadonlyMap<string, Item | undefined>,
  current: ReadonlyMap<string, Item | undefined>,
  actor: string | null,
  at: number,
  via?: Via,
): ActivityDraft[] {
  const drafts: ActivityDraft[] = [];
  for (const [id, before] of previous) {
    const after = current.get(id);
    const who = actor ?? stampOf(after);
    const base = { at, actor: who, itemId: id, ...(via ? { via } : {}) };
    if (!before && after) drafts.push({ ...base, kind: 'added', itemName: after.name, fields: [] });
    else if (before && !after) drafts.push({ ...base, kind: 'removed', itemName: before.name, fields: [] });
    else if (before && after) {
      const fields = fieldDeltas(before, after);
      if (fields.length === 0) continue;
      drafts.push({
        ...base,
        kind: fields.length === 1 ? 'field_changed' : 'updated',
        itemName: after.name,
        fields,
      });
    }
  }
  return drafts.length > BULK_THRESHOLD ? summarise(drafts, at, via) : drafts;
}

function summarise(drafts: ActivityDraft[], at: number, via?: Via): ActivityDraft[] {
  const groups = new Map<'added' | 'removed' | 'updated', ActivityDraft[]>();
  for (const draft of drafts) {
    const key = draft.kind === 'added' || draft.kind === 'removed' ? draft.kind : 'updated';
    const group = groups.get(key);
    if (group) group.push(draft);
    else groups.set(key, [draft]);
  }
  return [...groups].map(([bulkOf, group]) => {
    const actors = new Set(group.map((d) => d.actor));
    return {
      at,
      kind: 'bulk' as const,
      actor: actors.size === 1 ? group[0]!.actor : '',
      itemName: '',
      fields: [],
      count: group.length,
      bulkOf,
      ...(via ? { via } : {}),
    };
  });
}
