import type * as Y from 'yjs';
import type { WriteOrigin } from '../origins.js';
import { dataOf, itemsOf, sameJson } from './read.js';
import { patchProblems, stamp } from './prepare.js';
import { ItemValidationError, type ItemPatch, type JsonRecord } from './schema.js';

/** Field-level edits: only changed fields are written, in ONE transaction, and reported. */

/** One field that an update actually changed. */
export interface FieldChange {
  id: string;
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Applies field-level patches in one transaction. Only fields whose value
 * differs are written, so two people editing different fields of one item
 * never overwrite each other.
 */
export function updateItems(
  doc: Y.Doc,
  patches: readonly ItemPatch[],
  origin: WriteOrigin,
  at = new Date(),
): FieldChange[] {
  const problems = patchProblems(doc, patches);
  if (problems.length > 0) throw new ItemValidationError(problems);
  const items = itemsOf(doc);
  const stamps = stamp(origin, at);
  const changes: FieldChange[] = [];
  doc.transact(() => {
    for (const patch of patches) {
      const item = items.get(patch.id)!;
      const data = dataOf(item)!;
      let touched = false;
      for (const key of ['type', 'name', 'subtitle'] as const) {
        const value = patch[key];
        if (value === undefined || item.get(key) === value) continue;
        changes.push({ id: patch.id, field: key, before: item.get(key), after: value });
        item.set(key, value);
        touched = true;
      }
      for (const [field, value] of Object.entries((patch.data ?? {}) as Record<string, unknown>)) {
        const before = data.get(field);
        if (sameJson(before, value)) continue;
        changes.push({ id: patch.id, field, before, after: value });
        data.set(field, value);
        touched = true;
      }
      if (touched) for (const [field, value] of Object.entries(stamps)) data.set(field, value);
    }
  }, origin);
  return changes;
}

export function setFields(
  doc: Y.Doc,
  id: string,
  fields: JsonRecord,
  origin: WriteOrigin,
  at = new Date(),
): FieldChange[] {
  return updateItems(doc, [{ id, data: fields }], origin, at);
}

/** Removes data fields (e.g. when undoing an edit that added them), in one transaction. */
export function clearFields(
  doc: Y.Doc,
  id: string,
  fields: readonly string[],
  origin: WriteOrigin,
  at = new Date(),
): FieldChange[] {
  const item = itemsOf(doc).get(id);
  const data = item && dataOf(item);
  if (!data) throw new ItemValidationError([`no item with id ${id}`]);
  const changes: FieldChange[] = [];
  doc.transact(() => {
    for (const field of fields) {
      if (!data.has(field)) continue;
      changes.push({ id, field, before: data.get(field), after: undefined });
      data.delete(field);
    }
    if (changes.length > 0)
      for (const [field, value] of Object.entries(stamp(origin, at))) data.set(field, value);
  }, origin);
  return changes;
}
