import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import { SyncConnection } from '../sync/connection.js';
import type { RoomRegistry } from '../sync/registry.js';
import { matchChannel } from './route-room.js';

export interface WebSocketOptions {
  logger: Logger;
  registry: RoomRegistry;
  maxSyncMessageBytes: number;
  maxProgressMessageBytes: number;
  /** Liveness: a socket that misses one ping interval's pong is terminated (default 30 s). */
  pingIntervalMs?: number;
  onProgressSocket?: (socket: WebSocket, room: string, request: IncomingMessage) => void;
}

export interface WebSocketLayer {
  /** Closes every socket with 1001 (going away) and stops the liveness timer. */
  close(): void;
  readonly socketCount: number;
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  const body = JSON.stringify({ error: text });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The WebSocket edge: routes upgrades (400 for a bad room name before any
 * upgrade), keeps sockets alive with ping/pong, and passes bytes to the
 * transport-free sync core.
 */
export function attachWebSockets(server: Server, options: WebSocketOptions): WebSocketLayer {
  const { logger, registry } = options;
  const syncServer = new WebSocketServer({ noServer: true, maxPayload: options.maxSyncMessageBytes });
  const progressServer = new WebSocketServer({ noServer: true, maxPayload: options.maxProgressMessageBytes });
  const alive = new Map<WebSocket, boolean>();

  const track = (ws: WebSocket): void => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('close', () => alive.delete(ws));
    ws.on('error', (error) => logger.debug({ err: error.message }, 'socket error'));
  };

  const acceptSync = (ws: WebSocket, roomName: string): void => {
    let connection: SyncConnection | null = null;
    let gone = false;
    const early: Uint8Array[] = [];
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        ws.close(CloseCode.unsupportedData, 'binary frames only');
        return;
      }
      const bytes = toBytes(data);
      if (connection) connection.handle(bytes);
      else early.push(bytes);
    });
    ws.on('close', () => {
      gone = true;
      connection?.close();
    });
    registry.acquire(roomName).then(
      (room) => {
        if (gone) {
          registry.release(roomName);
          return;
        }
        connection = new SyncConnection(ws, room, {
          logger,
          maxBufferedBytes: 64 * 1024 * 1024,
          onClose: () => registry.release(roomName),
        });
        for (const bytes of early.splice(0)) connection.handle(bytes);
      },
      (error: unknown) => {
        logger.error({ err: error, room: roomName }, 'room failed to load');
        ws.close(CloseCode.internalError, 'room failed to load');
      },
    );
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const match = matchChannel(pathname);
    if (!match) return rejectUpgrade(socket, 404, 'Not Found');
    if (match.room === null) return rejectUpgrade(socket, 400, 'Bad Request');
    const room = match.room;
    if (match.channel === 'sync') {
      syncServer.handleUpgrade(request, socket, head, (ws) => {
        track(ws);
        acceptSync(ws, room);
      });
    } else if (options.onProgressSocket) {
      const onProgress = options.onProgressSocket;
      progressServer.handleUpgrade(request, socket, head, (ws) => {
        track(ws);
        onProgress(ws, room, request);
      });
    } else {
      rejectUpgrade(socket, 404, 'Not Found');
    }
  });

  const timer = setInterval(() => {
    for (const [ws, wasAlive] of alive) {
      if (!wasAlive) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, options.pingIntervalMs ?? 30_000);
  timer.unref();

  return {
    get socketCount() {
      return alive.size;
    },
    close() {
      clearInterval(timer);
      for (const ws of alive.keys()) ws.close(CloseCode.goingAway, 'server shutting down');
      syncServer.close();
      progressServer.close();
    },
  };
}
