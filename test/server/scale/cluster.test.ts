import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, getItem, itemsOf, setFields } from '../../../shared/items.js';
import { isTerminal, type ProgressMessage } from '../../../shared/progress.js';
import { PostgresStore } from '../../../server/store/postgres.js';
import { connectSynced, fingerprint, waitFor, type StockClient } from '../../helpers/clients.js';
import {
  sendRequest,
  startCluster,
  watchProgress,
  type ProgressWatcher,
  type TestCluster,
} from './cluster.js';
import { TEST_DATABASE_URL } from './services.js';

/**
 * docs/SCALING.md with three real server processes on one PostgreSQL schema
 * and one Redis prefix. Logs are compacted every 10 updates, so every
 * process compacts the same rooms while the others append.
 */
const user = (k: number) => ({ source: 'user', userId: `u${k}` }) as const;
/** Canonical JSON: peers integrate concurrent keys in different orders, which says nothing about convergence. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
const same = (docs: StockClient[]): boolean => {
  const first = canonical(fingerprint(docs[0]!.doc));
  return docs.every((c) => canonical(fingerprint(c.doc)) === first);
};

describe('three server processes sharing rooms', () => {
  let cluster: TestCluster;
  const clients: StockClient[] = [];
  const watchers: ProgressWatcher[] = [];
  const connect = async (i: number, room: string): Promise<StockClient> => {
    const client = await connectSynced(cluster.wsUrl(i), room);
    clients.push(client);
    return client;
  };
  const watch = async (i: number, room: string): Promise<ProgressWatcher> => {
    const watcher = await watchProgress(cluster.servers[i]!.port, room);
    watchers.push(watcher);
    return watcher;
  };

  beforeAll(async () => {
    // Heartbeats every second, not the helper's 250 ms: a forecast's first CSV load on a loaded
    // machine can stall a process for over two 250 ms-beat windows (3 missed + 5 grace), and it
    // would be taken for dead mid-request. The death tests that need quick beats live elsewhere.
    cluster = await startCluster(3, { env: { COMPACT_AFTER_UPDATES: '10', REDIS_HEARTBEAT_MS: '1000' } });
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy());
    watchers.splice(0).forEach((w) => w.close());
  });
  afterAll(async () => {
    await cluster?.destroy();
  });

  it('stock clients spread over the processes converge on concurrent edits', async () => {
    const docs = await Promise.all([0, 1, 2, 0, 1, 2].map((i) => connect(i, 'converge')));
    addItem(docs[0]!.doc, { id: 'shared', name: 'Shared', data: { current_stock: 0 } }, user(0));
    await waitFor(() => docs.every((c) => itemsOf(c.doc).has('shared')), 'the shared item everywhere');
    for (let round = 0; round < 15; round++) {
      docs.forEach((c, k) => {
        addItem(c.doc, { id: `c${k}-${round}`, name: `C${k} ${round}` }, user(k));
        // Everyone writes one field of their own and one field all share, at the same time.
        setFields(c.doc, 'shared', { [`f${k}`]: round, current_stock: k * 100 + round }, user(k));
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => itemsOf(docs[0]!.doc).size === 91 && same(docs), 'convergence', 20_000);
    const data = getItem(docs[0]!.doc, 'shared')!.data;
    for (let k = 0; k < 6; k++) expect(data[`f${k}`]).toBe(14);
  });

  it('two processes compacting and appending the same room concurrently lose no update', async () => {
    const [a, b] = await Promise.all([connect(0, 'compaction'), connect(1, 'compaction')]);
    const writes = (client: StockClient, tag: string) =>
      (async () => {
        for (let i = 0; i < 120; i++) {
          addItem(client.doc, { id: `${tag}-${i}`, name: `${tag} ${i}` }, user(0));
          if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
    await Promise.all([writes(a, 'a'), writes(b, 'b')]);
    await waitFor(() => itemsOf(a.doc).size === 240 && same([a, b]), 'both writers converged', 20_000);

    // The record itself: what PostgreSQL holds, read fresh, has every item, and was compacted.
    const store = await PostgresStore.open(TEST_DATABASE_URL, { schema: cluster.name, max: 1 });
    try {
      const stored = await store.load('compaction');
      expect(stored.snapshot).not.toBeNull();
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      expect(itemsOf(doc).size).toBe(240);
    } finally {
      await store.close();
    }
    const late = await connect(2, 'compaction');
    expect(itemsOf(late.doc).size).toBe(240);
  });

  it('awareness crosses processes, and leaves with its client', async () => {
    const [alice, bob, carol] = await Promise.all([0, 1, 2].map((i) => connect(i, 'presence')));
    alice!.provider.awareness.setLocalStateField('user', { name: 'alice' });
    const seesAlice = (c: StockClient) =>
      [...c.provider.awareness.getStates().values()].some((s) => s['user']?.name === 'alice');
    await waitFor(() => seesAlice(bob!) && seesAlice(carol!), 'alice seen on processes 2 and 3');
    alice!.destroy();
    await waitFor(() => !seesAlice(bob!) && !seesAlice(carol!), 'alice gone on processes 2 and 3');
  });

  it('PROG-7: a progress client on process 2 sees a request sent to process 1, and the edits reach all', async () => {
    const docs = await Promise.all([0, 1, 2].map((i) => connect(i, 'agents')));
    const watcher = await watch(1, 'agents');
    const { requestId, messages } = await sendRequest(cluster.servers[0]!.port, 'agents', {
      input: 'Add 5 new inventory items for Q1 planning',
    });
    expect(messages.at(-1)?.type).toBe('complete');
    await waitFor(
      () => watcher.messages.some((m) => m.requestId === requestId && isTerminal(m)),
      'complete on p2',
    );
    const seen = watcher.messages.filter((m) => m.requestId === requestId).map((m) => m.type);
    expect(seen).toEqual(messages.map((m) => m.type));
    await waitFor(() => docs.every((c) => itemsOf(c.doc).size === 5), 'the 5 items on every process');
  });

  it('PROG-8: requests reaching two processes at once run one at a time, each exactly once', async () => {
    const doc = await connect(2, 'line');
    const watcher = await watch(2, 'line');
    const add = { input: 'Add 5 new inventory items for Q1 planning' };
    // Two different requests, and one request id sent to two processes (a client retrying elsewhere).
    const results = await Promise.all([
      sendRequest(cluster.servers[0]!.port, 'line', add),
      sendRequest(cluster.servers[1]!.port, 'line', add),
      sendRequest(cluster.servers[0]!.port, 'line', { ...add, requestId: 'twice' }),
      sendRequest(cluster.servers[1]!.port, 'line', { ...add, requestId: 'twice' }),
    ]);
    for (const r of results) expect(r.messages.at(-1)?.type).toBe('complete');
    const ids = [...new Set(results.map((r) => r.requestId))];
    expect(ids).toHaveLength(3);
    await waitFor(() => watcher.messages.filter(isTerminal).length >= 3, 'three requests ended');
    const work = watcher.messages.filter((m: ProgressMessage) => m.type !== 'start');
    expect(
      work
        .filter((m) => m.type === 'complete')
        .map((m) => m.requestId)
        .sort(),
    ).toEqual(ids.sort());
    // One at a time: once a request's work shows, nothing of another shows until it completes.
    const runs = work.map((m) => m.requestId).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(runs).toHaveLength(3);
    await waitFor(() => itemsOf(doc.doc).size === 15, '15 items: three requests, each run once');
  });

  it('a cancel sent to another process reaches the request where it waits', async () => {
    const watcher = await watch(1, 'cancel');
    const slow = sendRequest(cluster.servers[0]!.port, 'cancel', {
      input: 'Forecast demand for the next 4 weeks',
    });
    const queued = sendRequest(cluster.servers[0]!.port, 'cancel', {
      input: 'Add 5 new inventory items for Q1 planning',
      requestId: 'cancel-me',
    });
    await waitFor(
      () => watcher.messages.some((m) => m.requestId === 'cancel-me'),
      'the queued request seen on p2',
    );
    watcher.send({ type: 'cancel', requestId: 'cancel-me' });
    const [first, second] = await Promise.all([slow, queued]);
    expect(first.messages.at(-1)?.type).toBe('complete');
    expect(second.messages.at(-1)).toMatchObject({ type: 'error', data: { reason: 'cancelled' } });
    expect(second.messages.some((m) => m.type === 'item_added')).toBe(false);
  });

  it("drops a killed process's presence once its heartbeats stop", async () => {
    const [observer, doomed] = await Promise.all([connect(0, 'gone'), connect(2, 'gone')]);
    doomed!.provider.awareness.setLocalStateField('user', { name: 'doomed' });
    const seen = () =>
      [...observer!.provider.awareness.getStates().values()].some((s) => s['user']?.name === 'doomed');
    await waitFor(seen, 'presence of the client on process 3');
    await cluster.servers[2]!.kill();
    // Only the liveness sweep can do it in this window: y-protocols drops an awareness state
    // by itself only after 30 s without renewal.
    await waitFor(() => !seen(), 'presence gone', 10_000);
  });
});
