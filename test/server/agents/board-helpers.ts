import path from 'node:path';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { inventoryItemFromRow, type InventoryItemInput } from '../../../server/data/inventory-items.js';
import { createMockData, type MockData } from '../../../server/data/mock-data.js';
import { addItems, isLowStock, itemsOf, listItems, type Item, type NewItem } from '../../../shared/items.js';
import type { UserOrigin } from '../../../shared/origins.js';
import { connectSynced, fingerprint, waitFor, type StockClient } from '../../helpers/clients.js';

/**
 * The document side of the agent tests: boards seeded by a stock client, a
 * barrier that waits until a stock client holds everything the server has,
 * and a recorder of the transactions a stock client applies.
 */

export const TESTER: UserOrigin = { source: 'user', userId: 'tester' };

/** The same CSVs the server reads (MOCK_DATA_DIR defaults to ./mock_data, tests run from the root). */
export const mockData: MockData = createMockData(path.resolve('mock_data'));

/** The 200 items the `demo` room is seeded with, for `demo`-like rooms of any name. */
export async function demoItems(): Promise<InventoryItemInput[]> {
  return (await mockData.inventory()).map(inventoryItemFromRow);
}

/** Items in a test board: enough for every phrase (12 of them are low on stock), quick to seed. */
export const BOARD_SIZE = 60;

/** The first BOARD_SIZE demo items: what `describePhrases` seeds a room with unless a case says otherwise. */
export async function boardItems(): Promise<InventoryItemInput[]> {
  return (await demoItems()).slice(0, BOARD_SIZE);
}

/** JSON with object keys sorted: Y.Map key order depends on the order a doc received its updates. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A doc's fingerprint (items JSON and state vector) as one comparable string. */
export const printOf = (doc: Y.Doc): string => canonicalJson(fingerprint(doc));

/** Long enough for 5,000-item boards on a busy 2-core machine. */
export const SETTLE_TIMEOUT_MS = 45_000;

/** Cheap next to `printOf`: no JSON of the items. */
const stateVectorOf = (doc: Y.Doc): string =>
  JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b));

/**
 * Resolves once every client holds exactly what the server holds: a fresh
 * stock client syncs, then each given client must reach its fingerprint.
 * Agents flush their edits before a request's terminal message, so after it
 * this shows the request's whole effect and nothing else.
 */
export async function settle(wsUrl: string, room: string, clients: readonly StockClient[]): Promise<void> {
  const fresh = await connectSynced(wsUrl, room);
  try {
    const target = printOf(fresh.doc);
    const targetVector = stateVectorOf(fresh.doc);
    // The state vector is cheap and catches most lag; the whole print also covers deletions.
    const settled = (doc: Y.Doc) => stateVectorOf(doc) === targetVector && printOf(doc) === target;
    for (const client of clients)
      await waitFor(() => settled(client.doc), `a client of ${room} to settle`, SETTLE_TIMEOUT_MS);
  } finally {
    fresh.destroy();
  }
}

/** A stock client on `room`, which it seeds with `items` (as a person would), settled with the server. */
export async function openBoard(
  wsUrl: string,
  room: string,
  items: readonly NewItem[],
): Promise<StockClient> {
  const client = await connectSynced(wsUrl, room);
  if (items.length > 0) addItems(client.doc, items, TESTER);
  await settle(wsUrl, room, [client]);
  return client;
}

export function itemMap(doc: Y.Doc): Map<string, Item> {
  return new Map(listItems(doc).map((item) => [item.id, item]));
}

export function lowStockIds(doc: Y.Doc): string[] {
  return listItems(doc)
    .filter((item) => isLowStock(item.data))
    .map((item) => item.id);
}

/** An item without its `updated_by`/`updated_at` stamps, to compare content. */
export function content(item: Item | undefined): unknown {
  if (!item) return undefined;
  const { updated_by: _by, updated_at: _at, ...data } = item.data;
  return { ...item, data };
}

/** DOC-4: every agent edit stamps who and when. */
export function expectStampedBy(item: Item | undefined, agentId: string): void {
  expect(item, 'item present').toBeDefined();
  expect(item!.data['updated_by']).toBe(`agent:${agentId}`);
  expect(new Date(String(item!.data['updated_at'])).toISOString()).toBe(item!.data['updated_at']);
}

/** Items of `after` that are unchanged from `before`, apart from the ids listed. */
export function expectOthersUnchanged(
  before: ReadonlyMap<string, Item>,
  after: ReadonlyMap<string, Item>,
  except: Iterable<string>,
): void {
  const skip = new Set(except);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (id) => !skip.has(id) && canonicalJson(before.get(id)) !== canonicalJson(after.get(id)),
  );
  expect(changed, 'items changed that should not have').toEqual([]);
}

/**
 * Records, for every transaction a doc applies, the item ids it touched
 * (added, removed, or changed inside). A stock client applies each update
 * frame from the server in one transaction.
 */
export function recordTransactions(doc: Y.Doc): { transactions: Set<string>[]; stop(): void } {
  const transactions: Set<string>[] = [];
  const items = itemsOf(doc);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === items) for (const key of event.keys.keys()) ids.add(key);
      else if (typeof event.path[0] === 'string') ids.add(event.path[0]);
    }
    transactions.push(ids);
  };
  items.observeDeep(observer);
  return { transactions, stop: () => items.unobserveDeep(observer) };
}

/** The one transaction that touched all of `ids`, failing when they arrived in several. */
export function expectOneTransaction(transactions: readonly Set<string>[], ids: readonly string[]): void {
  expect(ids.length).toBeGreaterThan(0);
  const holding = transactions.filter((t) => ids.some((id) => t.has(id)));
  expect(holding, 'transactions that touched the items').toHaveLength(1);
  expect(ids.filter((id) => !holding[0]!.has(id))).toEqual([]);
}
