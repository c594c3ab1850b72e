import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { spawnServer, type SpawnedServer } from '../../helpers/spawn-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { launchChromium } from './browser.js';
import { ensureClientBuilt } from './build-client.js';

/** What a browser-test file shares across its tests; read the getters inside tests only. */
export interface BrowserAndServer {
  /** The real server as a child process, on a free port with a fresh DATA_DIR. */
  readonly server: SpawnedServer;
  /** One headless Chromium; each person opens their own context in it. */
  readonly browser: Browser;
  /**
   * Starts a new server on the port and DATA_DIR of the current one (stop that one first),
   * and makes it the one `server` returns and the file's teardown stops.
   */
  restartServer(): Promise<SpawnedServer>;
}

/**
 * Registers the file's beforeAll (build the client if stale, then spawn the server and
 * launch Chromium side by side) and afterAll (close the browser, stop the server, remove
 * its DATA_DIR). Call once, at the top level of a test file.
 */
export function useBrowserAndServer(): BrowserAndServer {
  let server: SpawnedServer | undefined;
  let browser: Browser | undefined;

  // Generous: the first file may build the client, and CI machines can be slow to start Chromium.
  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([spawnServer(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: read it inside a test`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    async restartServer() {
      const { port, dataDir } = started(server, 'the server');
      server = await spawnServer({ port, dataDir });
      return server;
    },
  };
}
