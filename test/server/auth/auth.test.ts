import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, itemsOf } from '../../../shared/items.js';
import { signToken, verifyToken } from '../../../server/auth/tokens.js';
import { fingerprint, waitFor } from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';

const SECRET = 'test-secret-0123456789abcdef';
const ROOT = path.resolve(import.meta.dirname, '../../..');

function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => undefined);
  });
}

function client(server: TestServer, room: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  return { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
}

describe('auth with AUTH_SECRET set', () => {
  let server: TestServer;
  let writer: string;
  let reader: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { AUTH_SECRET: SECRET }, storage: 'memory' });
    writer = await signToken(SECRET, { user: 'alice', rooms: { shop: 'write' } });
    reader = await signToken(SECRET, { user: 'bob', rooms: { shop: 'read' } });
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('AUTH-8, HTTP-6: GET /api/health needs no token; room APIs need a valid one for that room', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const items = `${server.url}/api/rooms/shop/items`;
    expect((await fetch(items)).status).toBe(401);
    expect((await fetch(items, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    const other = await signToken(SECRET, { user: 'eve', rooms: { elsewhere: 'write' } });
    expect((await fetch(items, { headers: { authorization: `Bearer ${other}` } })).status).toBe(403);
    expect((await fetch(items, { headers: { authorization: `Bearer ${writer}` } })).status).toBe(200);
    const star = await signToken(SECRET, { user: 'root', rooms: { '*': 'read' } });
    expect((await fetch(items, { headers: { authorization: `Bearer ${star}` } })).status).toBe(200);
  });

  it('AUTH-1, AUTH-2, AUTH-4: refuses upgrades without a token (401) and for another room (403), on sync and progress', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/shop`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/shop?token=bad`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/other?token=${writer}`)).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/progress/shop`)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/progress/other?token=${writer}`)).toBe(403);
    expect(await upgradeStatus(`${server.wsUrl}/shop?token=${writer}`)).toBe(101);
  });

  it('AUTH-7: an expired token is refused', async () => {
    const expired = await signToken(SECRET, { user: 'alice', rooms: { shop: 'write' }, ttlSeconds: -10 });
    expect(await upgradeStatus(`${server.wsUrl}/shop?token=${expired}`)).toBe(401);
  });

  it('AUTH-5: a read-only connection syncs, but none of its updates is applied, stored or forwarded', async () => {
    const w = client(server, 'shop', writer);
    const r = client(server, 'shop', reader);
    try {
      await waitFor(() => w.provider.synced && r.provider.synced, 'both synced');
      addItem(w.doc, { id: 'from-writer', name: 'Writer item' }, { source: 'user', userId: 'alice' });
      await waitFor(() => itemsOf(r.doc).has('from-writer'), 'reader receives writes');
      addItem(r.doc, { id: 'from-reader', name: 'Reader item' }, { source: 'user', userId: 'bob' });
      // A later write from the writer proves the reader's update had its chance to travel.
      addItem(w.doc, { id: 'marker', name: 'Marker' }, { source: 'user', userId: 'alice' });
      const fresh = client(server, 'shop', writer);
      await waitFor(() => itemsOf(fresh.doc).has('marker'), 'fresh client synced');
      expect(itemsOf(fresh.doc).has('from-reader')).toBe(false);
      expect(itemsOf(w.doc).has('from-reader')).toBe(false);
      expect(fingerprint(fresh.doc)).toEqual(fingerprint(w.doc));
      fresh.destroy();
    } finally {
      w.destroy();
      r.destroy();
    }
  });

  it('AUTH-6: a read grant may watch progress but its requests are refused', async () => {
    const res = await fetch(`${server.url}/api/rooms/shop/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reader}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'Add 2 new inventory items' }),
    });
    expect(res.status).toBe(403);
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/progress/shop?token=${reader}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const reply = new Promise<Record<string, unknown>>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>)),
    );
    ws.send(JSON.stringify({ type: 'user_request', input: 'Add 2 new inventory items' }));
    expect((await reply)['type']).toBe('error');
    ws.close();
  });

  it('AUTH-7: closes a connection with 4401 when its token expires', async () => {
    const short = await signToken(SECRET, { user: 'alice', rooms: { shop: 'write' }, ttlSeconds: 2 });
    const ws = new WebSocket(`${server.wsUrl}/shop?token=${short}`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(4401);
  });
});

function withoutNpmLoglevel(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of Object.keys(copy)) if (key.toLowerCase() === 'npm_config_loglevel') delete copy[key];
  return copy;
}

describe('npm run token', () => {
  it('CMD-4, AUTH-3: prints only the token, on one line, for the given user, room and grant', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', 'token', '--', '--user', 'alice', '--room', 'demo', '--read', '--ttl', '1h'],
      // As from a person's shell: without the loglevel an outer `npm test --loglevel=…` would pass down.
      { cwd: ROOT, env: { ...withoutNpmLoglevel(process.env), AUTH_SECRET: SECRET } },
    );
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = await verifyToken(SECRET, stdout.trim());
    expect(claims.sub).toBe('alice');
    expect(claims.rooms).toEqual({ demo: 'read' });
    expect(claims.exp! - Date.now() / 1000).toBeGreaterThan(3500);
  });
});
