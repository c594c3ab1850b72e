import type * as Y from 'yjs';
import { isItemMap, itemsOf, listItems, readItem, type Item } from '../../../shared/items.js';
import { RequestError } from '../errors.js';

/**
 * Finds the one item a person means by an id, a SKU or a name: exact id
 * first, then SKU, then exact name, then a unique partial name. Anything
 * else is an error that names the candidates.
 */
export function resolveItem(doc: Y.Doc, ref: string): Item {
  const items = itemsOf(doc);
  const byId: unknown = items.get(ref);
  if (isItemMap(byId)) return readItem(byId);
  const wanted = ref.trim().toLowerCase();
  const all = listItems(doc);
  const bySku = all.filter((item) => String(item.data['sku'] ?? '').toLowerCase() === wanted);
  if (bySku.length === 1) return bySku[0]!;
  const byName = all.filter((item) => item.name.toLowerCase() === wanted);
  if (byName.length === 1) return byName[0]!;
  const candidates = bySku.length > 1 ? bySku : byName.length > 1 ? byName : partial(all, wanted);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    const names = candidates.slice(0, 5).map((item) => `${item.name} (${item.id})`);
    throw new RequestError(`"${ref}" matches ${candidates.length} items: ${names.join(', ')}`, 'ambiguous', {
      candidates: candidates.map((item) => item.id),
    });
  }
  throw new RequestError(`No item with id, SKU or name "${ref}"`, 'not_found', { ref });
}

function partial(all: readonly Item[], wanted: string): Item[] {
  if (wanted.length < 3) return [];
  return all.filter((item) => item.name.toLowerCase().includes(wanted));
}
