import type { FloorPhase, PhaseResult, TargetName } from '../ipc.js';
import { median, ratio } from '../stats.js';
import { PHASE_SPECS, PHASES, type PhaseName } from '../workload.js';
import { formatNumber, formatRatio, markdownTable, runsCell } from './format.js';
import type { BenchReport, ColdRun, LiveRun, FloorRun } from './model.js';

/**
 * The one results table: a row per (phase, N, target), every cell showing all
 * runs of that configuration as "run 1 / run 2", the floors next to the
 * targets, and each target's ratio to the floor of the same round.
 */
const HEADER = [
  'phase',
  'N',
  'target',
  'conv ms',
  'ops/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  'CPU s',
  'msgs/sub',
  'KB/sub',
  'RSS MB',
  '× floor',
  '× merged',
] as const;
type Column = (typeof HEADER)[number];
type Values = Partial<Record<Column, (number | undefined)[]>>;

const FORMAT: Record<Column, (v: number | undefined) => string> = {
  phase: String,
  N: String,
  target: String,
  'conv ms': (v) => formatNumber(v),
  'ops/s': (v) => formatNumber(v, 0),
  'p50 ms': (v) => formatNumber(v),
  'p99 ms': (v) => formatNumber(v),
  'max ms': (v) => formatNumber(v),
  'CPU s': (v) => formatNumber(v, 2),
  'msgs/sub': (v) => formatNumber(v, 0),
  'KB/sub': (v) => formatNumber(v, 0),
  'RSS MB': (v) => formatNumber(v, 0),
  '× floor': formatRatio,
  '× merged': formatRatio,
};

function row(phase: string, n: number | string, target: string, values: Values): string[] {
  return HEADER.map((column, i) => {
    if (i === 0) return phase;
    if (i === 1) return String(n);
    if (i === 2) return target;
    return runsCell(values[column] ?? [], FORMAT[column]);
  });
}

class Runs {
  constructor(private readonly report: BenchReport) {}

  live(target: TargetName, n: number): LiveRun[] {
    return this.report.runs.filter(
      (r): r is LiveRun => r.kind === 'live' && r.target === target && r.n === n,
    );
  }

  floor(n: number, mode: 'each' | 'merged', round: number): FloorRun | undefined {
    const floors = this.report.runs.filter(
      (r): r is FloorRun => r.kind === 'floor' && r.n === n && r.result.mode === mode,
    );
    return floors.find((r) => r.round === round) ?? floors[0];
  }

  floors(n: number, mode: 'each' | 'merged'): FloorRun[] {
    return this.report.runs.filter(
      (r): r is FloorRun => r.kind === 'floor' && r.n === n && r.result.mode === mode,
    );
  }

