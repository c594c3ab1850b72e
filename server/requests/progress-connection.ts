import type { WebSocket } from 'ws';
import { parseClientFrame, type Reply, type ServerMessage } from '../../shared/progress.js';
import { RequestError } from '../agents/errors.js';
import type { Orchestrator } from './orchestrator.js';
import type { Logger } from '../logger.js';
import type { ProgressHub } from '../progress/hub.js';
import type { RateLimiter } from './rate-limiter.js';

export interface ProgressSocketDeps {
  hub: ProgressHub;
  orchestrator: Orchestrator;
  logger: Logger;
  /** Unsent bytes past which a watcher is too slow and is dropped. */
  maxBufferedBytes?: number;
  /** Agent requests per minute per connection and per user. */
  rateLimiter: RateLimiter;
}

const OPEN = 1;

/**
 * One client of ws /progress/<room>: hears every request of the room, sends
 * requests, pings and cancels. A bad frame gets the contract's `error` reply
 * and the connection stays open.
 */
export function serveProgressSocket(
  ws: WebSocket,
  room: string,
  deps: ProgressSocketDeps,
  options: { readOnly?: boolean; userId?: string | null } = {},
): void {
  const maxBuffered = deps.maxBufferedBytes ?? 8 * 1024 * 1024;
  const send = (message: ServerMessage): void => {
    if (ws.readyState !== OPEN) return;
    if (ws.bufferedAmount > maxBuffered) {
      ws.close(1008, 'too slow');
      return;
    }
    ws.send(JSON.stringify(message));
  };
  const reply = (r: Reply) => send(r);
  const unsubscribe = deps.hub.subscribe(room, send);
  const connectionKey = `conn:${globalThis.crypto.randomUUID()}`;
  ws.on('close', unsubscribe);

  ws.on('message', (data, isBinary) => {
    if (isBinary) return reply({ type: 'error', message: 'Invalid JSON format' });
    const parsed = parseClientFrame(data.toString());
    if (!parsed.ok) return reply(parsed.reply);
    const message = parsed.message;
    switch (message.type) {
      case 'ping':
        return reply({ type: 'pong', message: 'pong' });
      case 'cancel':
        if (!deps.orchestrator.cancel(room, message.requestId)) {
          reply({
            type: 'error',
            message: `No running or queued request ${message.requestId} in room ${room}`,
          });
        }
        return;
      case 'user_request':
        if (options.readOnly) {
          return reply({
            type: 'error',
            message: 'Your access to this room is read-only: requests are refused',
          });
        }
        if (
          !deps.rateLimiter.take(connectionKey) ||
          !deps.rateLimiter.take(`user:${options.userId ?? message.userId ?? 'anonymous'}`)
        ) {
          return reply({
            type: 'error',
            message: 'Too many requests: slow down and try again in a few seconds',
          });
        }
        try {
          deps.orchestrator.submit({
            room,
            input: message.input,
            context: message.context,
            userId: options.userId ?? message.userId,
            requestId: message.requestId,
          });
        } catch (error) {
          if (!(error instanceof RequestError))
            deps.logger.error({ err: error, room }, 'could not submit a request');
          reply({ type: 'error', message: error instanceof Error ? error.message : 'request refused' });
        }
        return;
    }
  });
}
