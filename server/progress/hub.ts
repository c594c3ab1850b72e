import type { ProgressMessage } from '../../shared/progress.js';

export type ProgressListener = (message: ProgressMessage) => void;

/**
 * Fan-out of progress messages to everyone watching a room: WebSocket
 * clients, HTTP/SSE callers. Ephemeral by design: nothing here is stored.
 * (With REDIS_URL, a Redis-backed hub carries the same calls between processes.)
 */
export interface ProgressHub {
  publish(room: string, message: ProgressMessage): void;
  subscribe(room: string, listener: ProgressListener): () => void;
}

export class LocalProgressHub implements ProgressHub {
  private readonly rooms = new Map<string, Set<ProgressListener>>();

  publish(room: string, message: ProgressMessage): void {
    const listeners = this.rooms.get(room);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch {
        // One broken subscriber must not stop the others from hearing about the request.
      }
    }
  }

  subscribe(room: string, listener: ProgressListener): () => void {
    let listeners = this.rooms.get(room);
    if (!listeners) {
      listeners = new Set();
      this.rooms.set(room, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.rooms.get(room) === listeners) this.rooms.delete(room);
    };
  }
}
