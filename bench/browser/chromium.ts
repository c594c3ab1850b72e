import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`), headless, driven by
 * playwright-core, which downloads no browser of its own. CHROMIUM_PATH
 * points elsewhere, as in the browser tests. Playwright refuses
 * `--user-data-dir` in the launch args (every launch gets a fresh temporary
 * profile), so each page gets a fresh context instead.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Throws unless Chromium is there: `npm run bench` checks this first, not after the server runs. */
export function checkChromium(): void {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
  } catch {
    throw new Error(
      `browser phase: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH); ` +
        'BENCH_BROWSER=0 skips the phase',
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  checkChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Playwright's default background flags already keep timers and rendering of a hidden page at full speed.
    ],
  });
}
