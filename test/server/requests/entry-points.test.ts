import { describe, expect, it } from 'vitest';
import type { ProgressMessage } from '../../../shared/progress.js';
import { CloseCode, ReadyState } from '../../../shared/protocol.js';
import { RequestError } from '../../../server/agents/errors.js';
import { signToken } from '../../../server/auth/tokens.js';
import { createApp } from '../../../server/http/app.js';
import { mountRequestsRoute } from '../../../server/http/requests-route.js';
import { createLogger } from '../../../server/logger.js';
import { LocalProgressHub } from '../../../server/progress/hub.js';
import { requestAcceptor } from '../../../server/requests/accept-request.js';
import type { SubmittedRequest } from '../../../server/requests/orchestrator.js';
import { ProgressConnection } from '../../../server/requests/progress-connection.js';
import { RateLimiter } from '../../../server/requests/rate-limiter.js';
import type { SocketLike } from '../../../server/socket-like.js';
import type { RoomRegistry } from '../../../server/sync/registry.js';

/**
 * The two entry points of an agent request render acceptRequest's answers
 * their own way: `error` on the progress channel, a status over HTTP. HTTP
 * runs through `app.request` and the progress connection over a fake socket;
 * no server listens.
 */

const SECRET = 'entry-points-test-secret-0123456789';
const logger = createLogger('silent');

/** An orchestrator that ends every request at once, the way a quick agent would. */
function setup(options: { perMinute?: number; authSecret?: string; refuse?: Error } = {}) {
  const hub = new LocalProgressHub();
  const submitted: SubmittedRequest[] = [];
  const say = (room: string, type: 'start' | 'complete', requestId: string): void =>
    hub.publish(room, { type, requestId, message: type, timestamp: new Date().toISOString() });
  const orchestrator = {
    submit: (request: SubmittedRequest) => {
      if (options.refuse) throw options.refuse;
      submitted.push(request);
      const requestId = request.requestId ?? 'fresh';
      say(request.room, 'start', requestId);
      say(request.room, 'complete', requestId);
      return { requestId, finished: Promise.resolve() };
    },
    cancel: () => false,
  };
  const rateLimiter = new RateLimiter(options.perMinute ?? 600, undefined, () => 0);
  const accept = requestAcceptor({ orchestrator, rateLimiter, logger });
  const app = createApp({
    logger,
    registry: {} as RoomRegistry,
    clientDistDir: '/nonexistent',
    authSecret: options.authSecret,
    roomRoutes: (routes) => mountRequestsRoute(routes, { hub, accept }),
  });
  /** POST a request as if from `address`, with an optional bearer token. */
  const post = (json: unknown, from: { address?: string; token?: string } = {}) =>
    app.request(
      '/api/rooms/shop/requests',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(from.token ? { authorization: `Bearer ${from.token}` } : {}),
        },
        body: JSON.stringify(json),
      },
      { incoming: { socket: { remoteAddress: from.address ?? '10.0.0.1' } } },
    );
  const connect = (access: { grant: 'read' | 'write'; userId: string | null }) => {
    const socket = new FakeSocket();
    const connection = new ProgressConnection(socket, 'shop', access, { hub, orchestrator, accept, logger });
    return { socket, connection };
  };
  return { hub, submitted, post, connect };
}

class FakeSocket implements SocketLike {
  readyState: number = ReadyState.open;
  bufferedAmount = 0;
  readonly sent: Record<string, unknown>[] = [];
  readonly closes: { code?: number; reason?: string }[] = [];
  send(data: Uint8Array | string): void {
    this.sent.push(JSON.parse(String(data)) as Record<string, unknown>);
  }
  close(code?: number, reason?: string): void {
    this.closes.push({ code, reason });
    this.readyState = ReadyState.closed;
  }
  /** Replies that belong to no request: the channel's answers to this client. */
  get errors(): string[] {
    return this.sent.filter((m) => m['type'] === 'error' && !m['requestId']).map((m) => String(m['message']));
  }
}

const request = (userId?: string) =>
  JSON.stringify({ type: 'user_request', input: 'Show low stock', userId });

