import type { AgentResult, ForecastResult, InitialSyncResult, LiveResult, PhaseResult } from './ipc.js';
import { treeCpuSeconds, treePeakRssMb } from './proc-stats.js';
import { summarizeLatency } from './stats.js';
import { SubscriberGroup } from './subscriber-group.js';
import type { RunningTarget } from './targets.js';
import { WorkerProcess } from './worker-process.js';
import { inventoryItems, PHASE_SPECS, PHASES, SIZES, type PhaseName } from './workload.js';

/**
 * One (target, N) run against a running server: the writer worker makes each
 * phase's transactions, the subscriber workers report when each subscriber
 * held each of them, and this process reads the server's CPU from /proc
 * around every phase. Any subscriber that does not end with the writer's
 * exact state fails the run.
 */
export const ROOM = 'bench';
const CONNECT_TIMEOUT_MS = 30_000;
const INITIAL_SYNC_TRIES = 3;
/** Lets the server finish what the last delivery started (compaction, socket writes) before reading its CPU. */
const SETTLE_MS = 100;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Context {
  label: string;
  target: RunningTarget;
  writer: WorkerProcess<'writer'>;
  subscribers: SubscriberGroup;
  timeoutMs: number;
}

/** Server CPU seconds spent from now until `fn` settles (plus a short settle). */
async function measured<T>(ctx: Context, fn: () => Promise<T>): Promise<{ value: T; cpuS: number }> {
  const before = treeCpuSeconds(ctx.target.server.pid);
  const value = await fn();
  await pause(SETTLE_MS);
  return { value, cpuS: treeCpuSeconds(ctx.target.server.pid) - before };
}

async function runPhase(ctx: Context, phase: PhaseName): Promise<PhaseResult> {
  const spec = PHASE_SPECS[phase];
  await ctx.subscribers.arm(spec.metric, ctx.timeoutMs);
  const { value, cpuS } = await measured(ctx, async () => {
    const written = await ctx.writer.call('phase', { phase }, ctx.timeoutMs);
    const seen = await ctx.subscribers.settle(
      {
        goals: written.goals,
        snapshot: written.snapshot,
        timeoutMs: ctx.timeoutMs,
        what: `${ctx.label} ${spec.label}`,
      },
      ctx.timeoutMs * 2,
    );
    return { written, seen };
  });
  const { written, seen } = value;
  const latencies = written.sentAt.map((sent, i) => seen.lastReachedAt[i]! - sent);
  const convergenceMs = seen.lastReachedAt.at(-1)! - written.sentAt[0]!;
  return {
    phase,
    ops: spec.ops,
    transactions: spec.transactions,
    convergenceMs,
    opsPerSec: (spec.ops * 1000) / convergenceMs,
    latencyMs: summarizeLatency(latencies),
    serverCpuS: cpuS,
    messagesPerSub: seen.messagesPerSub,
    bytesPerSub: seen.bytesPerSub,
    reconnects: seen.reconnects,
  };
}

async function initialSync(ctx: Context): Promise<InitialSyncResult> {
  const state = await ctx.writer.call('state', {}, ctx.timeoutMs);
  const { value, cpuS } = await measured(ctx, () =>
    ctx.subscribers.first.call(
      'initialSync',
      { snapshot: state.snapshot, tries: INITIAL_SYNC_TRIES, timeoutMs: ctx.timeoutMs },
      ctx.timeoutMs * INITIAL_SYNC_TRIES,
    ),
  );
  return { ...value, serverCpuS: cpuS };
}

