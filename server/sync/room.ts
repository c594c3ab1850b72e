import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RemoteOrigin } from '../../shared/origins.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame, type ClientFrame } from './frames.js';

/** Anything that takes part in a room: a WebSocket connection or an in-process peer (agents, seeding). */
export interface RoomPeer {
  /** Sends one encoded y-websocket frame. Must not throw. */
  send(frame: Uint8Array): void;
}

export interface RoomOptions {
  logger: Logger;
  /** Fold the log into a snapshot after this many updates (default 500)… */
  compactAfterUpdates: number;
  /** …or after this many bytes of updates (default 8 MiB), whichever comes first. */
  compactAfterBytes: number;
}

/** Committed bytes applied to the room's own doc. */
const COMMITTED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'store' });
const STORE_RETRY_MS = 1000;

/**
 * One room: the authoritative Y.Doc, awareness, and the peers in it. Every
 * update a peer sends is queued, committed to the store with the others of
 * the same tick (group commit), and only then applied and forwarded — so no
 * peer ever sees an update that a crash could lose.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly peers = new Map<RoomPeer, Set<number>>();
  private pending: Uint8Array[] = [];
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private tailCount: number;
  private tailBytes: number;
  private closed = false;

  private constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly options: RoomOptions,
    private lastSeq: number,
    tail: { count: number; bytes: number },
  ) {
    this.tailCount = tail.count;
    this.tailBytes = tail.bytes;
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  static async load(name: string, store: Store, options: RoomOptions): Promise<Room> {
    const stored = await store.load(name);
    const room = new Room(name, store, options, stored.lastSeq, {
      count: stored.updates.length,
      bytes: stored.tailBytes,
    });
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, COMMITTED);
      if (stored.updates.length > 0) Y.applyUpdate(room.doc, Y.mergeUpdates(stored.updates), COMMITTED);
    }, COMMITTED);
    return room;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  get seq(): number {
    return this.lastSeq;
  }

  join(peer: RoomPeer): void {
    this.peers.set(peer, new Set());
    peer.send(syncStep1Frame(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(awarenessFrame(this.awareness, states));
  }

  /** Removes the peer and, for everyone else, the presence it announced. */
  leave(peer: RoomPeer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    if (clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], 'leave');
  }

  /** Handles one decoded frame of a peer. Throws only on bytes that fail to apply; the caller closes that peer. */
  receive(peer: RoomPeer, frame: ClientFrame): void {
    switch (frame.kind) {
      case 'sync-step-1':
        peer.send(syncStep2Frame(this.doc, frame.stateVector));
        return;
      case 'update':
        this.submit(frame.update);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.update, peer);
        return;
      case 'query-awareness':
        peer.send(awarenessFrame(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'auth':
        return;
    }
  }

  /** Queues an update for the next group commit. */
  submit(update: Uint8Array): void {
    if (this.closed) throw new Error(`room ${this.name} is closed`);
    this.pending.push(update);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /** Resolves once everything queued so far is committed, applied and forwarded. */
  flush(): Promise<void> {
    this.flushScheduled = false;
    this.chain = this.chain
      .then(() => this.commitPending())
      .catch((error: unknown) => {
        // An update that was stored but fails to apply must not wedge the room's queue.
        this.options.logger.error({ err: error, room: this.name }, 'applying committed updates failed');
      });
    return this.chain;
  }

  private async commitPending(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      this.lastSeq = await this.store.append(this.name, batch);
    } catch (error) {
      // Nothing is applied or forwarded that is not stored: keep the batch and retry.
      this.options.logger.error(
        { err: error, room: this.name, updates: batch.length },
        'store append failed; retrying',
      );
      this.pending = batch.concat(this.pending);
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
      return this.commitPending();
    }
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    Y.applyUpdate(this.doc, merged, COMMITTED);
    this.broadcast(updateFrame(merged));
    this.tailCount += batch.length;
    this.tailBytes += batch.reduce((sum, u) => sum + u.byteLength, 0);
    if (
      this.tailCount >= this.options.compactAfterUpdates ||
      this.tailBytes >= this.options.compactAfterBytes
    ) {
      await this.compact();
    }
  }

  private async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.store.compact(this.name, snapshot, this.lastSeq);
      this.tailCount = 0;
      this.tailBytes = 0;
    } catch (error) {
      // The log is intact; compaction is retried after the next commit.
      this.options.logger.error({ err: error, room: this.name }, 'compaction failed');
    }
  }

  private broadcast(frame: Uint8Array): void {
    for (const peer of this.peers.keys()) peer.send(frame);
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.peers.get(origin as RoomPeer);
    if (owned) {
      for (const id of change.added) owned.add(id);
      for (const id of change.removed) owned.delete(id);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length > 0 && this.peers.size > 0) this.broadcast(awarenessFrame(this.awareness, changed));
  };

  /** Commits what is queued, folds the log into a snapshot, and releases memory. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    if (this.tailCount > 0) await this.chain.then(() => this.compact());
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
