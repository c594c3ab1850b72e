import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ServerOrigin } from '../../../shared/origins.js';
import type { Store, StoredRoom } from '../../store/store.js';
import {
  isEmptyStateVector,
  syncStep1Frame,
  syncStep2Frame,
  syncStep2FrameOf,
  updateFrame,
  type ClientFrame,
} from '../frames.js';
import { CommitQueue } from './commit-queue.js';
import { RoomAwareness, type RoomPeer } from './room-awareness.js';
import { RoomDoc } from './room-doc.js';
import type { ReplicaRoom, RoomOptions } from './room-options.js';
import type { PresenceState, ServerPresence } from './server-presence.js';

export type { RoomPeer } from './room-awareness.js';
export type { RoomOptions, RoomReplicator } from './room-options.js';

/** How long after loading a room stored as one snapshot its doc is built, unless needed before. */
const DOC_BUILD_DELAY_MS = 100;

/**
 * One room: its document, its presence and the peers in it, and the public
 * API everything else uses. An update is applied to the doc once, as it
 * arrives (RoomDoc: refused whole if it does not apply), and what Yjs
 * encodes of the change — never a peer's raw bytes — goes through the
 * commit queue: stored once per tick, and only then forwarded to every peer,
 * so no peer is sent anything a crash could lose. Presence goes out through
 * the awareness batcher.
 */
export class Room implements ReplicaRoom {
  private readonly peers = new Set<RoomPeer>();
  private readonly content: RoomDoc;
  private readonly queue: CommitQueue;
  private readonly presence: RoomAwareness;
  private closed = false;

  private constructor(
    readonly name: string,
    store: Store,
    private readonly options: RoomOptions,
    stored: StoredRoom,
  ) {
    this.content = new RoomDoc(stored, { built: this.onDocBuilt, stray: this.onStrayWrite });
    this.queue = new CommitQueue({ ...options, name, store }, stored, {
      stored: (seq, merged) => {
        this.broadcast(updateFrame(merged));
        this.options.replicator?.committed(this, seq, seq, merged);
      },
      fold: () => this.content.fold(),
    });
    this.presence = new RoomAwareness(
      (frame) => this.broadcast(frame),
      () => this.peers.size > 0 && !this.closed,
    );
  }

  /**
   * Loads a room from the store. A room stored as one snapshot (how a room
   * is left when it unloads) is served from those bytes at first: a fresh
   * client's sync is answered with them as they are, and the doc — the
   * costly part, Yjs integrating every struct — is built shortly after, or
   * as soon as something needs it.
   */
  static async load(name: string, store: Store, options: RoomOptions): Promise<Room> {
    const stored = await store.load(name);
    const room = new Room(name, store, options, stored);
    // Not at once: building blocks the event loop, and the first client's sync answer (megabytes, for a
    // big room) should be on its way first. That client's sync step 1 is handled as soon as it joins.
    if (stored.snapshot !== null && stored.updates.length === 0) room.content.buildAfter(DOC_BUILD_DELAY_MS);
    else void room.doc;
    await options.replicator?.attach(room);
    return room;
  }

  /** Presence: every peer's state, other processes', and the server's own (`openPresence`). */
  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  /** The room's document: everything stored, plus what is on its way to the store. */
  get doc(): Y.Doc {
    return this.content.doc;
  }

  /** Whether the doc is built yet (see `load`). */
  get hasDoc(): boolean {
    return this.content.isBuilt;
  }

