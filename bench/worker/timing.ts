/** Clocks and waits shared by the worker's measurements. */

/**
 * Milliseconds on the system's monotonic clock (CLOCK_MONOTONIC, shared by
 * every process), so the writer's send times and the subscribers' receive
 * times, taken in two processes, can be subtracted.
 */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** One event-loop turn: socket reads and other clients' work get their chance in between. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets the server finish what the last delivery started (compaction, socket writes) before reading its CPU. */
export const SETTLE_MS = 100;

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
