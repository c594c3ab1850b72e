import * as Y from 'yjs';
import type { RemoteOrigin, ServerOrigin } from '../../../shared/origins.js';
import type { StoredRoom } from '../../store/store.js';
import { isEmptyUpdate } from '../frames.js';
import { overlapsKnownClocks } from './known-clocks.js';
import { sameStructs } from './same-structs.js';

/** What the store held when the room loaded. */
const STORED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'store' });

/** What Yjs holds back until the structs it builds on arrive, as it keeps it (V2-encoded). */
interface HeldBack {
  structs: { missing: Map<number, number>; update: Uint8Array } | null;
  deletes: Uint8Array | null;
}
const NOTHING_HELD: HeldBack = Object.freeze({ structs: null, deletes: null });

/** A peer's update. */
const PEER: RemoteOrigin = Object.freeze({ source: 'remote', via: 'peer' });
/** Bytes another process committed. */
const REPLICATED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'redis' });

/** An update that does not apply (Yjs checks an update's bytes, not its references); nothing of it was kept. */
class UpdateRefusedError extends Error {
  override name = 'UpdateRefusedError';
}

/**
 * A room's Y.Doc and the recipe it can be rebuilt from: `doc` is always
 * `base` plus `since`, applied in order, and every change to it goes
 * through `apply` (a peer's or another process's update) or `transact` (a
 * server-side write), which return what Yjs encodes of the change. A change
 * that throws part-way leaves no trace: the doc is rebuilt from the recipe
 * without it. This is the one file of the server that touches Yjs internals
 * (`doc.store` and its `pendingStructs`, `pendingDs`); each access says why.
 */
export class RoomDoc {
  /** Null until built from the recipe (a room stored as one snapshot is served from `base` at first). */
  private current: Y.Doc | null = null;
  private base: Uint8Array | null;
  private since: Uint8Array[];
  /**
   * Updates (or parts) Yjs is holding back for want of structs they build
   * on; kept out of `doc` between applies (see `apply`).
   */
  private held: HeldBack = NOTHING_HELD;
  /** Set while a change is applied: collects what Yjs encodes of it. */
  private collecting: Uint8Array[] | null = null;
  /** Set while `transact` runs its function: a nested `transact` joins it. */
  private transacting = false;
  private rebuilds = 0;
  private buildTimer: NodeJS.Timeout | undefined;

  constructor(
    stored: Pick<StoredRoom, 'snapshot' | 'updates'>,
    private readonly hooks: {
      /** The doc first exists; building it took `ms`. */
      built(doc: Y.Doc, ms: number): void;
      /** Someone wrote to the doc directly, past `apply` and `transact`; the change is in the recipe already. */
      stray(change: Uint8Array): void;
    },
  ) {
    this.base = stored.snapshot;
    this.since = stored.updates;
  }

  /** The doc, built from the recipe on first use. */
  get doc(): Y.Doc {
    return this.current ?? this.build();
  }

  /** Builds the doc after `ms`, unless something needed it before (or the room closed: `destroy`). */
  buildAfter(ms: number): void {
    this.buildTimer = setTimeout(() => void this.doc, ms);
    this.buildTimer.unref();
  }

  get isBuilt(): boolean {
    return this.current !== null;
  }

  /** The stored snapshot the recipe starts from (null for a room that never compacted). */
  get snapshot(): Uint8Array | null {
    return this.base;
  }

  /** How often `doc` was rebuilt because Yjs integrated other structs than it encoded. */
  get rebuildCount(): number {
    return this.rebuilds;
  }

  /** Whether Yjs holds back part of an update, waiting for structs it builds on. */
  get holdsIncomplete(): boolean {
    return this.held.structs !== null || this.held.deletes !== null;
  }

  /** A peer's update: what it changed (see `apply`); throws UpdateRefusedError, changing nothing, if it does not apply. */
  applyFromPeer(update: Uint8Array): Uint8Array | null {
    // A client's answer to the room's state vector when it has nothing to add: no need for the doc.
    if (isEmptyUpdate(update)) return null;
    try {
      return this.apply(update, PEER);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UpdateRefusedError(`update does not apply: ${reason}`);
    }
  }

  /** Updates another process committed: what they changed (see `apply`). */
  applyReplicated(update: Uint8Array): Uint8Array | null {
    return this.apply(update, REPLICATED);
  }

