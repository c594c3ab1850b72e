import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureClientBuilt } from '../../test/e2e/support/build-client.js';
import { runningServers } from '../runs.js';
import type { BenchSettings } from '../settings.js';
import { TARGETS } from '../targets.js';
import { launchChromium } from './chromium.js';
import { measureFirstRows } from './first-rows.js';
import { measureRemoteEdits } from './remote-edits.js';
import type { BrowserResult } from './results.js';
import { RemoteWriter } from './writer-process.js';

/**
 * The browser phase of `npm run bench` (issue 4): the built client in headless
 * Chromium against the built Stockroom server, on a room of 10,000 items
 * seeded by a stock y-websocket client in another process. First the long
 * tasks while that client makes 100 single-field edits per second for 10 s,
 * then the time to first rows from IndexedDB on reloads with the server down.
 * Any failure (Chromium missing, a page that never converges) throws.
 */
const ROOM = 'browser-bench';
const ITEMS = 10_000;
const RATE = 100;
const EDITS = 1000;
const SAMPLES = 5;
/** Bound on each wait of the phase (seeding, loading, converging); the whole phase takes ~40 s. */
const TIMEOUT_MS = 60_000;

export async function browserPhase(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<BrowserResult> {
  const started = Date.now();
  log('browser: building the client if needed');
  await ensureClientBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-bench-browser-'));
  const running = await TARGETS.stockroom.start({ dataDir, profileDir: settings.profileDir });
  runningServers.add(running.server);
  const stopServer = async (): Promise<void> => {
    await running.server.stop();
    runningServers.delete(running.server);
  };
  const writer = RemoteWriter.start();
  let browser: Browser | undefined;
  try {
    const url = `${running.httpUrl}/?room=${ROOM}`;
    log(`browser: seeding ${ITEMS.toLocaleString('en-US')} items through a y-websocket client`);
    const seed = await writer.call(
      'seed',
      { url: running.endpoint(ROOM).url, room: ROOM, items: ITEMS, timeoutMs: TIMEOUT_MS },
      TIMEOUT_MS * 2,
    );
    browser = await launchChromium();

    log(`browser: long tasks while ${RATE} remote edits/s arrive for ${EDITS / RATE} s`);
    const edits = await measureRemoteEdits(browser, writer, {
      url: `${url}&user=bench-viewer`,
      items: ITEMS,
      rate: RATE,
      count: EDITS,
      timeoutMs: TIMEOUT_MS,
    });
    await writer.stop();

    log(`browser: first rows from IndexedDB, ${SAMPLES} reloads with the server down`);
    const firstRows = await measureFirstRows(browser, {
      url: `${url}&user=bench-reader`,
      room: ROOM,
      items: ITEMS,
      samples: SAMPLES,
      timeoutMs: TIMEOUT_MS,
      stopServer,
    });
    return {
      chromium: browser.version(),
      items: ITEMS,
      seedMs: seed.ms,
      onlineFirstRowMs: edits.onlineFirstRowMs,
      remoteEdits: edits.result,
      firstRows,
      durationS: (Date.now() - started) / 1000,
    };
  } finally {
    await browser?.close();
    await writer.stop();
    await stopServer();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
