import type { Browser, Page } from 'playwright-core';
import { median } from '../stats.js';
import {
  assertNoPageErrors,
  connectionStatus,
  itemCount,
  openBoardPage,
  readProbe,
  waitQuiet,
  untilOnlineWithAll,
  waitUntil,
} from './board-page.js';
import { FIRST_ROW_PAINTED, SERVICE_WORKER_STATE, storedUpdates } from './page-scripts.js';
import type { FirstRowSample, FirstRowsResult } from './results.js';
import { summarizeTasks, tasksBetween } from './tasks.js';

/**
 * Time to first rows from IndexedDB: a page opens the room once online, so
 * y-indexeddb holds the whole room and the service worker the app shell; then
 * the server is stopped and the page reloaded `samples` times. Each reload is
 * timed from navigation start to the first board row on screen, and must end
 * showing every item while not online.
 */
export interface FirstRowsOptions {
  url: string;
  room: string;
  items: number;
  samples: number;
  timeoutMs: number;
  /** Stops the server for good; the phase's last step. */
  stopServer(): Promise<void>;
}

/** y-indexeddb writes the synced state asynchronously: its update count must hold still this long. */
const STORE_STABLE_MS = 500;
/** Between reloads: the previous load's follow-up work (failed reconnects) should not overlap the next. */
const QUIET_MS = 500;

async function waitStored(page: Page, room: string, timeoutMs: number): Promise<void> {
  let last = -1;
  let since = Date.now();
  await waitUntil(
    async () => {
      const count = (await page.evaluate(storedUpdates(room))) as number;
      if (count !== last) [last, since] = [count, Date.now()];
      return count > 0 && Date.now() - since >= STORE_STABLE_MS;
    },
    (stable) => stable,
    'IndexedDB never held the room',
    timeoutMs,
  );
}

async function sample(page: Page, items: number, timeoutMs: number): Promise<FirstRowSample> {
  await page.reload();
  await waitUntil(
    async () => (await page.evaluate(FIRST_ROW_PAINTED)) as boolean,
    (painted) => painted,
    'no row painted after the reload',
    timeoutMs,
    50,
  );
  const probe = await readProbe(page);
  await waitUntil(
    () => itemCount(page),
    (n) => n === items,
    `the reload does not show ${items} items`,
    timeoutMs,
  );
  const status = await connectionStatus(page);
  if (status === 'online') throw new Error('browser phase: the page is online although the server is down');
  const painted = probe.painted!;
  return {
    responseEndMs: probe.responseEnd,
    domContentLoadedMs: probe.domContentLoaded,
    firstRowInDomMs: probe.firstRow!,
    firstRowPaintedMs: painted,
    itemsAtFirstRow: Number((probe.countAtFirst ?? '').replace(/[^0-9]/g, '') || -1),
    longTasksBefore: summarizeTasks(tasksBetween(probe.longTasks, 0, painted)),
  };
}

export async function measureFirstRows(
  browser: Browser,
  options: FirstRowsOptions,
): Promise<FirstRowsResult> {
  const board = await openBoardPage(browser, options.url);
  const { page } = board;
  try {
    await untilOnlineWithAll(page, options.items, options.timeoutMs);
    await waitUntil(
      async () => (await page.evaluate(SERVICE_WORKER_STATE)) as string,
      (state) => state === 'activated',
      'the service worker did not activate',
      options.timeoutMs,
    );
    await waitStored(page, options.room, options.timeoutMs);

    await options.stopServer();
    await waitUntil(
      () => connectionStatus(page),
      (s) => s === 'offline',
      'page not offline',
      options.timeoutMs,
    );

    const samples: FirstRowSample[] = [];
    for (let i = 0; i < options.samples; i++) {
      samples.push(await sample(page, options.items, options.timeoutMs));
      await waitQuiet(page, QUIET_MS, options.timeoutMs);
    }
    assertNoPageErrors(board, 'during the offline reloads');
    const painted = samples.map((s) => s.firstRowPaintedMs);
    return { samples, medianMs: median(painted), maxMs: Math.max(...painted) };
  } finally {
    await board.close();
  }
}
