import { CloseCode, ReadyState } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { SocketLike } from '../socket-like.js';
import { decodeClientFrame } from './frames.js';
import type { Room, RoomPeer } from './room/room.js';

export interface ConnectionOptions {
  logger: Logger;
  /** A client whose unsent bytes exceed this is too slow to keep up; it is dropped (default 64 MiB). */
  maxBufferedBytes: number;
  /** A read-only grant: the connection syncs, but none of its updates is applied, stored or forwarded. */
  readOnly?: boolean;
  /** Called once, when the connection closes for any reason. */
  onClose: () => void;
}

/**
 * One client on /yjs: decodes its frames (inside try, so a bad frame closes
 * only this socket), hands them to the room, and sends what the room
 * broadcasts. `close()` is the one idempotent cleanup path.
 */
export class SyncConnection implements RoomPeer {
  private closed = false;

  constructor(
    private readonly socket: SocketLike,
    private readonly room: Room,
    private readonly options: ConnectionOptions,
  ) {
    room.join(this);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.readyState !== ReadyState.open) {
      this.close();
      return;
    }
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.options.logger.warn(
        { room: this.room.name, buffered: this.socket.bufferedAmount },
        'dropping slow client',
      );
      this.close(CloseCode.policyViolation, 'too slow');
      return;
    }
    try {
      this.socket.send(frame, (error) => {
        if (error) this.close();
      });
    } catch {
      this.close();
    }
  }

  handle(data: Uint8Array): void {
    if (this.closed) return;
    try {
      const frame = decodeClientFrame(data);
      if (frame.kind === 'update' && this.options.readOnly) return;
      this.room.receive(this, frame);
    } catch (error) {
      this.options.logger.warn(
        {
          room: this.room.name,
          err: error instanceof Error ? error.message : String(error),
          bytes: data.byteLength,
        },
        'closing connection after a frame that failed to decode or apply',
      );
      this.close(CloseCode.unsupportedData, 'invalid frame');
    }
  }

  close(code: number = CloseCode.normal, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.room.leave(this);
    try {
      if (this.socket.readyState === ReadyState.open) this.socket.close(code, reason);
    } catch {
      // The socket is already gone; cleanup below still runs.
    }
    this.options.onClose();
  }
}
