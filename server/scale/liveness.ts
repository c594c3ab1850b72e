import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { Bus } from './bus.js';

/** A process not heard from for this many heartbeat intervals is taken for dead. */
const MISSED_BEATS = 3;

/**
 * Which server processes are alive. Every interval each process refreshes
 * its key `<prefix>:node:<id>` (expiring after MISSED_BEATS intervals; the
 * request line reads it) and publishes a heartbeat. A process silent for
 * MISSED_BEATS intervals is dead for the others: `onDead` listeners drop
 * what it announced (the awareness of its peers). A clean stop says `bye`,
 * so nobody has to wait. While this process is itself cut off from Redis it
 * judges nobody: on reconnect everyone gets a fresh grace period.
 */
export class NodeLiveness {
  private readonly lastSeen = new Map<string, number>();
  private readonly deadListeners = new Set<(node: string) => void>();
  private readonly tickListeners = new Set<() => void>();
  private readonly channel: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly bus: Bus,
    private readonly redis: Redis,
    readonly intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.channel = bus.key('nodes');
  }

  nodeKey(node: string): string {
    return this.bus.key('node', node);
  }

  async start(): Promise<void> {
    await this.bus.subscribe(this.channel, (message) => {
      const [kind, node] = message.toString().split('|');
      if (!node || node === this.bus.node) return;
      if (kind === 'bye') this.declareDead(node);
      else this.noteAlive(node);
    });
    this.bus.onReconnect(() => {
      const now = Date.now();
      for (const node of this.lastSeen.keys()) this.lastSeen.set(node, now);
    });
    await this.beat();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Any message from a process proves it alive. */
  noteAlive(node: string): void {
    if (node !== this.bus.node) this.lastSeen.set(node, Date.now());
  }

  onDead(listener: (node: string) => void): void {
    this.deadListeners.add(listener);
  }

  /** Runs every interval (the replicator re-announces heads that failed to go out). */
  onTick(listener: () => void): void {
    this.tickListeners.add(listener);
  }

  private async tick(): Promise<void> {
    await this.beat();
    if (this.bus.connected) {
      const limit = Date.now() - MISSED_BEATS * this.intervalMs;
      for (const [node, seen] of this.lastSeen) if (seen < limit) this.declareDead(node);
    }
    for (const listener of this.tickListeners) listener();
  }

  private async beat(): Promise<void> {
    try {
      await this.redis.set(this.nodeKey(this.bus.node), '1', 'PX', MISSED_BEATS * this.intervalMs);
    } catch {
      // Disconnected: the next beat after the reconnect renews it.
    }
    await this.bus.publish(this.channel, `hb|${this.bus.node}`);
  }

  private declareDead(node: string): void {
    if (!this.lastSeen.delete(node)) return;
    this.logger.info({ node }, 'server process gone');
    for (const listener of this.deadListeners) listener(node);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.bus.publish(this.channel, `bye|${this.bus.node}`);
    await this.redis.del(this.nodeKey(this.bus.node)).catch(() => undefined);
  }
}
