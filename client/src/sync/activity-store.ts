import * as Y from 'yjs';
import { isOrigin, updatedByOf, type UserOrigin } from '../../../shared/origins.js';
import { deriveActivity, type ActivityEntry, type Via } from './activity.js';
import type { ItemsChange, ItemsStore } from './items-store.js';
import { ExternalStore } from './store.js';

/** The feed keeps the newest entries only: enough to follow a session, cheap to render. */
export const ACTIVITY_LIMIT = 200;

export interface OriginContext {
  /** This tab's write origin: its transactions are labelled with it. */
  user: UserOrigin;
  /** Origins that only load state this browser already had (IndexedDB): not activity. */
  quiet: ReadonlySet<unknown>;
  /** True for the transaction that catches up with the server after connecting (its sync step 2). */
  isCatchUp?: (origin: unknown) => boolean;
}

/** Who a transaction is by when the origin tells (local writes), or null to read `updated_by`. */
function describeTransaction(
  transaction: Y.Transaction,
  context: OriginContext,
): { skip: true } | { skip: false; actor: string | null; via?: Via } {
  const origin: unknown = transaction.origin;
  if (context.quiet.has(origin)) return { skip: true };
  if (context.isCatchUp?.(origin)) return { skip: false, actor: null, via: 'sync' };
  if (origin instanceof Y.UndoManager) {
    return { skip: false, actor: updatedByOf(context.user), via: origin.undoing ? 'undo' : 'redo' };
  }
  if (transaction.local && isOrigin(origin) && origin.source !== 'remote') {
    return { skip: false, actor: updatedByOf(origin) };
  }
  return { skip: false, actor: null };
}

/** The activity feed, newest first, derived from the item changes the ItemsStore reports. */
export class ActivityStore extends ExternalStore<readonly ActivityEntry[]> {
  private nextId = 1;
  private readonly stop: () => void;

  constructor(
    items: ItemsStore,
    private readonly context: OriginContext,
    private readonly now: () => number = Date.now,
  ) {
    super([]);
    this.stop = items.onChange(this.onChange);
  }

  destroy(): void {
    this.stop();
  }

  private readonly onChange = ({ transaction, previous, current }: ItemsChange) => {
    const described = describeTransaction(transaction, this.context);
    if (described.skip) return;
    const drafts = deriveActivity(previous, current, described.actor, this.now(), described.via);
    if (drafts.length === 0) return;
    const entries = drafts.map((draft) => ({ ...draft, id: this.nextId++ })).reverse();
    this.set([...entries, ...this.getSnapshot()].slice(0, ACTIVITY_LIMIT));
  };
}
