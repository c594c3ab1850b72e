import * as Y from 'yjs';
import type { Logger } from '../../logger.js';
import type { Store, StoredRoom } from '../../store/store.js';
import { SeqWindow } from './seq-window.js';

const STORE_RETRY_MS = 1000;

export interface CommitQueueOptions {
  name: string;
  store: Store;
  logger: Logger;
  /** Fold the log into a snapshot after this many stored updates (default 500)… */
  compactAfterUpdates: number;
  /** …or after this many bytes of updates (default 8 MiB), whichever comes first. */
  compactAfterBytes: number;
}

/** What the queue needs of its room. */
export interface CommitSink {
  /** A batch is stored as sequence number `seq`: forward it. Must not throw. */
  stored(seq: number, merged: Uint8Array): void;
  /** The whole doc as one snapshot, from now on the room's rebuild recipe (see RoomDoc.fold). */
  fold(): Uint8Array;
}

/** Something computed while the doc held changes not yet stored (a sync step 2, say); released once they are. */
interface HeldReply {
  /** Whom it is for, if anyone: dropped when that one leaves. */
  owner: object | null;
  release: () => void;
  /** Released once `storedCount` reaches this. */
  afterCount: number;
}

/**
 * The way from the room's doc to its store: changes already applied to the
 * doc are queued, committed once per tick as one merged update (group
 * commit), and only then handed back to be forwarded. Whatever was computed
 * from the doc meanwhile waits for that commit (`afterStored`,
 * `whenStored`). A failed append keeps the batch and retries; the log is
 * folded into a snapshot past the compaction thresholds. Also keeps which
 * sequence numbers of the stored log the doc holds (`applied`).
 */
export class CommitQueue {
  /** Applied to the doc, not yet stored. */
  private pending: Uint8Array[] = [];
  /** Changes accepted into `pending` so far, and of those, how many are stored. */
  private acceptedCount = 0;
  private storedCount = 0;
  private heldReplies: HeldReply[] = [];
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private tailCount: number;
  private tailBytes: number;
  /** Which sequence numbers of the stored log the doc holds. */
  readonly applied: SeqWindow;

  constructor(
    private readonly options: CommitQueueOptions,
    stored: Pick<StoredRoom, 'lastSeq' | 'updates' | 'tailBytes'>,
    private readonly sink: CommitSink,
  ) {
    this.applied = new SeqWindow(stored.lastSeq);
    this.tailCount = stored.updates.length;
    this.tailBytes = stored.tailBytes;
  }

  /** Queues a change already in the doc for the next group commit. */
  enqueue(change: Uint8Array): void {
    this.pending.push(change);
    this.acceptedCount++;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /** Resolves once everything queued so far is committed and forwarded. */
  flush(): Promise<void> {
    this.flushScheduled = false;
    this.chain = this.chain
      .then(() => this.commitPending())
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, room: this.options.name }, 'committing updates failed');
      });
    return this.chain;
  }

  /** Resolves once everything the doc holds now is stored. */
  whenStored(): Promise<void> {
    if (this.storedCount === this.acceptedCount) return Promise.resolve();
    return new Promise((resolve) => {
      this.heldReplies.push({ owner: null, release: resolve, afterCount: this.acceptedCount });
    });
  }

  /** Runs `release` now if the doc holds nothing unstored, else once what it holds now is stored. */
  afterStored(owner: object, release: () => void): void {
    if (this.storedCount === this.acceptedCount) release();
    else this.heldReplies.push({ owner, release, afterCount: this.acceptedCount });
  }

  /** Forgets what is held for `owner` (a peer that left). */
  drop(owner: object): void {
    this.heldReplies = this.heldReplies.filter((reply) => reply.owner !== owner);
  }

  /** After the last flush: folds what the log gained since the last compaction. */
  async finish(): Promise<void> {
    if (this.tailCount > 0) await this.chain.then(() => this.compact());
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
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    let last: number;
    try {
      last = await this.options.store.append(this.options.name, [merged]);
    } catch (error) {
      // Nothing is forwarded that is not stored: keep the batch and retry.
      this.options.logger.error(
        { err: error, room: this.options.name, updates: batch.length },
        'store append failed; retrying',
      );
      this.pending = batch.concat(this.pending);
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
      return this.commitPending();
    }
    this.applied.add(last, last);
    this.storedCount += batch.length;
    this.sink.stored(last, merged);
    this.releaseReplies();
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
    // Only through `contiguous`, read with the snapshot: past it, another process's update may be missing.
    const through = this.applied.contiguous;
    const snapshot = this.sink.fold();
    try {
      await this.options.store.compact(this.options.name, snapshot, through);
      this.tailCount = 0;
      this.tailBytes = 0;
    } catch (error) {
      // The log is intact; compaction is retried after the next commit.
      this.options.logger.error({ err: error, room: this.options.name }, 'compaction failed');
    }
  }
}
