import { expect } from 'vitest';
import { isLowStock, type Item } from '../../../shared/items.js';
import type { InventoryItemInput } from '../../../server/data/inventory-items.js';
import {
  boardItems,
  content,
  expectOneTransaction,
  expectOthersUnchanged,
  expectStampedBy,
  mockData,
} from './board-helpers.js';
import {
  INVENTORY,
  INVENTORY_ERROR,
  describePhrases,
  type Asked,
  type PhraseCase,
} from './phrase-harness.js';
import { ofType } from './progress-helpers.js';

/**
 * AGENT-3…AGENT-10, DOC-4: the inventory phrases that edit the board, each as
 * written, over the progress WebSocket, HTTP JSON and HTTP SSE, judged by
 * what a stock y-websocket client sees in the document.
 */

const added = (r: Asked) => [...r.after.keys()].filter((id) => !r.before.has(id));
const removed = (r: Asked) => [...r.before.keys()].filter((id) => !r.after.has(id));
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function expectInventoryFields(item: Item): void {
  expect(typeof item.data['sku']).toBe('string');
  expect(typeof item.data['supplier']).toBe('string');
  for (const field of ['current_stock', 'min_stock', 'max_stock', 'reorder_point'])
    expect(isCount(item.data[field]), `${field} of ${item.name}: ${String(item.data[field])}`).toBe(true);
}

/** Only `fields` of `id` (and its stamps) differ between before and after. */
function expectOnlyFieldsChanged(r: Asked, id: string, fields: Record<string, unknown>): void {
  const before = content(r.before.get(id)) as Item;
  expect(content(r.after.get(id))).toEqual({ ...before, data: { ...before.data, ...fields } });
}

function expectUnchanged(r: Asked): void {
  expect(r.unchanged, 'the document is unchanged').toBe(true);
  expect(r.transactions).toEqual([]);
}

/** An item of the board the room starts with, picked by a predicate. */
async function boardItem(pick: (item: InventoryItemInput) => boolean): Promise<InventoryItemInput> {
  const item = (await boardItems()).find(pick);
  if (!item) throw new Error('no board item fits the test');
  return item;
}

const BULK_ADD = [
  {
    type: 'inventory',
    name: 'Hex Nut M6 Stainless, Box of 100',
    subtitle: 'Fasteners · Ironclad Fasteners Ltd',
    data: {
      sku: 'TST-0001',
      current_stock: 10,
      min_stock: 2,
      max_stock: 50,
      reorder_point: 5,
      supplier: 'Ironclad Fasteners Ltd',
    },
  },
  {
    type: 'inventory',
    name: 'Hex Nut M8 Stainless, Box of 100',
    data: { sku: 'TST-0002', current_stock: 0 },
  },
  { type: 'supplier', name: 'Acme Fasteners', subtitle: 'new vendor' },
];