  /**
   * Applies an update and returns what it changed, as Yjs encodes it (null
   * if nothing). If the apply throws, `doc` is rebuilt as it was and the
   * error rethrown. If Yjs integrated structs other than those it encodes
   * for the change (a forged update can make it: origins that point at the
   * struct itself, say), `doc` is rebuilt from the encoding, so it stays
   * what its own encoding, the store and every peer reproduce.
   */
  private apply(update: Uint8Array, origin: RemoteOrigin): Uint8Array | null {
    const doc = this.doc;
    const store = doc.store;
    // Yjs integrates only the unknown tail of a struct it partly has, mixing the stored struct's
    // neighbours with the sent one's; cut such structs at what the doc has, so it sees only new ones.
    const input = overlapsKnownClocks(update, this.clockOf)
      ? Y.diffUpdate(update, Y.encodeStateVector(doc))
      : update;
    // Yjs internals: what it held back goes in for the apply, so it retries it if what it waited for has come.
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
    // Yjs internals: …and comes out again after it: the doc's encoding (sync replies, snapshots) must not carry it.
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
   * Runs `fn` on the live doc in one transaction tagged `origin`, and
   * returns its result with what Yjs encoded of the change (null if
   * nothing). If `fn` throws, whatever it wrote is undone by rebuilding the
   * doc from the recipe (Yjs commits a transaction whose function threw)
   * and the error is rethrown. A `transact` inside `fn` joins the outer
   * transaction, as `doc.transact` does; one inside a peer's apply (from an
   * observer) is refused, since its change would be mistaken for the peer's.
   */
  transact<T>(fn: (doc: Y.Doc) => T, origin: ServerOrigin): { result: T; change: Uint8Array | null } {
    const doc = this.doc;
    if (this.transacting) return { result: fn(doc), change: null };
    if (this.collecting !== null) throw new Error('a server write cannot run inside an update being applied');
    const changes: Uint8Array[] = [];
    this.collecting = changes;
    this.transacting = true;
    let result: T;
    try {
      result = doc.transact(() => fn(doc), origin);
    } catch (error) {
      this.collecting = null;
      this.transacting = false;
      // Not in the recipe yet, so not in the rebuilt doc. What Yjs holds back is kept out of the doc anyway.
      if (changes.length > 0) this.rebuild();
      throw error;
    }
    this.collecting = null;
    this.transacting = false;
    if (changes.length === 0) return { result, change: null };
    // No structs-check here (see `apply`): the doc wrote these structs itself, so it holds what it encoded.
    const change = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
    this.since.push(change);
    return { result, change };
  }

  /** Encodes the whole doc as one snapshot, which is from now on the whole recipe (compaction). */
  fold(): Uint8Array {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    // The snapshot holds all of `doc` (what is still queued too), so it is the whole recipe now.
    this.base = snapshot;
    this.since = [];
    return snapshot;
  }

  destroy(): void {
    clearTimeout(this.buildTimer);
    this.current?.off('update', this.onUpdate);
    this.current?.destroy();
  }

  private build(): Y.Doc {
    const started = performance.now();
    // The stored tail merged first: one integration pass over it.
    const doc = this.fromRecipe(this.since.length > 0 ? [Y.mergeUpdates(this.since)] : []);
    this.current = doc;
    this.hooks.built(doc, performance.now() - started);
    return doc;
  }

  /** Replaces `doc` by a fresh one from the recipe (O(document); rare, see `apply`). */
  private rebuild(): void {
    const broken = this.doc;
    // Each change as Yjs encoded it, in order.
    const doc = this.fromRecipe(this.since);
    broken.off('update', this.onUpdate);
    broken.destroy();
    this.current = doc;
  }

  private fromRecipe(since: readonly Uint8Array[]): Y.Doc {
    const doc = new Y.Doc();
    doc.transact(() => {
      if (this.base) Y.applyUpdate(doc, this.base, STORED);
      for (const update of since) Y.applyUpdate(doc, update, STORED);
    }, STORED);
    // Listening only after the load: Yjs encodes a transaction's change only when someone listens.
    doc.on('update', this.onUpdate);
    return doc;
  }

  /** Yjs internals: the next clock the doc expects of a client, read from its struct store. */
  private readonly clockOf = (client: number): number => Y.getState(this.doc.store, client);

  private readonly onUpdate = (update: Uint8Array): void => {
    if (this.collecting) {
      this.collecting.push(update);
      return;
    }
    // A write past `transact` (a bug): kept in the recipe, and the room still stores it before anyone sees it.
    this.since.push(update);
    this.hooks.stray(update);
  };
}
