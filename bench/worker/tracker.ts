import * as Y from 'yjs';
import { itemsOf } from '../../shared/items.js';
import { firstAtLeast } from '../stats.js';
import { WRITER_CLIENT_ID, type Metric } from '../workload.js';
import { now } from './timing.js';

/**
 * Watches one client's doc: after every transaction it records, for the
 * armed metric, when the value changed — so the time a subscriber first held
 * writer transaction i is a binary search, not a callback per transaction.
 */
export class DocTracker {
  /** Items removed from the items map so far (phase (d) creates no structs, so it is counted this way). */
  deletes = 0;
  /** Items currently in the items map. */
  items = 0;
  private metric: Metric | 'items' | null = null;
  private times: number[] = [];
  private values: number[] = [];
  private goal = Number.POSITIVE_INFINITY;
  private onGoal: (() => void) | null = null;

  constructor(readonly doc: Y.Doc) {
    itemsOf(doc).observe((event) => {
      for (const change of event.keys.values()) {
        if (change.action === 'add') this.items += 1;
        else if (change.action === 'delete') {
          this.items -= 1;
          this.deletes += 1;
        }
      }
    });
    doc.on('afterTransaction', this.afterTransaction);
  }

  value(metric: Metric | 'items'): number {
    switch (metric) {
      case 'clock':
        return Y.getState(this.doc.store, WRITER_CLIENT_ID);
      case 'deletes':
        return this.deletes;
      case 'items':
        return this.items;
    }
  }

  /** Starts a timeline for `metric`, beginning at the current value. */
  arm(metric: Metric | 'items'): void {
    this.metric = metric;
    this.times = [now()];
    this.values = [this.value(metric)];
    this.goal = Number.POSITIVE_INFINITY;
    this.onGoal = null;
  }

  /** Calls `done` once (now or later) when the armed metric reaches `goal`. */
  expect(goal: number, done: () => void): void {
    this.goal = goal;
    this.onGoal = done;
    this.check();
  }

  get current(): number {
    return this.values.at(-1) ?? Number.NaN;
  }

  /** When this doc first held a value ≥ threshold (NaN when it never did). */
  reachedAt(threshold: number): number {
    const index = firstAtLeast(this.values, threshold);
    return index < 0 ? Number.NaN : this.times[index]!;
  }

  disarm(): void {
    this.metric = null;
    this.onGoal = null;
  }

  private readonly afterTransaction = (): void => {
    if (this.metric === null) return;
    const value = this.value(this.metric);
    if (value === this.values.at(-1)) return;
    this.times.push(now());
    this.values.push(value);
    this.check();
  };

  private check(): void {
    if (this.onGoal && this.current >= this.goal) {
      const done = this.onGoal;
      this.onGoal = null;
      done();
    }
  }
}

/** Resolves when every tracker reached `goal`; rejects after `timeoutMs` naming the laggards. */
export function allReach(trackers: readonly DocTracker[], goal: number, timeoutMs: number, what: string) {
  return new Promise<void>((resolve, reject) => {
    if (trackers.length === 0) return resolve();
    let remaining = trackers.length;
    const timer = setTimeout(() => {
      const behind = trackers
        .map((t, i) => ({ i, at: t.current }))
        .filter((t) => !(t.at >= goal))
        .slice(0, 5)
        .map((t) => `#${t.i} at ${t.at}`);
      reject(new Error(`${what}: not converged after ${timeoutMs} ms (goal ${goal}; ${behind.join(', ')})`));
    }, timeoutMs);
    const one = (): void => {
      remaining -= 1;
      if (remaining === 0) {
        clearTimeout(timer);
        resolve();
      }
    };
    for (const tracker of trackers) tracker.expect(goal, one);
  });
}
