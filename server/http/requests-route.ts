import type { Context, Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { streamSSE } from 'hono/streaming';
import { AgentRequestBodySchema, type AgentRequestResponse, type ErrorResponse } from '../../shared/http.js';
import {
  isTerminal,
  PROGRESS_PROTOCOL_HEADER,
  PROGRESS_PROTOCOL_VERSION,
  type ProgressMessage,
} from '../../shared/progress.js';
import { Paths } from '../../shared/protocol.js';
import { formatIssues } from '../../shared/zod-issues.js';
import type { ProgressHub } from '../progress/hub.js';
import type { AcceptRequest, Refusal } from '../requests/accept-request.js';
import { roomParam, type AppEnv } from './app.js';

/** How each refusal of acceptRequest answers over HTTP. */
const STATUS = {
  read_only: 403,
  rate_limited: 429,
  conflict: 409,
  internal: 500,
} as const satisfies Record<Refusal, number>;

/**
 * The address the request came from, which names the caller for the rate
 * limit when no token does. Not X-Forwarded-For: any client can write that.
 */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No Node socket behind the request (app.request in tests).
    return 'unknown';
  }
}

/**
 * POST /api/rooms/<room>/requests: runs an agent request and answers with
 * its progress messages, as server-sent events (Accept: text/event-stream)
 * or as one JSON body once it is done — also when it ends in `error`.
 */
export function mountRequestsRoute(
  app: Hono<AppEnv>,
  deps: { hub: ProgressHub; accept: AcceptRequest },
): void {
  app.post(`${Paths.api}/rooms/:room/requests`, async (c) => {
    const room = roomParam(c);
    const { grant, userId } = c.get('access');
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON' } satisfies ErrorResponse, 400);
    }
    const body = AgentRequestBodySchema.safeParse(json);
    if (!body.success) return c.json({ error: formatIssues(body.error) } satisfies ErrorResponse, 400);

    // Listening from before the submit: its `start` is published at once.
    const requestId = body.data.requestId ?? globalThis.crypto.randomUUID();
    const messages: ProgressMessage[] = [];
    let notify: (() => void) | null = null;
    let done = false;
    const unsubscribe = deps.hub.subscribe(room, (message) => {
      if (message.requestId !== requestId) return;
      messages.push(message);
      if (isTerminal(message)) done = true;
      notify?.();
    });
    const accepted = deps.accept(
      { room, grant, userId, transportKey: `addr:${clientAddress(c)}` },
      { ...body.data, requestId },
    );
    if (!accepted.ok) {
      unsubscribe();
      return c.json({ error: accepted.message } satisfies ErrorResponse, STATUS[accepted.refusal]);
    }
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    // The messages' shape version, outside the messages (their fields are fixed by the contract).
    c.header(PROGRESS_PROTOCOL_HEADER, String(PROGRESS_PROTOCOL_VERSION));

    if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
      return streamSSE(c, async (stream) => {
        stream.onAbort(unsubscribe);
        let sent = 0;
        for (;;) {
          while (sent < messages.length) {
            const message = messages[sent++]!;
            await stream.writeSSE({ event: message.type, id: String(sent), data: JSON.stringify(message) });
          }
          if (done) break;
          await next();
        }
        unsubscribe();
      });
    }
    while (!done) await next();
    unsubscribe();
    return c.json({ requestId, messages } satisfies AgentRequestResponse);
  });
}
