import { AgentRequestResponseSchema } from '../../shared/http.js';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { itemsOf } from '../../shared/items.js';
import { connectSynced, waitFor, type StockClient } from '../helpers/clients.js';
import { fingerprintDigest, stateDigest } from '../helpers/digest.js';
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server.js';
import { removeDir } from '../helpers/temp-dir.js';

/**
 * SYNC-3, AGENT-1 and LIM-9 under load: 200 stock clients in one room while an agent adds 5,000
 * items in one request (and a few clients add items of their own meanwhile).
 * All 200 end with the document a fresh client sees, the server's memory
 * stays bounded (VmRSS and peak VmHWM of the server process, printed), the
 * server logs nothing at level error or above and drops no client as slow.
 *
 * The clients live in PROCESSES child processes (test/server/load-clients.ts):
 * each holds a full copy of a 5,000-item doc, tens of MiB of heap apiece, and
 * applying the agent's 1.4 MB update costs each of them ~0.3 s of CPU — most
 * of this test's time. When those processes are starved of CPU a client may
 * miss the 30 s liveness deadline and reconnect; that is counted and printed,
 * and it must still converge.
 */
const CLIENTS = 200;
const ITEMS = 5_000;
const PROCESSES = 4;
/** Clients that each add one item while the agent works. */
const WRITERS_PER_PROCESS = 3;
const RSS_LIMIT_BYTES = 1.5 * 2 ** 30;
const ROOM = 'load';
const started = Date.now();
/** LOAD_DEBUG=1 prints each phase with its time. */
const phase = (what: string) =>
  process.env['LOAD_DEBUG'] &&
  console.error(`load: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);

type Reply = { type: string; [key: string]: unknown };

/** A child holding some of the clients, with a request/answer helper over IPC. */
function spawnClients(): { child: ChildProcess; ask: (command: object, answer: string) => Promise<Reply> } {
  const child = fork(path.join(import.meta.dirname, 'load-clients.ts'), [], {
    // A large young generation: applying a 5,000-item update allocates many short-lived objects.
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096', '--max-semi-space-size=64'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ask = (command: object, answer: string) =>
    new Promise<Reply>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.type !== answer && reply.type !== 'error') return;
        child.off('message', onMessage);
        if (reply.type === 'error') reject(new Error(`load client process: ${String(reply['message'])}`));
        else resolve(reply);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`load client process exited with ${code}`)));
      child.send(command);
    });
  return { child, ask };
}

/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

describe('load: 200 stock clients while an agent adds 5,000 items', () => {
  let server: SpawnedServer | undefined;
  const children: ChildProcess[] = [];
  let fresh: StockClient | undefined;

  afterAll(async () => {
    fresh?.destroy();
    for (const child of children) child.kill('SIGKILL');
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  it('all converge, memory stays bounded, nothing logged as an error', { timeout: 240_000 }, async () => {
    server = await spawnServer({ env: { MAX_CONNECTIONS_PER_ROOM: String(CLIENTS + 50) } });
    const wsUrl = `ws://127.0.0.1:${server.port}/yjs`;
    phase('server up');
    const groups = Array.from({ length: PROCESSES }, spawnClients);
    children.push(...groups.map((g) => g.child));
    // Connect one process's share after another: the server sees a stream of joins, not 200 at once.
    for (const group of groups)
      await group.ask({ type: 'connect', url: wsUrl, room: ROOM, count: CLIENTS / PROCESSES }, 'ready');

    phase('clients connected');
    // Small items: every client applies all of them, and that dominates the test's time.
    const items = Array.from({ length: ITEMS }, (_, i) => ({ type: 'inventory', name: `Load item ${i}` }));
    const request = fetch(`${server.url}/api/rooms/${ROOM}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        input: `Perform add_multiple on ${ITEMS} items`,
        context: { operation: 'add_multiple', items },
        userId: 'load',
      }),
    });
    // People keep working while the agent does.
    const written = await Promise.all(
      groups.map((g, i) => g.ask({ type: 'write', count: WRITERS_PER_PROCESS, prefix: `p${i}` }, 'written')),
    );
    phase('clients wrote');
    const res = await request;
    expect(res.status).toBe(200);
    const { messages } = AgentRequestResponseSchema.parse(await res.json());
    expect(messages.at(-1), 'the request completes').toMatchObject({ type: 'complete' });

    phase('request answered');
    const total = ITEMS + written.reduce((n, w) => n + (w['ids'] as string[]).length, 0);
    fresh = await connectSynced(wsUrl, ROOM);
    await waitFor(() => itemsOf(fresh!.doc).size === total, `a fresh client to see ${total} items`, 60_000);
    const target = { state: stateDigest(fresh.doc), fingerprint: fingerprintDigest(fresh.doc) };
    phase('fresh client synced');

    const results = await Promise.all(
      groups.map((g) => g.ask({ type: 'expect', target, items: total, timeoutMs: 120_000 }, 'result')),
    );
    phase('all clients checked');
    const memory = memoryOf(server.process.pid!);
    const clientRss = results.map((r) => `${String(r['rss'])} MiB`).join(', ');
    console.log(
      `load: server VmRSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB, VmHWM ${(memory.hwm / 2 ** 20).toFixed(0)} MiB; ` +
        `client processes ${clientRss}; client reconnects ${results.map((r) => String(r['disconnects'])).join(', ')}`,
    );

    for (const r of results) expect(r['failures'], 'clients that did not converge').toEqual([]);
    expect(results.reduce((n, r) => n + (r['matched'] as number), 0)).toBe(CLIENTS);
    expect(memory.hwm).toBeLessThan(RSS_LIMIT_BYTES);
    const errors = server.logs.filter((line) => Number(line['level']) >= 50);
    expect(errors, 'server log lines at level error or above').toEqual([]);
    // A client may reconnect when its process is too busy to answer pings; none was dropped for being slow.
    expect(server.logs.filter((line) => line['msg'] === 'dropping slow client')).toEqual([]);
  });
});
