import { afterEach, describe, expect, it } from 'vitest';
import { isTerminal, type ProgressMessage } from '../../../shared/progress.js';
import type { MockData } from '../../../server/data/mock-data.js';
import { CancelledError } from '../../../server/agents/errors.js';
import { HANDLERS } from '../../../server/agents/handlers.js';
import type { IntentParser } from '../../../server/agents/intents/parser.js';
import type { AgentMemory } from '../../../server/agents/memory/memory.js';
import { createLogger } from '../../../server/logger.js';
import { LocalProgressHub } from '../../../server/progress/hub.js';
import { Orchestrator } from '../../../server/requests/orchestrator.js';
import { RoomRegistry } from '../../../server/sync/registry.js';
import { MemoryStore } from '../../helpers/memory-store.js';

/**
 * A request has one cancellation, an AbortSignal made when it is booked: the
 * parser and the agent's run get that same signal, and a cancel (or close())
 * aborts it once with a reason that says why.
 */

interface Seen {
  parser: AbortSignal[];
  run: AbortSignal[];
}

function setup() {
  const store = new MemoryStore();
  const logger = createLogger('silent');
  const registry = new RoomRegistry(store, { logger, compactAfterUpdates: 500, compactAfterBytes: 1 << 24 });
  const hub = new LocalProgressHub();
  const messages: ProgressMessage[] = [];
  hub.subscribe('r', (message) => messages.push(message));
  const seen: Seen = { parser: [], run: [] };
  let running!: () => void;
  const started = new Promise<void>((resolve) => (running = resolve));
  const parser: IntentParser = {
    name: 'recording',
    parse: (_input, _context, signal) => {
      seen.parser.push(signal!);
      return Promise.resolve({
        intent: { kind: 'general' },
        primary_intent: 'general',
        confidence: 1,
        explanation: 'a request that waits to be cancelled',
        parser: 'recording',
        problems: [],
      });
    },
  };
  const memory = { record: () => Promise.resolve() } as unknown as AgentMemory;
  const orchestrator = new Orchestrator({
    registry,
    hub,
    parser,
    memory,
    data: {} as MockData,
    logger,
    limits: { maxBulkItems: 10 },
    handlers: {
      ...HANDLERS,
      // Works until its run is cancelled, the way a long forecast polls between steps.
      general: async (_intent, run) => {
        seen.run.push(run.signal);
        running();
        await new Promise((resolve) => run.signal.addEventListener('abort', resolve, { once: true }));
        run.checkCancelled();
        return { message: 'never reached' };
      },
    },
  });
  const endOf = (requestId: string) => messages.find((m) => m.requestId === requestId && isTerminal(m));
  const cleanup = async () => {
    await orchestrator.close();
    await registry.closeAll();
    await store.close();
  };
  return { orchestrator, seen, started, endOf, cleanup };
}

describe('one AbortSignal per request', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('is the signal the parser and the run see, and a cancel aborts it once', async () => {
    const t = setup();
    cleanup = t.cleanup;
    const { requestId, finished } = t.orchestrator.submit({ room: 'r', input: 'wait' });
    await t.started;
    expect(t.seen.parser).toHaveLength(1);
    expect(t.seen.run).toHaveLength(1);
    const signal = t.seen.run[0]!;
    expect(t.seen.parser[0]).toBe(signal);
    expect(signal.aborted).toBe(false);

    expect(t.orchestrator.cancel('r', requestId)).toBe(true);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(CancelledError);
    expect((signal.reason as CancelledError).why).toBe('cancelled');
    await finished;
    expect(t.endOf(requestId)).toMatchObject({
      type: 'error',
      message: 'Cancelled',
      data: { reason: 'cancelled' },
    });
  });

  it('close() aborts a running request and a queued one, each saying why', async () => {
    const t = setup();
    const running = t.orchestrator.submit({ room: 'r', input: 'wait' });
    const queued = t.orchestrator.submit({ room: 'r', input: 'wait' });
    await t.started;
    await t.orchestrator.close();
    cleanup = t.cleanup;

    const signal = t.seen.run[0]!;
    expect((signal.reason as CancelledError).why).toBe('server shutting down');
    expect(t.endOf(running.requestId)).toMatchObject({ type: 'error', data: { reason: 'cancelled' } });
    expect(t.endOf(queued.requestId)).toMatchObject({
      type: 'error',
      message: 'Request server shutting down before it started',
      data: { reason: 'cancelled' },
    });
    // The queued request never reached the parser.
    expect(t.seen.parser).toHaveLength(1);
  });
});
