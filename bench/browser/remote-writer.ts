import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItems, itemsOf, updateItems } from '../../shared/items.js';
import type { UserOrigin } from '../../shared/origins.js';
import { inventoryItems, itemId } from '../workload.js';
import { serveCalls } from '../child-rpc.js';
import type { EditsParams, EditsResult, SeedParams, SeedResult, WriterApi } from './ipc.js';

/**
 * The browser phase's remote peer: a Node process of its own (forked by
 * writer-process.ts) holding one stock y-websocket `WebsocketProvider`. It
 * seeds the room with the contract's document layout through shared/items.ts,
 * then makes single-field edits at a fixed rate while the page is measured,
 * so none of its work lands on the browser's or the orchestrator's thread.
 */
const PREFIX = 'b';
const CHUNK = 2500;
const FIELD = 'current_stock';
const ORIGIN: UserOrigin = Object.freeze({ source: 'user', userId: 'bench-remote' });

let doc: Y.Doc | null = null;
let items = 0;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function connect(url: string, room: string, into: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(url, room, into, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`remote writer: ${what} after ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** Fills the room, then checks from a second, fresh client that the server holds every item. */
async function seed(p: SeedParams): Promise<SeedResult> {
  const started = performance.now();
  doc = new Y.Doc();
  const writer = connect(p.url, p.room, doc);
  await until(() => writer.synced, p.timeoutMs, 'not synced');
  const all = inventoryItems(PREFIX, p.items);
  for (let i = 0; i < all.length; i += CHUNK) {
    addItems(doc, all.slice(i, i + CHUNK), ORIGIN);
    await nextTurn();
  }
  items = p.items;
  const check = new Y.Doc();
  const observer = connect(p.url, p.room, check);
  try {
    await until(
      () => itemsOf(check).size >= p.items,
      p.timeoutMs,
      `the server holds fewer than ${p.items} items`,
    );
  } finally {
    observer.destroy();
  }
  return { ms: performance.now() - started, serverItems: itemsOf(check).size };
}

/** Edit i's item: every `visibleEvery`-th (and always the last) goes to a row the page shows. */
function target(p: EditsParams, i: number): string {
  const visible = (i + 1) % p.visibleEvery === 0 || i === p.count - 1;
  if (visible) return p.visible[Math.floor(i / p.visibleEvery) % p.visible.length]!;
  // 7919 is prime to 10,000: the other edits scatter over the whole room.
  return itemId(PREFIX, (i * 7919) % items);
}

/** `count` edits at `rate` per second, each due at start + i/rate; a late one goes at once. */
async function edits(p: EditsParams): Promise<EditsResult> {
  if (!doc || items === 0) throw new Error('remote writer: seed first');
  if (p.visible.length === 0) throw new Error('remote writer: no visible rows to edit');
  const interval = 1000 / p.rate;
  const finalValues: Record<string, number> = {};
  let firstAt = 0;
  let maxLagMs = 0;
  const start = performance.now();
  for (let i = 0; i < p.count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    else await nextTurn();
    maxLagMs = Math.max(maxLagMs, performance.now() - due);
    const id = target(p, i);
    const value = 1_000_000 + i;
    if (i === 0) firstAt = Date.now();
    updateItems(doc, [{ id, data: { [FIELD]: value } }], ORIGIN);
    finalValues[id] = value;
  }
  const lastAt = Date.now();
  const visibleFinal = Object.fromEntries(
    p.visible.filter((id) => id in finalValues).map((id) => [id, finalValues[id]!]),
  );
  return { made: p.count, firstAt, lastAt, maxLagMs, field: FIELD, finalValues: visibleFinal };
}

serveCalls('remote writer', { seed, edits } as Record<keyof WriterApi, (params: unknown) => unknown>);
