import type * as Y from 'yjs';
import {
  addItems,
  clearFields,
  getItem,
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
  type ItemRef,
  type ProgressDataArgs,
  type ProgressMessage,
  type ProgressType,
} from '../../shared/progress.js';
import type { MockData } from '../data/mock-data.js';
import type { Room } from '../sync/room/room.js';
import type { ServerPresence } from '../sync/room/server-presence.js';
import { throwIfCancelled } from './errors.js';
import type { AgentIdentity } from './identity.js';
import type { AgentMemory } from './memory/memory.js';

/** Past this many items, one message lists the ids (refs without names) instead of one message per item. */
const PER_ITEM_MESSAGE_LIMIT = 100;

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
   * Room.transact), so none of it stays in this run's record either.
   */
  transact<T>(fn: () => T): T {
    const marks = [this.added.length, this.removed.length, this.changes.length] as const;
    try {
      return this.room.transact(fn, this.origin);
    } catch (error) {
      this.added.length = marks[0];
      this.removed.length = marks[1];
      this.changes.length = marks[2];
      throw error;
    }
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
    this.publish(progressMessage(type, header, message, ...data));
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
    if (ids.length <= PER_ITEM_MESSAGE_LIMIT) {
      ids.forEach((id, i) => {
        const name = inputs[i]!.name;
        this.emit('item_added', `Added ${name}`, {
          refs: [{ id, name }],
          itemId: id,
          item: this.itemJson(id),
        });
      });
    } else {
      this.emit('item_added', `Added ${ids.length} items`, {
        refs: idRefs(ids),
        itemIds: ids,
        count: ids.length,
      });
    }
    return ids;
  }

  removeItems(ids: readonly string[]): Item[] {
    this.checkCancelled();
    const removed = this.room.transact((doc) => removeItems(doc, ids, this.origin), this.origin);
    this.removed.push(...removed);
    if (removed.length <= PER_ITEM_MESSAGE_LIMIT) {
      for (const item of removed) {
        this.emit('item_removed', `Removed ${item.name}`, {
          refs: [{ id: item.id, name: item.name }],
          itemId: item.id,
          item,
        });
      }
    } else {
      const itemIds = removed.map((item) => item.id);
      this.emit('item_removed', `Removed ${removed.length} items`, {
        refs: idRefs(itemIds),
        itemIds,
        count: removed.length,
      });
    }
    return removed;
  }

  updateItems(patches: readonly ItemPatch[]): FieldChange[] {
    this.checkCancelled();
    const changes = this.room.transact((doc) => updateItems(doc, patches, this.origin), this.origin);
    this.changes.push(...changes);
    this.reportChanges(changes);
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
    this.reportChanges(changes);
    return changes;
  }

  private reportChanges(changes: readonly FieldChange[]): void {
    const byItem = new Map<string, FieldChange[]>();
    for (const change of changes) byItem.set(change.id, [...(byItem.get(change.id) ?? []), change]);
    if (changes.length <= PER_ITEM_MESSAGE_LIMIT) {
      for (const c of changes) {
        const name = this.nameOf(c.id);
        this.emit('field_changed', `${name}: ${c.field} ${show(c.before)} → ${show(c.after)}`, {
          refs: [{ id: c.id, name }],
          itemId: c.id,
          field: c.field,
          before: c.before ?? null,
          after: c.after ?? null,
        });
      }
    }
    if (byItem.size <= PER_ITEM_MESSAGE_LIMIT) {
      for (const [id, list] of byItem) {
        const name = this.nameOf(id);
        this.emit('item_updated', `Updated ${name}`, {
          refs: [{ id, name }],
          itemId: id,
          fields: list.map((c) => c.field),
        });
      }
    } else {
      const itemIds = [...byItem.keys()];
      this.emit('item_updated', `Updated ${itemIds.length} items`, {
        refs: idRefs(itemIds),
        itemIds,
        count: itemIds.length,
      });
    }
  }

  private itemJson(id: string): Item | null {
    return getItem(this.doc, id) ?? null;
  }

  private nameOf(id: string): string {
    return getItem(this.doc, id)?.name || id;
  }
}

/** Refs by id only, for messages that list many items: looking up every name would cost more than it shows. */
export function idRefs(ids: readonly string[]): ItemRef[] {
  return ids.map((id) => ({ id }));
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}
