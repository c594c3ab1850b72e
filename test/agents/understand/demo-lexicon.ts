import path from 'node:path';
import { inventoryItemFromRow } from '../../../server/data/inventory-items.js';
import { createMockData } from '../../../server/data/mock-data.js';
import { buildLexicon, snapshotFrom, type Lexicon } from '../../../server/agents/understand/index.js';
import type { Item } from '../../../shared/items.js';
import type { ScopeItem } from '../../../server/agents/understand/scope.js';

/**
 * The seeded demo board (mock_data/inventory.csv, ids = SKUs) as the parser
 * sees it, and a fixed "today" after the sales data ends (2026-10-31).
 */
export const TODAY = '2026-12-03';
const DIR = path.resolve(import.meta.dirname, '../../../mock_data');

export interface DemoBoard {
  readonly lex: Lexicon;
  readonly items: readonly ScopeItem[];
}

let pending: Promise<DemoBoard> | undefined;

export function demoBoard(): Promise<DemoBoard> {
  pending ??= (async () => {
    const data = createMockData(DIR);
    const [inventory, catalogue, suppliers, sales] = await Promise.all([
      data.inventory(),
      data.catalog(),
      data.suppliers(),
      data.salesBySku(),
    ]);
    const items: Item[] = inventory.map((row) => {
      const item = inventoryItemFromRow(row);
      return { ...item, data: Object.fromEntries(Object.entries(item.data)) };
    });
    let salesEnd = '';
    for (const s of sales.values()) if ((s.dates.at(-1) ?? '') > salesEnd) salesEnd = s.dates.at(-1)!;
    const snapshot = snapshotFrom(items, {
      catalogue: catalogue.map(({ sku, name, category, supplier }) => ({ sku, name, category, supplier })),
      suppliers: suppliers.map((s) => s.name),
      categories: inventory.map((r) => r.category),
      salesEnd,
    });
    return { lex: buildLexicon(snapshot), items };
  })();
  return pending;
}
