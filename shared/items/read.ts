import * as Y from 'yjs';
import { ITEMS_KEY, type Item, type ItemMap, type ItemsMap } from './schema.js';

/** Reading the room document: the items map, one item as plain JSON, and the low-stock rule. */

export function itemsOf(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemMap>(ITEMS_KEY);
}

export function isLowStock(data: Readonly<Record<string, unknown>>): boolean {
  const stock = data['current_stock'];
  const reorder = data['reorder_point'];
  return typeof stock === 'number' && typeof reorder === 'number' && stock <= reorder;
}

/**
 * A peer with write access can put anything under `items`; readers skip
 * entries that are not item maps rather than fail the whole room.
 */
export function isItemMap(value: unknown): value is ItemMap {
  return value instanceof Y.Map;
}

export function readItem(item: ItemMap): Item {
  const json = item.toJSON() as Partial<Item>;
  return {
    ...json,
    id: typeof json.id === 'string' ? json.id : '',
    type: typeof json.type === 'string' ? json.type : '',
    name: typeof json.name === 'string' ? json.name : '',
    subtitle: typeof json.subtitle === 'string' ? json.subtitle : '',
    data: json.data !== null && typeof json.data === 'object' && !Array.isArray(json.data) ? json.data : {},
  };
}

export function getItem(doc: Y.Doc, id: string): Item | undefined {
  const item: unknown = itemsOf(doc).get(id);
  return isItemMap(item) ? readItem(item) : undefined;
}

export function listItems(doc: Y.Doc): Item[] {
  const out: Item[] = [];
  itemsOf(doc).forEach((item: unknown) => {
    if (isItemMap(item)) out.push(readItem(item));
  });
  return out;
}

export function dataOf(item: unknown): Y.Map<unknown> | undefined {
  if (!isItemMap(item)) return undefined;
  const data = item.get('data');
  return data instanceof Y.Map ? data : undefined;
}
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
