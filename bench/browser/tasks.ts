import type { LongTaskSummary } from './results.js';

/** Long tasks as the page's observer reports them: [startTime, duration], ms on the page's clock. */
export type Task = readonly [number, number];

/** The tasks that started within [from, to). */
export function tasksBetween(tasks: readonly Task[], from: number, to: number): Task[] {
  return tasks.filter(([start]) => start >= from && start < to);
}

export function summarizeTasks(tasks: readonly Task[]): LongTaskSummary {
  return {
    count: tasks.length,
    totalMs: tasks.reduce((sum, [, duration]) => sum + duration, 0),
    maxMs: tasks.reduce((max, [, duration]) => Math.max(max, duration), 0),
  };
}
