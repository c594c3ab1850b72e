/**
 * What the browser phase's orchestrator and its remote writer (a Node process
 * of its own, see remote-writer.ts) say to each other over the fork IPC
 * channel. Both ends are this benchmark, so the shapes are plain types.
 */

export interface SeedParams {
  /** ws://host:port/yjs */
  url: string;
  room: string;
  items: number;
  timeoutMs: number;
}

export interface SeedResult {
  ms: number;
  /** Items a second, fresh client held after its first sync: the server's own state. */
  serverItems: number;
}

export interface EditsParams {
  /** Edits per second. */
  rate: number;
  count: number;
  /** Item ids the page shows without scrolling: every `visibleEvery`-th edit goes to one of them. */
  visible: string[];
  visibleEvery: number;
}

export interface EditsResult {
  made: number;
  /** Wall clock (Date.now) of the first and the last edit: the page's clock is the same machine's. */
  firstAt: number;
  lastAt: number;
  /** How far behind its schedule the writer fell at worst (ms). */
  maxLagMs: number;
  /** The value of `field` each visible item must end with. */
  field: string;
  finalValues: Record<string, number>;
}

export interface WriterApi {
  seed(p: SeedParams): SeedResult;
  edits(p: EditsParams): EditsResult;
}
