import * as Y from 'yjs';
import type { WriteOrigin } from '../origins.js';
import { isItemMap, itemsOf, readItem } from './read.js';
import { parseNewItems, stamp } from './prepare.js';
import { ItemValidationError, type Item, type ItemMap, type JsonRecord, type NewItem } from './schema.js';

/** Adding and removing items: each call is ONE transaction tagged with its origin. */

function buildItem(
  input: {
    id: string;
    type: string;
    name: string;
    subtitle?: string | undefined;
    data?: JsonRecord | undefined;
  },
  stamps: Record<string, string>,
): ItemMap {
  const data = new Y.Map<unknown>(Object.entries({ ...input.data, ...stamps }));
  return new Y.Map<unknown>([
    ['id', input.id],
    ['type', input.type],
    ['name', input.name],
    ['subtitle', input.subtitle ?? ''],
    ['data', data],
  ]);
}

/** Adds all items in one transaction; returns their ids in input order. */
export function addItems(
  doc: Y.Doc,
  inputs: readonly NewItem[],
  origin: WriteOrigin,
  at = new Date(),
): string[] {
  const parsed = parseNewItems(doc, inputs);
  const stamps = stamp(origin, at);
  const items = itemsOf(doc);
  doc.transact(() => {
    for (const input of parsed) items.set(input.id, buildItem(input, stamps));
  }, origin);
  return parsed.map((p) => p.id);
}

export function addItem(doc: Y.Doc, input: NewItem, origin: WriteOrigin, at = new Date()): string {
  return addItems(doc, [input], origin, at)[0]!;
}

/**
 * Adds the items whose ids are not in the document yet; existing ones are left
 * alone. Ids are required, which makes concurrent seeding by two peers converge
 * to one copy of each item (the map key is the id).
 */
export function addMissingItems(
  doc: Y.Doc,
  inputs: readonly (NewItem & { id: string })[],
  origin: WriteOrigin,
  at = new Date(),
): string[] {
  const items = itemsOf(doc);
  return addItems(
    doc,
    inputs.filter((input) => !items.has(input.id)),
    origin,
    at,
  );
}

/** Removes all of them in one transaction, or none when any id is unknown. */
export function removeItems(doc: Y.Doc, ids: readonly string[], origin: WriteOrigin): Item[] {
  const items = itemsOf(doc);
  const unknown = ids.filter((id) => !items.has(id));
  if (unknown.length > 0) throw new ItemValidationError(unknown.map((id) => `no item with id ${id}`));
  const removed: Item[] = [];
  doc.transact(() => {
    for (const id of new Set(ids)) {
      const item: unknown = items.get(id);
      if (isItemMap(item)) removed.push(readItem(item));
      items.delete(id);
    }
  }, origin);
  return removed;
}

export function removeItem(doc: Y.Doc, id: string, origin: WriteOrigin): Item {
  return removeItems(doc, [id], origin)[0]!;
}
