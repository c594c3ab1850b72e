interface RoomQueue<T extends object> {
  running: T | null;
  waiting: T[];
}

/**
 * One FIFO per room: a room's items start one at a time, in the order they
 * were pushed, while rooms never wait on each other. What starting an item
 * means is the caller's `start`; its promise settling is what frees the room.
 *
 * `push` does not start anything: the caller announces the item (or drops it
 * again with `remove`) first, then calls `pump`.
 */
export class RoomQueues<T extends object> {
  private readonly rooms = new Map<string, RoomQueue<T>>();

  constructor(
    private readonly start: (item: T) => Promise<void>,
    /** Runs as soon as an item's `start` settles, before the next item of its room starts. */
    private readonly settled: (item: T) => void = () => undefined,
    /** Gets what a `start` threw or rejected with; the room goes on with its next item either way. */
    private readonly failed: (item: T, error: unknown) => void = () => undefined,
  ) {}

  /** Items of the room that run or wait: how many a newly pushed one is behind. */
  length(room: string): number {
    const queue = this.rooms.get(room);
    return queue ? (queue.running ? 1 : 0) + queue.waiting.length : 0;
  }

  push(room: string, item: T): void {
    let queue = this.rooms.get(room);
    if (!queue) {
      queue = { running: null, waiting: [] };
      this.rooms.set(room, queue);
    }
    queue.waiting.push(item);
  }

  /** Takes a waiting item out of its room's line; false when it is not waiting (running, or unknown). */
  remove(room: string, item: T): boolean {
    const waiting = this.rooms.get(room)?.waiting ?? [];
    const index = waiting.indexOf(item);
    if (index < 0) return false;
    waiting.splice(index, 1);
    return true;
  }

  /** Starts the room's next item unless one is running; forgets the room once it is idle and empty. */
  pump(room: string): void {
    const queue = this.rooms.get(room);
    if (!queue || queue.running) return;
    const item = queue.waiting.shift();
    if (!item) {
      this.rooms.delete(room);
      return;
    }
    queue.running = item;
    let started: Promise<void>;
    try {
      started = this.start(item);
    } catch (error) {
      started = Promise.reject(error);
    }
    // Not `.finally`: a rejected start would pass through it and go unhandled.
    started.then(
      () => this.next(room, queue, item),
      (error: unknown) => {
        this.report(item, error);
        this.next(room, queue, item);
      },
    );
  }

  private next(room: string, queue: RoomQueue<T>, item: T): void {
    try {
      this.settled(item);
    } catch (error) {
      this.report(item, error);
    }
    queue.running = null;
    this.pump(room);
  }

  private report(item: T, error: unknown): void {
    try {
      this.failed(item, error);
    } catch {
      // The reporter itself failed: the room must still go on.
    }
  }
}
