import type * as Y from 'yjs';
import { isKnownField, STAMP_FIELDS } from '../../../shared/fields.js';
import { listItems, type Item } from '../../../shared/items.js';
import type { MockData } from '../../data/mock-data.js';
import type { LexiconItem, LexiconSnapshot } from './lexicon.js';

/**
 * The one place the parser's knowledge is read from the outside: the mock
 * data (catalogue, suppliers, the sales data's last date) and a snapshot of
 * the room's items. Everything after this is pure.
 */
export async function lexiconSnapshot(data: MockData, doc: Y.Doc): Promise<LexiconSnapshot> {
  const [catalogue, suppliers, inventory, sales] = await Promise.all([
    data.catalog(),
    data.suppliers(),
    data.inventory(),
    data.salesBySku(),
  ]);
  let salesEnd = '';
  for (const series of sales.values()) {
    const last = series.dates.at(-1);
    if (last && last > salesEnd) salesEnd = last;
  }
  return snapshotFrom(listItems(doc), {
    catalogue: catalogue.map(({ sku, name, category, supplier }) => ({ sku, name, category, supplier })),
    suppliers: suppliers.map((s) => s.name),
    categories: [...inventory.map((r) => r.category), ...catalogue.map((r) => r.category)],
    salesEnd,
  });
}

/** Pure: the snapshot for a list of items plus the data's own names. */
export function snapshotFrom(
  items: readonly Item[],
  data: Omit<LexiconSnapshot, 'items' | 'fields'>,
): LexiconSnapshot {
  const categories = new Set(data.categories);
  const suppliers = new Set(data.suppliers);
  const fields = new Set<string>();
  const lexItems: LexiconItem[] = items.map((item) => {
    const d = item.data;
    const text = (k: string) => (typeof d[k] === 'string' && d[k] !== '' ? d[k] : undefined);
    const category = text('category');
    const supplier = text('supplier');
    if (category) categories.add(category);
    if (supplier) suppliers.add(supplier);
    for (const key of Object.keys(d)) {
      if (!isKnownField(key) && !(STAMP_FIELDS as readonly string[]).includes(key)) fields.add(key);
    }
    const sku = text('sku');
    return {
      id: item.id,
      type: item.type,
      name: item.name,
      ...(sku ? { sku } : {}),
      ...(category ? { category } : {}),
      ...(supplier ? { supplier } : {}),
    };
  });
  return {
    ...data,
    items: lexItems,
    categories: [...categories].sort(),
    suppliers: [...suppliers].sort(),
    fields: [...fields].sort(),
  };
}
