import type { Redis } from 'ioredis';
import type { RequestLine } from '../requests/orchestrator.js';
import type { Logger } from '../logger.js';
import type { Bus } from './bus.js';
import type { NodeLiveness } from './liveness.js';
import { HOLDER, JOIN, LEAVE, TURN } from './request-line-scripts.js';

/**
 * Heartbeats between a process being taken for dead and its unfinished
 * requests being ended for it. A process whose event loop only stalled
 * (a long GC, a loaded machine) is taken for dead after MISSED_BEATS; this
 * gives it that much longer to beat again and finish its requests itself.
 */
const ORPHAN_GRACE_BEATS = 5;

/** A request id is remembered this long at most when its process dies without leaving the line. */
const REQUEST_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * One line per room in Redis (a list of `<node>|<requestId>`), shared by
 * every process: a request joins it when it arrives, runs when it is first,
 * and leaves when it ends, so a room's requests run one at a time in arrival
 * order across the cluster. Each request runs on the process that received
 * it — nothing is handed over, so nothing can run twice — and a first entry
 * whose process stopped heartbeating is dropped. `<prefix>:line` carries
 * joins, leaves (which wake the room's waiters; they also re-check every
 * heartbeat in case a message was lost) and cancels for another process.
 */
export class RedisRequestLine implements RequestLine {
  private readonly channel: string;
  private readonly waiters = new Map<string, Set<() => void>>();
  /** Leaves that Redis did not take yet: retried every tick, or the room would wait forever. */
  private readonly unsentLeaves = new Map<string, string>();
  /** Requests in some line, as announced, until they end: request id → room and process. */
  private readonly active = new Map<string, { room: string; node: string }>();
  /** Requests of a process taken for dead: is it really gone (its key expired) with them unfinished? */
  private readonly orphans = new Map<string, { room: string; claimAfter: number }>();
  private cancelHandler: (room: string, requestId: string) => void = () => undefined;
  private orphanHandler: (room: string, requestId: string) => void = () => undefined;

  private constructor(
    private readonly bus: Bus,
    private readonly redis: Redis,
    private readonly liveness: NodeLiveness,
    private readonly logger: Logger,
  ) {
    this.channel = bus.key('line');
  }

  static async start(
    bus: Bus,
    redis: Redis,
    liveness: NodeLiveness,
    logger: Logger,
  ): Promise<RedisRequestLine> {
    const line = new RedisRequestLine(bus, redis, liveness, logger);
    await bus.subscribe(line.channel, (message) => line.receive(message.toString()));
    liveness.onTick(() => line.tick());
    liveness.onDead((node) => {
      const claimAfter = Date.now() + ORPHAN_GRACE_BEATS * liveness.intervalMs;
      for (const [id, entry] of line.active) {
        if (entry.node !== node) continue;
        line.active.delete(id);
        line.orphans.set(id, { room: entry.room, claimAfter });
      }
    });
    bus.onReconnect(() => line.tick());
    return line;
  }

  onOrphan(handler: (room: string, requestId: string) => void): void {
    this.orphanHandler = handler;
  }

  /**
   * A request ended (its final progress message went out, from whichever
   * process): when its process dies now, it is no orphan.
   */
  ended(requestId: string): void {
    this.active.delete(requestId);
    this.orphans.delete(requestId);
  }

  /**
   * For each request of a dead process, ORPHAN_GRACE_BEATS after it was
   * taken for dead: HOLDER answers -1 to one caller in the cluster (this
   * one, or a process following the request), and that one ends it. While
   * the holder's key exists (it beats again, or its key has not expired
   * yet) it is asked again next heartbeat; 0 means it left the line.
   */
  private async claimOrphans(): Promise<void> {
    const now = Date.now();
    for (const [requestId, { room, claimAfter }] of [...this.orphans]) {
      if (now < claimAfter) continue;
      let state: number;
      try {
        const keys = [this.bus.key('req', requestId)];
        state = (await this.redis.eval(HOLDER, 1, ...keys, this.bus.key('node', ''))) as number;
      } catch (error) {
        this.logger.debug({ err: error, room }, 'request line unavailable; asking again next heartbeat');
        continue;
      }
      if (state === 1 || !this.orphans.has(requestId)) continue;
      this.orphans.delete(requestId);
      if (state === -1) this.orphanHandler(room, requestId);
    }
  }

