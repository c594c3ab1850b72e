/**
 * The part of a WebSocket that the transport-free connections (sync and
 * progress) use: `ws` sockets fit it, and so do test doubles. Events come in
 * through the connection's own `handle` and `close`, wired in
 * server/http/websockets.ts.
 */
export interface SocketLike {
  /** One of shared/protocol.ts `ReadyState`. */
  readonly readyState: number;
  /** Bytes queued but not yet sent: how far behind a reader is. */
  readonly bufferedAmount: number;
  send(data: Uint8Array | string, callback?: (error?: Error) => void): void;
  close(code?: number, reason?: string): void;
}
