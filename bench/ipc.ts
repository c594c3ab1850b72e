import type { AgentRequestResponse } from '../shared/http.js';
import type { LatencySummary } from './stats.js';
import type { Endpoint } from './worker/clients.js';
import type { Metric, PhaseName } from './workload.js';

/**
 * The orchestrator drives client worker processes by calls over the fork IPC
 * channel: one worker holds the writer, one the N subscribers (so the
 * writer's pace never depends on the subscribers' work), and one-shot
 * workers compute the in-process floor and the cold-load steps. Both ends
 * are this benchmark, so the shapes are plain TypeScript types.
 */
export type TargetName = 'stockroom' | 'y-websocket' | 'hocuspocus';
export type Role = 'writer' | 'subscribers' | 'floor' | 'cold';

/** Times are milliseconds on CLOCK_MONOTONIC (see worker/timing.ts), comparable across processes. */
export interface WriterPhase {
  /** When transaction i started. */
  sentAt: number[];
  /** The writer's metric value after transaction i: a subscriber holding it has seen transaction i. */
  goals: number[];
  /** encodeSnapshot of the writer's doc after the phase, hex. */
  snapshot: string;
}

export interface SubscribersPhase {
  /** Per goal: when the last subscriber reached it. */
  lastReachedAt: number[];
  messagesPerSub: number;
  bytesPerSub: number;
  reconnects: number;
}

export interface DocState {
  snapshot: string;
  /** sha256 of Y.encodeStateAsUpdate. */
  stateHash: string;
  items: number;
}

export interface WriterApi {
  connect(p: { endpoint: Endpoint; timeoutMs: number }): null;
  phase(p: { phase: PhaseName }): WriterPhase;
  /** Waits until the writer's doc holds `items` items (someone else added them), then reports its state. */
  awaitItems(p: { items: number; timeoutMs: number }): DocState;
  state(p: Record<string, never>): DocState;
}

export interface SubscribersApi {
  connect(p: { endpoint: Endpoint; n: number; timeoutMs: number }): null;
  arm(p: { metric: Metric | 'items' }): null;
  /** Waits until every subscriber reached the last goal, checks each holds `snapshot`, reports. */
  settle(p: { goals: number[]; snapshot: string; timeoutMs: number; what: string }): SubscribersPhase;
  /** The full encoded state of every subscriber, hashed. */
  stateHashes(p: Record<string, never>): string[];
  /** Fresh clients join one after another; each must end holding `snapshot`. */
  initialSync(p: { snapshot: string; tries: number; timeoutMs: number }): { ms: number[]; bytes: number };
  /** POSTs an agent request body and returns when the reply came (the subscribers are not awaited). */
  request(p: { url: string; body: string }): { sentAt: number; repliedAt: number; reply: RequestReply };
  /** Joins another room with one client and waits for its sync (keeps that room loaded). */
  join(p: { endpoint: Endpoint; timeoutMs: number }): null;
}

/** The HTTP requests route's JSON answer. */
export type RequestReply = AgentRequestResponse;

export interface FloorApi {
  run(p: { n: number; mode: 'each' | 'merged' }): FloorPart;
}

/** One floor worker's share: its n docs. The orchestrator combines the shares of all workers. */
export interface FloorPart {
  phases: Record<PhaseName, { convergenceMs: number; perUpdateMs: number[] | null }>;
  initialSyncMs: number[];
}

export interface ColdApi {
  fill(p: { endpoint: Endpoint; items: number; timeoutMs: number }): { ms: number; snapshot: string };
  open(p: { endpoint: Endpoint; snapshot: string; timeoutMs: number }): { syncMs: number };
}

export interface Apis {
  writer: WriterApi;
  subscribers: SubscribersApi;
  floor: FloorApi;
  cold: ColdApi;
}

/** Results of one (target, N) run, as reported. */
export interface PhaseResult {
  phase: PhaseName;
  ops: number;
  transactions: number;
  /** From the writer's first transaction until the last subscriber held the writer's final state. */
  convergenceMs: number;
  /** Item operations delivered to all N per second of convergence time. */
  opsPerSec: number;
  /** Per transaction: until the last subscriber held it. */
  latencyMs: LatencySummary;
  serverCpuS: number;
  /** Mean over subscribers of WebSocket messages / payload bytes received during the phase. */
  messagesPerSub: number;
  bytesPerSub: number;
  /** Sockets the subscribers had to reopen during the phase (should be 0). */
  reconnects: number;
}

export interface InitialSyncResult {
  /** Each fresh client's time from creating the provider to holding the writer's exact state. */
  ms: number[];
  bytes: number;
  serverCpuS: number;
}

export interface AgentResult {
  items: number;
  /** Until the HTTP request returned (the request's `complete`). */
  responseMs: number;
  /** Until every subscriber and the writer held all new items. */
  deliveredMs: number;
  serverCpuS: number;
}

export interface ForecastResult {
  ms: number;
  skus: number;
  serverCpuS: number;
}

export interface LiveResult {
  phases: Record<PhaseName, PhaseResult>;
  initialSync: InitialSyncResult;
  /** The server's VmHWM after (a)–(d) and the initial syncs, before any extra measurement. */
  peakRssMb: number;
  agent: AgentResult | null;
  forecast: ForecastResult | null;
}

export interface FloorPhase {
  phase: PhaseName;
  ops: number;
  /** Applying the phase to all N docs: update by update, or the merge plus one apply per doc. */
  convergenceMs: number;
  opsPerSec: number;
  /** mode 'each': per update, the time to apply it to all N docs. */
  latencyMs: LatencySummary | null;
}

export interface FloorResult {
  n: number;
  mode: 'each' | 'merged';
  phases: Record<PhaseName, FloorPhase>;
  /** Encoding the final document and applying it to a fresh doc, in process. */
  initialSyncMs: number[];
}
