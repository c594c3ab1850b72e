import type { AwarenessChange } from './awareness-batcher.js';

/** Anything that takes part in a room the way a socket does: a WebSocket connection, a test's peer. */
export interface RoomPeer {
  /** Sends one encoded y-websocket frame. Must not throw. */
  send(frame: Uint8Array): void;
}

/**
 * Who is in a room, and which awareness client ids each peer announced
 * (so that its presence can be removed for everyone when it leaves).
 */
export class RoomPeers {
  private readonly peers = new Map<RoomPeer, Set<number>>();

  get size(): number {
    return this.peers.size;
  }

  add(peer: RoomPeer): void {
    this.peers.set(peer, new Set());
  }

  /** Removes the peer; returns the awareness client ids it announced, or null if it was not here. */
  remove(peer: RoomPeer): number[] | null {
    const clients = this.peers.get(peer);
    if (!clients) return null;
    this.peers.delete(peer);
    return [...clients];
  }

  /** Records which clients a peer announced or removed; `origin` is whoever applied the change. */
  track(origin: unknown, change: AwarenessChange): void {
    const owned = this.peers.get(origin as RoomPeer);
    if (!owned) return;
    for (const id of change.added) owned.add(id);
    for (const id of change.removed) owned.delete(id);
  }

  broadcast(frame: Uint8Array): void {
    for (const peer of this.peers.keys()) peer.send(frame);
  }
}
