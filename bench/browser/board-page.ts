import type { Browser, Page } from 'playwright-core';
import { CONNECTION_STATUS, ITEM_COUNT, NOW, PROBE, READ_PROBE, type ProbeState } from './page-scripts.js';

/**
 * A board page in a fresh browser context (its own IndexedDB, service worker
 * and storage), with the probe of page-scripts.ts installed in every document
 * it loads. Uncaught page errors are kept: the phase fails on any.
 */
export interface BoardPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

const VIEWPORT = { width: 1480, height: 900 };

export async function openBoardPage(browser: Browser, url: string): Promise<BoardPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

export async function readProbe(page: Page): Promise<ProbeState> {
  return (await page.evaluate(READ_PROBE)) as ProbeState;
}

export async function itemCount(page: Page): Promise<number> {
  return (await page.evaluate(ITEM_COUNT)) as number;
}

export async function connectionStatus(page: Page): Promise<string | null> {
  return (await page.evaluate(CONNECTION_STATUS)) as string | null;
}

/** Polls `read` every `intervalMs` until `ok`; throws with `what` and the last value on timeout. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`browser phase: ${what} (still ${JSON.stringify(value)} after ${timeoutMs} ms)`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the page has had no long task for `quietMs` (it has settled after loading). */
export async function waitQuiet(page: Page, quietMs: number, timeoutMs: number): Promise<void> {
  await waitUntil(
    async () => {
      const now = (await page.evaluate(NOW)) as number;
      const tasks = (await readProbe(page)).longTasks;
      return now - Math.max(0, ...tasks.map(([start, duration]) => start + duration));
    },
    (quietFor) => quietFor > quietMs,
    'the page never went quiet',
    timeoutMs,
  );
}

export function assertNoPageErrors(board: BoardPage, when: string): void {
  if (board.errors.length > 0) {
    throw new Error(`browser phase: the page threw ${when}: ${board.errors.join(' | ')}`);
  }
}

/** Waits until the page is online and its board shows all `items` items. */
export async function untilOnlineWithAll(page: Page, items: number, timeoutMs: number): Promise<void> {
  await waitUntil(
    () => connectionStatus(page),
    (s) => s === 'online',
    'page not online',
    timeoutMs,
  );
  await waitUntil(
    () => itemCount(page),
    (n) => n === items,
    `page does not show ${items} items`,
    timeoutMs,
  );
}
