import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ProgressClient,
  progressUrl,
  type WebSocketLike,
} from '../../../client/src/agent/progress-client.js';
import { newRequestId } from '../../../client/src/agent/request-id.js';
import { msg } from './fixtures.js';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: unknown[] = [];
  closed = false;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  // test drivers
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  frame(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const client = new ProgressClient({
    room: 'demo',
    url: 'ws://test/progress/demo',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    pingIntervalMs: 25_000,
    backoff: { initialMs: 500, maxMs: 4_000 },
    random: () => 1, // no jitter: delays are exactly the backoff
  });
  const last = () => sockets.at(-1) as FakeSocket;
  return { client, sockets, last };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('progressUrl', () => {
  it('uses the page origin, wss on https, and passes the token as a query parameter', () => {
    expect(progressUrl('demo', undefined, { protocol: 'http:', host: 'localhost:8787' })).toBe(
      'ws://localhost:8787/progress/demo',
    );
    expect(progressUrl('q1-plan', 'a b', { protocol: 'https:', host: 'stock.example' })).toBe(
      'wss://stock.example/progress/q1-plan?token=a%20b',
    );
  });
});

describe('ProgressClient', () => {
  it('reports connecting, then online, then offline when stopped', () => {
    const { client, last } = setup();
    const seen: string[] = [];
    client.subscribe(() => seen.push(client.getSnapshot().status));
    client.start();
    last().open();
    client.stop();
    expect(seen).toEqual(['connecting', 'online', 'offline']);
    expect(last().closed).toBe(true);
  });

  it('folds valid frames into the state and drops invalid ones without throwing', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    const before = client.getSnapshot();
    expect(() => {
      last().frame('not json {');
      last().frame({ type: 'item_added', requestId: 'r' }); // no message/timestamp
      last().frame({ type: 'teleport', requestId: 'r', message: 'x', timestamp: new Date().toISOString() });
      last().frame(42);
      last().onmessage?.({ data: new ArrayBuffer(4) });
    }).not.toThrow();
    expect(client.getSnapshot()).toBe(before);
    last().frame(msg('start', 'r'));
    last().frame(msg('complete', 'r'));
    expect(client.getSnapshot().state.requests.r?.status).toBe('complete');
  });

  it('keeps the line of a message whose data does not match its type, without that data', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    last().frame(msg('start', 'r', { input: 'Analyze supplier performance', queued: false, position: 0 }));
    // A supplier row without its figures, from a server that shapes them differently.
    last().frame(msg('supplier_results', 'r', { suppliers: [{ supplier: 'Acme', score: 'high' }] }));
    last().frame(msg('error', 'r', { reason: 42 }));
    const group = client.getSnapshot().state.requests.r;
    expect(group?.messages.map((m) => [m.type, m.message, m.data])).toEqual([
      ['start', 'start of r', { input: 'Analyze supplier performance', queued: false, position: 0 }],
      ['supplier_results', 'supplier_results of r', undefined],
      ['error', 'error of r', undefined],
    ]);
    expect(group?.status).toBe('error');
  });

  it('passes fields it does not know inside data through', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    last().frame(msg('progress', 'r', { done: 1, total: 2, eta_seconds: 30 }));
    expect(client.getSnapshot().state.requests.r?.messages[0]?.data).toEqual({
      done: 1,
      total: 2,
      eta_seconds: 30,
    });
  });

  it('sends a user_request with a client-made requestId and records it as pending', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    const id = client.sendRequest({
      input: '  Restock low-stock items ',
      userId: 'alice',
      context: { a: 1 },
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(last().sent).toEqual([
      {
        type: 'user_request',
        input: 'Restock low-stock items',
        requestId: id,
        userId: 'alice',
        context: { a: 1 },
      },
    ]);
    expect(client.getSnapshot().state.requests[id as string]).toMatchObject({ status: 'pending' });
  });

  it('refuses to send while offline or with a blank input', () => {
    const { client, last } = setup();
    client.start();
    expect(client.sendRequest({ input: 'hi' })).toBeNull();
    expect(client.cancel('r')).toBe(false);
    last().open();
    expect(client.sendRequest({ input: '   ' })).toBeNull();
    expect(last().sent).toEqual([]);
  });

  it('sends cancel', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    expect(client.cancel('r1')).toBe(true);
    expect(last().sent).toEqual([{ type: 'cancel', requestId: 'r1' }]);
  });

  it('reconnects with doubling backoff, capped, reset after a successful open', () => {
    const { client, sockets, last } = setup();
    client.start();
    const delays = [500, 1000, 2000, 4000, 4000];
    for (const delay of delays) {
      const count = sockets.length;
      last().drop();
      expect(client.getSnapshot().status).toBe('offline');
      vi.advanceTimersByTime(delay - 1);
      expect(sockets).toHaveLength(count);
      vi.advanceTimersByTime(1);
      expect(sockets).toHaveLength(count + 1);
    }
    last().open();
    last().drop();
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(delays.length + 2);
  });

  it('keeps history across reconnects and stops retrying once stopped', () => {
    const { client, sockets, last } = setup();
    client.start();
    last().open();
    last().frame(msg('start', 'r'));
    last().drop();
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(client.getSnapshot().state.order).toEqual(['r']);
    client.start(); // StrictMode remount
    expect(sockets).toHaveLength(2);
  });

  it('pings every 25 s and reconnects when the server has gone silent', () => {
    const { client, sockets, last } = setup();
    client.start();
    last().open();
    vi.advanceTimersByTime(25_000);
    expect(last().sent).toEqual([{ type: 'ping' }]);
    last().frame({ type: 'pong', message: 'pong' });
    vi.advanceTimersByTime(50_000);
    expect(last().sent).toHaveLength(3);
    // No pong for over two intervals: the socket is presumed dead and replaced.
    vi.advanceTimersByTime(25_000);
    expect(client.getSnapshot().status).toBe('offline');
    expect(sockets[0]?.closed).toBe(true);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('ignores a late close from a socket it already replaced', () => {
    const { client, sockets, last } = setup();
    client.start();
    const first = last();
    const onclose = first.onclose;
    first.drop();
    vi.advanceTimersByTime(500);
    last().open();
    onclose?.({});
    expect(client.getSnapshot().status).toBe('online');
    expect(sockets).toHaveLength(2);
  });
});

describe('newRequestId', () => {
  it('falls back to getRandomValues where randomUUID is missing (insecure origins)', () => {
    const id = newRequestId({ getRandomValues: (array) => array });
    expect(id).toBe('00000000-0000-4000-8000-000000000000');
    expect(newRequestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
