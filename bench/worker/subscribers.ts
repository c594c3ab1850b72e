import { AgentRequestResponseSchema } from '../../shared/http.js';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { RequestReply, SubscribersApi } from '../ipc.js';
import { mean } from '../stats.js';
import { snapshotBytes } from '../workload.js';
import { allSynced, connectClient, type BenchClient, type Endpoint, type WireCounter } from './clients.js';
import type { Handlers } from './handlers.js';
import { now, withTimeout } from './timing.js';
import { allReach, DocTracker } from './tracker.js';

/**
 * The N subscribers of one run, all in this process (as in issue 7's own
 * measurements): each applies what the server forwards, and its tracker
 * records when it first held each of the writer's transactions.
 */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError';
}

const hex = (doc: Y.Doc): string => Buffer.from(snapshotBytes(doc)).toString('hex');

export function subscriberHandlers(): Handlers<SubscribersApi> {
  let endpoint: Endpoint | null = null;
  const clients: BenchClient[] = [];
  const trackers: DocTracker[] = [];
  const others: BenchClient[] = [];
  let armedAt: WireCounter[] = [];

  return {
    async connect(p) {
      endpoint = p.endpoint;
      for (let i = 0; i < p.n; i++) {
        const client = connectClient(p.endpoint);
        clients.push(client);
        trackers.push(new DocTracker(client.doc));
      }
      await allSynced(clients, p.timeoutMs);
      return null;
    },

    arm({ metric }) {
      armedAt = clients.map((c) => ({ ...c.counter }));
      for (const tracker of trackers) tracker.arm(metric);
      return null;
    },

    async settle({ goals, snapshot, timeoutMs, what }) {
      await allReach(trackers, goals.at(-1)!, timeoutMs, what);
      const lastReachedAt = goals.map((goal) => Math.max(...trackers.map((t) => t.reachedAt(goal))));
      for (const tracker of trackers) tracker.disarm();
      const wrong = clients.findIndex((c) => hex(c.doc) !== snapshot);
      if (wrong >= 0) {
        const count = clients.filter((c) => hex(c.doc) !== snapshot).length;
        throw new ConvergenceError(
          `${what}: ${count} of ${clients.length} subscribers differ from the writer (first #${wrong})`,
        );
      }
      const delta = (pick: (c: WireCounter) => number): number[] =>
        clients.map((c, i) => pick(c.counter) - pick(armedAt[i]!));
      return {
        lastReachedAt,
        messagesPerSub: mean(delta((c) => c.messages)),
        bytesPerSub: mean(delta((c) => c.bytes)),
        reconnects: delta((c) => c.opens).reduce((a, b) => a + b, 0),
      };
    },

    stateHashes() {
      return clients.map((c) => createHash('sha256').update(Y.encodeStateAsUpdate(c.doc)).digest('hex'));
    },

    async initialSync({ snapshot, tries, timeoutMs }) {
      if (!endpoint) throw new Error('subscribers: connect first');
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < tries; i++) {
        const started = now();
        const client = connectClient(endpoint);
        try {
          await withTimeout(client.whenSynced(), timeoutMs, 'initial sync of a new client');
          ms.push(now() - started);
          if (hex(client.doc) !== snapshot)
            throw new ConvergenceError("a new client's initial sync differs from the writer");
          bytes = client.counter.bytes;
        } finally {
          client.destroy();
        }
      }
      return { ms, bytes };
    },

    async request({ url, body }) {
      const sentAt = now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status} ${await response.text()}`);
      const json: unknown = await response.json();
      const repliedAt = now();
      // Checked after the clock stops: the measure is the server's, not the schema's.
      const reply: RequestReply = AgentRequestResponseSchema.parse(json);
      return { sentAt, repliedAt, reply };
    },

    async join({ endpoint: other, timeoutMs }) {
      const client = connectClient(other);
      others.push(client);
      await withTimeout(client.whenSynced(), timeoutMs, `joining ${other.room}`);
      return null;
    },
  };
}
