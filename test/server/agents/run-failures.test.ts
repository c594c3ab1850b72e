import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProgressMessage } from '../../../shared/progress.js';
import { RoomQueues } from '../../../server/requests/room-queues.js';
import { AgentRun } from '../../../server/agents/run.js';
import { waitFor } from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { TEST_ENV } from './phrase-harness.js';
import { postRequest } from './progress-helpers.js';

/**
 * A run that throws or rejects where nothing expects it to must not hold its
 * room: the room is released, the failure is reported rather than left an
 * unhandled rejection, and the room's next request runs (PROG-8: a room's
 * requests run one at a time in arrival order; PROG-17).
 */

const ticks = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RoomQueues when a start fails', () => {
  it('reports a rejected or throwing start and goes on with the next item', async () => {
    const log: string[] = [];
    const queues = new RoomQueues<{ name: string }>(
      (item) => {
        log.push(`start ${item.name}`);
        if (item.name === 'a') return Promise.reject(new Error('a rejected'));
        if (item.name === 'b') throw new Error('b threw');
        return Promise.resolve();
      },
      (item) => log.push(`settled ${item.name}`),
      (item, error) => log.push(`failed ${item.name}: ${(error as Error).message}`),
    );
    for (const name of ['a', 'b', 'c']) queues.push('r', { name });
    queues.pump('r');
    await ticks();
    expect(log).toEqual([
      'start a',
      'failed a: a rejected',
      'settled a',
      'start b',
      'failed b: b threw',
      'settled b',
      'start c',
      'settled c',
    ]);
    expect(queues.length('r')).toBe(0);
  });

  it('goes on when the settled or failed callbacks throw themselves', async () => {
    const started: string[] = [];
    const queues = new RoomQueues<{ name: string }>(
      (item) => {
        started.push(item.name);
        return Promise.reject(new Error('no'));
      },
      () => {
        throw new Error('settled threw');
      },
      () => {
        throw new Error('failed threw');
      },
    );
    queues.push('r', { name: 'a' });
    queues.push('r', { name: 'b' });
    queues.pump('r');
    await ticks();
    expect(started).toEqual(['a', 'b']);
  });
});

describe('an agent that cannot leave the room', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: TEST_ENV, storage: 'memory' });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('still releases the room, and the next request runs', async () => {
    const leave = vi.spyOn(AgentRun.prototype, 'leave').mockImplementationOnce(() => {
      throw new Error('leave failed');
    });
    const first = await postRequest(server.url, 'stuck', { input: 'Add 2 new inventory items' });
    expect(first.status).toBe(200);
    expect((first.json['messages'] as ProgressMessage[]).at(-1)?.type).toBe('complete');
    expect(leave).toHaveBeenCalledTimes(1);
    // Nobody else holds the room: released, it unloads.
    await waitFor(() => server.registry.loadedRooms === 0, 'the room released', 5000);

    const second = await postRequest(server.url, 'stuck', { input: 'Add 2 new inventory items' });
    expect((second.json['messages'] as ProgressMessage[]).at(-1)?.type).toBe('complete');
    await waitFor(() => server.registry.loadedRooms === 0, 'the room released again', 5000);
  });
});
