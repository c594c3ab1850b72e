import { ItemValidationError } from '../../shared/items.js';
import type { ErrorData } from '../../shared/progress.js';
import { changedSomething, type Affected } from './affected.js';
import { CancelledError, RequestError } from '../agents/errors.js';
import type { MemoryEntry } from '../agents/memory/memory.js';

/** How a request that threw ends: its `error` message, and what (if anything) memory keeps of it. */
export interface Failure {
  message: string;
  data: ErrorData;
  /** A bug rather than a refusal: worth a log line. */
  internal: boolean;
  /**
   * What memory keeps of the run: cancelled and internally failed runs, and a refusal that came
   * after edits (they stay, so "Undo the last agent change" must be able to take them back).
   */
  remember?: { outcome: MemoryEntry['outcome']; message: string };
}

function refusedAfterEdits(affected: Affected, message: string): Pick<Failure, 'remember'> {
  return changedSomething(affected) ? { remember: { outcome: 'error', message } } : {};
}

/** `affected` is what the run edited before it threw; those edits are kept, and reported. */
export function describeFailure(error: unknown, affected: Affected): Failure {
  if (error instanceof CancelledError) {
    return {
      message: `Cancelled${changedSomething(affected) ? '; edits made so far are kept' : ''}`,
      data: { reason: 'cancelled', affected },
      internal: false,
      remember: { outcome: 'cancelled', message: 'cancelled' },
    };
  }
  if (error instanceof RequestError) {
    // A handler may name a finer reason in its details than the error's own.
    const finer = error.details?.['reason'];
    const reason = typeof finer === 'string' && finer !== '' ? finer : error.reason;
    return {
      message: error.message,
      data: { ...error.details, reason, affected },
      internal: false,
      ...refusedAfterEdits(affected, error.message),
    };
  }
  if (error instanceof ItemValidationError) {
    return {
      message: error.message,
      data: { reason: 'invalid', problems: error.problems, affected },
      internal: false,
      ...refusedAfterEdits(affected, error.message),
    };
  }
  return {
    message: 'The agent hit an internal error; nothing more was changed',
    data: { reason: 'internal', affected },
    internal: true,
    remember: { outcome: 'error', message: 'internal error' },
  };
}
