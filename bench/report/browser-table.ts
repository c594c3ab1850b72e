import type { BrowserResult } from '../browser/results.js';
import { median } from '../stats.js';
import { formatNumber, markdownTable } from './format.js';

/**
 * The browser phase's two tables: first rows from IndexedDB (median and max
 * over the reloads, with where the time went), and long tasks while remote
 * edits stream in.
 */
function spread(label: string, values: number[]): string[] {
  return [label, String(values.length), formatNumber(median(values)), formatNumber(Math.max(...values))];
}

export function browserTables(result: BrowserResult): string {
  const items = result.items.toLocaleString('en-US');
  const s = result.firstRows.samples;
  const first = markdownTable(
    [`Chromium ${result.chromium}, ${items} items`, 'samples', 'median ms', 'max ms'],
    [
      spread(
        'first row painted, reload from IndexedDB, server down',
        s.map((x) => x.firstRowPaintedMs),
      ),
      spread(
        '  first row in the DOM',
        s.map((x) => x.firstRowInDomMs),
      ),
      spread(
        '  app shell received (service worker)',
        s.map((x) => x.responseEndMs),
      ),
      spread(
        '  DOMContentLoaded',
        s.map((x) => x.domContentLoadedMs),
      ),
      spread(
        '  longest task before the first row',
        s.map((x) => x.longTasksBefore.maxMs),
      ),
      spread(
        '  all long tasks before the first row',
        s.map((x) => x.longTasksBefore.totalMs),
      ),
      spread('first row in the DOM, first visit online', [result.onlineFirstRowMs]),
    ],
  );
  const e = result.remoteEdits;
  const second = markdownTable(
    [
      'remote edits',
      'edits',
      'long tasks',
      'total ms',
      'max ms',
      'window ms',
      'main thread busy',
      'last edit shown after ms',
    ],
    [
      [
        `${e.rate}/s single-field edits from another process`,
        String(e.edits),
        String(e.longTasks.count),
        formatNumber(e.longTasks.totalMs),
        formatNumber(e.longTasks.maxMs),
        formatNumber(e.windowMs),
        `${Math.round((100 * e.mainThread.taskMs) / e.windowMs)}%`,
        formatNumber(e.lastEditVisibleAfterMs),
      ],
    ],
  );
  return `${first}\n\n${second}`;
}
