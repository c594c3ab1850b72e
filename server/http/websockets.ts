import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol.js';
import { checkAccess, type Access } from '../auth/access.js';
import type { Logger } from '../logger.js';
import { ProgressConnection, type ProgressConnectionDeps } from '../requests/progress-connection.js';
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
  /** When set, every upgrade needs a token (`?token=`) granting the room. */
  authSecret?: string | undefined;
  /** Concurrent sockets per room; more get 503 (default unlimited). */
  maxConnectionsPerRoom?: number;
  /** A client whose unsent bytes exceed this is dropped (default 64 MiB). */
  maxBufferedBytes?: number;
  /** What a /progress connection needs; without it /progress answers 404. */
  progress?: ProgressConnectionDeps;
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
 * upgrade), keeps sockets alive with ping/pong, and passes frames to the
 * transport-free cores: SyncConnection for /yjs, ProgressConnection for /progress.
 */
export function attachWebSockets(server: Server, options: WebSocketOptions): WebSocketLayer {
  const { logger, registry } = options;
  const syncServer = new WebSocketServer({ noServer: true, maxPayload: options.maxSyncMessageBytes });
  const progressServer = new WebSocketServer({ noServer: true, maxPayload: options.maxProgressMessageBytes });
  const alive = new Map<WebSocket, boolean>();
  const perRoom = new Map<string, number>();
  const countIn = (room: string, ws: WebSocket): void => {
    perRoom.set(room, (perRoom.get(room) ?? 0) + 1);
    ws.once('close', () => {
      const left = (perRoom.get(room) ?? 1) - 1;
      if (left > 0) perRoom.set(room, left);
      else perRoom.delete(room);
    });
  };

  const track = (ws: WebSocket): void => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('close', () => alive.delete(ws));
    ws.on('error', (error) => logger.debug({ err: error.message }, 'socket error'));
  };

  /** Closes the socket with 4401 when its token expires (re-armed past setTimeout's 24-day limit). */
  const expireAt = (ws: WebSocket, access: Access): void => {
    if (access.expiresAt === null) return;
    const arm = (): void => {
      const delay = access.expiresAt! * 1000 - Date.now();
      if (delay <= 0) return ws.close(CloseCode.unauthorized, 'token expired');
      const timer = setTimeout(arm, Math.min(delay, 2 ** 31 - 1));
      ws.once('close', () => clearTimeout(timer));
    };
    arm();
  };

  const acceptSync = (ws: WebSocket, roomName: string, access: Access): void => {
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
          maxBufferedBytes: options.maxBufferedBytes ?? 64 * 1024 * 1024,
          readOnly: access.grant === 'read',
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

  const acceptProgress = (
    ws: WebSocket,
    room: string,
    access: Access,
    deps: ProgressConnectionDeps,
  ): void => {
    const connection = new ProgressConnection(ws, room, access, deps);
    ws.on('message', (data, isBinary) => connection.handle(isBinary ? toBytes(data) : data.toString()));
    ws.on('close', () => connection.close());
  };

  const upgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = matchChannel(url.pathname);
    const progress = options.progress;
    if (!match || (match.channel === 'progress' && !progress)) {
      return rejectUpgrade(socket, 404, 'Not Found');
    }
    if (match.room === null) return rejectUpgrade(socket, 400, 'Bad Request');
    const room = match.room;
    const checked = await checkAccess(options.authSecret, url.searchParams.get('token'), room);
    if (!checked.ok)
      return rejectUpgrade(socket, checked.status, checked.status === 401 ? 'Unauthorized' : 'Forbidden');
    const access = checked.access;
    if ((perRoom.get(room) ?? 0) >= (options.maxConnectionsPerRoom ?? Infinity)) {
      return rejectUpgrade(socket, 503, 'Service Unavailable');
    }
    if (match.channel === 'sync' && !registry.canOpen(room))
      return rejectUpgrade(socket, 503, 'Service Unavailable');
    const target = match.channel === 'sync' ? syncServer : progressServer;
    target.handleUpgrade(request, socket, head, (ws) => {
      track(ws);
      countIn(room, ws);
      expireAt(ws, access);
      if (match.channel === 'sync') acceptSync(ws, room, access);
      else acceptProgress(ws, room, access, progress!);
    });
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(request, socket, head).catch((error: unknown) => {
      logger.error({ err: error }, 'upgrade failed');
      socket.destroy();
    });
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
