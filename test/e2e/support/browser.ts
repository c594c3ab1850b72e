import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const OUTPUT_DIR = path.join(ROOT, 'test-output');

/**
 * Debian's Chromium, headless. Playwright refuses `--user-data-dir` in `launch` args (it
 * creates a fresh temporary profile for every launch itself), so the flag is left out;
 * each simulated person gets an isolated context: own IndexedDB, service worker,
 * localStorage and BroadcastChannel, so nothing reaches the other page except via the server.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Person {
  page: Page;
  name: string;
}

/** A person with their own browser context, on the board of `room`, once it is online with items. */
export async function openBoard(
  browser: Browser,
  baseUrl: string,
  room: string,
  name: string,
): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1480, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error.message));
  await page.goto(`${baseUrl}/?room=${room}&user=${name}`);
  await waitForStatus(page, 'online');
  await page.locator('[data-testid="item-row"]').first().waitFor();
  return { page, name };
}

export async function waitForStatus(page: Page, status: 'online' | 'offline' | 'connecting'): Promise<void> {
  await page.locator(`[data-testid="connection-status"]:text-is("${status}")`).waitFor({ timeout: 20_000 });
}

export function row(page: Page, itemId: string) {
  return page.locator(`[data-testid="item-row"][data-item-id="${itemId}"]`);
}

export function field(page: Page, itemId: string, name: string) {
  return row(page, itemId).locator(`input[data-field="${name}"]`);
}

/** Types into a cell and commits with Enter, as a person would. */
export async function editField(page: Page, itemId: string, name: string, value: string): Promise<void> {
  const input = field(page, itemId, name);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

export async function firstItemId(page: Page): Promise<string> {
  const id = await page.locator('[data-testid="item-row"]').first().getAttribute('data-item-id');
  if (!id) throw new Error('no item row on the board');
  return id;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** expect.poll with room for a loaded CI machine: what crosses the server can take seconds there. */
export function eventually<T>(read: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(read, { timeout, interval: 100 });
}
