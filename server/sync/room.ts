import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RemoteOrigin } from '../../shared/origins.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import {
  awarenessFrame,
  syncStep1Frame,
  syncStep2Frame,
  syncStep2FrameOf,
  updateFrame,
  type ClientFrame,
} from './frames.js';
import { sameStructs } from './same-structs.js';
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

/** What the store held when the room loaded. */
const STORED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'store' });
/** A peer's update. */
const PEER: RemoteOrigin = Object.freeze({ source: 'remote', via: 'peer' });
/** Bytes another process committed. */
const REPLICATED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'redis' });
const STORE_RETRY_MS = 1000;
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

/** What Yjs holds back until the structs it builds on arrive, as it keeps it (V2-encoded). */
interface HeldBack {
  structs: { missing: Map<number, number>; update: Uint8Array } | null;
  deletes: Uint8Array | null;
}
const NOTHING_HELD: HeldBack = Object.freeze({ structs: null, deletes: null });

/** Something computed while `doc` held updates not yet stored (a sync step 2, say); released once they are. */
interface HeldReply {
  /** The peer it is for, if any: dropped when that peer leaves. */
  peer: RoomPeer | null;
  release: () => void;
  /** Released once `storedCount` reaches this. */
  afterCount: number;
}

/**
 * One room: the authoritative Y.Doc, awareness, and the peers in it.
 *
 * An update is applied to `doc` once, as it arrives, and what Yjs encodes
 * of the change — never a peer's raw bytes — is queued. The queue is
 * committed to the store once per tick (group commit, one merged update)
 * and only then forwarded, so no peer is sent anything a crash could lose:
 * a sync step 2 computed while the doc holds uncommitted updates waits for
 * them. An update that throws part-way through Yjs' apply would leave the
 * doc half-changed; the doc is then rebuilt from `base` + `since` (kept for
 * exactly that) and the update refused.
 */
export class Room {
  /** Null until built from `base` (see `load`). */
  private current: Y.Doc | null = null;
  /** Presence only; its own doc, so rebuilding `doc` leaves it alone. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly peers = new Map<RoomPeer, Set<number>>();
  /** Applied to `doc`, not yet stored. */
  private pending: Uint8Array[] = [];
  /** Applied to `doc`, being stored. */
  private committing: Uint8Array[] = [];
  /** Updates accepted into `pending` so far, and of those, how many are stored. */
  private acceptedCount = 0;
  private storedCount = 0;
  private heldReplies: HeldReply[] = [];
  /** The rebuild recipe: `doc` is `base` plus `since`, applied in order. */
  private base: Uint8Array | null;
  private since: Uint8Array[];
  /**
   * Updates (or parts) Yjs is holding back for want of structs they build
   * on; kept out of `doc` between applies (see `apply`).
   */
  private held: HeldBack = NOTHING_HELD;
  /** Set while an apply collects what Yjs encodes of its change. */
  private collecting: Uint8Array[] | null = null;
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private tailCount: number;
  private tailBytes: number;
  private closed = false;
  private readonly applied: SeqWindow;
  private rebuilds = 0;
  private readonly awarenessChanged = new Set<number>();
  private awarenessScheduled = false;

