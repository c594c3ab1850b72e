import type { Browser } from 'playwright-core';
import {
  assertNoPageErrors,
  itemCount,
  openBoardPage,
  readProbe,
  waitQuiet,
  untilOnlineWithAll,
  waitUntil,
} from './board-page.js';
import { countMainThread } from './main-thread.js';
import { busyTask, convergedScript, NOW, ROW_IDS } from './page-scripts.js';
import type { RemoteEditsResult } from './results.js';
import { summarizeTasks, tasksBetween } from './tasks.js';
import type { RemoteWriter } from './writer-process.js';

/**
 * Long tasks while remote edits stream in: a page that shows the whole room
 * sits idle while the remote writer (another process) makes `rate` single-field
 * edits per second; the page's long-task observer covers the window from just
 * before the first edit until the page's DOM shows the last ones.
 */
export interface RemoteEditsOptions {
  url: string;
  items: number;
  rate: number;
  count: number;
  timeoutMs: number;
}

/** Every 10th edit goes to one of the first 10 rows on screen, so the DOM can prove convergence. */
const VISIBLE_ROWS = 10;
const VISIBLE_EVERY = 10;
/** The page counts as settled after its initial load once it has had no long task for this long. */
const QUIET_MS = 1000;
/** The calibration task: the observer must report it, or "no long tasks" would mean nothing. */
const CALIBRATION_MS = 120;

export async function measureRemoteEdits(
  browser: Browser,
  writer: RemoteWriter,
  options: RemoteEditsOptions,
): Promise<{ result: RemoteEditsResult; onlineFirstRowMs: number }> {
  const board = await openBoardPage(browser, options.url);
  const { page } = board;
  try {
    await untilOnlineWithAll(page, options.items, options.timeoutMs);
    const loaded = await readProbe(page);
    if (!loaded.longTaskSupported) throw new Error('browser phase: this Chromium has no longtask entries');
    await waitQuiet(page, QUIET_MS, options.timeoutMs);

    const visible = ((await page.evaluate(ROW_IDS)) as string[]).slice(0, VISIBLE_ROWS);
    const mainThread = await countMainThread(page);
    const from = (await page.evaluate(NOW)) as number;
    const edits = await writer.call(
      'edits',
      { rate: options.rate, count: options.count, visible, visibleEvery: VISIBLE_EVERY },
      (options.count / options.rate) * 1000 + options.timeoutMs,
    );
    // Polled from here: the app's CSP forbids the eval that page.waitForFunction needs.
    await waitUntil(
      async () => (await page.evaluate(convergedScript(edits.field, edits.finalValues))) as boolean,
      (done) => done,
      'the page did not show the last remote edits',
      options.timeoutMs,
      20,
    );
    const busy = await mainThread();
    const probe = await readProbe(page);
    const to = probe.convergedAt!;
    const inWindow = tasksBetween(probe.longTasks, from, to);

    // Calibration, after the window: a task known to be long must be reported.
    const busyStart = (await page.evaluate(busyTask(CALIBRATION_MS))) as number;
    await waitUntil(
      async () => (await readProbe(page)).longTasks.filter(([start]) => start >= busyStart - 1),
      (seen) => seen.some(([, duration]) => duration >= CALIBRATION_MS - 10),
      `the long-task observer did not report a ${CALIBRATION_MS} ms task`,
      5000,
    );
    if ((await itemCount(page)) !== options.items)
      throw new Error('browser phase: items lost during the edits');
    assertNoPageErrors(board, 'during the remote edits');

    return {
      onlineFirstRowMs: loaded.firstRow ?? Number.NaN,
      result: {
        rate: options.rate,
        edits: edits.made,
        writerMs: edits.lastAt - edits.firstAt,
        writerMaxLagMs: edits.maxLagMs,
        checkedRows: Object.keys(edits.finalValues).length,
        lastEditVisibleAfterMs: probe.timeOrigin + to - edits.lastAt,
        windowMs: to - from,
        longTasks: summarizeTasks(inWindow),
        mainThread: busy,
        tasks: inWindow.map(([start, duration]) => [Math.round(start - from), Math.round(duration)]),
      },
    };
  } finally {
    await board.close();
  }
}
