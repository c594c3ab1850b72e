/**
 * Shares one flush to disk among everyone who asked while the previous
 * flush was running: group commit across rooms. A caller's promise
 * resolves only after a flush that *started after its call* completed, so
 * whatever it wrote before calling is on disk then.
 *
 * With N rooms committing at once this is one fsync on the libuv thread
 * pool instead of N on the event loop.
 */
export class CoalescedSync {
  private running: Promise<void> | null = null;
  /** The flush that starts once `running` ends; shared by every caller until then. */
  private next: Promise<void> | null = null;
  private flushes = 0;

  constructor(private readonly flush: () => Promise<void>) {}

  /** How many flushes ran (or are running). */
  get flushCount(): number {
    return this.flushes;
  }

  request(): Promise<void> {
    if (this.next) return this.next;
    if (!this.running) return this.start();
    // The running flush may have started before the caller's write: it needs the one after.
    const after = this.running.then(
      () => undefined,
      () => undefined,
    );
    this.next = after.then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<void> {
    this.flushes++;
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
