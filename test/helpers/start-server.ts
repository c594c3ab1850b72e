import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { InMemoryAgentMemory } from './memory-agent-memory.js';
import { MemoryStore } from './memory-store.js';
import { tempDir } from './temp-dir.js';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  /** Base for the stock client: `new WebsocketProvider(server.wsUrl, room, doc)`. */
  readonly wsUrl: string;
}

/**
 * The real server, in this process, on a free port with a fresh DATA_DIR unless one is given.
 * `storage: 'memory'` keeps rooms and agent memory in memory (no files, no fsync), for tests
 * whose subject is not storage; it lasts as long as the server.
 */
export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string>; storage?: 'config' | 'memory' } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir('stockroom-data-');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  const storage =
    options.storage === 'memory'
      ? { store: new MemoryStore(), memory: new InMemoryAgentMemory() }
      : undefined;
  const server = await startServer(config, createLogger(config.LOG_LEVEL), storage);
  return { ...server, dataDir, wsUrl: `ws://127.0.0.1:${server.port}/yjs` };
}
