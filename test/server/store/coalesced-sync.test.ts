import { describe, expect, it } from 'vitest';
import { CoalescedSync } from '../../../server/store/coalesced-sync.js';

/** A flush the test finishes by hand, so it can ask for more while one runs. */
function manualFlush() {
  const runs: { finish: (error?: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { runs, flush };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescedSync', () => {
  it('starts a flush at once when none is running', async () => {
    const { runs, flush } = manualFlush();
    const sync = new CoalescedSync(flush);
    let done = false;
    const request = sync.request().then(() => (done = true));
    expect(runs).toHaveLength(1);
    await turn();
    expect(done).toBe(false);
    runs[0]!.finish();
    await request;
    expect(sync.flushCount).toBe(1);
  });

  it('does not let a request ride on a flush that started before it', async () => {
    const { runs, flush } = manualFlush();
    const sync = new CoalescedSync(flush);
    const first = sync.request();
    let secondDone = false;
    const second = sync.request().then(() => (secondDone = true));
    runs[0]!.finish();
    await first;
    await turn();
    // The first flush may have missed what the second caller wrote: it waits for a new one.
    expect(secondDone).toBe(false);
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    await second;
    expect(sync.flushCount).toBe(2);
  });

  it('serves every request made during one flush with the single next flush', async () => {
    const { runs, flush } = manualFlush();
    const sync = new CoalescedSync(flush);
    const first = sync.request();
    const waiting = [sync.request(), sync.request(), sync.request()];
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await first;
    await turn();
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    await Promise.all(waiting);
    expect(sync.flushCount).toBe(2);
  });

  it('fails the requests a failed flush served, and the next request flushes again', async () => {
    const { runs, flush } = manualFlush();
    const sync = new CoalescedSync(flush);
    const failing = sync.request();
    const queued = sync.request();
    runs[0]!.finish(new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');
    await turn();
    // The queued one still gets its own flush, which works.
    runs[1]!.finish();
    await expect(queued).resolves.toBeUndefined();
    const later = sync.request();
    expect(runs).toHaveLength(3);
    runs[2]!.finish();
    await expect(later).resolves.toBeUndefined();
  });
});
