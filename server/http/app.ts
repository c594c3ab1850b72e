import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { ErrorResponse, HealthResponse, ItemsResponse } from '../../shared/http.js';
import { listItems } from '../../shared/items.js';
import { Paths } from '../../shared/protocol.js';
import { isValidRoomName, ROOM_NAME_RULE } from '../../shared/room-name.js';
import { bearerToken, checkAccess, type Access } from '../auth/access.js';
import type { Logger } from '../logger.js';
import { RoomLimitError, type RoomRegistry } from '../sync/registry.js';

export interface AppDeps {
  logger: Logger;
  registry: RoomRegistry;
  clientDistDir: string;
  maxBodyBytes?: number;
  corsOrigins?: string[];
  /** When set, every /api/rooms call needs `Authorization: Bearer <token>` granting the room. */
  authSecret?: string | undefined;
  /** Extra routes mounted under /api/rooms/:room (the agents' request endpoint). */
  roomRoutes?: (app: Hono<AppEnv>) => void;
}

/** The room named in the path, or a 400 before anything else happens. */
export function roomParam(c: Context): string {
  const room = c.req.param('room') ?? '';
  if (!isValidRoomName(room)) throw new HTTPException(400, { message: ROOM_NAME_RULE });
  return room;
}

const MISSING_CLIENT = `<!doctype html><meta charset="utf-8"><title>Stockroom</title>
<p>The web app is not built yet. Run <code>npm run build</code> (or <code>npm start</code>, which builds first).</p>`;

export type AppEnv = { Variables: { access: Access } & RequestIdVariables };

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Paths only, never query strings: tokens travel there.
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'http',
    );
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
      },
    }),
  );
  const origins = (deps.corsOrigins ?? []).filter(Boolean);
  // Same origin only unless configured: without CORS headers a browser keeps other sites out.
  if (origins.length > 0)
    app.use(`${Paths.api}/*`, cors({ origin: origins, allowHeaders: ['Authorization', 'Content-Type'] }));

  app.onError((error, c) => {
    if (error instanceof HTTPException)
      return c.json({ error: error.message } satisfies ErrorResponse, error.status);
    if (error instanceof RoomLimitError) return c.json({ error: error.message } satisfies ErrorResponse, 503);
    deps.logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal error' } satisfies ErrorResponse, 500);
  });

  // LIM-3: bodies up to 8 MiB, larger ones get 413.
  app.use(
    `${Paths.api}/*`,
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? 8 * 1024 * 1024,
      onError: (c) => c.json({ error: 'body too large' } satisfies ErrorResponse, 413),
    }),
  );

  app.get(`${Paths.api}/health`, (c) => c.json({ ok: true } satisfies HealthResponse));

  // Room name first (400), then the token (401/403); the grant is kept for the routes.
  app.use(`${Paths.api}/rooms/:room/*`, async (c, next) => {
    const room = roomParam(c);
    const checked = await checkAccess(deps.authSecret, bearerToken(c.req.header('authorization')), room);
    if (!checked.ok) return c.json({ error: checked.message } satisfies ErrorResponse, checked.status);
    c.set('access', checked.access);
    await next();
  });

  app.get(`${Paths.api}/rooms/:room/items`, async (c) => {
    const room = roomParam(c);
    const items = await deps.registry.withRoom(room, async (r) => {
      const read = listItems(r.doc);
      // The doc may hold updates that are on their way to the store: answer once they are there.
      await r.whenStored();
      return read;
    });
    return c.json({ items } satisfies ItemsResponse);
  });

  deps.roomRoutes?.(app);

  app.all(`${Paths.api}/*`, (c) => c.json({ error: 'not found' } satisfies ErrorResponse, 404));

  // A plain request on a WebSocket path: 400 for a bad room, otherwise ask for the upgrade.
  for (const prefix of [Paths.sync, Paths.progress]) {
    app.all(`${prefix}/:room`, (c) => {
      roomParam(c);
      return c.json({ error: 'WebSocket upgrade required' } satisfies ErrorResponse, 426);
    });
  }

  const indexFile = path.join(deps.clientDistDir, 'index.html');
  if (fs.existsSync(deps.clientDistDir)) app.use('/*', serveStatic({ root: deps.clientDistDir }));
  app.get('*', (c) => {
    if (!fs.existsSync(indexFile)) return c.html(MISSING_CLIENT, 503);
    // The app shell must never be stale: the service worker and the hashed assets do the caching.
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(indexFile, 'utf8'));
  });

  return app;
}