/** Stockroom only: `add_multiple` of 10,000 items through the HTTP API, until every subscriber holds them. */
async function agentBulkAdd(ctx: Context, httpUrl: string): Promise<AgentResult> {
  const before = await ctx.writer.call('state', {}, ctx.timeoutMs);
  const goal = before.items + SIZES.agentItems;
  const body = JSON.stringify({
    input: `Perform add_multiple on ${SIZES.agentItems} items`,
    context: { operation: 'add_multiple', items: inventoryItems('g', SIZES.agentItems, false) },
    userId: 'bench',
  });
  await ctx.subscribers.arm('items', ctx.timeoutMs);
  const { value, cpuS } = await measured(ctx, async () => {
    const request = await ctx.subscribers.first.call(
      'request',
      { url: `${httpUrl}/api/rooms/${ROOM}/requests`, body },
      ctx.timeoutMs,
    );
    const last = request.reply.messages.at(-1);
    if (last?.type !== 'complete') throw new Error(`add_multiple ended with ${last?.type}: ${last?.message}`);
    const writer = await ctx.writer.call(
      'awaitItems',
      { items: goal, timeoutMs: ctx.timeoutMs },
      ctx.timeoutMs * 2,
    );
    const seen = await ctx.subscribers.settle(
      {
        goals: [goal],
        snapshot: writer.snapshot,
        timeoutMs: ctx.timeoutMs,
        what: `${ctx.label} agent add_multiple`,
      },
      ctx.timeoutMs * 2,
    );
    return { request, seen };
  });
  return {
    items: SIZES.agentItems,
    responseMs: value.request.repliedAt - value.request.sentAt,
    deliveredMs: value.seen.lastReachedAt[0]! - value.request.sentAt,
    serverCpuS: cpuS,
  };
}

/** Stockroom only: "Forecast demand for the next 4 weeks" on the seeded demo room, held open by one client. */
async function forecast(ctx: Context, httpUrl: string): Promise<ForecastResult> {
  await ctx.subscribers.first.call(
    'join',
    { endpoint: ctx.target.endpoint('demo'), timeoutMs: ctx.timeoutMs },
    ctx.timeoutMs * 2,
  );
  await pause(SETTLE_MS);
  const body = JSON.stringify({ input: 'Forecast demand for the next 4 weeks', userId: 'bench' });
  const { value, cpuS } = await measured(ctx, () =>
    ctx.subscribers.first.call('request', { url: `${httpUrl}/api/rooms/demo/requests`, body }, ctx.timeoutMs),
  );
  const messages = value.reply.messages;
  if (messages.at(-1)?.type !== 'complete') throw new Error(`forecast ended with ${messages.at(-1)?.type}`);
  const forecasts = messages.find((m) => m.type === 'forecast_results')?.data?.['forecasts'];
  if (!Array.isArray(forecasts) || forecasts.length === 0) throw new Error('forecast returned no forecasts');
  return { ms: value.repliedAt - value.sentAt, skus: forecasts.length, serverCpuS: cpuS };
}

export interface LiveOptions {
  n: number;
  /** Worker processes the N subscribers are spread over. */
  processes: number;
  timeoutMs: number;
  extras: { agent: boolean; forecast: boolean };
}

export async function runLive(
  label: string,
  target: RunningTarget,
  options: LiveOptions,
): Promise<LiveResult> {
  const { n, timeoutMs, extras } = options;
  const ctx: Context = {
    label,
    target,
    writer: WorkerProcess.start('writer'),
    subscribers: SubscriberGroup.start(n, options.processes),
    timeoutMs,
  };
  try {
    const endpoint = target.endpoint(ROOM);
    await ctx.writer.call('connect', { endpoint, timeoutMs: CONNECT_TIMEOUT_MS }, CONNECT_TIMEOUT_MS * 2);
    await ctx.subscribers.connect(endpoint, CONNECT_TIMEOUT_MS);
    await pause(SETTLE_MS);
    const phases = {} as Record<PhaseName, PhaseResult>;
    for (const phase of PHASES) phases[phase] = await runPhase(ctx, phase);
    // Each phase compared state vectors and delete sets; once, compare the whole encoded state too.
    const writerState = await ctx.writer.call('state', {}, timeoutMs);
    const hashes = await ctx.subscribers.stateHashes(timeoutMs);
    if (hashes.some((h) => h !== writerState.stateHash)) {
      throw new Error(`${label}: a subscriber's encoded state differs from the writer's after (d)`);
    }
    const sync = await initialSync(ctx);
    const peakRssMb = treePeakRssMb(target.server.pid);
    const httpUrl = target.httpUrl;
    const agent = extras.agent && httpUrl ? await agentBulkAdd(ctx, httpUrl) : null;
    const forecastResult = extras.forecast && httpUrl ? await forecast(ctx, httpUrl) : null;
    return { phases, initialSync: sync, peakRssMb, agent, forecast: forecastResult };
  } finally {
    await Promise.allSettled([ctx.writer.stop(), ctx.subscribers.stop()]);
  }
}
