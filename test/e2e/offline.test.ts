import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  editField,
  eventually,
  field,
  firstItemId,
  openBoard,
  screenshot,
  waitForStatus,
} from './support/browser.js';
import { useBrowserAndServer } from './support/browser-and-server.js';

const e2e = useBrowserAndServer();

/** Runs in the page: the state of the active service worker (it precaches the shell on install). */
const SW_READY = 'navigator.serviceWorker.getRegistration().then((r) => r?.active?.state ?? "none")';
/** Runs in the page: how many updates y-indexeddb has stored for the demo room. */
const STORED_UPDATES = `new Promise((resolve) => {
  const open = indexedDB.open('stockroom:demo');
  open.onerror = () => resolve(0);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('updates')) { db.close(); resolve(0); return; }
    const count = db.transaction('updates').objectStore('updates').count();
    count.onsuccess = () => { db.close(); resolve(count.result); };
  };
})`;

async function rows(page: Page): Promise<number> {
  return page.locator('[data-testid="item-row"]').count();
}

it('reloads from the service worker and IndexedDB with the server down, and syncs the offline edit on restart', async () => {
  const alice = await openBoard(e2e.browser, e2e.server.url, 'demo', 'alice');
  const bob = await openBoard(e2e.browser, e2e.server.url, 'demo', 'bob');
  await eventually(() => alice.page.evaluate(SW_READY), 15_000).toBe('activated');
  await eventually(() => alice.page.evaluate(STORED_UPDATES)).toBeGreaterThan(0);
  const id = await firstItemId(alice.page);

  await e2e.server.stop();
  await waitForStatus(alice.page, 'offline');
  await waitForStatus(bob.page, 'offline');

  await alice.page.reload();
  await alice.page.locator('[data-testid="item-row"]').first().waitFor({ timeout: 15_000 });
  expect(await rows(alice.page)).toBeGreaterThan(5);
  expect(await alice.page.getByTestId('connection-status').textContent()).not.toBe('online');

  await editField(alice.page, id, 'current_stock', '4242');
  await eventually(() => alice.page.getByTestId('pending-changes').textContent()).toMatch(/^1\b/);
  await waitForStatus(alice.page, 'offline');
  await screenshot(alice.page, 'e2e-offline-reload');
  expect(await field(bob.page, id, 'current_stock').inputValue()).not.toBe('4242');

  await e2e.restartServer();
  await waitForStatus(alice.page, 'online');
  await eventually(() => field(bob.page, id, 'current_stock').inputValue(), 20_000).toBe('4242');
  await eventually(() => alice.page.getByTestId('pending-changes').count()).toBe(0);
  await screenshot(bob.page, 'e2e-offline-edit-synced');
}, 150_000);
