import type { TargetName } from '../ipc.js';
import { median } from '../stats.js';
import { PHASES } from '../workload.js';
import { formatNumber } from './format.js';
import type { BenchReport, ColdRun, LiveRun, Verdict } from './model.js';

/**
 * Issue 7's targets, checked run by run: in each round, Stockroom is compared
 * with the better of the two peers measured in that same round (the figures
 * drift between invocations, so ratios only mean something within one).
 */
const PEERS: TargetName[] = ['y-websocket', 'hocuspocus'];

type Pick = (run: LiveRun) => number;
type Better = 'lower' | 'higher';

function liveRun(report: BenchReport, target: TargetName, n: number, round: number): LiveRun | undefined {
  return report.runs.find(
    (r): r is LiveRun => r.kind === 'live' && r.target === target && r.n === n && r.round === round,
  );
}

/** Checks stockroom ≤ factor × best peer (lower is better) or ≥ factor × best peer (higher is better). */
function compare(
  report: BenchReport,
  name: string,
  pick: Pick,
  better: Better,
  factor: number,
  ns: number[],
): Verdict {
  const parts: string[] = [];
  let holds: boolean | null = null;
  for (const n of ns) {
    for (let round = 1; round <= report.rounds; round++) {
      const ours = liveRun(report, 'stockroom', n, round);
      const peers = PEERS.map((p) => ({ p, run: liveRun(report, p, n, round) })).filter((x) => x.run);
      if (!ours || peers.length === 0) continue;
      const values = peers.map((x) => ({ p: x.p, v: pick(x.run!) }));
      const best = values.reduce((a, b) => ((better === 'lower' ? b.v < a.v : b.v > a.v) ? b : a));
      const value = pick(ours);
      const r = value / best.v;
      const ok = better === 'lower' ? r <= factor : r >= factor;
      holds = (holds ?? true) && ok;
      parts.push(
        `N=${n} run ${round}: ${formatNumber(value)} vs ${best.p} ${formatNumber(best.v)} = ${r.toFixed(2)}× ${ok ? 'ok' : 'MISS'}`,
      );
    }
  }
  return { target: name, holds, detail: parts.join('; ') || 'not measured (a peer or Stockroom missing)' };
}

const cpuAtoD: Pick = (r) => PHASES.reduce((sum, p) => sum + r.result.phases[p].serverCpuS, 0);

export function verdicts(report: BenchReport): Verdict[] {
  const all = report.ns;
  const fifty = all.includes(50) ? [50] : all;
  const cold = report.runs.filter((r): r is ColdRun => r.kind === 'cold');
  const coldHolds = cold.length === 0 ? null : cold.every((c) => c.serverLoadMs < 300);
  return [
    compare(report, 'server CPU (a)–(d) ≤ 0.5× the better peer', cpuAtoD, 'lower', 0.5, all),
    compare(
      report,
      '(b) edits/s to all 50 ≥ 1.5× the better peer',
      (r) => r.result.phases.b.opsPerSec,
      'higher',
      1.5,
      fifty,
    ),
    compare(
      report,
      '(b) p99 latency ≤ 0.5× the better peer',
      (r) => r.result.phases.b.latencyMs.p99,
      'lower',
      0.5,
      fifty,
    ),
    compare(
      report,
      'new client sync no worse than the better peer',
      (r) => median(r.result.initialSync.ms),
      'lower',
      1,
      all,
    ),
    compare(
      report,
      'server peak RSS no worse than the better peer',
      (r) => r.result.peakRssMb,
      'lower',
      1,
      all,
    ),
    {
      target: 'cold load of 20,000 items < 300 ms',
      holds: coldHolds,
      detail:
        cold
          .map(
            (c) =>
              `run ${c.round}: server ${formatNumber(c.serverLoadMs)} ms, client ${formatNumber(c.clientSyncMs)} ms`,
          )
          .join('; ') || 'not measured',
    },
  ];
}

export function verdictLines(list: readonly Verdict[]): string {
  return list
    .map((v) => `${v.holds === null ? '?' : v.holds ? 'HOLDS' : 'MISSES'}  ${v.target} — ${v.detail}`)
    .join('\n');
}

/** Things that make a figure suspect, to print under the table: reconnects mean a client re-synced mid-phase. */
export function warnings(report: BenchReport): string[] {
  const out: string[] = [];
  for (const run of report.runs) {
    if (run.kind !== 'live') continue;
    for (const phase of PHASES) {
      const reconnects = run.result.phases[phase].reconnects;
      if (reconnects > 0) {
        out.push(
          `run ${run.round} ${run.target} N=${run.n} phase (${phase}): ${reconnects} subscriber reconnects`,
        );
      }
    }
  }
  return out;
}