const CASES: PhraseCase[] = [
  {
    name: 'AGENT-4 Add 5 new inventory items for Q1 planning',
    async run(t) {
      const r = await t.ask('Add 5 new inventory items for Q1 planning', undefined, INVENTORY);
      const ids = added(r);
      expect(ids).toHaveLength(5);
      expectOthersUnchanged(r.before, r.after, ids);
      const catalog = new Map((await mockData.catalog()).map((row) => [row.sku, row]));
      const suppliers = new Set((await mockData.suppliers()).map((row) => row.name));
      const skusBefore = new Set([...r.before.values()].map((item) => item.data['sku']));
      const items = ids.map((id) => r.after.get(id)!);
      for (const item of items) {
        expect(item.type).toBe('inventory');
        expectInventoryFields(item);
        const row = catalog.get(String(item.data['sku']));
        expect(row, `${String(item.data['sku'])} is a SKU of the catalogue`).toBeDefined();
        expect(skusBefore.has(item.data['sku']), 'not already on the board').toBe(false);
        expect(item.name).toBe(row!.name);
        expect(item.data['supplier']).toBe(row!.supplier);
        expect(suppliers.has(String(item.data['supplier']))).toBe(true);
        const d = item.data as Record<string, number>;
        expect(d['min_stock']! <= d['reorder_point']! && d['reorder_point']! < d['max_stock']!).toBe(true);
        expect(d['current_stock']! <= d['max_stock']!).toBe(true);
        expectStampedBy(item, 'inventory');
      }
      expect(new Set(items.map((i) => i.data['sku'])).size).toBe(5);
      expect(new Set(items.map((i) => i.name)).size).toBe(5);
      expect(ofType(r.messages, 'item_added').map((m) => m.data?.['itemId'])).toEqual(ids);
    },
  },
  ...[undefined, { item_type: 'inventory', item_name: 'Widget X' }].map((context): PhraseCase => ({
    name: `AGENT-5 Create a new inventory item named Widget X${context ? ' (with context)' : ''}`,
    async run(t) {
      const r = await t.ask('Create a new inventory item named Widget X', context, INVENTORY);
      const ids = added(r);
      expect(ids).toHaveLength(1);
      const item = r.after.get(ids[0]!)!;
      expect({ type: item.type, name: item.name }).toEqual({ type: 'inventory', name: 'Widget X' });
      expectInventoryFields(item);
      expectStampedBy(item, 'inventory');
      expectOthersUnchanged(r.before, r.after, ids);
    },
  })),
  {
    name: 'AGENT-5 Create a new item with context {item_type: supplier, item_name}',
    async run(t) {
      const r = await t.ask(
        'Create a new item',
        { item_type: 'supplier', item_name: 'Acme Fasteners' },
        INVENTORY,
      );
      const ids = added(r);
      expect(ids.map((id) => [r.after.get(id)!.type, r.after.get(id)!.name])).toEqual([
        ['supplier', 'Acme Fasteners'],
      ]);
      expectOthersUnchanged(r.before, r.after, ids);
    },
  },
  ...[false, true].map((withContext): PhraseCase => ({
    name: `AGENT-6 Remove item <id>${withContext ? ' with context {item_id}' : ''}`,
    async run(t) {
      const id = (await boardItem((i) => i.data.current_stock > 100)).id;
      const r = await t.ask(`Remove item ${id}`, withContext ? { item_id: id } : undefined, INVENTORY);
      expect(removed(r)).toEqual([id]);
      expectOthersUnchanged(r.before, r.after, [id]);
      expect(ofType(r.messages, 'item_removed').map((m) => m.data?.['itemId'])).toEqual([id]);
    },
  })),
  {
    name: 'AGENT-6 Remove item <id> of an item a person added (a generated uuid id)',
    async run(t) {
      const id = [...t.items().values()].find((item) => item.name === 'Cardboard Box 40 cm')!.id;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const r = await t.ask(`Remove item ${id}`, undefined, INVENTORY);
      expect(removed(r)).toEqual([id]);
      expectOthersUnchanged(r.before, r.after, [id]);
    },
    seed: async () => [...(await boardItems()), { name: 'Cardboard Box 40 cm', data: { sku: 'BOX-40' } }],
  },
  ...[undefined, { item_id: 'does-not-exist' }].map((context): PhraseCase => ({
    name: `AGENT-6 Remove item does-not-exist${context ? ' with context {item_id}' : ''}: error, nothing changes`,
    async run(t) {
      const r = await t.ask('Remove item does-not-exist', context, INVENTORY_ERROR);
      expectUnchanged(r);
      expect(r.terminal.message).toMatch(/does.not.exist/);
    },
  })),
  {
    name: 'AGENT-7 Remove all low-stock items',
    async run(t) {
      const r = await t.ask('Remove all low-stock items', undefined, INVENTORY);
      const low = [...r.before.values()].filter((item) => isLowStock(item.data)).map((item) => item.id);
      expect(low.length).toBeGreaterThan(5);
      expect(removed(r).sort()).toEqual([...low].sort());
      expectOthersUnchanged(r.before, r.after, low);
    },
  },
  {
    name: 'AGENT-8 Perform add_multiple on N items: one transaction, the given fields',
    async run(t) {
      const r = await t.ask(
        `Perform add_multiple on ${BULK_ADD.length} items`,
        { operation: 'add_multiple', items: BULK_ADD },
        INVENTORY,
      );
      const ids = added(r);
      expect(ids).toHaveLength(BULK_ADD.length);
      expectOneTransaction(r.transactions, ids);
      const byName = new Map(ids.map((id) => [r.after.get(id)!.name, r.after.get(id)!]));
      for (const entry of BULK_ADD) {
        const item = byName.get(entry.name);
        expect(item, entry.name).toBeDefined();
        expect(content(item)).toEqual({
          id: item!.id,
          type: entry.type,
          name: entry.name,
          subtitle: entry.subtitle ?? '',
          data: entry.data ?? {},
        });
        expectStampedBy(item, 'inventory');
      }
      expectOthersUnchanged(r.before, r.after, ids);
    },
  },
  {
    name: 'AGENT-8 Perform remove_multiple on N items: one transaction',
    async run(t) {
      const ids = (await boardItems()).slice(0, 3).map((i) => i.id);
      const r = await t.ask(
        'Perform remove_multiple on 3 items',
        { operation: 'remove_multiple', items: ids.map((id) => ({ id })) },
        INVENTORY,
      );
      expect(removed(r).sort()).toEqual([...ids].sort());
      expectOneTransaction(r.transactions, ids);
      expectOthersUnchanged(r.before, r.after, ids);
    },
  },
  {
    name: 'AGENT-8 Perform update_multiple on N items: one transaction, the given fields',
    async run(t) {
      const [a, b, c] = (await boardItems()).slice(10, 13).map((i) => i.id);
      const patches = [
        { id: a!, data: { current_stock: 7, supplier: 'Acme Fasteners' } },
        { id: b!, data: { min_stock: 3 } },
        { id: c!, data: { shelf: 'B-12' } },
      ];
      const r = await t.ask(
        'Perform update_multiple on 3 items',
        { operation: 'update_multiple', items: patches },
        INVENTORY,
      );
      expectOneTransaction(r.transactions, [a!, b!, c!]);
      for (const patch of patches) {
        expectOnlyFieldsChanged(r, patch.id, patch.data);
        expectStampedBy(r.after.get(patch.id), 'inventory');
      }
      expectOthersUnchanged(r.before, r.after, [a!, b!, c!]);
    },
  },
  ...(
    [
      [
        'add_multiple',
        [BULK_ADD[0], { type: 'inventory', name: 'Bad Stock', data: { current_stock: -1 } }],
        /items\[1\]/,
      ],
      ['remove_multiple', [{ id: 'CLN-1146' }, { id: 'no-such-id' }], /no-such-id/],
      [
        'update_multiple',
        [
          { id: 'CLN-1146', data: { current_stock: 5 } },
          { id: 'CLN-1345', data: { current_stock: 'lots' } },
        ],
        /current_stock/,
      ],
    ] as const
  ).map(([operation, items, problem]): PhraseCase => ({
    name: `AGENT-8 Perform ${operation} with one bad entry: error, nothing changes`,
    async run(t) {
      const r = await t.ask(`Perform ${operation} on 2 items`, { operation, items }, INVENTORY_ERROR);
      expectUnchanged(r);
      expect(r.terminal.message).toMatch(problem);
    },
  })),
  ...(['sku', 'name'] as const).map((by): PhraseCase => ({
    name: `AGENT-9 Set current_stock of <${by}> to 40`,
    async run(t) {
      // A name with " of " in it, to be sure the parser splits at the right "of".
      const item = await boardItem((i) => i.data.current_stock !== 40 && / of /.test(i.name));
      const ref = by === 'sku' ? item.data.sku : item.name;
      const r = await t.ask(`Set current_stock of ${ref} to 40`, undefined, INVENTORY);
      expectOnlyFieldsChanged(r, item.id, { current_stock: 40 });
      expectStampedBy(r.after.get(item.id), 'inventory');
      expectOthersUnchanged(r.before, r.after, [item.id]);
      expect(ofType(r.messages, 'field_changed').map((m) => m.data)).toEqual([
        {
          refs: [{ id: item.id, name: item.name }],
          itemId: item.id,
          field: 'current_stock',
          before: item.data.current_stock,
          after: 40,
        },
      ]);
    },
  })),
  {
    name: 'AGENT-10 Restock low-stock items',
    async run(t) {
      const r = await t.ask('Restock low-stock items', undefined, INVENTORY);
      const low = [...r.before.values()].filter((item) => isLowStock(item.data));
      expect(low.length).toBeGreaterThan(5);
      for (const item of low) {
        expectOnlyFieldsChanged(r, item.id, { current_stock: item.data['max_stock'] });
        expectStampedBy(r.after.get(item.id), 'inventory');
      }
      expectOthersUnchanged(
        r.before,
        r.after,
        low.map((i) => i.id),
      );
    },
  },
];

describePhrases('contract phrases that edit the board', CASES);

/**
 * Regression: a leading filler word ("my", "the", "no"…) used to be stripped
 * even as the first part of a hyphenated id, so "Remove item my-widget"
 * removed "Mini-widget Holder" by partial name.
 */
describePhrases('contract phrases: ids that start with a filler word', [
  {
    name: 'AGENT-6 Remove item <id> where the id starts with a filler word',
    seed: () => [
      { id: 'my-widget', type: 'inventory', name: 'Gizmo', data: { sku: 'GIZ-1' } },
      { type: 'inventory', name: 'Mini-widget Holder', data: { sku: 'MWH-1' } },
    ],
    async run(t) {
      const r = await t.ask('Remove item my-widget', undefined, INVENTORY);
      expect([...r.before.keys()].filter((id) => !r.after.has(id))).toEqual(['my-widget']);
    },
  },
]);
