import type * as awarenessProtocol from 'y-protocols/awareness';
import { awarenessFrame } from '../frames.js';

export interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Forwards a room's presence: one awareness frame per tick for everything
 * that changed in it, since with N peers renewing their presence,
 * forwarding each as it came would be N² frames, each one encoded on the
 * path of document updates. A removal goes out at once, and instead of
 * anything queued for the same clients: a relay may drop their clocks right
 * after.
 */
export class AwarenessBatcher {
  private readonly changed = new Set<number>();
  private scheduled = false;

  /** `live` says whether anyone is there to send to (peers joined, room open). */
  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly broadcast: (frame: Uint8Array) => void,
    private readonly live: () => boolean,
  ) {}

  note(change: AwarenessChange): void {
    for (const id of change.added) this.changed.add(id);
    for (const id of change.updated) this.changed.add(id);
    if (change.removed.length > 0) {
      for (const id of change.removed) this.changed.delete(id);
      this.broadcast(awarenessFrame(this.awareness, change.removed));
    }
    if (this.changed.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(this.send);
    }
  }

  private readonly send = (): void => {
    this.scheduled = false;
    // Encoding needs each client's clock, and a relay may have forgotten a gone process's clients since.
    const changed = [...this.changed].filter((id) => this.awareness.meta.has(id));
    this.changed.clear();
    if (changed.length > 0 && this.live()) this.broadcast(awarenessFrame(this.awareness, changed));
  };
}
