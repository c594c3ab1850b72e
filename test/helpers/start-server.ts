import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { tempDir } from './temp-dir.js';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  /** Base for the stock client: `new WebsocketProvider(server.wsUrl, room, doc)`. */
  readonly wsUrl: string;
}

/** The real server, in this process, on a free port with a fresh DATA_DIR unless one is given. */
export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir('stockroom-data-');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  const server = await startServer(config, createLogger(config.LOG_LEVEL));
  return { ...server, dataDir, wsUrl: `ws://127.0.0.1:${server.port}/yjs` };
}
