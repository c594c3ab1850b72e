import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addItem, itemsOf } from '../../../shared/items.js';
import { connectClient, connectSynced, waitFor, type StockClient } from '../../helpers/clients.js';
import { startCluster, type TestCluster } from './cluster.js';
import { TEST_REDIS_URL } from './services.js';
import { TcpProxy } from './tcp-proxy.js';

/**
 * Failures, on two real processes. Their Redis connections go through a
 * proxy that the test can sever (the shared Redis and other tests are
 * untouched), and clients may come through a round-robin balancer. The
 * Redis cut runs first; the SIGKILL ends the cluster.
 */
describe('two processes through failures', () => {
  let cluster: TestCluster;
  let redis: TcpProxy;
  let balancer: TcpProxy | undefined;
  const clients: StockClient[] = [];
  const presence = (c: StockClient, name: string) =>
    [...c.provider.awareness.getStates().values()].some((s) => s['user']?.name === name);
  const pause = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
  const loggedBoth = (msg: string) => () =>
    cluster.servers.every((s) => s.logs.some((l) => l['msg'] === msg));

  beforeAll(async () => {
    redis = await TcpProxy.start([Number(new URL(TEST_REDIS_URL).port || 6379)]);
    cluster = await startCluster(2, { redisPort: redis.port });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
  afterAll(async () => {
    await balancer?.close();
    await cluster?.destroy();
    await redis?.close();
  });

  it('Redis cut off during a write burst: everything converges with no loss once it is back', async () => {
    for (const i of [0, 1, 0, 1]) clients.push(await connectSynced(cluster.wsUrl(i), 'outage'));
    const [a, b] = clients as [StockClient, StockClient];
    const written: string[] = [];
    const write = (writer: StockClient, tag: string, i: number): void => {
      addItem(writer.doc, { id: `${tag}-${i}`, name: `${tag} ${i}` }, { source: 'user', userId: tag });
      written.push(`${tag}-${i}`);
    };
    for (let i = 0; i < 60; i++, await pause()) {
      write(a, 'a', i);
      write(b, 'b', i);
    }
    redis.sever();
    // Only process 1 writes while cut off, so process 2 sees no gap of its own: the reconnect must repair it.
    for (let i = 60; i < 120; i++, await pause()) write(a, 'a', i);
    await waitFor(loggedBoth('redis subscriber disconnected'), 'both processes cut off');
    await waitFor(() => itemsOf(clients[2]!.doc).has('a-119'), 'process 1 goes on without Redis');
    expect(itemsOf(b.doc).has('a-119')).toBe(false);
    // Nothing is written after the restore: only the catch-up on reconnect can bring process 2 level.
    redis.restore();
    await waitFor(() => clients.every((c) => itemsOf(c.doc).size === written.length), 'every write', 20_000);
    for (const c of clients) expect([...itemsOf(c.doc).keys()].sort()).toEqual([...written].sort());
    await waitFor(loggedBoth('redis subscriber reconnected'), 'both processes reconnected');
    a.provider.awareness.setLocalStateField('user', { name: 'after the cut' });
    await waitFor(() => presence(b, 'after the cut'), 'presence flows again');
  });

  it('SIGKILL while clients write: its clients reconnect to the other process, nothing received is lost', async () => {
    balancer = await TcpProxy.start(cluster.servers.map((s) => s.port));
    const url = `ws://127.0.0.1:${balancer.port}/yjs`;
    // Round robin: clients 1 and 3 land on process 1, clients 2 and 4 on process 2.
    for (let i = 0; i < 4; i++) clients.push(await connectSynced(url, 'failover'));
    const [w1, w2, , observer] = clients as [StockClient, StockClient, StockClient, StockClient];
    const victim = cluster.servers[0]!;
    const at: { kill: Set<string> | null } = { kill: null };
    observer.doc.on('update', () => {
      if (at.kill || itemsOf(observer.doc).size < 60) return;
      // Synchronously from a receive path: whatever any client holds now must survive.
      at.kill = new Set(clients.flatMap((c) => [...itemsOf(c.doc).keys()]));
      victim.process.kill('SIGKILL');
    });
    const written: string[] = [];
    for (let i = 0; i < 200; i++, await pause(i % 10 === 0 ? 20 : 1)) {
      for (const [tag, writer] of [['w1', w1] as const, ['w2', w2] as const]) {
        addItem(writer.doc, { id: `${tag}-${i}`, name: `${tag} ${i}` }, { source: 'user', userId: tag });
        written.push(`${tag}-${i}`);
      }
    }
    await victim.kill();
    expect(at.kill).not.toBeNull();
    await waitFor(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), 'all reconnected');
    await waitFor(() => clients.every((c) => itemsOf(c.doc).size === written.length), 'every write', 20_000);
    const fresh = connectClient(cluster.wsUrl(1), 'failover');
    clients.push(fresh);
    await waitFor(() => fresh.provider.synced, 'fresh client synced');
    const stored = new Set(itemsOf(fresh.doc).keys());
    expect([...at.kill!].filter((id) => !stored.has(id))).toEqual([]);
    expect(written.filter((id) => !stored.has(id))).toEqual([]);
  });
});
