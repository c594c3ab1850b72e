import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RemoteOrigin } from '../../shared/origins.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame, type ClientFrame } from './frames.js';
import { SeqWindow } from './seq-window.js';

/** Anything that takes part in a room: a WebSocket connection or an in-process peer (agents, seeding). */
export interface RoomPeer {
  /** Sends one encoded y-websocket frame. Must not throw. */
  send(frame: Uint8Array): void;
}

/**
 * Shares a room's committed updates with other server processes
 * (server/scale, docs/SCALING.md). Absent with one process.
 */
export interface RoomReplicator {
  /** The room was loaded: start hearing about it and catch up. Resolves before anyone sees the room. */
  attach(room: Room): Promise<void>;
  /** Local updates were committed as sequence numbers first..last and applied. Must not throw. */
  committed(room: Room, first: number, last: number, update: Uint8Array): void;
  /** The room is unloading. */
  detach(room: Room): void;
}

export interface RoomOptions {
  logger: Logger;
  replicator?: RoomReplicator | undefined;
  /** Fold the log into a snapshot after this many updates (default 500)… */
  compactAfterUpdates: number;
  /** …or after this many bytes of updates (default 8 MiB), whichever comes first. */
  compactAfterBytes: number;
}

/** Committed bytes applied to the room's own doc. */
const COMMITTED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'store' });
/** Bytes another process committed. */
const REPLICATED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'redis' });
const STORE_RETRY_MS = 1000;

/** An update that does not apply (Yjs checks an update's bytes, not its references); nothing of it was kept. */
export class UpdateRefusedError extends Error {
  override name = 'UpdateRefusedError';
}

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
  /**
   * `doc` plus every update accepted since (queued in `pending` or being
   * stored in `committing`). An update is applied here first: one that
   * throws part-way leaves only this replica half-changed, which is then
   * rebuilt, and the update is refused. What the room stores, applies and
   * forwards is what Yjs re-encodes from this replica — never a peer's raw
   * bytes — so the room, its store, its peers and a fresh client agree.
   */
  private staging = new Y.Doc();
  private committing: Uint8Array[] = [];
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private tailCount: number;
  private tailBytes: number;
  private closed = false;
  private readonly applied: SeqWindow;

  private constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly options: RoomOptions,
    lastSeq: number,
    tail: { count: number; bytes: number },
  ) {
    this.applied = new SeqWindow(lastSeq);
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
    for (const doc of [room.doc, room.staging]) {
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, COMMITTED);
        if (stored.updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(stored.updates), COMMITTED);
      }, COMMITTED);
    }
    await options.replicator?.attach(room);
    return room;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Every stored update through this sequence number is in `doc`. */
  get seq(): number {
    return this.applied.contiguous;
  }

  /** The highest sequence number in `doc`; above `seq` when another process's commits are still on their way. */
  get highestSeq(): number {
    return this.applied.highest;
  }

  get isClosed(): boolean {
    return this.closed;
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

  /** Queues an update for the next group commit; throws UpdateRefusedError, changing nothing, if it does not apply. */
  submit(update: Uint8Array): void {
    if (this.closed) throw new Error(`room ${this.name} is closed`);
    const accepted = this.stage(update);
    // Nothing new (e.g. a sync step 2 the room already had): nothing to store or forward.
    if (accepted === null) return;
    this.pending.push(accepted);
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
    this.committing = batch;
    let last: number;
    try {
      last = await this.store.append(this.name, batch);
    } catch (error) {
      this.committing = [];
      // Nothing is applied or forwarded that is not stored: keep the batch and retry.
      this.options.logger.error(
        { err: error, room: this.name, updates: batch.length },
        'store append failed; retrying',
      );
      this.pending = batch.concat(this.pending);
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
      return this.commitPending();
    }
    const first = last - batch.length + 1;
    this.applied.add(first, last);
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    Y.applyUpdate(this.doc, merged, COMMITTED);
    this.committing = [];
    this.broadcast(updateFrame(merged));
    this.options.replicator?.committed(this, first, last, merged);
    this.tailCount += batch.length;
    this.tailBytes += batch.reduce((sum, u) => sum + u.byteLength, 0);
    if (
      this.tailCount >= this.options.compactAfterUpdates ||
      this.tailBytes >= this.options.compactAfterBytes
    ) {
      await this.compact();
    }
  }

  /**
   * Applies updates another process committed as first..last (durable
   * already) and forwards to the peers only what was new to this doc.
   * Duplicates and re-reads are harmless: Yjs ignores what it has.
   */
  applyRemote(first: number, last: number, update: Uint8Array): void {
    if (this.closed || this.applied.covers(first, last)) return;
    const fresh: Uint8Array[] = [];
    const collect = (u: Uint8Array): number => fresh.push(u);
    // Listening only here keeps the local commit path free of a second encode.
    this.doc.on('update', collect);
    try {
      Y.applyUpdate(this.doc, update, REPLICATED);
    } finally {
      this.doc.off('update', collect);
    }
    this.applied.add(first, last);
    // The replica that local updates are tried on must hold everything `doc` does. A local update
    // it held back for want of this one (a client that came from another process) is complete now.
    const held = this.staging.store.pendingStructs !== null || this.staging.store.pendingDs !== null;
    const unblocked: Uint8Array[] = [];
    const collectUnblocked = (u: Uint8Array): number => unblocked.push(u);
    if (held) this.staging.on('update', collectUnblocked);
    try {
      Y.applyUpdate(this.staging, update);
    } catch {
      this.restage();
    } finally {
      this.staging.off('update', collectUnblocked);
    }
    if (fresh.length > 0) this.broadcast(updateFrame(fresh.length === 1 ? fresh[0]! : Y.mergeUpdates(fresh)));
    if (unblocked.length > 0) {
      // Stored and forwarded like any local update, minus the remote part, which is stored already.
      this.pending.push(Y.diffUpdate(Y.mergeUpdates(unblocked), Y.encodeStateVectorFromUpdate(update)));
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flush());
      }
    }
  }

  /**
   * Applies an update to `staging` and returns what it changed there, as
   * Yjs encodes it (null if nothing). If it throws, `staging` is rebuilt and
   * UpdateRefusedError thrown: nothing of the update is kept anywhere.
   */
  private stage(update: Uint8Array): Uint8Array | null {
    const staging = this.staging;
    const changes: Uint8Array[] = [];
    const collect = (u: Uint8Array): number => changes.push(u);
    staging.on('update', collect);
    try {
      Y.applyUpdate(staging, update);
    } catch (error) {
      this.restage();
      throw new UpdateRefusedError(
        `update does not apply: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      staging.off('update', collect);
    }
    if (changes.length === 0) return null;
    return changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
  }

  /** Rebuilds `staging` from `doc` and the updates accepted since (O(document); only after a refusal). */
  private restage(): void {
    try {
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(this.doc));
      for (const update of [...this.committing, ...this.pending]) Y.applyUpdate(replica, update);
      this.staging.destroy();
      this.staging = replica;
    } catch (error) {
      this.options.logger.error({ err: error, room: this.name }, 'rebuilding the staging replica failed');
    }
  }

  private async compact(): Promise<void> {
    // Only through `seq`, read with the snapshot: past it, another process's update may be missing.
    const through = this.applied.contiguous;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.store.compact(this.name, snapshot, through);
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
    this.options.replicator?.detach(this);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.staging.destroy();
    this.doc.destroy();
  }
}