  cold(): ColdRun[] {
    return this.report.runs.filter((r): r is ColdRun => r.kind === 'cold');
  }
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function phaseValues(runs: Runs, live: LiveRun[], n: number, phase: PhaseName): Values {
  const p = (r: LiveRun): PhaseResult => r.result.phases[phase];
  const floorMs = (r: LiveRun, mode: 'each' | 'merged'): number | undefined =>
    runs.floor(n, mode, r.round)?.result.phases[phase].convergenceMs;
  return {
    'conv ms': live.map((r) => p(r).convergenceMs),
    'ops/s': live.map((r) => p(r).opsPerSec),
    'p50 ms': live.map((r) => p(r).latencyMs.p50),
    'p99 ms': live.map((r) => p(r).latencyMs.p99),
    'max ms': live.map((r) => p(r).latencyMs.max),
    'CPU s': live.map((r) => p(r).serverCpuS),
    'msgs/sub': live.map((r) => p(r).messagesPerSub),
    'KB/sub': live.map((r) => p(r).bytesPerSub / 1024),
    '× floor': live.map((r) => ratio(p(r).convergenceMs, floorMs(r, 'each'))),
    '× merged': live.map((r) => ratio(p(r).convergenceMs, floorMs(r, 'merged'))),
  };
}

function floorValues(floors: FloorRun[], phase: PhaseName): Values {
  const p = (r: FloorRun): FloorPhase => r.result.phases[phase];
  return {
    'conv ms': floors.map((r) => p(r).convergenceMs),
    'ops/s': floors.map((r) => p(r).opsPerSec),
    'p50 ms': floors.map((r) => p(r).latencyMs?.p50),
    'p99 ms': floors.map((r) => p(r).latencyMs?.p99),
    'max ms': floors.map((r) => p(r).latencyMs?.max),
  };
}

function totalValues(runs: Runs, live: LiveRun[], n: number): Values {
  const phases = (r: LiveRun): PhaseResult[] => PHASES.map((name) => r.result.phases[name]);
  const conv = (r: LiveRun): number => sum(phases(r).map((p) => p.convergenceMs));
  const floorConv = (r: LiveRun, mode: 'each' | 'merged'): number | undefined => {
    const floor = runs.floor(n, mode, r.round);
    return floor ? sum(PHASES.map((name) => floor.result.phases[name].convergenceMs)) : undefined;
  };
  return {
    'conv ms': live.map(conv),
    'ops/s': live.map((r) => (sum(phases(r).map((p) => p.ops)) * 1000) / conv(r)),
    'CPU s': live.map((r) => sum(phases(r).map((p) => p.serverCpuS))),
    'msgs/sub': live.map((r) => sum(phases(r).map((p) => p.messagesPerSub))),
    'KB/sub': live.map((r) => sum(phases(r).map((p) => p.bytesPerSub)) / 1024),
    'RSS MB': live.map((r) => r.result.peakRssMb),
    '× floor': live.map((r) => ratio(conv(r), floorConv(r, 'each'))),
    '× merged': live.map((r) => ratio(conv(r), floorConv(r, 'merged'))),
  };
}

export function resultsTable(report: BenchReport, targets: readonly TargetName[]): string {
  const runs = new Runs(report);
  const rows: string[][] = [];
  for (const phase of PHASES) {
    for (const n of report.ns) {
      for (const target of targets) {
        const live = runs.live(target, n);
        if (live.length > 0)
          rows.push(row(PHASE_SPECS[phase].label, n, target, phaseValues(runs, live, n, phase)));
      }
      for (const mode of ['each', 'merged'] as const) {
        const floors = runs.floors(n, mode);
        if (floors.length > 0)
          rows.push(row(PHASE_SPECS[phase].label, n, `floor, ${mode}`, floorValues(floors, phase)));
      }
    }
  }
  for (const n of report.ns) {
    for (const target of targets) {
      const live = runs.live(target, n);
      if (live.length > 0) rows.push(row('(a)–(d) total', n, target, totalValues(runs, live, n)));
    }
  }
  for (const n of report.ns) {
    for (const target of targets) {
      const live = runs.live(target, n);
      if (live.length === 0) continue;
      const sync = live.map((r) => r.result.initialSync);
      const floorSync = live.map((r) => runs.floor(n, 'each', r.round)?.result.initialSyncMs);
      rows.push(
        row('new client sync, 5,000 items', n, target, {
          'conv ms': sync.map((s) => median(s.ms)),
          'CPU s': sync.map((s) => s.serverCpuS),
          'KB/sub': sync.map((s) => s.bytes / 1024),
          '× floor': sync.map((s, i) => ratio(median(s.ms), floorSync[i] ? median(floorSync[i]) : undefined)),
        }),
      );
    }
    const floors = runs.floors(n, 'each');
    if (floors.length > 0) {
      rows.push(
        row('new client sync, 5,000 items', n, 'floor', {
          'conv ms': floors.map((f) => median(f.result.initialSyncMs)),
        }),
      );
    }
  }
  const cold = runs.cold();
  if (cold.length > 0) {
    rows.push(
      row('cold load, 20,000 items', '', 'stockroom: server load', {
        'conv ms': cold.map((c) => c.serverLoadMs),
      }),
    );
    rows.push(
      row('cold load, 20,000 items', '', 'stockroom: client sync', {
        'conv ms': cold.map((c) => c.clientSyncMs),
      }),
    );
  }
  for (const n of report.ns) {
    const withAgent = runs.live('stockroom', n).filter((r) => r.result.agent);
    if (withAgent.length > 0) {
      const agent = withAgent.map((r) => r.result.agent!);
      rows.push(
        row('agent add_multiple, 10,000 items', n, 'stockroom: all hold them', {
          'conv ms': agent.map((a) => a.deliveredMs),
          'ops/s': agent.map((a) => (a.items * 1000) / a.deliveredMs),
          'CPU s': agent.map((a) => a.serverCpuS),
          'RSS MB': withAgent.map((r) => r.peakRssEndMb),
        }),
      );
      rows.push(
        row('agent add_multiple, 10,000 items', n, 'stockroom: HTTP reply', {
          'conv ms': agent.map((a) => a.responseMs),
        }),
      );
    }
    const withForecast = runs.live('stockroom', n).filter((r) => r.result.forecast);
    if (withForecast.length > 0) {
      const forecast = withForecast.map((r) => r.result.forecast!);
      rows.push(
        row(`forecast, ${forecast[0]!.skus} SKUs`, n, 'stockroom', {
          'conv ms': forecast.map((f) => f.ms),
          'CPU s': forecast.map((f) => f.serverCpuS),
        }),
      );
    }
  }
  return markdownTable(HEADER, rows, 3);
}
