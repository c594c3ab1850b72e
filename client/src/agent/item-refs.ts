import type { ProgressMessage } from '../../../shared/progress.js';

/**
 * Which board items a progress message talks about, so the feed can link to them. Agents report
 * an item as `data.itemId`, as `data.item` (`{id, name?}`), or in bulk as `data.itemIds` /
 * `data.items` (`[{id, name?}]`, e.g. add_multiple); all forms are accepted, duplicates merged.
 */

export interface ItemRef {
  id: string;
  /** A display name when the message carries one; the panel falls back to the id. */
  name?: string;
}

/** Message types that describe a change to a specific item. */
export const ITEM_MESSAGE_TYPES = new Set<string>([
  'item_added',
  'item_removed',
  'item_updated',
  'field_changed',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function refFromObject(value: unknown): ItemRef | undefined {
  if (!isRecord(value)) return undefined;
  const id = nonEmptyString(value.id);
  if (!id) return undefined;
  const name = nonEmptyString(value.name);
  return name ? { id, name } : { id };
}

export function extractItemRefs(message: Pick<ProgressMessage, 'data'>): ItemRef[] {
  const data = message.data;
  if (!data) return [];
  const found: ItemRef[] = [];
  const itemId = nonEmptyString(data.itemId);
  if (itemId) {
    const name =
      nonEmptyString(data.itemName) ?? (isRecord(data.item) ? nonEmptyString(data.item.name) : undefined);
    found.push(name ? { id: itemId, name } : { id: itemId });
  }
  const item = refFromObject(data.item);
  if (item) found.push(item);
  if (Array.isArray(data.itemIds)) {
    for (const value of data.itemIds) {
      const id = nonEmptyString(value);
      if (id) found.push({ id });
    }
  }
  if (Array.isArray(data.items)) {
    for (const entry of data.items) {
      const ref = refFromObject(entry);
      if (ref) found.push(ref);
    }
  }
  return dedupe(found);
}

/** First occurrence wins its slot; a later one may contribute the name the first lacked. */
function dedupe(refs: ItemRef[]): ItemRef[] {
  const byId = new Map<string, ItemRef>();
  for (const ref of refs) {
    const seen = byId.get(ref.id);
    if (!seen) byId.set(ref.id, ref);
    else if (!seen.name && ref.name) byId.set(ref.id, { ...seen, name: ref.name });
  }
  return [...byId.values()];
}
