import { AgentRequestResponseSchema, ItemsResponseSchema } from '../../shared/http.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectSynced, waitFor } from '../helpers/clients.js';
import { startTestServer, type TestServer } from '../helpers/start-server.js';
import { removeDir } from '../helpers/temp-dir.js';

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.on('close', (code) => resolve(code)));
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
  });
}

function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
    ws.on('error', () => undefined);
  });
}

describe('limits (each configurable, with a clear answer)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: {
        MAX_SYNC_MESSAGE_BYTES: String(64 * 1024),
        MAX_BODY_BYTES: String(16 * 1024),
        MAX_CONNECTIONS_PER_ROOM: '3',
        MAX_LOADED_ROOMS: '4',
        MAX_BULK_ITEMS: '10',
      },
      storage: 'memory',
    });
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('LIM-1: closes a /yjs connection with 1009 on a message over the limit, without touching others', async () => {
    const healthy = await connectSynced(server.wsUrl, 'big');
    const ws = new WebSocket(`${server.wsUrl}/big`);
    await opened(ws);
    const code = closeCode(ws);
    ws.send(Buffer.alloc(65 * 1024, 1));
    expect(await code).toBe(1009);
    expect(healthy.provider.wsconnected).toBe(true);
    healthy.destroy();
  });

  it('LIM-2: closes a /progress connection with 1009 over 1 MiB by default', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/progress/big`);
    await opened(ws);
    const code = closeCode(ws);
    ws.send('x'.repeat(1024 * 1024 + 10));
    expect(await code).toBe(1009);
  });

  it('LIM-3: answers 413 to a body over the limit', async () => {
    const res = await fetch(`${server.url}/api/rooms/body/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'Add 1 new inventory item', context: { pad: 'x'.repeat(20 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });

  it('LIM-6: refuses more connections per room than allowed with 503', async () => {
    const sockets = await Promise.all(
      [1, 2, 3].map(async () => {
        const ws = new WebSocket(`${server.wsUrl}/crowded`);
        await opened(ws);
        return ws;
      }),
    );
    expect(await upgradeStatus(`${server.wsUrl}/crowded`)).toBe(503);
    sockets.forEach((ws) => ws.close());
  });

  it('LIM-7: refuses to open more rooms than allowed with 503 until one unloads', async () => {
    const held = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((room) => connectSynced(server.wsUrl, room)));
    expect(await upgradeStatus(`${server.wsUrl}/r5`)).toBe(503);
    expect((await fetch(`${server.url}/api/rooms/r5/items`)).status).toBe(503);
    held.forEach((c) => c.destroy());
    await waitFor(() => server.registry.loadedRooms === 0, 'rooms unloaded');
    expect((await fetch(`${server.url}/api/rooms/r5/items`)).status).toBe(200);
  });

  it('LIM-8: refuses a bulk request over the item limit with an error and no change', async () => {
    const items = Array.from({ length: 11 }, (_, i) => ({ type: 'inventory', name: `Item ${i}` }));
    const res = await fetch(`${server.url}/api/rooms/bulk/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        input: 'Perform add_multiple on 11 items',
        context: { operation: 'add_multiple', items },
        userId: 'bulk-user',
      }),
    });
    const body = AgentRequestResponseSchema.parse(await res.json());
    expect(body.messages.at(-1)?.type).toBe('error');
    expect(body.messages.at(-1)?.message).toMatch(/limit of 10/);
    const after = ItemsResponseSchema.parse(await (await fetch(`${server.url}/api/rooms/bulk/items`)).json());
    expect(after.items).toEqual([]);
  });

  it('HTTP-7: sends security headers', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

/**
 * Its own server: without a token, every HTTP request from this machine
 * counts against one address, so its bucket would be empty for the tests
 * above.
 */
describe('REQUESTS_PER_MINUTE', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { REQUESTS_PER_MINUTE: '6' }, storage: 'memory' });
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('LIM-4, LIM-5: answers 429 to too many requests from one address, and an error on the channel, whatever userId they declare', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.url}/api/rooms/rate/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'Analyze supplier performance', userId: `hasty-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses[0]).toBe(200);

    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/progress/rate2`);
    await opened(ws);
    // The first reply that belongs to no request is the refusal.
    const refused = new Promise<string>((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; message: string; requestId?: string };
        if (message.type === 'error' && !message.requestId) resolve(message.message);
      }),
    );
    for (let i = 0; i < 4; i++)
      ws.send(JSON.stringify({ type: 'user_request', input: 'show low stock', userId: `u${i}` }));
    expect(await refused).toMatch(/too many requests/i);
    ws.close();
  });
});
