import type { BrowserResult } from '../browser/results.js';
import type { FloorResult, LiveResult, TargetName } from '../ipc.js';

/** The results of one invocation, as written to bench/results/*.json. */

export interface LiveRun {
  kind: 'live';
  round: number;
  target: TargetName;
  n: number;
  result: LiveResult;
  /** The server's VmHWM at the end, Stockroom's extra measurements included. */
  peakRssEndMb: number;
}

/** The in-process floor: the same updates applied straight to N docs, without a server. */
export interface FloorRun {
  kind: 'floor';
  round: number;
  n: number;
  result: FloorResult;
}

export interface ColdRun {
  kind: 'cold';
  round: number;
  items: number;
  fillMs: number;
  /** The server's own "room loaded" time: store read plus applying the snapshot and tail. */
  serverLoadMs: number;
  /** A client's first sync of the cold room: connect, load, encode, transfer, apply. */
  clientSyncMs: number;
}

export type Run = LiveRun | FloorRun | ColdRun;

export interface Verdict {
  target: string;
  holds: boolean | null;
  detail: string;
}

export interface BenchReport {
  version: 1;
  startedAt: string;
  durationS: number;
  /** CPU seconds of every process of the run: on 2 idle cores the run cannot take less than half of this. */
  cpuS: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    os: string;
    node: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  source: { commit: string; dirtyServerFiles: string[] };
  versions: Record<string, string>;
  rounds: number;
  ns: number[];
  runs: Run[];
  verdicts: Verdict[];
  warnings: string[];
  /** The browser phase (absent with BENCH_BROWSER=0). */
  browser?: BrowserResult;
}
