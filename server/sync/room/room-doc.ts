import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { RemoteOrigin } from '../../../shared/origins.js';
import { sameStructs } from './same-structs.js';

/** What the store held when the room loaded. */
const STORED: RemoteOrigin = Object.freeze({ source: 'remote', via: 'store' });

/** What Yjs holds back until the structs it builds on arrive, as it keeps it (V2-encoded). */
interface HeldBack {
  structs: { missing: Map<number, number>; update: Uint8Array } | null;
  deletes: Uint8Array | null;
}
const NOTHING_HELD: HeldBack = Object.freeze({ structs: null, deletes: null });

/** What the store held when the room loaded: the first rebuild recipe. */
export interface StoredState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * A room's Y.Doc and the recipe it can be rebuilt from: `doc` is always
 * `base` plus `since`, applied in order, and every change to it goes
 * through `apply` (or, later, a server transaction), which returns what Yjs
 * encodes of the change. A change that throws part-way leaves no trace: the
 * doc is rebuilt from the recipe without it. This is the one file of the
 * server that touches Yjs internals (`doc.store.pendingStructs`,
 * `pendingDs`); each access says why.
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
  private rebuilds = 0;

  /** `built` runs once the doc first exists, with how long building it took. */
  constructor(
    stored: StoredState,
    private readonly built: (doc: Y.Doc, ms: number) => void,
  ) {
    this.base = stored.snapshot;
    this.since = stored.updates;
  }

  /** The doc, built from the recipe on first use. */
  get doc(): Y.Doc {
    return this.current ?? this.build();
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

  /**
   * Applies an update and returns what it changed, as Yjs encodes it (null
   * if nothing). If the apply throws, `doc` is rebuilt as it was and the
   * error rethrown. If Yjs integrated structs other than those it encodes
   * for the change (a forged update can make it: origins that point at the
   * struct itself, say), `doc` is rebuilt from the encoding, so it stays
   * what its own encoding, the store and every peer reproduce.
   */
  apply(update: Uint8Array, origin: RemoteOrigin): Uint8Array | null {
    const doc = this.doc;
    const store = doc.store;
    // Yjs integrates only the unknown tail of a struct it partly has, mixing the stored struct's
    // neighbours with the sent one's; cut such structs at what the doc has, so it sees only new ones.
    const input = this.overlapsKnownClocks(update) ? Y.diffUpdate(update, Y.encodeStateVector(doc)) : update;
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

  /** Encodes the whole doc as one snapshot, which is from now on the whole recipe (compaction). */
  fold(): Uint8Array {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    // The snapshot holds all of `doc` (what is still queued too), so it is the whole recipe now.
    this.base = snapshot;
    this.since = [];
    return snapshot;
  }

  destroy(): void {
    this.current?.off('update', this.onUpdate);
    this.current?.destroy();
  }

  private build(): Y.Doc {
    const started = performance.now();
    // The stored tail merged first: one integration pass over it.
    const doc = this.fromRecipe(this.since.length > 0 ? [Y.mergeUpdates(this.since)] : []);
    this.current = doc;
    this.built(doc, performance.now() - started);
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

  private readonly onUpdate = (update: Uint8Array): void => {
    this.collecting?.push(update);
  };
}
