import type * as Y from 'yjs';
import { getItem, type FieldChange, type Item, type NewItem } from '../../shared/items.js';
import type { ItemRef, ProgressDataArgs, ProgressType } from '../../shared/progress.js';

/** Past this many items, one message lists the ids (refs without names) instead of one message per item. */
export const PER_ITEM_MESSAGE_LIMIT = 100;

/** What the reports need of a run (AgentRun): its messages, and the document the items' names are read from. */
export interface ReportingRun {
  emit<T extends ProgressType>(type: T, message: string, ...data: ProgressDataArgs<T>): void;
  readonly doc: Y.Doc;
}

/** The progress messages of an agent's edits (item_added, item_removed, field_changed, item_updated). */
export function reportAdded(run: ReportingRun, ids: readonly string[], inputs: readonly NewItem[]): void {
  if (ids.length <= PER_ITEM_MESSAGE_LIMIT) {
    ids.forEach((id, i) => {
      const name = inputs[i]!.name;
      run.emit('item_added', `Added ${name}`, {
        refs: [{ id, name }],
        itemId: id,
        item: getItem(run.doc, id) ?? null,
      });
    });
  } else {
    run.emit('item_added', `Added ${ids.length} items`, {
      refs: idRefs(ids),
      itemIds: [...ids],
      count: ids.length,
    });
  }
}

export function reportRemoved(run: ReportingRun, removed: readonly Item[]): void {
  if (removed.length <= PER_ITEM_MESSAGE_LIMIT) {
    for (const item of removed) {
      run.emit('item_removed', `Removed ${item.name}`, {
        refs: [{ id: item.id, name: item.name }],
        itemId: item.id,
        item,
      });
    }
  } else {
    const itemIds = removed.map((item) => item.id);
    run.emit('item_removed', `Removed ${removed.length} items`, {
      refs: idRefs(itemIds),
      itemIds,
      count: removed.length,
    });
  }
}

export function reportChanges(run: ReportingRun, changes: readonly FieldChange[]): void {
  const nameOf = (id: string) => getItem(run.doc, id)?.name || id;
  const byItem = new Map<string, FieldChange[]>();
  for (const change of changes) byItem.set(change.id, [...(byItem.get(change.id) ?? []), change]);
  if (changes.length <= PER_ITEM_MESSAGE_LIMIT) {
    for (const c of changes) {
      const name = nameOf(c.id);
      run.emit('field_changed', `${name}: ${c.field} ${show(c.before)} → ${show(c.after)}`, {
        refs: [{ id: c.id, name }],
        itemId: c.id,
        field: c.field,
        before: c.before ?? null,
        after: c.after ?? null,
      });
    }
  }
  if (byItem.size <= PER_ITEM_MESSAGE_LIMIT) {
    for (const [id, list] of byItem) {
      const name = nameOf(id);
      run.emit('item_updated', `Updated ${name}`, {
        refs: [{ id, name }],
        itemId: id,
        fields: list.map((c) => c.field),
      });
    }
  } else {
    const itemIds = [...byItem.keys()];
    run.emit('item_updated', `Updated ${itemIds.length} items`, {
      refs: idRefs(itemIds),
      itemIds,
      count: itemIds.length,
    });
  }
}

/** Refs by id only, for messages that list many items: looking up every name would cost more than it shows. */
export function idRefs(ids: readonly string[]): ItemRef[] {
  return ids.map((id) => ({ id }));
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}
