import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentMemory, MemoryEntry } from '../../../server/agents/memory/memory.js';

/**
 * The one contract every AgentMemory passes (SQLite, PostgreSQL, the test
 * helper's): what "Undo the last agent change" and "Remove the items you just
 * added" rely on (PROTOCOL AGENT-13, AGENT-14, AGENT-20). `open()` may be
 * called again while one is open: the two share the data, as two server
 * processes would.
 */
export interface AgentMemoryHarness {
  open(): Promise<AgentMemory>;
  /** Closes what `open()` opened and drops everything this harness created. */
  cleanup(): Promise<void>;
}

export function memoryEntry(requestId: string, at: string, extra: Partial<MemoryEntry> = {}): MemoryEntry {
  return {
    requestId,
    input: `do ${requestId}`,
    userId: 'alice',
    agentId: 'inventory',
    intentKind: 'add',
    intent: { kind: 'add', count: 1, nested: { list: [1, 'two', null] } },
    outcome: 'complete',
    message: 'done',
    added: [`item-${requestId}`],
    removed: [
      {
        id: 'gone',
        type: 'inventory',
        name: 'Gone – “quoted” ✓',
        subtitle: '',
        data: { sku: 'G-1', current_stock: 3, supplier: 'Acme', note: null },
      },
    ],
    changes: [{ id: 'x', field: 'current_stock', before: 1, after: 2 }],
    at,
    ...extra,
  };
}

const T0 = '2030-01-01T00:00:00.000Z';
const T1 = '2030-01-01T00:00:01.000Z';
const T2 = '2030-01-01T00:00:02.000Z';

export function runAgentMemoryContractTests(name: string, makeHarness: () => AgentMemoryHarness): void {
  describe(`AgentMemory contract: ${name}`, () => {
    let harness: AgentMemoryHarness;
    let memory: AgentMemory;

    beforeEach(async () => {
      harness = makeHarness();
      memory = await harness.open();
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    it('knows nothing of a room it was never told about', async () => {
      expect(await memory.recent('nobody-here')).toEqual([]);
    });

    it('gives an entry back as it was recorded', async () => {
      await memory.record('r', memoryEntry('q1', T0));
      expect(await memory.recent('r')).toEqual([memoryEntry('q1', T0)]);
    });

    it('lists newest first by time, whatever the order of the writes', async () => {
      await memory.record('r', memoryEntry('q2', T2));
      await memory.record('r', memoryEntry('q0', T0));
      await memory.record('r', memoryEntry('q1', T1));
      expect((await memory.recent('r')).map((e) => e.requestId)).toEqual(['q2', 'q1', 'q0']);
    });

    it('puts the later write first when two entries have the same time', async () => {
      await memory.record('r', memoryEntry('first', T1));
      await memory.record('r', memoryEntry('second', T1));
      expect((await memory.recent('r')).map((e) => e.requestId)).toEqual(['second', 'first']);
    });

    it('returns at most `limit` entries, the newest', async () => {
      for (let i = 0; i < 5; i++)
        await memory.record('r', memoryEntry(`q${i}`, `2030-01-01T00:00:0${i}.000Z`));
      expect((await memory.recent('r', 2)).map((e) => e.requestId)).toEqual(['q4', 'q3']);
    });

    it('returns 50 entries when no limit is given', async () => {
      for (let i = 0; i < 55; i++)
        await memory.record('r', memoryEntry(`q${i}`, new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString()));
      const recent = await memory.recent('r');
      expect(recent).toHaveLength(50);
      expect(recent[0]!.requestId).toBe('q54');
    });

    it('keeps rooms apart', async () => {
      await memory.record('one', memoryEntry('a', T0));
      await memory.record('two', memoryEntry('b', T1));
      expect((await memory.recent('one')).map((e) => e.requestId)).toEqual(['a']);
      expect((await memory.recent('two')).map((e) => e.requestId)).toEqual(['b']);
    });

    it('one request id is one entry: recording it again replaces it', async () => {
      await memory.record('r', memoryEntry('q1', T0));
      await memory.record('r', memoryEntry('q2', T1));
      await memory.record('r', memoryEntry('q1', T2, { outcome: 'error', message: 'again' }));
      const recent = await memory.recent('r');
      expect(recent.map((e) => [e.requestId, e.message])).toEqual([
        ['q1', 'again'],
        ['q2', 'done'],
      ]);
    });

    it('marks an entry undone, and only that entry of that room', async () => {
      await memory.record('r', memoryEntry('q1', T0));
      await memory.record('r', memoryEntry('q2', T1));
      await memory.record('other', memoryEntry('q1', T0));
      await memory.markUndone('r', 'q1', 'undo-1');
      expect(await memory.recent('r')).toEqual([
        memoryEntry('q2', T1),
        { ...memoryEntry('q1', T0), undoneBy: 'undo-1' },
      ]);
      expect((await memory.recent('other'))[0]!.undoneBy).toBeUndefined();
    });

    it('marking an unknown request changes nothing', async () => {
      await memory.record('r', memoryEntry('q1', T0));
      await memory.markUndone('r', 'nobody', 'undo-1');
      await memory.markUndone('elsewhere', 'q1', 'undo-1');
      expect(await memory.recent('r')).toEqual([memoryEntry('q1', T0)]);
    });

    it('a returned entry is a copy: changing it changes nothing kept', async () => {
      await memory.record('r', memoryEntry('q1', T0));
      const [entry] = await memory.recent('r');
      entry!.added.push('sneaked-in');
      entry!.undoneBy = 'nobody';
      expect(await memory.recent('r')).toEqual([memoryEntry('q1', T0)]);
    });

    it('two instances share one memory', async () => {
      const other = await harness.open();
      await memory.record('r', memoryEntry('q1', T0));
      await other.record('r', memoryEntry('q2', T1));
      await other.markUndone('r', 'q1', 'undo-1');
      expect(await memory.recent('r')).toEqual(await other.recent('r'));
      expect((await memory.recent('r')).map((e) => [e.requestId, e.undoneBy])).toEqual([
        ['q2', undefined],
        ['q1', 'undo-1'],
      ]);
    });
  });
}
