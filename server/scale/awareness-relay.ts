import * as awarenessProtocol from 'y-protocols/awareness';
import type { ReplicaRoom } from '../sync/room/room-options.js';
import type { Bus } from './bus.js';
import { encodeRoomMessage } from './room-messages.js';

/** Origin of awareness changes that came from another process. */
class NodeOrigin {
  readonly source = 'remote';
  readonly via = 'redis';
  constructor(readonly node: string) {}
}

const origins = new Map<string, NodeOrigin>();
function originOf(node: string): NodeOrigin {
  let origin = origins.get(node);
  if (!origin) origins.set(node, (origin = new NodeOrigin(node)));
  return origin;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Presence across processes for one room. The room's Awareness holds every
 * peer's state; this remembers which states another process announced (and
 * which process), publishes changes of this process's own peers, and drops
 * a dead process's states at once. Only a process's own peers are ever
 * published by it, so a stale copy elsewhere can never delete a live state.
 */
export class AwarenessRelay {
  /** Client id → the process whose peer owns it. Absent: a peer of this process. */
  private readonly owners = new Map<number, string>();

  constructor(
    private readonly room: ReplicaRoom,
    private readonly bus: Bus,
    private readonly channel: string,
  ) {
    room.awareness.on('update', this.onUpdate);
  }

  /** Applies another process's awareness update; the room forwards it to its peers. */
  apply(node: string, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, originOf(node));
  }

  /** Publishes the states of this process's peers (asked for by a process that just arrived or reconnected). */
  announce(): void {
    const awareness = this.room.awareness;
    const own = [...awareness.getStates().keys()].filter(
      (id) => id !== awareness.clientID && !this.owners.has(id),
    );
    if (own.length > 0) this.publish(own);
  }

  /** The process is gone: its peers' presence goes for everyone here. */
  dropNode(node: string): void {
    const ids = [...this.owners].filter(([, owner]) => owner === node).map(([id]) => id);
    if (ids.length === 0) return;
    awarenessProtocol.removeAwarenessStates(this.room.awareness, ids, originOf(node));
    // Forget the clocks too, so the same states are accepted again if the process was only cut off.
    for (const id of ids) this.room.awareness.meta.delete(id);
  }

  close(): void {
    this.room.awareness.off('update', this.onUpdate);
  }

  private readonly onUpdate = (change: AwarenessChange, origin: unknown): void => {
    const ids = [...change.added, ...change.updated, ...change.removed];
    if (origin instanceof NodeOrigin) {
      for (const id of ids) this.owners.set(id, origin.node);
      for (const id of change.removed) this.owners.delete(id);
      return;
    }
    // An object origin is a peer of this room here (a socket or an agent): its clients are ours now.
    if (typeof origin === 'object' && origin !== null) for (const id of ids) this.owners.delete(id);
    const own = ids.filter((id) => !this.owners.has(id));
    // A timeout here of another process's state is only local bookkeeping; its owner decides.
    for (const id of change.removed) this.owners.delete(id);
    if (own.length > 0) this.publish(own);
  };

  private publish(ids: number[]): void {
    const update = awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids);
    void this.bus.publish(
      this.channel,
      encodeRoomMessage({ kind: 'awareness', node: this.bus.node, update }),
    );
  }
}
