import * as Y from 'yjs';
import { addItems, itemsOf, removeItems, updateItems, type NewItem } from '../shared/items.js';
import type { UserOrigin } from '../shared/origins.js';

/**
 * The workload of issue 7, on the contract's document layout and written only
 * through shared/items.ts. Everything is deterministic — fixed writer client
 * id, ids, values and timestamps — so every target receives byte-identical
 * updates and the in-process lower bound replays exactly the same bytes.
 */
export const WRITER_CLIENT_ID = 0x5_70c4;
export const WRITER_ORIGIN: UserOrigin = Object.freeze({ source: 'user', userId: 'bench-writer' });

export const SIZES = {
  adds: 1000,
  edits: 5000,
  bulk: 5000,
  removes: 1000,
  agentItems: 10_000,
  coldItems: 20_000,
} as const;

export const PHASES = ['a', 'b', 'c', 'd'] as const;
export type PhaseName = (typeof PHASES)[number];

/** What a subscriber's progress through a phase is measured by. */
export type Metric = 'clock' | 'deletes';

export interface PhaseSpec {
  name: PhaseName;
  label: string;
  /** Item operations the phase delivers (adds, edits or removes). */
  ops: number;
  transactions: number;
  metric: Metric;
  /** Runs transaction `i` of the phase on the writer's doc. */
  step(doc: Y.Doc, i: number): void;
}

const NAMES = ['Hand Soap 500 ml', 'Nitrile Gloves M', 'Paper Towels', 'Floor Cleaner 5 L', 'Safety Goggles'];
const CATEGORIES = ['Cleaning', 'PPE', 'Paper', 'Facilities', 'Safety'];
const SUPPLIERS = ['PureShine Janitorial', 'Shieldworks PPE', 'Northwind Paper', 'Acme Facilities'];
const EDIT_FIELDS = ['current_stock', 'reorder_point', 'min_stock', 'max_stock'] as const;
const BASE_TIME = Date.UTC(2026, 0, 1);

export function itemId(prefix: string, i: number): string {
  return `${prefix}-${String(i).padStart(5, '0')}`;
}

/** A realistic inventory item (the contract's required fields and a few more). */
export function inventoryItem(prefix: string, i: number, withId = true): NewItem {
  const item: NewItem = {
    type: 'inventory',
    name: `${NAMES[i % NAMES.length]} #${i}`,
    subtitle: CATEGORIES[i % CATEGORIES.length]!,
    data: {
      sku: `${prefix.toUpperCase()}-${10_000 + i}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      current_stock: (i * 37) % 500,
      min_stock: 20 + (i % 30),
      max_stock: 400 + (i % 200),
      reorder_point: 60 + (i % 40),
      supplier: SUPPLIERS[i % SUPPLIERS.length]!,
      unit_cost: ((i * 13) % 5000) / 100,
      lead_time_days: 3 + (i % 12),
    },
  };
  if (withId) item.id = itemId(prefix, i);
  return item;
}

export function inventoryItems(prefix: string, count: number, withId = true): NewItem[] {
  return Array.from({ length: count }, (_, i) => inventoryItem(prefix, i, withId));
}

function stampAt(phase: number, i: number): Date {
  return new Date(BASE_TIME + phase * 86_400_000 + i * 1000);
}

export const PHASE_SPECS: Record<PhaseName, PhaseSpec> = {
  a: {
    name: 'a',
    label: '(a) 1,000 adds',
    ops: SIZES.adds,
    transactions: SIZES.adds,
    metric: 'clock',
    step: (doc, i) => void addItems(doc, [inventoryItem('a', i)], WRITER_ORIGIN, stampAt(0, i)),
  },
  b: {
    name: 'b',
    label: '(b) 5,000 edits',
    ops: SIZES.edits,
    transactions: SIZES.edits,
    metric: 'clock',
    // 7919 is prime to 1,000, so the edits walk every item of (a) five times in a scattered order.
    step: (doc, i) =>
      void updateItems(
        doc,
        [{ id: itemId('a', (i * 7919) % SIZES.adds), data: { [EDIT_FIELDS[i % 4]!]: 100_000 + i } }],
        WRITER_ORIGIN,
        stampAt(1, i),
      ),
  },
  c: {
    name: 'c',
    label: '(c) 5,000-item bulk',
    ops: SIZES.bulk,
    transactions: 1,
    metric: 'clock',
    step: (doc) => void addItems(doc, inventoryItems('c', SIZES.bulk), WRITER_ORIGIN, stampAt(2, 0)),
  },
  d: {
    name: 'd',
    label: '(d) 1,000 removes',
    ops: SIZES.removes,
    transactions: SIZES.removes,
    metric: 'deletes',
    step: (doc, i) => void removeItems(doc, [itemId('a', i)], WRITER_ORIGIN),
  },
};

/** A writer doc with the fixed client id, so its updates are the same bytes in every run. */
export function writerDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = WRITER_CLIENT_ID;
  return doc;
}

/** Identity of a document's content: state vector plus delete set (cheap, exact for one writer). */
export function snapshotBytes(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

export function itemCount(doc: Y.Doc): number {
  return itemsOf(doc).size;
}
