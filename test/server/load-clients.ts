import { addItem, itemsOf } from '../../shared/items.js';
import { connectClient, waitFor, type StockClient } from '../helpers/clients.js';
import { fingerprintDigest, stateDigest } from '../helpers/digest.js';

/**
 * A child process of test/server/load.test.ts holding a share of its stock
 * clients (a 5,000-item doc costs each client tens of MiB of heap, too much
 * for 200 of them in one process). Driven over the IPC channel:
 *
 *   parent -> child                           child -> parent
 *   {type:'connect', url, room, count}        {type:'ready', rss}
 *   {type:'write', count, prefix}             {type:'written', ids}
 *   {type:'expect', target, items, timeoutMs} {type:'result', matched, total, disconnects, rss, failures}
 */
type Command =
  | { type: 'connect'; url: string; room: string; count: number }
  | { type: 'write'; count: number; prefix: string }
  | { type: 'expect'; target: { state: string; fingerprint: string }; items: number; timeoutMs: number };

const clients: StockClient[] = [];
const SAMPLE_EVERY = 10;
let disconnects = 0;
// Each provider adds a process 'exit' listener; 50 of them are expected here.
process.setMaxListeners(0);
const send = (message: unknown) => process.send!(message);
const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);

async function connect(url: string, room: string, count: number): Promise<void> {
  // Staggered: a handful at a time, each batch synced before the next.
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, () => connectClient(url, room));
    clients.push(...batch);
    for (const c of batch) c.provider.on('connection-close', () => (disconnects += 1));
    await waitFor(() => batch.every((c) => c.provider.synced), 'a batch of clients to sync', 60_000);
    for (const [j, c] of batch.entries())
      c.provider.awareness.setLocalStateField('user', { name: `load-${i + j}`, kind: 'user' });
  }
}

/** Every SAMPLE_EVERY-th client also checks the full fingerprint (items JSON), the others the state digest. */
async function expectState(target: { state: string; fingerprint: string }, items: number, timeoutMs: number) {
  const pending = new Set(clients.entries());
  const failures: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0 && Date.now() < deadline) {
    for (const entry of [...pending]) {
      const [i, client] = entry;
      // Cheap tests first; the digests only once the item count is right.
      if (itemsOf(client.doc).size !== items || stateDigest(client.doc) !== target.state) continue;
      if (i % SAMPLE_EVERY === 0 && fingerprintDigest(client.doc) !== target.fingerprint) {
        failures.push(`client ${client.doc.clientID}: same state vector and deletes, other items JSON`);
      }
      pending.delete(entry);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const [, client] of pending) {
    failures.push(
      `client ${client.doc.clientID}: ${itemsOf(client.doc).size} items, connected ${client.provider.wsconnected}`,
    );
  }
  return {
    matched: clients.length - pending.size,
    total: clients.length,
    disconnects,
    failures: failures.slice(0, 5),
  };
}

process.on('message', (command: Command) => {
  void (async () => {
    try {
      if (command.type === 'connect') {
        await connect(command.url, command.room, command.count);
        send({ type: 'ready', rss: rss() });
      } else if (command.type === 'write') {
        const ids = clients.slice(0, command.count).map((client, i) => {
          const userId = `${command.prefix}-${i}`;
          return addItem(
            client.doc,
            { id: userId, name: `Written by ${userId}` },
            { source: 'user', userId },
          );
        });
        send({ type: 'written', ids });
      } else {
        const result = await expectState(command.target, command.items, command.timeoutMs);
        send({ type: 'result', ...result, rss: rss() });
      }
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
    }
  })();
});

process.on('disconnect', () => {
  clients.forEach((c) => c.destroy());
  process.exit(0);
});
