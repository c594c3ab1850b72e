import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AgentRequestBodySchema } from '../../shared/http.js';
import { isTerminal, type ProgressMessage } from '../../shared/progress.js';
import { RequestError } from '../agents/errors.js';
import type { Orchestrator } from '../requests/orchestrator.js';
import type { ProgressHub } from '../progress/hub.js';
import type { RateLimiter } from '../requests/rate-limiter.js';
import { roomParam, type AppEnv } from './app.js';

/**
 * POST /api/rooms/<room>/requests: runs an agent request and answers with
 * its progress messages, as server-sent events (Accept: text/event-stream)
 * or as one JSON body once it is done — also when it ends in `error`.
 */
export function mountRequestsRoute(
  app: Hono<AppEnv>,
  deps: { hub: ProgressHub; orchestrator: Orchestrator; rateLimiter: RateLimiter },
): void {
  app.post('/api/rooms/:room/requests', async (c) => {
    const room = roomParam(c);
    const access = c.get('access');
    if (access.grant !== 'write') return c.json({ error: 'your access to this room is read-only' }, 403);
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON' }, 400);
    }
    const body = AgentRequestBodySchema.safeParse(json);
    if (!body.success) {
      const detail = body.error.issues.map((i) =>
        i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message,
      );
      return c.json({ error: detail.join('; ') }, 400);
    }

    const caller = access.userId ?? body.data.userId ?? c.req.header('x-forwarded-for') ?? 'anonymous';
    if (!deps.rateLimiter.take(`user:${caller}`)) return c.json({ error: 'too many requests' }, 429);
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
    try {
      deps.orchestrator.submit({ room, ...body.data, requestId, userId: access.userId ?? body.data.userId });
    } catch (error) {
      unsubscribe();
      if (error instanceof RequestError) return c.json({ error: error.message }, 409);
      throw error;
    }
    const next = () => new Promise<void>((resolve) => (notify = resolve));

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
    return c.json({ requestId, messages });
  });
}
