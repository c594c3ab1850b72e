import { decodeProgressMessage, isTerminal, type ProgressMessage } from '../../shared/progress.js';
import type { Logger } from '../logger.js';
import { LocalProgressHub, type ProgressHub, type ProgressListener } from '../progress/hub.js';
import type { Bus } from './bus.js';

/**
 * The progress hub across processes: every message is delivered to this
 * process's subscribers at once and published on ONE cluster-wide channel,
 * which every process subscribes to before it listens. One channel rather
 * than one per room, so a watcher that connects to any process hears a
 * request from its first message, with no per-room subscribe to race
 * against. Progress is small and ephemeral; a message lost while Redis is
 * down is not replayed (the document edits it describes are never lost).
 * All messages of a request come from the process running it, over one
 * connection, so every watcher sees them in order.
 */
export class RedisProgressHub implements ProgressHub {
  private readonly local = new LocalProgressHub();
  private readonly channel: string;
  private readonly endListeners = new Set<(requestId: string) => void>();

  private constructor(
    private readonly bus: Bus,
    private readonly logger: Logger,
  ) {
    this.channel = bus.key('progress');
  }

  static async start(bus: Bus, logger: Logger): Promise<RedisProgressHub> {
    const hub = new RedisProgressHub(bus, logger);
    await bus.subscribe(hub.channel, (message) => hub.receive(message));
    return hub;
  }

  /** Hears the final message of every request in the cluster, whatever the room. */
  onEnd(listener: (requestId: string) => void): void {
    this.endListeners.add(listener);
  }

  publish(room: string, message: ProgressMessage): void {
    this.deliver(room, message);
    void this.bus.publish(this.channel, JSON.stringify({ node: this.bus.node, room, message }));
  }

  subscribe(room: string, listener: ProgressListener): () => void {
    return this.local.subscribe(room, listener);
  }

  private receive(bytes: Buffer): void {
    let parsed: { node?: unknown; room?: unknown; message?: unknown };
    try {
      parsed = JSON.parse(bytes.toString()) as typeof parsed;
    } catch {
      this.logger.warn('dropping a progress message that is not JSON');
      return;
    }
    if (parsed.node === this.bus.node || typeof parsed.room !== 'string') return;
    // Lenient like the browser: a message whose data another version shaped differently still
    // reaches the watchers (its line, and the end of its request), without that data.
    const decoded = decodeProgressMessage(parsed.message);
    if (!decoded) {
      this.logger.warn({ room: parsed.room }, 'dropping a progress message that is not one');
      return;
    }
    if (decoded.dataDropped) {
      this.logger.warn(
        { room: parsed.room, type: decoded.message.type },
        'progress message data did not match its schema; relayed without it',
      );
    }
    this.deliver(parsed.room, decoded.message);
  }

  private deliver(room: string, message: ProgressMessage): void {
    this.local.publish(room, message);
    if (isTerminal(message)) for (const listener of this.endListeners) listener(message.requestId);
  }
}