describe('HTTP POST /api/rooms/<room>/requests (AUTH-6, LIM-4, LIM-5)', () => {
  it('answers 200 with the messages, and 429 to a second caller from one address however it names itself', async () => {
    const { post } = setup({ perMinute: 6 });
    const ok = await post({ input: 'Show low stock', userId: 'u1' });
    expect(ok.status).toBe(200);
    const json = (await ok.json()) as { messages: ProgressMessage[] };
    expect(json.messages.map((m) => m.type)).toEqual(['start', 'complete']);

    const again = await post({ input: 'Show low stock', userId: 'u2' });
    expect(again.status).toBe(429);
    expect(await again.json()).toEqual({
      error: 'Too many requests: slow down and try again in a few seconds',
    });
    expect((await post({ input: 'Show low stock' }, { address: '10.0.0.2' })).status).toBe(200);
  });

  it('with auth: 403 for a read grant, and one bucket per token user across addresses', async () => {
    const { post, submitted } = setup({ perMinute: 6, authSecret: SECRET });
    const reader = await signToken(SECRET, { user: 'bob', rooms: { shop: 'read' } });
    const refused = await post({ input: 'Show low stock' }, { token: reader });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: 'Your access to this room is read-only: requests are refused',
    });

    const alice = await signToken(SECRET, { user: 'alice', rooms: { shop: 'write' } });
    const first = await post(
      { input: 'Show low stock', userId: 'mallory' },
      { token: alice, address: '10.0.0.1' },
    );
    expect(first.status).toBe(200);
    expect(submitted.map((r) => r.userId)).toEqual(['alice']);
    const second = await post({ input: 'Show low stock' }, { token: alice, address: '10.0.0.9' });
    expect(second.status).toBe(429);
  });

  it('answers 409 with the text of a refused submit', async () => {
    const { post } = setup({ refuse: new RequestError('request id r-1 is already in use') });
    const res = await post({ input: 'Show low stock', requestId: 'r-1' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'request id r-1 is already in use' });
  });

  it('answers 500 without details when submit fails inside', async () => {
    const { post } = setup({ refuse: new Error('hub down') });
    const res = await post({ input: 'Show low stock' });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('hub down');
  });
});

describe('ProgressConnection, the /progress core over a fake socket (AUTH-6, LIM-5, LIM-9)', () => {
  it('refuses requests of a read grant with an error reply, and keeps the connection', () => {
    const { connect, submitted } = setup();
    const { socket, connection } = connect({ grant: 'read', userId: 'bob' });
    connection.handle(request());
    expect(socket.errors).toEqual(['Your access to this room is read-only: requests are refused']);
    expect(submitted).toEqual([]);
    expect(connection.isClosed).toBe(false);
  });

  it('rate-limits per connection without a token, whatever userId each request declares', () => {
    const { connect } = setup({ perMinute: 6 });
    const one = connect({ grant: 'write', userId: null });
    one.connection.handle(request('u1'));
    one.connection.handle(request('u2'));
    expect(one.socket.errors).toEqual(['Too many requests: slow down and try again in a few seconds']);
    const two = connect({ grant: 'write', userId: null });
    two.connection.handle(request('u3'));
    expect(two.socket.errors).toEqual([]);
  });

  it("rate-limits per token user across connections, and submits as the token's user", () => {
    const { connect, submitted } = setup({ perMinute: 6 });
    const one = connect({ grant: 'write', userId: 'alice' });
    one.connection.handle(request('mallory'));
    const two = connect({ grant: 'write', userId: 'alice' });
    two.connection.handle(request('someone-else'));
    expect(submitted.map((r) => r.userId)).toEqual(['alice']);
    expect(two.socket.errors).toEqual(['Too many requests: slow down and try again in a few seconds']);
  });

  it('hears every request of its room, answers pings, and replies to binary frames', () => {
    const { connect } = setup();
    const watcher = connect({ grant: 'read', userId: null });
    const asker = connect({ grant: 'write', userId: null });
    asker.connection.handle(request());
    expect(watcher.socket.sent.map((m) => m['type'])).toEqual(['start', 'complete']);
    watcher.connection.handle(JSON.stringify({ type: 'ping' }));
    watcher.connection.handle(new Uint8Array([1, 2]));
    expect(watcher.socket.sent.slice(2)).toEqual([
      { type: 'pong', message: 'pong' },
      { type: 'error', message: 'Invalid JSON format' },
    ]);
  });

  it('drops a reader that is too slow with 1008, and hears nothing after', () => {
    const { connect, hub } = setup();
    const { socket, connection } = connect({ grant: 'read', userId: null });
    socket.bufferedAmount = 64 * 1024 * 1024;
    hub.publish('shop', { type: 'start', requestId: 'x', message: 'start', timestamp: '' });
    expect(socket.closes).toEqual([{ code: CloseCode.policyViolation, reason: 'too slow' }]);
    expect(connection.isClosed).toBe(true);
    hub.publish('shop', { type: 'complete', requestId: 'x', message: 'done', timestamp: '' });
    expect(socket.sent).toEqual([]);
  });

  it('closes once however often it is told, and sends nothing to a socket that is not open', () => {
    const { connect, hub } = setup();
    const { socket, connection } = connect({ grant: 'read', userId: null });
    connection.close();
    connection.close(CloseCode.goingAway, 'again');
    expect(socket.closes).toEqual([{ code: CloseCode.normal, reason: '' }]);

    const other = connect({ grant: 'read', userId: null });
    other.socket.readyState = ReadyState.closing;
    hub.publish('shop', { type: 'start', requestId: 'y', message: 'start', timestamp: '' });
    expect(other.socket.sent).toEqual([]);
    expect(other.connection.isClosed).toBe(true);
  });
});
