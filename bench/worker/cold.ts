import type { ColdApi } from '../ipc.js';
import { inventoryItems, snapshotBytes, WRITER_ORIGIN, writerDoc } from '../workload.js';
import { addItems } from '../../shared/items.js';
import { allSynced, connectClient, type Endpoint } from './clients.js';
import type { Handlers } from './handlers.js';
import { now, pause, SETTLE_MS, withTimeout } from './timing.js';
import { allReach, DocTracker } from './tracker.js';

const CHUNK = 5000;

/**
 * Fills a room with `items` items (in 5,000-item transactions) and waits until
 * a second client holds them all — Stockroom forwards only what it stored, so
 * then they are on disk. Both clients leave, which lets the room unload.
 */
async function fill(job: { endpoint: Endpoint; items: number; timeoutMs: number }) {
  const writer = connectClient(job.endpoint, writerDoc());
  const observer = connectClient(job.endpoint);
  try {
    await allSynced([writer, observer], job.timeoutMs);
    const tracker = new DocTracker(observer.doc);
    tracker.arm('items');
    const started = now();
    const items = inventoryItems('k', job.items);
    for (let i = 0; i < items.length; i += CHUNK) {
      addItems(writer.doc, items.slice(i, i + CHUNK), WRITER_ORIGIN, new Date(Date.UTC(2026, 1, 1)));
      await pause(0);
    }
    await allReach([tracker], job.items, job.timeoutMs, 'cold-load fill');
    const ms = now() - started;
    const snapshot = Buffer.from(snapshotBytes(writer.doc));
    if (!snapshot.equals(Buffer.from(snapshotBytes(observer.doc))))
      throw new Error('cold-load fill did not converge');
    return { ms, snapshot: snapshot.toString('hex') };
  } finally {
    writer.destroy();
    observer.destroy();
    await pause(SETTLE_MS);
  }
}

/** After the restart: one client opens the room; the server loads it from the store. */
async function open(job: { endpoint: Endpoint; snapshot: string; timeoutMs: number }) {
  const started = now();
  const client = connectClient(job.endpoint);
  try {
    await withTimeout(client.whenSynced(), job.timeoutMs, 'cold-load open');
    const syncMs = now() - started;
    if (Buffer.from(snapshotBytes(client.doc)).toString('hex') !== job.snapshot) {
      throw new Error('the reloaded room differs from what was stored');
    }
    return { syncMs };
  } finally {
    client.destroy();
    await pause(SETTLE_MS);
  }
}

export function coldHandlers(): Handlers<ColdApi> {
  return { fill, open };
}
