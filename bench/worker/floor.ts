import * as Y from 'yjs';
import type { FloorApi, FloorPart } from '../ipc.js';
import { PHASE_SPECS, PHASES, snapshotBytes, writerDoc } from '../workload.js';
import type { Handlers } from './handlers.js';
import { now, pause } from './timing.js';

const INITIAL_SYNC_TRIES = 3;

/**
 * The in-process floor: the same writer updates applied straight to N docs,
 * no sockets and no server. Mode 'each' applies every update as it is made
 * (the floor for a server that forwards one message per update; its latency is
 * the time to apply one update N times); mode 'merged' merges each phase into
 * one update first (the floor for a server that batches perfectly).
 */
async function runFloor(job: { n: number; mode: 'each' | 'merged' }): Promise<FloorPart> {
  const writer = writerDoc();
  const docs = Array.from({ length: job.n }, () => new Y.Doc());
  let pending: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => pending.push(update));
  const phases = {} as FloorPart['phases'];

  for (const name of PHASES) {
    const spec = PHASE_SPECS[name];
    // Make the writer's updates first: the floor covers delivery, not the writer's own transactions.
    for (let i = 0; i < spec.transactions; i++) spec.step(writer, i);
    const updates = pending;
    pending = [];
    await pause(50);
    let convergenceMs: number;
    let perUpdateMs: number[] | null = null;
    if (job.mode === 'each') {
      const perUpdate: number[] = [];
      const started = now();
      for (let u = 0; u < updates.length; u++) {
        const t = now();
        for (const doc of docs) Y.applyUpdate(doc, updates[u]!);
        perUpdate[u] = now() - t;
      }
      convergenceMs = now() - started;
      perUpdateMs = perUpdate;
    } else {
      const started = now();
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      for (const doc of docs) Y.applyUpdate(doc, merged);
      convergenceMs = now() - started;
    }
    const expected = Buffer.from(snapshotBytes(writer));
    if (docs.some((doc) => !expected.equals(Buffer.from(snapshotBytes(doc))))) {
      throw new Error(`lower bound ${job.mode} N=${job.n}: docs differ from the writer after ${spec.label}`);
    }
    phases[name] = { convergenceMs, perUpdateMs };
  }

  const initialSyncMs: number[] = [];
  for (let i = 0; i < INITIAL_SYNC_TRIES; i++) {
    const started = now();
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(docs[0]!));
    initialSyncMs.push(now() - started);
    fresh.destroy();
  }
  return { phases, initialSyncMs };
}

export function floorHandlers(): Handlers<FloorApi> {
  return { run: runFloor };
}
