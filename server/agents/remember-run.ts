import type { Logger } from '../logger.js';
import type { AgentMemory, MemoryEntry } from './memory/memory.js';
import type { AgentRun } from './run.js';

/**
 * Writes what a run did to the room's memory, which undo and "remove the items
 * you just added" read later. A failed write is logged, never thrown: the
 * request's own outcome stands either way.
 */
export async function rememberRun(
  memory: AgentMemory,
  logger: Logger,
  run: AgentRun,
  intent: { kind: string },
  outcome: MemoryEntry['outcome'],
  message: string,
): Promise<void> {
  const { request } = run;
  try {
    await memory.record(request.room, {
      requestId: request.requestId,
      input: request.input,
      userId: request.userId,
      agentId: run.agent.id,
      intentKind: intent.kind,
      intent,
      outcome,
      message,
      added: run.added,
      removed: run.removed,
      changes: run.changes,
      at: new Date().toISOString(),
    });
  } catch (error) {
    logger.error({ err: error, requestId: request.requestId }, 'could not store agent memory');
  }
}
