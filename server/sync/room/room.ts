import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RemoteOrigin } from '../../../shared/origins.js';
import type { Logger } from '../../logger.js';
import type { Store } from '../../store/store.js';
import {
  awarenessFrame,
  syncStep1Frame,
  syncStep2Frame,
  syncStep2FrameOf,
  updateFrame,
  type ClientFrame,
} from '../frames.js';
import { AwarenessBatcher, type AwarenessChange } from './awareness-batcher.js';
import { CommitQueue } from './commit-queue.js';
import { RoomPeers, type RoomPeer } from './peers.js';
import { RoomDoc } from './room-doc.js';

export type { RoomPeer } from './peers.js';

/**
 * Shares a room's committed updates with other server processes
 * (server/scale, docs/SCALING.md). Absent with one process.
 */
export interface RoomReplicator {
  /** The room was loaded: start hearing about it and catch up. Resolves before anyone sees the room. */
  attach(room: Room): Promise<void>;
  /** Local updates were committed as sequence numbers first..last. Must not throw. */
  committed(room: Room, first: number, last: number, update: Uint8Array): void;
  /** The room is unloading. */
  detach(room: Room): void;
}

export interface RoomOptions {
  logger: Logger;
  replicator?: RoomReplicator | undefined;
  /** Fold the log into a snapshot after this many stored updates (default 500)… */
  compactAfterUpdates: number;
  /** …or after this many bytes of updates (default 8 MiB), whichever comes first. */
  compactAfterBytes: number;
}

/** A peer's update. */
const PEER: RemoteOrigin = Object.freeze({ source: 'remote', via: 'peer' });
/** Bytes another process committed. */
const REPLICATED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'redis' });
/** How long after loading a room stored as one snapshot its doc is built, unless needed before. */
const DOC_BUILD_DELAY_MS = 100;

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/** No structs, no deletions: what Yjs encodes for "nothing" (V1). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** An update that does not apply (Yjs checks an update's bytes, not its references); nothing of it was kept. */
export class UpdateRefusedError extends Error {
  override name = 'UpdateRefusedError';
}

/**
 * One room: its document, its presence and the peers in it, and the public
 * API everything else uses. An update is applied to the doc once, as it
 * arrives (RoomDoc: refused whole if it does not apply), and what Yjs
 * encodes of the change — never a peer's raw bytes — goes through the
 * commit queue: stored once per tick, and only then forwarded to every peer,
 * so no peer is sent anything a crash could lose. Presence goes out through
 * the awareness batcher.
 */
export class Room {
  /** Presence only; its own doc, so rebuilding the room's doc leaves it alone. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly peers = new RoomPeers();
  private readonly content: RoomDoc;
  private readonly queue: CommitQueue;
  private readonly presence: AwarenessBatcher;
  private closed = false;

  private constructor(
    readonly name: string,
    store: Store,
    private readonly options: RoomOptions,
    stored: { snapshot: Uint8Array | null; updates: Uint8Array[]; lastSeq: number; tailBytes: number },
  ) {
    this.content = new RoomDoc(stored, this.onDocBuilt);
    this.queue = new CommitQueue({ ...options, name, store }, this.sink, stored);
    this.presence = new AwarenessBatcher(
      this.awareness,
      (frame) => this.peers.broadcast(frame),
      () => this.peers.size > 0 && !this.closed,
    );
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
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
    if (stored.snapshot !== null && stored.updates.length === 0) {
      // Not at once: building blocks the event loop, and the first client's sync answer (megabytes, for a
      // big room) should be on its way first. That client's sync step 1 is handled as soon as it joins.
      setTimeout(() => {
        if (!room.closed) void room.doc;
      }, DOC_BUILD_DELAY_MS).unref();
    } else {
      void room.doc;
    }
    await options.replicator?.attach(room);
    return room;
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
    // Before the doc is built its state vector is not known; it goes out once it is (`onDocBuilt`).
    if (this.content.isBuilt) peer.send(syncStep1Frame(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(awarenessFrame(this.awareness, states));
  }

  /** Removes the peer and, for everyone else, the presence it announced. */
  leave(peer: RoomPeer): void {
    const clients = this.peers.remove(peer);
    if (!clients) return;
    this.queue.drop(peer);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, 'leave');
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
        awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.update, peer);
        return;
      case 'query-awareness':
        peer.send(awarenessFrame(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'auth':
        return;
    }
  }

  /** Applies an update and queues it for the next group commit; throws UpdateRefusedError, changing nothing, if it does not apply. */
  submit(update: Uint8Array): void {
    if (this.closed) throw new Error(`room ${this.name} is closed`);
    // A client's answer to the room's state vector when it has nothing to add: no need for the doc.
    if (isEmptyUpdate(update)) return;
    let change: Uint8Array | null;
    try {
      change = this.content.apply(update, PEER);
    } catch (error) {
      throw new UpdateRefusedError(
        `update does not apply: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // Nothing new (e.g. a sync step 2 the room already had): nothing to store or forward.
    if (change !== null) this.queue.enqueue(change);
  }

  /** Resolves once everything queued so far is committed and forwarded. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /**
   * Resolves once everything `doc` holds now is stored: whatever was read
   * from `doc` before calling may then be shown to anyone (CONTRACT: no
   * client receives an update a crash could lose).
   */
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
      change = this.content.apply(update, REPLICATED);
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
    else this.peers.broadcast(updateFrame(change));
  }

  /** Commits what is queued, folds the log into a snapshot, and releases memory. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.flush();
    this.closed = true;
    await this.queue.finish();
    this.options.replicator?.detach(this);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this.content.destroy();
  }

  private readonly sink = {
    stored: (seq: number, merged: Uint8Array): void => {
      this.peers.broadcast(updateFrame(merged));
      this.options.replicator?.committed(this, seq, seq, merged);
    },
    fold: (): Uint8Array => this.content.fold(),
  };

  private readonly onDocBuilt = (doc: Y.Doc, ms: number): void => {
    this.options.logger.debug({ room: this.name, ms: Math.round(ms) }, 'room document built');
    // Peers that joined before have not had the room's state vector yet: now they can send what it lacks.
    if (this.peers.size > 0) this.peers.broadcast(syncStep1Frame(doc));
  };

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    this.peers.track(origin, change);
    if (this.peers.size > 0) this.presence.note(change);
  };
}