  /** Where a cancel for one of this process's requests, sent to another process, ends up. */
  onCancel(handler: (room: string, requestId: string) => void): void {
    this.cancelHandler = handler;
  }

  async join(room: string, requestId: string): Promise<number | null> {
    const keys = [this.lineKey(room), this.bus.key('req', requestId)];
    const args = [this.entry(requestId), REQUEST_KEY_TTL_MS, this.bus.key('node', ''), this.channel, room];
    const ahead = (await this.redis.eval(JOIN, 2, ...keys, ...args)) as number;
    return ahead < 0 ? null : ahead;
  }

  async turn(room: string, requestId: string, signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      let state = 0;
      try {
        const args = [this.entry(requestId), this.bus.key('node', '')];
        state = (await this.redis.eval(TURN, 1, this.lineKey(room), ...args)) as number;
      } catch (error) {
        this.logger.debug({ err: error, room }, 'request line unavailable; waiting');
      }
      if (state === 1) return;
      // Not in the line: it was lost (a Redis restart) or dropped while this process seemed dead.
      if (state === -1 && (await this.join(room, requestId).catch(() => null)) !== null) continue;
      await this.nextWake(room, signal);
    }
  }

  async follow(room: string, requestId: string, signal: AbortSignal): Promise<'left' | 'dead'> {
    for (;;) {
      signal.throwIfAborted();
      try {
        const keys = [this.bus.key('req', requestId)];
        const state = (await this.redis.eval(HOLDER, 1, ...keys, this.bus.key('node', ''))) as number;
        if (state === 0) return 'left';
        if (state === -1) return 'dead';
      } catch (error) {
        this.logger.debug({ err: error, room }, 'request line unavailable; waiting');
      }
      // The holder's leave wakes the room; a death shows within MISSED_BEATS heartbeats (its key expires).
      await this.nextWake(room, signal);
    }
  }

  async leave(room: string, requestId: string): Promise<void> {
    const entry = this.entry(requestId);
    this.unsentLeaves.set(entry, room);
    await this.sendLeave(entry, room);
  }

  cancelElsewhere(room: string, requestId: string): boolean {
    const known = this.active.get(requestId);
    if (!known || known.room !== room || known.node === this.bus.node) return false;
    void this.bus.publish(this.channel, `c|${room}|${known.node}|${requestId}`);
    return true;
  }

  private receive(text: string): void {
    // kind|room|node|requestId — rooms and nodes never contain '|', request ids may.
    const [kind, room, node] = text.split('|', 3);
    if (!kind || !room || !node) return;
    const requestId = text.slice(kind.length + room.length + node.length + 3);
    if (kind === 'j') this.active.set(requestId, { room, node });
    else if (kind === 'l') {
      if (this.active.get(requestId)?.node === node) this.active.delete(requestId);
      for (const wake of [...(this.waiters.get(room) ?? [])]) wake();
    } else if (kind === 'c' && node === this.bus.node) this.cancelHandler(room, requestId);
  }

  private async sendLeave(entry: string, room: string): Promise<void> {
    const requestId = entry.slice(entry.indexOf('|') + 1);
    try {
      await this.redis.eval(
        LEAVE,
        2,
        this.lineKey(room),
        this.bus.key('req', requestId),
        entry,
        this.channel,
        room,
      );
      this.unsentLeaves.delete(entry);
    } catch (error) {
      this.logger.warn({ err: error, room }, 'could not leave the request line; retrying');
    }
  }

  private tick(): void {
    for (const [entry, room] of this.unsentLeaves) void this.sendLeave(entry, room);
    if (this.orphans.size > 0) void this.claimOrphans();
    for (const set of this.waiters.values()) for (const wake of [...set]) wake();
  }

  /** Resolves on a wake-up for the room, after a heartbeat interval, or when aborted. */
  private nextWake(room: string, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      let set = this.waiters.get(room);
      if (!set) this.waiters.set(room, (set = new Set()));
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(room) === set) this.waiters.delete(room);
        resolve();
      };
      const timer = setTimeout(done, this.liveness.intervalMs);
      signal.addEventListener('abort', done);
      set.add(done);
    });
  }

  private lineKey(room: string): string {
    return this.bus.key('line', room);
  }

  private entry(requestId: string): string {
    return `${this.bus.node}|${requestId}`;
  }
}
