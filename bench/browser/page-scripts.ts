/**
 * What the browser phase runs inside the page, as plain JavaScript source:
 * functions handed to Playwright would be serialized from tsx's compiled
 * output, which may reference helpers that do not exist in the page.
 *
 * Only the contract's hooks (CONTRACT "Browser app hooks": `item-row`,
 * `data-item-id`, `data-field`, `connection-status`) and the board's
 * `item-count` are read; nothing in the app is changed.
 */

/**
 * Installed before any script of every document the context loads:
 * `window.__bench` collects every long task (PerformanceObserver, type
 * `longtask`, buffered) and the moment the first item row enters the DOM.
 * "Painted" is one task after the next animation frame: the frame's style,
 * layout and paint run between the two.
 */
export const PROBE = `(() => {
  const probe = { longTasks: [], longTaskSupported: false, firstRow: null, painted: null, countAtFirst: null, convergedAt: null };
  window.__bench = probe;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    probe.longTaskSupported = true;
  }
  const found = () => {
    if (!document.querySelector('[data-testid="item-row"]')) return false;
    probe.firstRow = performance.now();
    const count = document.querySelector('[data-testid="item-count"]');
    probe.countAtFirst = count ? count.textContent : null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { probe.painted = performance.now(); };
      channel.port2.postMessage(null);
    });
    return true;
  };
  const observer = new MutationObserver(() => { if (found()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface ProbeState {
  longTasks: [number, number][];
  longTaskSupported: boolean;
  firstRow: number | null;
  painted: number | null;
  countAtFirst: string | null;
  convergedAt: number | null;
  timeOrigin: number;
  responseEnd: number;
  domContentLoaded: number;
}

/** Reads the probe and the document's navigation timing. */
export const READ_PROBE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ...window.__bench,
    timeOrigin: performance.timeOrigin,
    responseEnd: nav ? nav.responseEnd : NaN,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
  };
})()`;

export const FIRST_ROW_PAINTED = 'window.__bench && window.__bench.painted !== null';

export const NOW = 'performance.now()';

/** The ids of the item rows in the DOM, in order (the virtualized board renders those on screen). */
export const ROW_IDS = `[...document.querySelectorAll('[data-testid="item-row"]')].map((row) => row.getAttribute('data-item-id'))`;

/** The number the board's item count shows ("10,000 items"), or -1. */
export const ITEM_COUNT = `(() => {
  const el = document.querySelector('[data-testid="item-count"]');
  return el ? Number(el.textContent.replace(/[^0-9]/g, '')) : -1;
})()`;

export const CONNECTION_STATUS = `document.querySelector('[data-testid="connection-status"]')?.textContent ?? null`;

/** True (and the time noted) once every listed row's input `field` shows its value. */
export function convergedScript(field: string, values: Record<string, number>): string {
  return `(() => {
    const field = ${JSON.stringify(field)};
    const values = ${JSON.stringify(values)};
    for (const [id, value] of Object.entries(values)) {
      const input = document.querySelector('[data-testid="item-row"][data-item-id="' + id + '"] input[data-field="' + field + '"]');
      if (!input || input.value !== String(value)) return false;
    }
    window.__bench.convergedAt = performance.now();
    return true;
  })()`;
}

/** One task that keeps the main thread busy for `ms`: the long-task observer must report it. */
export function busyTask(ms: number): string {
  return `new Promise((resolve) => setTimeout(() => {
    const start = performance.now();
    while (performance.now() - start < ${ms}) {}
    resolve(start);
  }, 0))`;
}

/** The service worker's state: it precaches the shell on install, which the offline reload needs. */
export const SERVICE_WORKER_STATE = `navigator.serviceWorker.getRegistration().then((r) => r?.active?.state ?? 'none')`;

/** How many updates y-indexeddb holds for `room`. */
export function storedUpdates(room: string): string {
  return `new Promise((resolve) => {
    const open = indexedDB.open(${JSON.stringify(`stockroom:${room}`)});
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('updates')) { db.close(); resolve(0); return; }
      const count = db.transaction('updates').objectStore('updates').count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
    };
  })`;
}
