import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkChromium } from './browser/chromium.js';
import { browserPhase } from './browser/phase.js';
import type { BrowserResult } from './browser/results.js';
import type { TargetName } from './ipc.js';
import { browserTables } from './report/browser-table.js';
import type { BenchReport, Run } from './report/model.js';
import { resultsTable } from './report/table.js';
import { verdictLines, verdicts, warnings } from './report/verdicts.js';
import { treeCpuSeconds } from './proc-stats.js';
import { coldRun, floorRun, liveRun, runningServers } from './runs.js';
import { loadSettings, type BenchSettings } from './settings.js';
import { ROOT } from './targets.js';

/**
 * `npm run bench` (issue 7): Stockroom, the reference y-websocket server and
 * Hocuspocus under one workload, one after the other in this invocation, each
 * configuration twice with the others in between; then one table, the
 * targets, and a JSON file in bench/results/. Then the browser phase (issue
 * 4, bench/browser/): the built client in Chromium, first rows from IndexedDB
 * and long tasks under remote edits. Exits non-zero on any failure, a client
 * or page that did not converge included.
 */

/** Rotates the order each round, so that no target always runs first (or right after the heaviest). */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Builds the server unless dist/ is newer than every source file of server/ and shared/ (tsc takes a while). */
function build(): void {
  const built = path.join(ROOT, 'dist/server/main.js');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestSource(path.join(ROOT, 'server')),
    newestSource(path.join(ROOT, 'shared')),
  );
  if (builtAt > sourcesAt) {
    log('dist/ is up to date with server/ and shared/');
    return;
  }
  log('building the server (npm run build:server)');
  execFileSync('npm', ['run', 'build:server', '--loglevel=error'], { cwd: ROOT, stdio: 'inherit' });
}

async function schedule(settings: BenchSettings, runs: Run[]): Promise<void> {
  for (let round = 1; round <= settings.rounds; round++) {
    for (const n of settings.ns) {
      for (const target of rotate(settings.targets, round - 1)) {
        log(`run ${round}: ${target}, N=${n}`);
        // The agent and forecast extras ride on the smallest N: 10,000 more items in 51 client docs would not fit the budget.
        const first = settings.extras && n === Math.min(...settings.ns);
        runs.push(await liveRun(settings, target, n, round, { agent: first, forecast: first }));
      }
      if (round <= settings.floorRounds) {
        for (const mode of ['each', 'merged'] as const) {
          log(`run ${round}: in-process floor (${mode}), N=${n}`);
          runs.push(await floorRun(settings, n, mode, round));
        }
      }
    }
    if (settings.coldLoad) {
      log(`run ${round}: stockroom cold load of 20,000 items`);
      runs.push(await coldRun(settings, round));
    }
  }
}

/** Installed versions, read from node_modules (not every package exports its package.json). */
function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [
    'yjs',
    'y-websocket',
    '@y/websocket-server',
    '@hocuspocus/server',
    '@hocuspocus/provider',
    'ws',
  ]) {
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    out[name] = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return out;
}

function source(): BenchReport['source'] {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'server', 'shared').split('\n').filter(Boolean);
    return { commit: git('rev-parse', 'HEAD'), dirtyServerFiles: dirty.map((l) => l.slice(3)) };
  } catch {
    return { commit: 'unknown', dirtyServerFiles: [] };
  }
}

async function main(): Promise<void> {
  const settings = loadSettings();
  if (settings.browser) checkChromium();
  const started = Date.now();
  const deadline = setTimeout(() => {
    console.error(`bench: still running after ${settings.deadlineMs / 60_000} min; stopping`);
    for (const server of runningServers) void server.stop(0);
    process.exit(2);
  }, settings.deadlineMs);
  const loadAverageStart = os.loadavg();
  if (settings.build) build();
  const runs: Run[] = [];
  let browser: BrowserResult | undefined;
  try {
    if (settings.only !== 'browser') await schedule(settings, runs);
    // After the server runs, so that its Chromium shares the cores with none of them.
    if (settings.browser) browser = await browserPhase(settings, log);
  } finally {
    clearTimeout(deadline);
  }

  const report: BenchReport = {
    version: 1,
    startedAt: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    // Every process of the run (servers and workers are children, reaped by now).
    cpuS: treeCpuSeconds(process.pid),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      loadAverageStart,
      loadAverageEnd: os.loadavg(),
    },
    source: source(),
    versions: versions(),
    rounds: settings.rounds,
    ns: settings.ns,
    runs,
    verdicts: [],
    warnings: [],
    ...(browser ? { browser } : {}),
  };
  report.verdicts = verdicts(report);
  report.warnings = warnings(report);

  const targets: TargetName[] = settings.targets;
  if (runs.length > 0) {
    console.log(`\n${resultsTable(report, targets)}\n`);
    console.log(verdictLines(report.verdicts));
  }
  if (report.browser) console.log(`\n${browserTables(report.browser)}`);
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
  const m = report.machine;
  console.log(
    `\n${m.cpus}× ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}, Node ${m.node}; load average ${m.loadAverageStart.map((l) => l.toFixed(1)).join(' ')} → ${m.loadAverageEnd.map((l) => l.toFixed(1)).join(' ')}; ${report.durationS.toFixed(0)} s, ${report.cpuS.toFixed(0)} CPU s`,
  );
  if (report.durationS * 1000 > settings.budgetMs) {
    console.error(
      `bench: took ${report.durationS.toFixed(0)} s, over the ${settings.budgetMs / 1000} s budget`,
    );
  }

  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  log(`wrote ${path.relative(ROOT, file)} and bench/results/latest.json`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(
      `\nbench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await Promise.allSettled([...runningServers].map((server) => server.stop(2000)));
    process.exit(1);
  },
);
