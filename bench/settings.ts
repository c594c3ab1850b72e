import type { TargetName } from './ipc.js';

/**
 * What one `npm run bench` runs. The defaults are issue 7's benchmark; the
 * BENCH_* variables only narrow it while developing (fewer rounds, one N,
 * one target) and are never needed for the real run.
 */
export interface BenchSettings {
  rounds: number;
  ns: number[];
  targets: TargetName[];
  /** Worker processes the subscribers (and the floor's docs) are spread over: 2 uses both cores. */
  clientProcesses: number;
  /** Rounds that also measure the in-process floor (it has no server, so once is the default). */
  floorRounds: number;
  coldLoad: boolean;
  /** Stockroom's agent add_multiple and forecast measurements (on the smallest N). */
  extras: boolean;
  build: boolean;
  /** The browser phase (bench/browser/): first rows from IndexedDB and long tasks under remote edits, in Chromium. */
  browser: boolean;
  /** BENCH_ONLY=browser: the browser phase alone, none of the server runs. */
  only: 'browser' | null;
  /** BENCH_PROFILE_DIR: run every server with `node --cpu-prof` into this directory (for finding where time goes). */
  profileDir: string | undefined;
  /** Bound on one phase (and on connecting, and on each extra measurement). */
  phaseTimeoutMs: number;
  /** Hard stop for the whole invocation, so a stuck run can never hang a machine. */
  deadlineMs: number;
  /** The budget: the run is reported as too slow beyond this. */
  budgetMs: number;
}

const ALL_TARGETS: TargetName[] = ['stockroom', 'y-websocket', 'hocuspocus'];

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const targets = (list(env['BENCH_TARGETS']) ?? ALL_TARGETS) as TargetName[];
  for (const target of targets) {
    if (!ALL_TARGETS.includes(target)) throw new Error(`BENCH_TARGETS: unknown target ${target}`);
  }
  const ns = (list(env['BENCH_N']) ?? ['10', '50']).map(Number);
  if (ns.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('BENCH_N: whole numbers ≥ 1, comma-separated');
  const only = env['BENCH_ONLY'] || null;
  if (only !== null && only !== 'browser') throw new Error('BENCH_ONLY: only "browser" is known');
  if (only === 'browser' && env['BENCH_BROWSER'] === '0')
    throw new Error('BENCH_ONLY=browser and BENCH_BROWSER=0 leave nothing to run');
  const rounds = Number(env['BENCH_ROUNDS'] ?? 2);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('BENCH_ROUNDS: a whole number ≥ 1');
  return {
    rounds,
    ns,
    targets,
    clientProcesses: Number(env['BENCH_CLIENT_PROCESSES'] ?? 2),
    floorRounds: Number(env['BENCH_FLOOR_ROUNDS'] ?? 1),
    coldLoad: env['BENCH_COLD_LOAD'] !== '0' && targets.includes('stockroom'),
    extras: env['BENCH_EXTRAS'] !== '0',
    build: env['BENCH_BUILD'] !== '0',
    browser: env['BENCH_BROWSER'] !== '0',
    only,
    profileDir: env['BENCH_PROFILE_DIR'] || undefined,
    // Generous: at N=50 one phase takes ~30 s on a quiet 2-core machine and several times that when it is shared.
    phaseTimeoutMs: 180_000,
    deadlineMs: 30 * 60_000,
    budgetMs: 10 * 60_000,
  };
}
