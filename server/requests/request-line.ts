/** A room's requests in one line shared by every server process (docs/SCALING.md). */
export interface RequestLine {
  /**
   * Takes the request's place at arrival: how many requests of the room are
   * ahead in the whole cluster, or null when a live process already has this
   * request id (it runs there once; its messages reach every watcher).
   */
  join(room: string, requestId: string): Promise<number | null>;
  /** Resolves when the request is first in line; rejects once `signal` aborts. */
  turn(room: string, requestId: string, signal: AbortSignal): Promise<void>;
  /**
   * For a request id that another process holds (`join` gave null): resolves
   * `'left'` once the id is free again (that process ended the request and
   * left the line), or `'dead'` once that process is known dead with the
   * request unfinished — `'dead'` to one caller in the cluster only, the one
   * that must end the request. Keeps trying while the line is unreachable;
   * rejects once `signal` aborts.
   */
  follow(room: string, requestId: string, signal: AbortSignal): Promise<'left' | 'dead'>;
  /** Leaves the line so that the next request may start. Never rejects. */
  leave(room: string, requestId: string): Promise<void>;
  /** Asks the process running or queueing the request to cancel it; false when none is known to. */
  cancelElsewhere(room: string, requestId: string): boolean;
  /**
   * Called for a request whose process died before it ended, when nobody
   * follows it: once in the whole cluster, by the process that must end it.
   */
  onOrphan(handler: (room: string, requestId: string) => void): void;
}
