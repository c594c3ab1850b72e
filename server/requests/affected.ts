import type { Affected } from '../../shared/progress.js';
import type { AgentRun } from '../agents/run.js';

/** Which items a request touched, by id: `data.affected` of its `complete` or `error`. */
export type { Affected };

export function affectedOf(run: Pick<AgentRun, 'added' | 'removed' | 'changes'>): Affected {
  return {
    added: run.added,
    removed: run.removed.map((item) => item.id),
    // One entry per item, however many of its fields changed.
    updated: [...new Set(run.changes.map((c) => c.id))],
  };
}

export function emptyAffected(): Affected {
  return { added: [], removed: [], updated: [] };
}

export function changedSomething(affected: Affected): boolean {
  return affected.added.length + affected.removed.length + affected.updated.length > 0;
}