  /** How often the doc was rebuilt because Yjs integrated other structs than it encoded. */
  get rebuildCount(): number {
    return this.content.rebuildCount;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Every stored update through this sequence number is in `doc`. */
  get seq(): number {
    return this.queue.applied.contiguous;
  }

  /** The highest sequence number in `doc`; above `seq` when another process's commits are still on their way. */
  get highestSeq(): number {
    return this.queue.applied.highest;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  join(peer: RoomPeer): void {
    this.peers.add(peer);
    this.presence.join(peer);
    // Before the doc is built its state vector is not known; it goes out once it is (`onDocBuilt`).
    if (this.content.isBuilt) peer.send(syncStep1Frame(this.doc));
    if (!this.presence.isEmpty) peer.send(this.presence.statesFrame());
  }

  /** Removes the peer and, for everyone else, the presence it announced. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.queue.drop(peer);
    this.presence.leave(peer);
  }

  /** Handles one decoded frame of a peer. Throws only on bytes that fail to apply; the caller closes that peer. */
  receive(peer: RoomPeer, frame: ClientFrame): void {
    switch (frame.kind) {
      case 'sync-step-1':
        if (!this.content.isBuilt && isEmptyStateVector(frame.stateVector)) {
          // A client that has nothing gets the stored bytes as they are.
          peer.send(syncStep2FrameOf(this.content.snapshot ?? Y.encodeStateAsUpdate(new Y.Doc())));
        } else {
          // Sent once it shows nothing unstored.
          const reply = syncStep2Frame(this.doc, frame.stateVector);
          this.queue.afterStored(peer, () => peer.send(reply));
        }
        return;
      case 'update':
        this.submit(frame.update);
        return;
      case 'awareness':
        this.presence.apply(peer, frame.update);
        return;
      case 'query-awareness':
        peer.send(this.presence.statesFrame());
        return;
      case 'auth':
        return;
    }
  }

  /** Applies an update and queues it for the next group commit; throws UpdateRefusedError, changing nothing, if it does not apply. */
  submit(update: Uint8Array): void {
    if (this.closed) throw new Error(`room ${this.name} is closed`);
    const change = this.content.applyFromPeer(update);
    // Nothing new (e.g. a sync step 2 the room already had): nothing to store or forward.
    if (change !== null) this.queue.enqueue(change);
  }

  /**
   * A server-side write (an agent, the seed): runs `fn` on the live doc in
   * one transaction tagged `origin` and returns its result. The change goes
   * the way a peer's does — stored, then forwarded to every peer; await
   * `whenStored()` to know it is durable. If `fn` throws, nothing it wrote
   * stays, is stored or is forwarded, and the error is rethrown. Nested
   * calls join the outer transaction.
   */
  transact<T>(fn: (doc: Y.Doc) => T, origin: ServerOrigin): T {
    if (this.closed) throw new Error(`room ${this.name} is closed`);
    const { result, change } = this.content.transact(fn, origin);
    if (change !== null) this.queue.enqueue(change);
    return result;
  }

  /**
   * Opens a presence of the server's own in the room's awareness (an agent
   * at work): forwarded to every peer like anyone's, renewed, and removed
   * for everyone at its `close()` or the room's.
   */
  openPresence(state: PresenceState): ServerPresence {
    if (this.closed) throw new Error(`room ${this.name} is closed`);
    return this.presence.open(state);
  }

  /** Resolves once everything queued so far is committed and forwarded. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** Resolves once all `doc` holds now is stored: what was read from it may then be shown to anyone. */
  whenStored(): Promise<void> {
    return this.queue.whenStored();
  }

  /**
   * Applies updates another process committed as first..last (durable
   * already) and forwards to the peers only what was new to this doc.
   * Duplicates and re-reads are harmless: Yjs ignores what it has.
   */
  applyRemote(first: number, last: number, update: Uint8Array): void {
    if (this.closed || this.queue.applied.covers(first, last)) return;
    // A local update Yjs held back for want of this one (its client came from another process)
    // is complete now, and comes out in the same change.
    const held = this.content.holdsIncomplete;
    let change: Uint8Array | null;
    try {
      change = this.content.applyReplicated(update);
    } catch (error) {
      // Another process stored what its own doc encoded, so this should not happen; the doc is rebuilt without it.
      this.options.logger.error(
        { err: error, room: this.name, first, last },
        'a replicated update does not apply',
      );
      return;
    }
    this.queue.applied.add(first, last);
    if (change === null) return;
    // Stored again then (the remote part is stored already; Yjs ignores the repeat), so nothing unstored is forwarded.
    if (held) this.queue.enqueue(change);
    else this.broadcast(updateFrame(change));
  }

  /** Commits what is queued, folds the log into a snapshot, and releases memory. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.presence.closeServerPresences();
    await this.queue.flush();
    this.closed = true;
    await this.queue.finish();
    this.options.replicator?.detach(this);
    this.presence.destroy();
    this.content.destroy();
  }

  private broadcast(frame: Uint8Array): void {
    for (const peer of this.peers) peer.send(frame);
  }

  private readonly onDocBuilt = (doc: Y.Doc, ms: number): void => {
    this.options.logger.debug({ room: this.name, ms: Math.round(ms) }, 'room document built');
    // Peers that joined before have not had the room's state vector yet: now they can send what it lacks.
    if (this.peers.size > 0) this.broadcast(syncStep1Frame(doc));
  };

  private readonly onStrayWrite = (change: Uint8Array): void => {
    this.options.logger.error({ room: this.name }, 'the room doc was written past Room.transact');
    if (!this.closed) this.queue.enqueue(change);
  };
}
