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
// The page scripts the browser bench uses for the same waits.
import { SERVICE_WORKER_STATE, storedUpdates } from '../../bench/browser/page-scripts.js';
import { useBrowserAndServer } from './support/browser-and-server.js';

const e2e = useBrowserAndServer();

async function rows(page: Page): Promise<number> {
  return page.locator('[data-testid="item-row"]').count();
}

it('UI-4: reloads from the service worker and IndexedDB with the server down, and syncs the offline edit on restart', async () => {
  const alice = await openBoard(e2e.browser, e2e.server.url, 'demo', 'alice');
  const bob = await openBoard(e2e.browser, e2e.server.url, 'demo', 'bob');
  await eventually(() => alice.page.evaluate(SERVICE_WORKER_STATE), 15_000).toBe('activated');
  await eventually(() => alice.page.evaluate(storedUpdates('demo'))).toBeGreaterThan(0);
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
