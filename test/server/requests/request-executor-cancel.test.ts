import { describe, expect, it } from 'vitest';
import { isTerminal, type ProgressMessage } from '../../../shared/progress.js';
import { JobBook } from '../../../server/requests/jobs.js';
import { RequestExecutor, type ExecutorDeps } from '../../../server/requests/request-executor.js';
import { createLogger } from '../../../server/logger.js';
import { LocalProgressHub } from '../../../server/progress/hub.js';
import type { RoomRegistry } from '../../../server/sync/registry.js';
import type { Room } from '../../../server/sync/room/room.js';

/**
 * A cancel that lands while the executor is still loading the room (before
 * any parse started, so there is no parse to abort) must not let the parse
 * run: with an LLM parser that is seconds of waiting and an intent analysis
 * nobody wants.
 */
describe('RequestExecutor, cancelled while the room loads', () => {
  it('ends the request as cancelled without parsing it, and releases the room', async () => {
    let loaded!: () => void;
    const released: string[] = [];
    const registry = {
      acquire: () => new Promise<Room>((resolve) => (loaded = () => resolve({} as Room))),
      release: (room: string) => void released.push(room),
    } as unknown as RoomRegistry;
    const parsed: string[] = [];
    const hub = new LocalProgressHub();
    const heard: ProgressMessage[] = [];
    hub.subscribe('r', (message) => heard.push(message));
    const jobs = new JobBook(hub);
    const deps = {
      registry,
      hub,
      parser: {
        name: 'recording',
        parse: (input: string) => {
          parsed.push(input);
          return Promise.reject(new Error('the parser should not have been asked'));
        },
      },
      logger: createLogger('silent'),
      limits: { maxBulkItems: 10 },
    } as unknown as ExecutorDeps;
    const executor = new RequestExecutor(deps, jobs);
    const job = jobs.open({ room: 'r', input: 'Restock low-stock items' });

    const running = executor.execute(job);
    // What Orchestrator.cancel does for a job that is past its queue and not yet parsing.
    job.abort('cancelled');
    loaded();
    await running;

    expect(parsed).toEqual([]);
    expect(heard.map((m) => m.type)).toEqual(['error']);
    expect(heard.find(isTerminal)?.data?.['reason']).toBe('cancelled');
    expect(released).toEqual(['r']);
  });
});
