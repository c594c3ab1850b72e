import type { MainThreadTime } from './main-thread.js';

/** What the browser phase measured, as written to bench/results/*.json (`browser`). */

export interface LongTaskSummary {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** One reload with the server down; every time is ms from navigation start (performance.timeOrigin). */
export interface FirstRowSample {
  /** The app shell's response ended (served by the service worker, the network being refused). */
  responseEndMs: number;
  domContentLoadedMs: number;
  /** The first `item-row` was in the DOM (MutationObserver). */
  firstRowInDomMs: number;
  /** The frame showing it was rendered: requestAnimationFrame after the insert, then one task after that frame. */
  firstRowPaintedMs: number;
  /** The board's item count when the first row appeared (all of IndexedDB is applied in one transaction). */
  itemsAtFirstRow: number;
  /** Long tasks from navigation start until the first row was painted. */
  longTasksBefore: LongTaskSummary;
}

export interface FirstRowsResult {
  samples: FirstRowSample[];
  medianMs: number;
  maxMs: number;
}

export interface RemoteEditsResult {
  rate: number;
  edits: number;
  /** From the writer's first edit to its last, and how far behind its schedule it fell at worst. */
  writerMs: number;
  writerMaxLagMs: number;
  /** Items of the rows the page shows whose final value was checked in its DOM. */
  checkedRows: number;
  /** From the writer's last edit until the page's DOM showed every checked row's final value. */
  lastEditVisibleAfterMs: number;
  /** The observed window: from just before the first edit until that convergence. */
  windowMs: number;
  longTasks: LongTaskSummary;
  /** What the page's main thread did in the window, by Chromium's counters (see main-thread.ts). */
  mainThread: MainThreadTime;
  /** Every long task in the window, [start ms from the window's start, duration ms]. */
  tasks: [number, number][];
}

export interface BrowserResult {
  chromium: string;
  items: number;
  /** Seeding the room through the remote writer, until a fresh client held every item. */
  seedMs: number;
  /** The page's first online load of the room (fresh context, nothing in IndexedDB): first row in the DOM. */
  onlineFirstRowMs: number;
  remoteEdits: RemoteEditsResult;
  firstRows: FirstRowsResult;
  durationS: number;
}
