import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessFrame } from '../frames.js';
import { AwarenessBatcher, type AwarenessChange } from './awareness-batcher.js';
import { ServerPresence, type PresenceState } from './server-presence.js';

/** Anything that takes part in a room the way a socket does: a WebSocket connection, a test's peer. */
export interface RoomPeer {
  /** Sends one encoded y-websocket frame. Must not throw. */
  send(frame: Uint8Array): void;
}

/**
 * A room's presence: the Awareness that holds every state (its peers',
 * other processes', the server's own), which client ids each peer
 * announced (removed for everyone when it leaves), and their forwarding
 * through the batcher.
 */
export class RoomAwareness {
  /** Its own doc, so rebuilding the room's doc leaves presence alone. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly owned = new Map<RoomPeer, Set<number>>();
  private readonly server = new Set<ServerPresence>();
  private readonly batcher: AwarenessBatcher;

  /** `broadcast` sends to every peer; `live` says whether anyone is there to send to. */
  constructor(broadcast: (frame: Uint8Array) => void, live: () => boolean) {
    this.batcher = new AwarenessBatcher(this.awareness, broadcast, live);
    // The server's own presences have client ids of their own (see `open`); this one stays empty.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  get isEmpty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /** Every state there is, as one frame. */
  statesFrame(): Uint8Array {
    return awarenessFrame(this.awareness, [...this.awareness.getStates().keys()]);
  }

  join(peer: RoomPeer): void {
    this.owned.set(peer, new Set());
  }

  /** A peer's awareness frame. */
  apply(peer: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** Removes, for everyone, the presence the peer announced. */
  leave(peer: RoomPeer): void {
    const clients = this.owned.get(peer);
    this.owned.delete(peer);
    if (clients && clients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], 'leave');
    }
  }

  /** Opens a presence of the server's own (an agent at work); see ServerPresence. */
  open(state: PresenceState): ServerPresence {
    const presence = new ServerPresence(this.awareness, state, (gone) => this.server.delete(gone));
    this.server.add(presence);
    return presence;
  }

  /** Removes the server's own presences for everyone (peers and other processes still hear it). */
  closeServerPresences(): void {
    for (const presence of [...this.server]) presence.close();
  }

  destroy(): void {
    this.closeServerPresences();
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }

  private readonly onUpdate = (change: AwarenessChange, origin: unknown): void => {
    const owned = this.owned.get(origin as RoomPeer);
    if (owned) {
      for (const id of change.added) owned.add(id);
      for (const id of change.removed) owned.delete(id);
    }
    if (this.owned.size > 0) this.batcher.note(change);
  };
}
