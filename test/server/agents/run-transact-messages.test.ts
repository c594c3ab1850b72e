import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressMessage } from '../../../shared/progress.js';
import type { MockData } from '../../../server/data/mock-data.js';
import { AGENTS } from '../../../server/agents/identity.js';
import type { AgentMemory } from '../../../server/agents/memory/memory.js';
import { AgentRun } from '../../../server/agents/run.js';
import { createLogger } from '../../../server/logger.js';
import { Room } from '../../../server/sync/room/room.js';
import { MemoryStore } from '../../helpers/memory-store.js';

/**
 * AgentRun.transact groups edits (memory's undo does): the progress messages
 * of its edits go out only once the transaction succeeds, and never for one
 * that was refused, since none of its edits stayed.
 */
describe('AgentRun.transact and its progress messages', () => {
  let store: MemoryStore;
  let room: Room;
  let published: ProgressMessage[];
  let run: AgentRun;

  beforeEach(async () => {
    store = new MemoryStore();
    room = await Room.load('run', store, {
      logger: createLogger('silent'),
      compactAfterUpdates: 10_000,
      compactAfterBytes: 1 << 26,
    });
    published = [];
    run = new AgentRun(
      { requestId: 'r1', room: 'run', input: 'test', context: {}, userId: 'u1' },
      AGENTS.inventory,
      room,
      {} as MockData,
      {} as AgentMemory,
      (message) => published.push(message),
      new AbortController().signal,
    );
  });

  afterEach(async () => {
    await room.close();
    await store.close();
  });

  it('publishes nothing of a transaction that throws', () => {
    const [kept] = run.addItems([{ name: 'Kept', data: { quantity: 1 } }]);
    expect(published.map((m) => m.type)).toEqual(['item_added']);
    published.length = 0;
    expect(() =>
      run.transact(() => {
        run.updateItems([{ id: kept!, data: { quantity: 5 } }]);
        run.addItems([{ name: 'Never', data: { quantity: 2 } }]);
        run.removeItems([kept!]);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(published).toEqual([]);
    expect(run.added).toEqual([kept]);
    expect(run.removed).toEqual([]);
    expect(run.changes).toEqual([]);
  });

  it('publishes the messages of a transaction once it succeeds, in order', () => {
    const [kept] = run.addItems([{ name: 'Kept', data: { quantity: 1 } }]);
    published.length = 0;
    run.transact(() => {
      run.updateItems([{ id: kept!, data: { quantity: 5 } }]);
      run.addItems([{ name: 'New', data: { quantity: 2 } }]);
      expect(published).toEqual([]);
    });
    expect(published.map((m) => m.type)).toEqual(['field_changed', 'item_updated', 'item_added']);
  });
});
