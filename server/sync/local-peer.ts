import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RemoteOrigin } from '../../shared/origins.js';
import { MessageTag } from '../../shared/protocol.js';
import type { Room, RoomPeer } from './room/room.js';

const FROM_ROOM: RemoteOrigin = Object.freeze({ source: 'remote', via: 'peer' });

/**
 * An in-process peer with a Y.Doc of its own, joined to a room by the same
 * path as a WebSocket client: its local transactions are submitted to the
 * room (stored, then forwarded to everyone), and the room's updates reach it
 * like any client. Agents and seeding write through one of these.
 */
export class LocalPeer implements RoomPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private joined = true;

  constructor(private readonly room: Room) {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(room.doc), FROM_ROOM);
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onLocalAwareness);
    room.join(this);
  }

  send(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageTag.sync) return;
    // Step 1 from the room needs no answer: every local update is submitted as it happens.
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.doc, FROM_ROOM);
  }

  /** Resolves once every local edit so far is stored and forwarded. */
  async settled(): Promise<void> {
    await this.room.flush();
  }

  async leave(): Promise<void> {
    if (!this.joined) return;
    this.joined = false;
    this.awareness.setLocalState(null);
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onLocalAwareness);
    await this.room.flush();
    this.room.leave(this);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== FROM_ROOM) this.room.submit(update);
  };

  private readonly onLocalAwareness = (change: {
    added: number[];
    updated: number[];
    removed: number[];
  }): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.room.receive(this, { kind: 'awareness', update });
  };
}
