import type * as Y from 'yjs';
import {
  addItems,
  clearFields,
  removeItems,
  updateItems,
  type FieldChange,
  type Item,
  type ItemPatch,
  type NewItem,
} from '../../shared/items.js';
import type { AgentOrigin } from '../../shared/origins.js';
import {
  progressMessage,
  type ProgressDataArgs,
  type ProgressMessage,
  type ProgressType,
} from '../../shared/progress.js';
import type { MockData } from '../data/mock-data.js';
import type { Room } from '../sync/room/room.js';
import type { ServerPresence } from '../sync/room/server-presence.js';
import { throwIfCancelled } from './errors.js';
import { reportAdded, reportChanges, reportRemoved } from './item-reports.js';
import type { AgentIdentity } from './identity.js';
import type { AgentMemory } from './memory/memory.js';

export { idRefs } from './item-reports.js';

export interface RunRequest {
  requestId: string;
  room: string;
  input: string;
  context: Record<string, unknown>;
  userId: string;
}

/**
 * One running request as its agent sees it: the room's live document,
 * progress messages, cancellation, and a record of every edit so that memory
 * can undo it. All writes go through `room.transact` (stored before anyone
 * sees them) and the shared document functions, with this request's origin.
 */
export class AgentRun {
  readonly origin: AgentOrigin;
  readonly added: string[] = [];
  readonly removed: Item[] = [];
  readonly changes: FieldChange[] = [];
  /** The agent in the room's awareness: opened by the first `status`, closed by `leave`. */
  private presence: ServerPresence | null = null;
  /** Set inside the outermost `transact`: the messages emitted in it, published once it succeeds. */
  private held: ProgressMessage[] | null = null;

  constructor(
    readonly request: RunRequest,
    readonly agent: AgentIdentity,
    readonly room: Room,
    readonly data: MockData,
    readonly memory: AgentMemory,
    private readonly publish: (message: ProgressMessage) => void,
    /** The request's cancellation (server/requests/jobs.ts): aborted, the run stops at its next step. */
    readonly signal: AbortSignal,
  ) {
    this.origin = {
      source: 'agent',
      agentId: agent.id,
      requestId: request.requestId,
      requestedBy: request.userId,
    };
  }

  /** The room's document, read live (never kept: a refused write rebuilds it). */
  get doc(): Y.Doc {
    return this.room.doc;
  }

  /**
   * Runs several edits as one transaction: one change for the room's store
   * and peers. If `fn` throws, none of it stays in the room (see
   * Room.transact), so none of it stays in this run's record either. The
   * messages it emits are held until the outermost transaction succeeds,
   * and dropped if it throws: watchers hear only of edits that happened.
   */
  transact<T>(fn: () => T): T {
    const marks = [this.added.length, this.removed.length, this.changes.length] as const;
    const outermost = this.held === null;
    if (outermost) this.held = [];
    let result: T;
    try {
      result = this.room.transact(fn, this.origin);
    } catch (error) {
      this.added.length = marks[0];
      this.removed.length = marks[1];
      this.changes.length = marks[2];
      if (outermost) this.held = null;
      throw error;
    }
    if (outermost) {
      const held = this.held ?? [];
      this.held = null;
      for (const message of held) this.publish(message);
    }
    return result;
  }

  /** Resolves once every edit so far is stored (and so forwarded). */
  settled(): Promise<void> {
    return this.room.whenStored();
  }

  /** Takes the agent out of the room's awareness, for everyone. */
  leave(): void {
    this.presence?.close();
  }

  get isCancelled(): boolean {
    return this.signal.aborted;
  }

  /** Throws a CancelledError at the next step once the request's signal is aborted. */
  checkCancelled(): void {
    throwIfCancelled(this.signal);
  }

  /** Sends a progress message of this request; `type` decides what `data` must hold. */
  emit<T extends ProgressType>(type: T, message: string, ...data: ProgressDataArgs<T>): void {
    const header = { requestId: this.request.requestId, agentId: this.agent.id, userId: this.request.userId };
    const built = progressMessage(type, header, message, ...data);
    if (this.held) this.held.push(built);
    else this.publish(built);
  }

  progress(done: number, total: number, message: string): void {
    this.status(message);
    this.emit('progress', message, { done, total });
  }

  /** The agent's status line in the room's awareness. */
  status(text: string): void {
    const state = {
      user: {
        name: this.agent.name,
        color: this.agent.color,
        kind: 'agent',
        agentId: this.agent.id,
        status: text,
        requestId: this.request.requestId,
      },
    };
    if (this.presence) this.presence.set(state);
    else this.presence = this.room.openPresence(state);
  }

  addItems(inputs: readonly NewItem[]): string[] {
    this.checkCancelled();
    const ids = this.room.transact((doc) => addItems(doc, inputs, this.origin), this.origin);
    this.added.push(...ids);
    reportAdded(this, ids, inputs);
    return ids;
  }

  removeItems(ids: readonly string[]): Item[] {
    this.checkCancelled();
    const removed = this.room.transact((doc) => removeItems(doc, ids, this.origin), this.origin);
    this.removed.push(...removed);
    reportRemoved(this, removed);
    return removed;
  }

  updateItems(patches: readonly ItemPatch[]): FieldChange[] {
    this.checkCancelled();
    const changes = this.room.transact((doc) => updateItems(doc, patches, this.origin), this.origin);
    this.changes.push(...changes);
    reportChanges(this, changes);
    return changes;
  }

  /** Deletes data fields of several items in one transaction. */
  clearFields(clears: readonly { id: string; fields: readonly string[] }[]): FieldChange[] {
    this.checkCancelled();
    const changes: FieldChange[] = [];
    this.room.transact((doc) => {
      for (const { id, fields } of clears) changes.push(...clearFields(doc, id, fields, this.origin));
    }, this.origin);
    this.changes.push(...changes);
    reportChanges(this, changes);
    return changes;
  }
}
