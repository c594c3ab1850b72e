import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { RedisBus } from './bus.js';
import { NodeLiveness } from './liveness.js';
import { RedisProgressHub } from './progress-hub.js';
import { RedisReplicator } from './replicator.js';
import { RedisRequestLine } from './request-line.js';

export interface ScaleOptions {
  redisUrl: string;
  prefix: string;
  heartbeatMs: number;
  /** The shared store (PostgreSQL): the record every process catches up from. */
  store: Store;
  logger: Logger;
}

/** What server.ts plugs in when REDIS_URL is set; docs/SCALING.md explains the parts. */
export interface Scale {
  readonly node: string;
  readonly replicator: RedisReplicator;
  readonly hub: RedisProgressHub;
  readonly line: RedisRequestLine;
  /** Says goodbye (so others drop this process's presence at once) and disconnects. */
  close(): Promise<void>;
}

/** Connects to Redis and starts every cross-process part; all subscriptions are live when it resolves. */
export async function startScale(options: ScaleOptions): Promise<Scale> {
  const { logger } = options;
  const bus = await RedisBus.connect(options.redisUrl, options.prefix, logger);
  try {
    const liveness = new NodeLiveness(bus, bus.cmd, options.heartbeatMs, logger);
    await liveness.start();
    const replicator = new RedisReplicator(bus, options.store, liveness, logger);
    const hub = await RedisProgressHub.start(bus, logger);
    const line = await RedisRequestLine.start(bus, bus.cmd, liveness, logger);
    // A request whose final message went out is no orphan when its process dies afterwards.
    hub.onEnd((requestId) => line.ended(requestId));
    logger.info({ node: bus.node, prefix: options.prefix }, 'sharing rooms through Redis');
    return {
      node: bus.node,
      replicator,
      hub,
      line,
      async close() {
        await liveness.close();
        await bus.close();
      },
    };
  } catch (error) {
    await bus.close();
    throw error;
  }
}
