import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTerminal, type ProgressMessage } from '../../../shared/progress.js';
import { waitFor } from '../../helpers/clients.js';
import { sendRequest, startCluster, watchProgress, type TestCluster } from './cluster.js';
import { TEST_REDIS_URL } from './services.js';

/**
 * PROG-6 and PROG-19; docs/SCALING.md "Agent requests", step 1: a request id that a live process
 * already holds is not queued again; its caller hears the holder's messages.
 * When the holder dies before the request ends, the callers waiting on other
 * processes are not left hanging: the request ends with one `error`.
 *
 * The holder here is a process that exists only in Redis (its request key
 * and a liveness key that is never renewed), so the test decides exactly
 * when it "dies": a SIGKILLed process looks the same to the others.
 */
/** All that was heard of the request is the one error saying its process is gone. */
function expectOnlyUnavailable(messages: readonly ProgressMessage[], requestId: string): void {
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ type: 'error', requestId, data: { reason: 'unavailable' } });
}

describe('a request whose holding process dies before it ends', () => {
  let cluster: TestCluster;
  let redis: Redis;

  beforeAll(async () => {
    cluster = await startCluster(2);
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await cluster?.destroy();
  });

  it('ends for callers on every process with exactly one error, once its holder stops heartbeating', async () => {
    const { name, servers } = cluster;
    const room = 'orphan';
    const requestId = 'held-by-ghost';
    // A live "ghost" process holds the request: it will stop heartbeating in 1 s, without a word.
    await redis.set(`${name}:node:ghost`, '1', 'PX', 1000);
    await redis.set(`${name}:req:${requestId}`, `ghost|${requestId}`, 'PX', 60_000);
    await redis.rpush(`${name}:line:${room}`, `ghost|${requestId}`);

    const watcher = await watchProgress(servers[0]!.port, room);
    try {
      const body = { input: 'Add 5 new inventory items for Q1 planning', requestId };
      // A client retrying through both processes: each follows the ghost's request. Without the
      // liveness check they would wait for the request key (60 s), past the test's timeout.
      const answers = await Promise.all(servers.map((s) => sendRequest(s.port, room, body)));
      for (const answer of answers) expectOnlyUnavailable(answer.messages, requestId);
      await waitFor(() => watcher.messages.some(isTerminal), 'the error on the progress channel');
      // Nothing ran: the ghost's request was never queued again. A sleep, because it waits for
      // something NOT to happen (a run would start within a few ms); no event marks its absence.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(watcher.messages.map((m) => m.type)).toEqual(['error']);
    } finally {
      watcher.close();
    }

    // The room is not blocked: the dead ghost's entry is skipped and a new request runs.
    const next = await sendRequest(servers[1]!.port, room, {
      input: 'Add 5 new inventory items for Q1 planning',
    });
    expect(next.messages.at(-1)?.type).toBe('complete');
  });

  /**
   * A ghost that joined a request (announced on the line channel, as a real
   * process does) and heartbeated once, then went silent.
   */
  async function ghostHolds(room: string, requestId: string, lifeMs: number): Promise<void> {
    const { name } = cluster;
    await redis.set(`${name}:node:ghost`, '1', 'PX', lifeMs);
    await redis.publish(`${name}:nodes`, 'hb|ghost');
    await redis.set(`${name}:req:${requestId}`, `ghost|${requestId}`, 'PX', 60_000);
    await redis.rpush(`${name}:line:${room}`, `ghost|${requestId}`);
    await redis.publish(`${name}:line`, `j|${room}|ghost|${requestId}`);
  }

  it('ends for watchers with exactly one error even when no caller waits for it anywhere', async () => {
    const room = 'orphan-unwatched';
    const requestId = 'ghost-run';
    const watchers = await Promise.all(cluster.servers.map((s) => watchProgress(s.port, room)));
    try {
      await ghostHolds(room, requestId, 1000);
      for (const watcher of watchers) {
        await waitFor(() => watcher.messages.some(isTerminal), 'the error on every process');
      }
      // Both processes saw the ghost die; only one may speak for it. A sleep: it gives a second,
      // wrong error time to arrive (a few heartbeats); no event marks that none will.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const watcher of watchers) expectOnlyUnavailable(watcher.messages, requestId);
    } finally {
      for (const watcher of watchers) watcher.close();
    }
  });

  it('adds nothing when the request had ended before its process died', async () => {
    const room = 'orphan-finished';
    const requestId = 'ghost-done';
    const watcher = await watchProgress(cluster.servers[1]!.port, room);
    try {
      await ghostHolds(room, requestId, 1000);
      // Its final message went out; then it died before leaving the line.
      const complete = {
        type: 'complete',
        requestId,
        message: 'Added 5 items',
        timestamp: new Date().toISOString(),
      };
      await redis.publish(
        `${cluster.name}:progress`,
        JSON.stringify({ node: 'ghost', room, message: complete }),
      );
      await waitFor(() => watcher.messages.length === 1, 'the final message');
      // Well past its death (1 s key, 3 × 250 ms heartbeats) and a few claims. A sleep, because
      // it waits for something NOT to happen (a second terminal message); no event marks that.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(watcher.messages.map((m) => m.type)).toEqual(['complete']);
    } finally {
      watcher.close();
    }
  });
});
