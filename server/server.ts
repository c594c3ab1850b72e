import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Config } from './config.js';
import { HANDLERS } from './agents/handlers.js';
import { createIntentParser } from './agents/intents/create-parser.js';
import { Orchestrator } from './requests/orchestrator.js';
import { createMockData } from './data/mock-data.js';
import { createApp } from './http/app.js';
import { mountRequestsRoute } from './http/requests-route.js';
import { attachWebSockets } from './http/websockets.js';
import type { Logger } from './logger.js';
import type { AgentMemory } from './agents/memory/memory.js';
import { requestAcceptor } from './requests/accept-request.js';
import { RateLimiter } from './requests/rate-limiter.js';
import { LocalProgressHub, type ProgressHub } from './progress/hub.js';
import { createDemoSeeder } from './seed/demo-seed.js';
import { SqliteAgentMemory } from './store/sqlite-memory.js';
import { SqliteStore } from './store/sqlite.js';
import type { Store } from './store/store.js';
import { RoomRegistry } from './sync/registry.js';

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly registry: RoomRegistry;
  readonly store: Store;
  readonly orchestrator: Orchestrator;
  /** Graceful stop: refuse new connections, persist every room, close sockets and the store. Idempotent. */
  close(): Promise<void>;
}

/** Composition root: store, rooms, HTTP app and WebSockets on one port. */
export async function startServer(
  config: Config,
  logger: Logger,
  // Tests of rooms and agents that do not test storage pass their own (test/helpers/memory-store.ts).
  storage?: { store: Store; memory: AgentMemory },
): Promise<RunningServer> {
  const { store, memory } = storage ?? (await openStore(config, logger));
  // With REDIS_URL, rooms, progress and the request line are shared with the other processes.
  const scale = config.REDIS_URL
    ? await openScale(config.REDIS_URL, config, store, logger).catch(async (error: unknown) => {
        await store.close();
        throw error;
      })
    : null;
  const data = createMockData(config.mockDataDir);
  const registry = new RoomRegistry(store, {
    logger,
    replicator: scale?.replicator,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    compactAfterBytes: config.COMPACT_AFTER_BYTES,
    initialize: createDemoSeeder(data, logger),
    maxLoadedRooms: config.MAX_LOADED_ROOMS,
  });
  const rateLimiter = new RateLimiter(config.REQUESTS_PER_MINUTE);
  const hub: ProgressHub = scale?.hub ?? new LocalProgressHub();
  const orchestrator = new Orchestrator({
    registry,
    hub,
    memory,
    data,
    logger,
    parser: createIntentParser({
      LLM_BASE_URL: config.LLM_BASE_URL,
      LLM_MODEL: config.LLM_MODEL,
      LLM_API_KEY: config.LLM_API_KEY,
    }),
    handlers: HANDLERS,
    limits: { maxBulkItems: config.MAX_BULK_ITEMS },
    line: scale?.line,
  });
  scale?.line.onCancel((room, requestId) => orchestrator.cancel(room, requestId));
  // One policy for agent requests, whether they come over the progress socket or HTTP.
  const accept = requestAcceptor({ orchestrator, rateLimiter, logger });
  const app = createApp({
    logger,
    registry,
    clientDistDir: config.clientDistDir,
    authSecret: config.AUTH_SECRET,
    maxBodyBytes: config.MAX_BODY_BYTES,
    corsOrigins: config.CORS_ORIGINS.split(',').map((o) => o.trim()),
    roomRoutes: (routes) => mountRequestsRoute(routes, { hub, accept }),
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const sockets = attachWebSockets(server, {
    logger,
    registry,
    maxSyncMessageBytes: config.MAX_SYNC_MESSAGE_BYTES,
    maxProgressMessageBytes: config.MAX_PROGRESS_MESSAGE_BYTES,
    authSecret: config.AUTH_SECRET,
    maxConnectionsPerRoom: config.MAX_CONNECTIONS_PER_ROOM,
    maxBufferedBytes: config.MAX_BUFFERED_BYTES,
    progress: { hub, orchestrator, accept, logger, maxBufferedBytes: config.MAX_BUFFERED_BYTES },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  logger.info(
    { port, host: config.HOST, dataDir: config.dataDir, store: store.kind, node: scale?.node },
    'stockroom listening',
  );

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${host}:${port}`,
    registry,
    store,
    orchestrator,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await orchestrator.close();
        sockets.close();
        await registry.closeAll();
        server.closeAllConnections();
        await stopped;
        await scale?.close();
        await store.close();
        logger.info('stockroom stopped');
      })();
      return closing;
    },
  };
}

/** PostgreSQL when DATABASE_URL is set (shared by every process), else the embedded SQLite file. */
// PostgreSQL and Redis clients are imported only when configured: one process on SQLite does without ~30 MB of them.
async function openScale(redisUrl: string, config: Config, store: Store, logger: Logger) {
  const { startScale } = await import('./scale/scale.js');
  return startScale({
    redisUrl,
    prefix: config.REDIS_PREFIX,
    heartbeatMs: config.REDIS_HEARTBEAT_MS,
    store,
    logger,
  });
}

async function openStore(config: Config, logger: Logger): Promise<{ store: Store; memory: AgentMemory }> {
  if (config.DATABASE_URL) {
    const { PostgresStore } = await import('./store/postgres.js');
    const { PostgresAgentMemory } = await import('./store/postgres-memory.js');
    const postgres = await PostgresStore.open(config.DATABASE_URL, {
      schema: config.DATABASE_SCHEMA,
      onError: (error) => logger.warn({ err: error }, 'idle PostgreSQL connection failed'),
    });
    return { store: postgres, memory: new PostgresAgentMemory(postgres.pool, config.DATABASE_SCHEMA) };
  }
  if (config.REDIS_URL) {
    logger.warn('REDIS_URL without DATABASE_URL: every process must share one DATA_DIR on one machine');
  }
  const sqlite = SqliteStore.open(config.dataDir);
  return { store: sqlite, memory: new SqliteAgentMemory(sqlite.db, () => sqlite.durable()) };
}
