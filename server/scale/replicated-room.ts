import * as Y from 'yjs';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { ReplicaRoom } from '../sync/room/room-options.js';
import type { Bus } from './bus.js';
import { encodeRoomMessage } from './room-messages.js';

/** How long a gap may stay open before the store is asked: reordering between publishers heals faster. */
const GAP_GRACE_MS = 100;
const MAX_RETRY_MS = 5000;

/**
 * The update side of one room across processes. Local commits go out on
 * the room's channel with their sequence numbers; updates from others are
 * applied as they come (Yjs does not need order). Whenever this process
 * knows of a sequence number it has not applied everything up to — a
 * message that did not arrive, an announced head, a reconnect — it reads
 * the missing part from the store, which holds every committed update.
 */
export class ReplicatedRoom {
  /** The highest sequence number anyone announced for the room. */
  private known = 0;
  /** The highest of our own commits, and the highest the others were told of. */
  private ownLast = 0;
  private announced = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  /** The last read failed: retry even when no gap is known (a reconnect's catch-up, say). */
  private failed = false;
  private retryMs = GAP_GRACE_MS;

  constructor(
    readonly room: ReplicaRoom,
    private readonly bus: Bus,
    private readonly store: Store,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  committed(first: number, last: number, update: Uint8Array): void {
    this.ownLast = Math.max(this.ownLast, last);
    const message = encodeRoomMessage({ kind: 'update', node: this.bus.node, first, last, update });
    void this.bus.publish(this.channel, message).then((sent) => {
      if (sent) this.announced = Math.max(this.announced, last);
    });
    this.checkGap();
  }

  received(first: number, last: number, update: Uint8Array): void {
    this.known = Math.max(this.known, last);
    this.room.applyRemote(first, last, update);
    this.checkGap();
  }

  heard(seq: number): void {
    this.known = Math.max(this.known, seq);
    this.checkGap();
  }

  /** Re-announces our last commit if its message may not have gone out (heartbeat tick, reconnect). */
  announceHead(force = false): void {
    if (this.ownLast === 0 || (!force && this.ownLast <= this.announced)) return;
    const seq = this.ownLast;
    const message = encodeRoomMessage({ kind: 'head', node: this.bus.node, seq });
    void this.bus.publish(this.channel, message).then((sent) => {
      if (sent) this.announced = Math.max(this.announced, seq);
    });
  }

  /** Reads everything after `room.seq` from the store and applies it. Never rejects. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.readMissing().finally(() => {
      this.running = null;
      this.checkGap();
    });
    return this.running;
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private get behind(): boolean {
    return !this.room.isClosed && (this.failed || this.room.seq < Math.max(this.known, this.room.highestSeq));
  }

  private checkGap(): void {
    if (!this.behind || this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.behind) void this.catchUp();
    }, this.retryMs);
    this.timer.unref();
  }

  private async readMissing(): Promise<void> {
    try {
      do {
        this.again = false;
        const from = this.room.seq;
        const stored = await this.store.loadSince(this.room.name, from);
        if (this.room.isClosed) return;
        this.known = Math.max(this.known, stored.lastSeq);
        const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
        if (stored.lastSeq > from && parts.length > 0) {
          this.room.applyRemote(
            from + 1,
            stored.lastSeq,
            parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts),
          );
        }
      } while (this.again);
      this.failed = false;
      this.retryMs = GAP_GRACE_MS;
    } catch (error) {
      // The store is unreachable: try again later, backing off.
      this.failed = true;
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      this.logger.warn({ err: error, room: this.room.name }, 'catching up from the store failed');
    }
  }
}
