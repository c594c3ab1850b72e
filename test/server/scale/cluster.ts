import { AgentRequestResponseSchema } from '../../../shared/http.js';
import WebSocket from 'ws';
import type { ProgressMessage } from '../../../shared/progress.js';
import { spawnServer, type SpawnedServer } from '../../helpers/spawn-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { deleteRedisKeys, dropSchema, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from './services.js';

export interface TestCluster {
  readonly servers: SpawnedServer[];
  /** The PostgreSQL schema and Redis prefix of this cluster (one name for both). */
  readonly name: string;
  readonly env: Record<string, string>;
  wsUrl(i: number): string;
  /** SIGKILLs every process, then drops the schema and the Redis keys. */
  destroy(): Promise<void>;
}

/**
 * N real server processes (`spawnServer`) sharing a fresh PostgreSQL schema
 * and Redis prefix, started at once — so they also race to migrate.
 * `redisPort` points them at a proxy instead of Redis itself.
 */
export async function startCluster(
  n: number,
  options: { env?: Record<string, string>; redisPort?: number } = {},
): Promise<TestCluster> {
  const name = uniqueName('sr_scale');
  const env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: name,
    REDIS_URL: options.redisPort ? `redis://127.0.0.1:${options.redisPort}` : TEST_REDIS_URL,
    REDIS_PREFIX: name,
    REDIS_HEARTBEAT_MS: '250',
    ...options.env,
  };
  const started = await Promise.allSettled(Array.from({ length: n }, () => spawnServer({ env })));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const destroy = async (): Promise<void> => {
    await Promise.all(servers.map((s) => s.kill()));
    for (const s of servers) removeDir(s.dataDir);
    await dropSchema(name);
    await deleteRedisKeys(name);
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await destroy();
    throw (failed as PromiseRejectedResult).reason;
  }
  return { servers, name, env, wsUrl: (i) => `ws://127.0.0.1:${servers[i]!.port}/yjs`, destroy };
}

/** A watcher on /progress/<room>: every message it received, in order. */
export interface ProgressWatcher {
  readonly messages: ProgressMessage[];
  send(message: Record<string, unknown>): void;
  close(): void;
}

export async function watchProgress(port: number, room: string): Promise<ProgressWatcher> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/progress/${room}`);
  const messages: ProgressMessage[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as ProgressMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { messages, send: (message) => ws.send(JSON.stringify(message)), close: () => ws.close() };
}

/** POST /api/rooms/<room>/requests (JSON answer once the request is done). */
export async function sendRequest(
  port: number,
  room: string,
  body: { input: string; requestId?: string; context?: Record<string, unknown> },
): Promise<{ requestId: string; messages: ProgressMessage[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/rooms/${room}/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'tester', ...body }),
  });
  if (!response.ok) throw new Error(`request failed: ${response.status} ${await response.text()}`);
  return AgentRequestResponseSchema.parse(await response.json());
}
