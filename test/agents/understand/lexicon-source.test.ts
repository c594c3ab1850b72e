import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItems } from '../../../shared/items.js';
import { createMockData } from '../../../server/data/mock-data.js';
import { buildLexicon, lexiconSnapshot, understand } from '../../../server/agents/understand/index.js';

/** The one I/O piece: the lexicon from the mock data and a document snapshot (NLU-1). */
const DIR = path.resolve(import.meta.dirname, '../../../mock_data');

describe('lexiconSnapshot', () => {
  it('reads the room items, their own fields, the data names and the sales data end', async () => {
    const doc = new Y.Doc();
    addItems(
      doc,
      [
        {
          id: 'w1',
          type: 'inventory',
          name: 'Widget X',
          data: { sku: 'WID-1', category: 'Gadgets', supplier: 'Acme', current_stock: 3, shelf: 'A4' },
        },
        { id: 'n1', type: 'note', name: 'Call Acme' },
      ],
      { source: 'seed' },
    );
    const snapshot = await lexiconSnapshot(createMockData(DIR), doc);
    expect(snapshot.items).toEqual([
      { id: 'w1', type: 'inventory', name: 'Widget X', sku: 'WID-1', category: 'Gadgets', supplier: 'Acme' },
      { id: 'n1', type: 'note', name: 'Call Acme' },
    ]);
    expect(snapshot.categories).toEqual(expect.arrayContaining(['Gadgets', 'Cleaning', 'Tools']));
    expect(snapshot.suppliers).toEqual(expect.arrayContaining(['Acme', 'Nordpack AB']));
    expect(snapshot.fields).toEqual(['shelf']);
    expect(snapshot.salesEnd).toBe('2026-10-31');
    expect(snapshot.catalogue.length).toBeGreaterThan(0);

    const plan = understand('set the shelf of the widget x to B7', {}, buildLexicon(snapshot), '2026-12-03');
    expect(plan).toMatchObject({
      ok: true,
      plan: {
        steps: [{ kind: 'set_field', field: 'shelf', value: 'B7', selector: { items: [{ id: 'w1' }] } }],
      },
    });
  });
});