  private constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly options: RoomOptions,
    stored: { snapshot: Uint8Array | null; updates: Uint8Array[]; lastSeq: number; tailBytes: number },
  ) {
    this.base = stored.snapshot;
    this.since = stored.updates;
    this.applied = new SeqWindow(stored.lastSeq);
    this.tailCount = stored.updates.length;
    this.tailBytes = stored.tailBytes;
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
        if (!room.closed) room.ensureDoc();
      }, DOC_BUILD_DELAY_MS).unref();
    } else {
      room.ensureDoc();
    }
    await options.replicator?.attach(room);
    return room;
  }

  /** The room's document: everything stored, plus what is on its way to the store. */
  get doc(): Y.Doc {
    return this.ensureDoc();
  }

  /** Whether the doc is built yet (see `load`). */
  get hasDoc(): boolean {
    return this.current !== null;
  }

  private ensureDoc(): Y.Doc {
    if (this.current) return this.current;
    const started = performance.now();
    const doc = new Y.Doc();
    doc.transact(() => {
      if (this.base) Y.applyUpdate(doc, this.base, STORED);
      if (this.since.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(this.since), STORED);
    }, STORED);
    // Listening only after the load: Yjs encodes a transaction's change only when someone listens.
    doc.on('update', this.onDocUpdate);
    this.current = doc;
    this.options.logger.debug(
      { room: this.name, ms: Math.round(performance.now() - started) },
      'room document built',
    );
    // Peers that joined before have not had the room's state vector yet: now they can send what it lacks.
    if (this.peers.size > 0) this.broadcast(syncStep1Frame(doc));
    return doc;
  }

  /** How often `doc` was rebuilt because Yjs integrated other structs than it encoded. */
  get rebuildCount(): number {
    return this.rebuilds;
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
    // Before the doc is built its state vector is not known; it goes out once it is (`ensureDoc`).
    if (this.current) peer.send(syncStep1Frame(this.current));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(awarenessFrame(this.awareness, states));
  }

  /** Removes the peer and, for everyone else, the presence it announced. */
  leave(peer: RoomPeer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    this.heldReplies = this.heldReplies.filter((reply) => reply.peer !== peer);
    if (clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], 'leave');
  }

  /** Handles one decoded frame of a peer. Throws only on bytes that fail to apply; the caller closes that peer. */
  receive(peer: RoomPeer, frame: ClientFrame): void {
    switch (frame.kind) {
      case 'sync-step-1':
        if (!this.current && isEmptyStateVector(frame.stateVector)) {
          // A client that has nothing gets the stored bytes as they are.
          peer.send(syncStep2FrameOf(this.base ?? Y.encodeStateAsUpdate(new Y.Doc())));
        } else {
          this.reply(peer, syncStep2Frame(this.doc, frame.stateVector));
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
      change = this.apply(update, PEER);
    } catch (error) {
      throw new UpdateRefusedError(
        `update does not apply: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // Nothing new (e.g. a sync step 2 the room already had): nothing to store or forward.
    if (change !== null) this.enqueue(change);
  }

  /** Resolves once everything queued so far is committed and forwarded. */
  flush(): Promise<void> {
    this.flushScheduled = false;
    this.chain = this.chain
      .then(() => this.commitPending())
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, room: this.name }, 'committing updates failed');
      });
    return this.chain;
  }

  /**
   * Applies updates another process committed as first..last (durable
   * already) and forwards to the peers only what was new to this doc.
   * Duplicates and re-reads are harmless: Yjs ignores what it has.
   */
  applyRemote(first: number, last: number, update: Uint8Array): void {
    if (this.closed || this.applied.covers(first, last)) return;
    // A local update Yjs held back for want of this one (its client came from another process)
    // is complete now, and comes out in the same change.
    const held = this.holdsIncomplete();
    let change: Uint8Array | null;
    try {
      change = this.apply(update, REPLICATED);
    } catch (error) {
      // Another process stored what its own doc encoded, so this should not happen; the doc is rebuilt without it.
      this.options.logger.error(
        { err: error, room: this.name, first, last },
        'a replicated update does not apply',
      );
      return;
    }
    this.applied.add(first, last);
    if (change === null) return;
    // Stored again then (the remote part is stored already; Yjs ignores the repeat), so nothing unstored is forwarded.
    if (held) this.enqueue(change);
    else this.broadcast(updateFrame(change));
  }

  /**
   * Applies an update to `doc` and returns what it changed, as Yjs encodes
   * it (null if nothing). If the apply throws, `doc` is rebuilt as it was
   * and the error rethrown. If Yjs integrated structs other than those it
   * encodes for the change (a forged update can make it: origins that point
   * at the struct itself, say), `doc` is rebuilt from the encoding, so it
   * stays what its own encoding, the store and every peer reproduce.
   */
  private apply(update: Uint8Array, origin: RemoteOrigin): Uint8Array | null {
    const doc = this.doc;
    const store = doc.store;
    // Yjs integrates only the unknown tail of a struct it partly has, mixing the stored struct's
    // neighbours with the sent one's; cut such structs at what the doc has, so it sees only new ones.
    const input = this.overlapsKnownClocks(update) ? Y.diffUpdate(update, Y.encodeStateVector(doc)) : update;
    // What Yjs held back goes in for the apply, so it retries it if what it waited for has come.
    store.pendingStructs = this.held.structs;
    store.pendingDs = this.held.deletes;
    this.held = NOTHING_HELD;
    const changes: Uint8Array[] = [];
    this.collecting = changes;
    try {
      Y.applyUpdate(doc, input, origin);
    } catch (error) {
      this.collecting = null;
      // What was held back is dropped: it may be what threw.
      this.rebuild();
      throw error;
    }
    this.collecting = null;
    // …and comes out again after it: the doc's encoding (sync replies, snapshots) must not carry it.
    this.held = { structs: store.pendingStructs, deletes: store.pendingDs };
    store.pendingStructs = null;
    store.pendingDs = null;
    if (changes.length === 0) return null;
    const change = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
    this.since.push(change);
    if (!sameStructs(input, change)) {
      this.rebuilds++;
      this.rebuild();
    }
    return change;
  }

  /**
   * Whether the update re-sends a clock the doc has. Honest updates almost
   * never do, and the common one-client update is checked from its header
   * alone; anything else is read whole.
   */
  private overlapsKnownClocks(update: Uint8Array): boolean {
    const store = this.doc.store;
    const decoder = decoding.createDecoder(update);
    const clients = decoding.readVarUint(decoder);
    if (clients === 0) return false;
    if (clients === 1) {
      if (decoding.readVarUint(decoder) === 0) return false;
      const client = decoding.readVarUint(decoder);
      return decoding.readVarUint(decoder) < Y.getState(store, client);
    }
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      if (clock < Y.getState(store, client)) return true;
    }
    return false;
  }

  private holdsIncomplete(): boolean {
    return this.held.structs !== null || this.held.deletes !== null;
  }

  /** Replaces `doc` by a fresh one from the recipe (O(document); rare, see `apply`). */
  private rebuild(): void {
    const broken = this.doc;
    const doc = new Y.Doc();
    doc.transact(() => {
      if (this.base) Y.applyUpdate(doc, this.base, STORED);
      for (const update of this.since) Y.applyUpdate(doc, update, STORED);
    }, STORED);
    broken.off('update', this.onDocUpdate);
    broken.destroy();
    doc.on('update', this.onDocUpdate);
    this.current = doc;
  }

  private enqueue(change: Uint8Array): void {
    this.pending.push(change);
    this.acceptedCount++;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /**
   * Resolves once everything `doc` holds now is stored: whatever was read
   * from `doc` before calling may then be shown to anyone (CONTRACT: no
   * client receives an update a crash could lose).
   */
  whenStored(): Promise<void> {
    if (this.storedCount === this.acceptedCount) return Promise.resolve();
    return new Promise((resolve) => {
      this.heldReplies.push({ peer: null, release: resolve, afterCount: this.acceptedCount });
    });
  }

  /** Sends a sync step 2 now, or — if it shows updates not stored yet — once they are. */
  private reply(peer: RoomPeer, frame: Uint8Array): void {
    if (this.storedCount === this.acceptedCount) peer.send(frame);
    else this.heldReplies.push({ peer, release: () => peer.send(frame), afterCount: this.acceptedCount });
  }

  private releaseReplies(): void {
    if (this.heldReplies.length === 0) return;
    const due = this.heldReplies.filter((reply) => reply.afterCount <= this.storedCount);
    if (due.length === 0) return;
    this.heldReplies = this.heldReplies.filter((reply) => reply.afterCount > this.storedCount);
    for (const { release } of due) release();
  }

  private async commitPending(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.committing = batch;
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    let last: number;
    try {
      last = await this.store.append(this.name, [merged]);
    } catch (error) {
      this.committing = [];
      // Nothing is forwarded that is not stored: keep the batch and retry.
      this.options.logger.error(
        { err: error, room: this.name, updates: batch.length },
        'store append failed; retrying',
      );
      this.pending = batch.concat(this.pending);
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
      return this.commitPending();
    }
    this.applied.add(last, last);
    this.committing = [];
    this.storedCount += batch.length;
    this.broadcast(updateFrame(merged));
    this.releaseReplies();
    this.options.replicator?.committed(this, last, last, merged);
    this.tailCount += 1;
    this.tailBytes += merged.byteLength;
    if (
      this.tailCount >= this.options.compactAfterUpdates ||
      this.tailBytes >= this.options.compactAfterBytes
    ) {
      await this.compact();
    }
  }

  private async compact(): Promise<void> {
    // Only through `seq`, read with the snapshot: past it, another process's update may be missing.
    const through = this.applied.contiguous;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    // The snapshot holds all of `doc` (what is still queued too), so it is the whole recipe now.
    this.base = snapshot;
    this.since = [];
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

  private readonly onDocUpdate = (update: Uint8Array): void => {
    this.collecting?.push(update);
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.peers.get(origin as RoomPeer);
    if (owned) {
      for (const id of change.added) owned.add(id);
      for (const id of change.removed) owned.delete(id);
    }
    if (this.peers.size === 0) return;
    for (const id of change.added) this.awarenessChanged.add(id);
    for (const id of change.updated) this.awarenessChanged.add(id);
    if (change.removed.length > 0) {
      // At once, and instead of anything queued for them: a relay may drop their clocks right after.
      for (const id of change.removed) this.awarenessChanged.delete(id);
      this.broadcast(awarenessFrame(this.awareness, change.removed));
    }
    if (this.awarenessChanged.size > 0 && !this.awarenessScheduled) {
      this.awarenessScheduled = true;
      setImmediate(this.sendAwareness);
    }
  };

  /**
   * One awareness frame per tick for everything that changed in it: with N
   * peers renewing their presence, forwarding each as it came would be N²
   * frames, and each one encoded on the path of document updates.
   */
  private readonly sendAwareness = (): void => {
    this.awarenessScheduled = false;
    const changed = [...this.awarenessChanged].filter((id) => this.awareness.meta.has(id));
    this.awarenessChanged.clear();
    if (changed.length > 0 && this.peers.size > 0 && !this.closed) {
      this.broadcast(awarenessFrame(this.awareness, changed));
    }
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
    this.awareness.doc.destroy();
    this.current?.off('update', this.onDocUpdate);
    this.current?.destroy();
  }
}
