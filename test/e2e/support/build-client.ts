import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIST_INDEX = path.join(ROOT, 'client/dist/index.html');
const SOURCES = [
  'client/src',
  'client/index.html',
  'client/vite.config.ts',
  'client/vite-sw-plugin.ts',
  'shared',
];
// Browser-test files run in parallel processes: one builds, the others wait for it.
const LOCK = path.join(
  os.tmpdir(),
  `stockroom-client-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`,
);
const STALE_LOCK_MS = 120_000;

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isFresh(): boolean {
  const built = fs.statSync(DIST_INDEX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return built > Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
}

function tryLock(): boolean {
  try {
    fs.mkdirSync(LOCK);
    return true;
  } catch {
    const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/**
 * The server serves client/dist; builds it (`vite build --config client/vite.config.ts`)
 * unless it is newer than every client and shared source.
 */
export async function ensureClientBuilt(): Promise<void> {
  while (!isFresh()) {
    if (!tryLock()) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (!isFresh()) {
        await promisify(execFile)(
          process.execPath,
          [
            path.join(ROOT, 'node_modules/vite/bin/vite.js'),
            'build',
            '--config',
            'client/vite.config.ts',
            '--logLevel',
            'warn',
          ],
          // Vitest sets NODE_ENV=test, which would make a development build (no service worker).
          { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } },
        );
      }
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
