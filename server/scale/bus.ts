import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';

export type BusHandler = (message: Buffer) => void;

/**
 * What the scale-out parts need from Redis pub/sub: the replicator, the
 * progress hub and the request line talk to this, so tests can wrap it
 * (drop or delay messages) without touching Redis itself.
 */
export interface Bus {
  /** This process, unique in the cluster; never contains `|` or `:`. */
  readonly node: string;
  /** Redis key or channel name under the cluster's prefix. */
  key(...parts: string[]): string;
  /** Resolves once Redis confirmed the subscription, or at once while disconnected (it is renewed on reconnect). */
  subscribe(channel: string, handler: BusHandler): Promise<void>;
  unsubscribe(channel: string): void;
  /** Resolves true once Redis accepted it; false when it could not be sent (never rejects). */
  publish(channel: string, message: Buffer | string): Promise<boolean>;
  /** Runs after every reconnect of the subscriber, once its channels are subscribed again. */
  onReconnect(listener: () => void): () => void;
  readonly connected: boolean;
}

/** Reconnect quickly: a long pause only delays the catch-up that follows (default backoff goes to 2 s). */
const retryStrategy = (times: number): number => Math.min(times * 100, 1000);

/**
 * Two Redis connections: `cmd` for commands and PUBLISH, `sub` in subscriber
 * mode. Neither queues commands while disconnected — a publish that cannot
 * go out is dropped and the store-backed catch-up covers it — and
 * subscriptions are renewed by this class on every reconnect, before the
 * reconnect listeners run, so a listener's catch-up never misses a message.
 */
export class RedisBus implements Bus {
  readonly node = `${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`;
  readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, BusHandler>();
  private readonly reconnectListeners = new Set<() => void>();
  private wasReady = false;
  private closed = false;

  private constructor(
    url: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    const options: RedisOptions = {
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResubscribe: false,
      retryStrategy,
      commandTimeout: 5000,
      connectionName: `stockroom-${this.node}`,
    };
    this.cmd = new Redis(url, options);
    this.sub = new Redis(url, options);
    for (const [name, conn] of [
      ['cmd', this.cmd],
      ['sub', this.sub],
    ] as const) {
      conn.on('error', (error: Error) => logger.debug({ err: error.message, conn: name }, 'redis error'));
      conn.on('end', () => !this.closed && logger.error({ conn: name }, 'redis connection ended'));
    }
    this.sub.on(
      'close',
      () => !this.closed && logger.warn({ node: this.node }, 'redis subscriber disconnected'),
    );
    this.sub.on('ready', () => void this.resubscribe());
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const handler = this.handlers.get(channel.toString());
      if (!handler) return;
      try {
        handler(message);
      } catch (error) {
        // One bad message must not take the subscriber down with it.
        logger.error({ err: error, channel: channel.toString() }, 'redis message handler failed');
      }
    });
  }

  /** Connects both; rejects if Redis cannot be reached within `timeoutMs`. */
  static async connect(url: string, prefix: string, logger: Logger, timeoutMs = 10_000): Promise<RedisBus> {
    const bus = new RedisBus(url, prefix, logger);
    const timer = setTimeout(() => void bus.close(), timeoutMs);
    try {
      await Promise.all([bus.cmd.connect(), bus.sub.connect()]);
    } catch (error) {
      await bus.close();
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot reach Redis at REDIS_URL: ${why}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    return bus;
  }

  get connected(): boolean {
    return this.sub.status === 'ready' && this.cmd.status === 'ready';
  }

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async subscribe(channel: string, handler: BusHandler): Promise<void> {
    this.handlers.set(channel, handler);
    if (this.sub.status !== 'ready') return;
    await this.sub.subscribe(channel).catch((error: unknown) => {
      this.logger.warn({ err: error, channel }, 'redis subscribe failed; renewed on reconnect');
    });
  }

  unsubscribe(channel: string): void {
    if (!this.handlers.delete(channel)) return;
    if (this.sub.status === 'ready') this.sub.unsubscribe(channel).catch(() => undefined);
  }

  async publish(channel: string, message: Buffer | string): Promise<boolean> {
    try {
      await this.cmd.publish(channel, message);
      return true;
    } catch {
      return false;
    }
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  private async resubscribe(): Promise<void> {
    const channels = [...this.handlers.keys()];
    try {
      if (channels.length > 0) await this.sub.subscribe(...channels);
    } catch (error) {
      this.logger.warn({ err: error }, 'redis resubscribe failed');
      return;
    }
    if (!this.wasReady) {
      this.wasReady = true;
      return;
    }
    this.logger.info({ node: this.node, channels: channels.length }, 'redis subscriber reconnected');
    for (const listener of [...this.reconnectListeners]) listener();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cmd.disconnect();
    this.sub.disconnect();
  }
}
