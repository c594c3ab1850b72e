import * as encoding from 'lib0/encoding';
import * as random from 'lib0/random';
import * as awarenessProtocol from 'y-protocols/awareness';

/** An awareness state: what a client announces about itself (y-protocols keeps any JSON object). */
export type PresenceState = Record<string, unknown>;

/**
 * How often an open presence is renewed. y-protocols drops a state not
 * renewed within `outdatedTimeout` (30 s) — in the room and in every client
 * — and renews a client's own state at half that; a server presence (an
 * agent's, through a forecast of minutes) does the same.
 */
export const PRESENCE_RENEW_MS = awarenessProtocol.outdatedTimeout / 2;

/**
 * A presence the server itself holds in a room's awareness (an agent at
 * work): a state under an awareness client id of its own, applied to the
 * room's awareness the way a client's awareness frame is, so the room
 * forwards it to every peer (and other processes) like anyone's presence.
 * It stays until `close()`, which removes it for everyone at once.
 */
export class ServerPresence {
  readonly clientID: number;
  private clock = 0;
  private state: PresenceState | null;
  private readonly renewal: NodeJS.Timeout;

  /** `closed` runs once, when the presence closes. */
  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    state: PresenceState,
    private readonly closed: (presence: ServerPresence) => void,
  ) {
    this.clientID = unusedClientId(awareness);
    this.state = state;
    this.publish(state);
    this.renewal = setInterval(() => {
      if (this.state) this.publish(this.state);
    }, PRESENCE_RENEW_MS);
    // A presence never keeps the process alive; its room's close() closes it.
    this.renewal.unref();
  }

  get isOpen(): boolean {
    return this.state !== null;
  }

  /** Replaces the whole state (ignored once closed). */
  set(state: PresenceState): void {
    if (this.state === null) return;
    this.state = state;
    this.publish(state);
  }

  /** Removes the presence for everyone. Idempotent. */
  close(): void {
    if (this.state === null) return;
    this.state = null;
    clearInterval(this.renewal);
    this.publish(null);
    this.closed(this);
  }

  /**
   * One awareness update for this client, encoded as y-protocols encodes
   * one (count, then client id, clock, JSON state; null removes it), and
   * applied with this presence as its origin.
   */
  private publish(state: PresenceState | null): void {
    this.clock += 1;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, this.clientID);
    encoding.writeVarUint(encoder, this.clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), this);
  }
}

function unusedClientId(awareness: awarenessProtocol.Awareness): number {
  let id = random.uint32();
  while (awareness.meta.has(id) || id === awareness.clientID) id = random.uint32();
  return id;
}
