import { parseClientFrame, type Reply, type ServerMessage, type UserRequest } from '../../shared/progress.js';
import { CloseCode, ReadyState } from '../../shared/protocol.js';
import type { Access } from '../auth/access.js';
import type { Logger } from '../logger.js';
import type { ProgressHub } from '../progress/hub.js';
import type { SocketLike } from '../socket-like.js';
import type { AcceptRequest, RequestAccess } from './accept-request.js';
import type { Orchestrator } from './orchestrator.js';

export interface ProgressConnectionDeps {
  hub: ProgressHub;
  orchestrator: Pick<Orchestrator, 'cancel'>;
  accept: AcceptRequest;
  logger: Logger;
  /** Unsent bytes past which a watcher is too slow and is dropped (default 8 MiB). */
  maxBufferedBytes?: number | undefined;
}

/**
 * One client of /progress/<room>, without the transport: it hears every
 * request of the room, and sends requests, pings and cancels. A bad frame
 * gets the contract's `error` reply and the connection stays open. `close()`
 * is the one idempotent cleanup path.
 */
export class ProgressConnection {
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly access: RequestAccess;

  constructor(
    private readonly socket: SocketLike,
    private readonly room: string,
    access: Pick<Access, 'grant' | 'userId'>,
    private readonly deps: ProgressConnectionDeps,
  ) {
    // Without a token, each connection is its own caller for the rate limit.
    this.access = {
      room,
      grant: access.grant,
      userId: access.userId,
      transportKey: `conn:${globalThis.crypto.randomUUID()}`,
    };
    this.unsubscribe = deps.hub.subscribe(room, this.send);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** A frame from the client: text, or bytes for a binary frame (which the channel does not speak). */
  handle(data: string | Uint8Array): void {
    if (this.closed) return;
    if (typeof data !== 'string') return this.reply({ type: 'error', message: 'Invalid JSON format' });
    const parsed = parseClientFrame(data);
    if (!parsed.ok) return this.reply(parsed.reply);
    const message = parsed.message;
    switch (message.type) {
      case 'ping':
        return this.reply({ type: 'pong', message: 'pong' });
      case 'cancel':
        if (!this.deps.orchestrator.cancel(this.room, message.requestId)) {
          this.reply({
            type: 'error',
            message: `No running or queued request ${message.requestId} in room ${this.room}`,
          });
        }
        return;
      case 'user_request':
        return this.request(message);
    }
  }

  /** Sends when the socket is open; a reader too far behind is dropped rather than buffered for. */
  readonly send = (message: ServerMessage): void => {
    if (this.closed) return;
    if (this.socket.readyState !== ReadyState.open) {
      this.close();
      return;
    }
    if (this.socket.bufferedAmount > (this.deps.maxBufferedBytes ?? 8 * 1024 * 1024)) {
      this.deps.logger.warn(
        { room: this.room, buffered: this.socket.bufferedAmount },
        'dropping slow progress client',
      );
      this.close(CloseCode.policyViolation, 'too slow');
      return;
    }
    try {
      this.socket.send(JSON.stringify(message), (error) => {
        if (error) this.close();
      });
    } catch {
      this.close();
    }
  };

  close(code: number = CloseCode.normal, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    try {
      if (this.socket.readyState === ReadyState.open) this.socket.close(code, reason);
    } catch {
      // The socket is already gone; the subscription is dropped either way.
    }
  }

  private request(message: UserRequest): void {
    const { type: _type, ...body } = message;
    const accepted = this.deps.accept(this.access, body);
    if (!accepted.ok) this.reply({ type: 'error', message: accepted.message });
  }

  private reply(reply: Reply): void {
    this.send(reply);
  }
}
