import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FloorResult, TargetName } from './ipc.js';
import { runLive } from './live-run.js';
import { treePeakRssMb } from './proc-stats.js';
import type { ColdRun, FloorRun, LiveRun } from './report/model.js';
import { jsonLine, type ServerProcess } from './server-process.js';
import type { BenchSettings } from './settings.js';
import { summarizeLatency } from './stats.js';
import { split } from './subscriber-group.js';
import { TARGETS, type RunningTarget, type StartOptions } from './targets.js';
import { WorkerProcess } from './worker-process.js';
import { PHASE_SPECS, PHASES, SIZES } from './workload.js';

/** The three kinds of run the schedule is made of; each starts and stops its own server and workers. */

const COLD_ROOM = 'cold';

/** Servers currently running, so that a failure anywhere can stop them all. */
export const runningServers = new Set<ServerProcess>();

function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-bench-'));
}

async function withServer<T>(
  target: TargetName,
  options: StartOptions,
  fn: (running: RunningTarget) => Promise<T>,
): Promise<T> {
  const running = await TARGETS[target].start(options);
  runningServers.add(running.server);
  try {
    return await fn(running);
  } finally {
    await running.server.stop();
    runningServers.delete(running.server);
  }
}

export async function liveRun(
  settings: BenchSettings,
  target: TargetName,
  n: number,
  round: number,
  extras: { agent: boolean; forecast: boolean },
): Promise<LiveRun> {
  const dataDir = freshDataDir();
  try {
    return await withServer(target, { dataDir, profileDir: settings.profileDir }, async (running) => {
      const wanted = target === 'stockroom' ? extras : { agent: false, forecast: false };
      const result = await runLive(`${target} N=${n}`, running, {
        n,
        processes: settings.clientProcesses,
        timeoutMs: settings.phaseTimeoutMs,
        extras: wanted,
      });
      return { kind: 'live', round, target, n, result, peakRssEndMb: treePeakRssMb(running.server.pid) };
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The in-process floor, its N docs spread over the same number of processes
 * as the subscribers: a phase is done when every process is, and an update's
 * latency is the longest any process took to apply it to its docs.
 */
export async function floorRun(settings: BenchSettings, n: number, mode: 'each' | 'merged', round: number) {
  const sizes = split(n, settings.clientProcesses);
  const workers = sizes.map(() => WorkerProcess.start('floor'));
  try {
    const parts = await Promise.all(
      workers.map((w, i) => w.call('run', { n: sizes[i]!, mode }, settings.phaseTimeoutMs * 10)),
    );
    const phases = {} as FloorResult['phases'];
    for (const phase of PHASES) {
      const ops = PHASE_SPECS[phase].ops;
      const convergenceMs = Math.max(...parts.map((p) => p.phases[phase].convergenceMs));
      const each = parts.map((p) => p.phases[phase].perUpdateMs);
      const perUpdate = each.every((list) => list !== null)
        ? each[0]!.map((_, u) => Math.max(...each.map((list) => list![u]!)))
        : null;
      phases[phase] = {
        phase,
        ops,
        convergenceMs,
        opsPerSec: (ops * 1000) / convergenceMs,
        latencyMs: perUpdate ? summarizeLatency(perUpdate) : null,
      };
    }
    const result: FloorResult = { n, mode, phases, initialSyncMs: parts[0]!.initialSyncMs };
    const run: FloorRun = { kind: 'floor', round, n, result };
    return run;
  } finally {
    await Promise.allSettled(workers.map((w) => w.stop()));
  }
}

/** Fill a room with 20,000 items, stop the server cleanly, start it again and open the room. */
export async function coldRun(settings: BenchSettings, round: number): Promise<ColdRun> {
  const dataDir = freshDataDir();
  const timeoutMs = settings.phaseTimeoutMs;
  const options = { dataDir, profileDir: settings.profileDir };
  const worker = WorkerProcess.start('cold');
  try {
    const fill = await withServer('stockroom', options, (running) =>
      worker.call(
        'fill',
        { endpoint: running.endpoint(COLD_ROOM), items: SIZES.coldItems, timeoutMs },
        timeoutMs * 2,
      ),
    );
    return await withServer('stockroom', options, async (running) => {
      const open = await worker.call(
        'open',
        { endpoint: running.endpoint(COLD_ROOM), snapshot: fill.snapshot, timeoutMs },
        timeoutMs * 2,
      );
      const loaded = running.server.lines
        .map(jsonLine)
        .find((entry) => entry?.['msg'] === 'room loaded' && entry['room'] === COLD_ROOM);
      if (!loaded) throw new Error('cold load: the server logged no "room loaded" line for the room');
      return {
        kind: 'cold',
        round,
        items: SIZES.coldItems,
        fillMs: fill.ms,
        serverLoadMs: Number(loaded['ms']),
        clientSyncMs: open.syncMs,
      };
    });
  } finally {
    await worker.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
