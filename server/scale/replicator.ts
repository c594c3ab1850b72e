import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { ReplicaRoom, RoomReplicator } from '../sync/room/room-options.js';
import { AwarenessRelay } from './awareness-relay.js';
import type { Bus } from './bus.js';
import type { NodeLiveness } from './liveness.js';
import { ReplicatedRoom } from './replicated-room.js';
import { decodeRoomMessage, encodeRoomMessage } from './room-messages.js';

interface Attached {
  room: ReplicaRoom;
  channel: string;
  updates: ReplicatedRoom;
  awareness: AwarenessRelay;
}

/**
 * Redis fan-out of rooms between server processes (docs/SCALING.md). Each
 * loaded room has a channel `<prefix>:room:<name>`; a process subscribes
 * while it holds the room, so only processes with clients in a room hear
 * about it. Subscribing comes before the catch-up read, so nothing
 * committed in between can slip past both.
 */
export class RedisReplicator implements RoomReplicator {
  private readonly rooms = new Map<string, Attached>();

  constructor(
    private readonly bus: Bus,
    private readonly store: Store,
    private readonly liveness: NodeLiveness | null,
    private readonly logger: Logger,
  ) {
    bus.onReconnect(() => this.reconnected());
    liveness?.onDead((node) => {
      for (const entry of this.rooms.values()) entry.awareness.dropNode(node);
    });
    liveness?.onTick(() => {
      for (const entry of this.rooms.values()) entry.updates.announceHead();
    });
  }

  get attachedRooms(): number {
    return this.rooms.size;
  }

  async attach(room: ReplicaRoom): Promise<void> {
    const channel = this.bus.key('room', room.name);
    const entry: Attached = {
      room,
      channel,
      updates: new ReplicatedRoom(room, this.bus, this.store, channel, this.logger),
      awareness: new AwarenessRelay(room, this.bus, channel),
    };
    this.rooms.set(room.name, entry);
    try {
      await this.bus.subscribe(channel, (message) => this.receive(entry, message));
      await entry.updates.catchUp();
      void this.bus.publish(channel, encodeRoomMessage({ kind: 'query', node: this.bus.node }));
    } catch (error) {
      // The room still works locally; a reconnect or the next gap repairs the rest.
      this.logger.error({ err: error, room: room.name }, 'replicating a room failed to start');
    }
  }

  committed(room: ReplicaRoom, first: number, last: number, update: Uint8Array): void {
    const entry = this.rooms.get(room.name);
    if (entry?.room === room) entry.updates.committed(first, last, update);
  }

  detach(room: ReplicaRoom): void {
    const entry = this.rooms.get(room.name);
    if (entry?.room !== room) return;
    this.rooms.delete(room.name);
    this.bus.unsubscribe(entry.channel);
    entry.updates.close();
    entry.awareness.close();
  }

  private receive(entry: Attached, bytes: Buffer): void {
    let message;
    try {
      message = decodeRoomMessage(bytes);
    } catch (error) {
      this.logger.warn({ err: error, room: entry.room.name }, 'dropping an undecodable room message');
      return;
    }
    if (message.node === this.bus.node || entry.room.isClosed) return;
    this.liveness?.noteAlive(message.node);
    switch (message.kind) {
      case 'update':
        return entry.updates.received(message.first, message.last, message.update);
      case 'head':
        return entry.updates.heard(message.seq);
      case 'awareness':
        return entry.awareness.apply(message.node, message.update);
      case 'query':
        return entry.awareness.announce();
    }
  }

  /** Whatever was published while the subscriber was away is in the store; presence is asked for again. */
  private reconnected(): void {
    for (const entry of this.rooms.values()) {
      void entry.updates.catchUp();
      entry.updates.announceHead(true);
      entry.awareness.announce();
      void this.bus.publish(entry.channel, encodeRoomMessage({ kind: 'query', node: this.bus.node }));
    }
  }
}
