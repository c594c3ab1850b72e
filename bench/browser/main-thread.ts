import type { Page } from 'playwright-core';

/**
 * How busy the page's main thread was over a window, from Chromium's own
 * counters (DevTools protocol `Performance.getMetrics`: cumulative seconds of
 * every task, of script, of layout and of style recalculation on the
 * renderer's main thread). Long tasks alone miss a thread kept busy by many
 * tasks of under 50 ms each; these counters do not, and cost the page nothing.
 */
export interface MainThreadTime {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

const METRICS = {
  taskMs: 'TaskDuration',
  scriptMs: 'ScriptDuration',
  layoutMs: 'LayoutDuration',
  styleMs: 'RecalcStyleDuration',
} as const;

/** Starts counting; the returned function reads what the page's main thread did since. */
export async function countMainThread(page: Page): Promise<() => Promise<MainThreadTime>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const read = async (): Promise<MainThreadTime> => {
    const { metrics } = await session.send('Performance.getMetrics');
    const value = (name: string): number =>
      (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
    return {
      taskMs: value(METRICS.taskMs),
      scriptMs: value(METRICS.scriptMs),
      layoutMs: value(METRICS.layoutMs),
      styleMs: value(METRICS.styleMs),
    };
  };
  const start = await read();
  return async () => {
    const end = await read();
    await session.detach();
    return {
      taskMs: end.taskMs - start.taskMs,
      scriptMs: end.scriptMs - start.scriptMs,
      layoutMs: end.layoutMs - start.layoutMs,
      styleMs: end.styleMs - start.styleMs,
    };
  };
}
