import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { DocState, WriterApi } from '../ipc.js';
import { PHASE_SPECS, snapshotBytes, writerDoc } from '../workload.js';
import { allSynced, connectClient, type BenchClient } from './clients.js';
import type { Handlers } from './handlers.js';
import { nextTurn, now } from './timing.js';
import { allReach, DocTracker } from './tracker.js';

/**
 * The writer: one client with the fixed writer doc, in a process of its own
 * so that it makes its transactions as fast as it can — one per event-loop
 * turn, its socket read in between — whatever the subscribers are doing.
 */
export function docState(doc: Y.Doc, items: number): DocState {
  return {
    snapshot: Buffer.from(snapshotBytes(doc)).toString('hex'),
    stateHash: createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex'),
    items,
  };
}

export function writerHandlers(): Handlers<WriterApi> {
  let client: BenchClient | null = null;
  let tracker: DocTracker | null = null;
  const connected = (): { client: BenchClient; tracker: DocTracker } => {
    if (!client || !tracker) throw new Error('writer: connect first');
    return { client, tracker };
  };

  return {
    async connect({ endpoint, timeoutMs }) {
      client = connectClient(endpoint, writerDoc());
      tracker = new DocTracker(client.doc);
      await allSynced([client], timeoutMs);
      return null;
    },

    async phase({ phase }) {
      const { client: writer, tracker: own } = connected();
      const spec = PHASE_SPECS[phase];
      const sentAt: number[] = [];
      const goals: number[] = [];
      for (let i = 0; i < spec.transactions; i++) {
        sentAt.push(now());
        spec.step(writer.doc, i);
        goals.push(own.value(spec.metric));
        if (i + 1 < spec.transactions) await nextTurn();
      }
      return { sentAt, goals, snapshot: Buffer.from(snapshotBytes(writer.doc)).toString('hex') };
    },

    async awaitItems({ items, timeoutMs }) {
      const { client: writer, tracker: own } = connected();
      own.arm('items');
      await allReach([own], items, timeoutMs, 'writer waiting for items');
      own.disarm();
      return docState(writer.doc, own.items);
    },

    state() {
      const { client: writer, tracker: own } = connected();
      return docState(writer.doc, own.items);
    },
  };
}
