import { HealthResponseSchema, ItemsResponseSchema } from '../../../shared/http.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { addItem, getItem, itemsOf, setFields } from '../../../shared/items.js';
import {
  connectClient,
  connectSynced,
  fingerprint,
  waitFor,
  type StockClient,
} from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';

const alice = { source: 'user', userId: 'alice' } as const;
const bob = { source: 'user', userId: 'bob' } as const;

describe('sync through the real server with stock y-websocket clients', () => {
  let server: TestServer;
  const clients: StockClient[] = [];
  const client = async (room = 'shop') => {
    const c = await connectSynced(server.wsUrl, room);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    removeDir(server.dataDir);
  });

  it('SYNC-3: three clients converge on concurrent edits', async () => {
    const [a, b, c] = await Promise.all([client(), client(), client()]);
    addItem(a!.doc, { id: 'a1', name: 'Bolt', data: { current_stock: 1 } }, alice);
    addItem(b!.doc, { id: 'b1', name: 'Nut', data: { current_stock: 2 } }, bob);
    addItem(c!.doc, { id: 'c1', name: 'Washer' }, { source: 'user', userId: 'carol' });
    for (const x of [a!, b!, c!]) await waitFor(() => itemsOf(x.doc).size === 3, 'three items everywhere');
    expect(fingerprint(a!.doc)).toEqual(fingerprint(b!.doc));
    expect(fingerprint(b!.doc)).toEqual(fingerprint(c!.doc));
  });

  it('DOC-6: two clients editing different fields of one item both keep their change', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    addItem(a!.doc, { id: 'item', name: 'Bolt', data: { current_stock: 1, max_stock: 10 } }, alice);
    await waitFor(() => itemsOf(b!.doc).has('item'), 'item to reach b');
    setFields(a!.doc, 'item', { current_stock: 5 }, alice);
    setFields(b!.doc, 'item', { max_stock: 50 }, bob);
    const settled = (doc: Y.Doc) => {
      const data = getItem(doc, 'item')?.data;
      return data?.['current_stock'] === 5 && data['max_stock'] === 50;
    };
    await waitFor(() => settled(a!.doc) && settled(b!.doc), 'both field edits on both clients');
    expect(fingerprint(a!.doc)).toEqual(fingerprint(b!.doc));
  });

  it('SYNC-4: awareness reaches the others and is removed when a client leaves', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    a!.provider.awareness.setLocalStateField('user', { name: 'alice', color: '#f00', kind: 'user' });
    const aId = a!.doc.clientID;
    await waitFor(
      () => b!.provider.awareness.getStates().get(aId)?.['user']?.name === 'alice',
      'awareness at b',
    );
    a!.provider.disconnect();
    await waitFor(() => !b!.provider.awareness.getStates().has(aId), 'awareness of a removed at b');
  });

  it('SYNC-5: an offline client merges its edits on reconnect with no loss', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    addItem(a!.doc, { id: 'shared', name: 'Shared', data: { current_stock: 1 } }, alice);
    await waitFor(() => itemsOf(b!.doc).has('shared'), 'shared item at b');
    b!.provider.disconnect();
    addItem(b!.doc, { id: 'offline', name: 'Made offline' }, bob);
    setFields(b!.doc, 'shared', { supplier: 'Acme' }, bob);
    setFields(a!.doc, 'shared', { current_stock: 9 }, alice);
    b!.provider.connect();
    const done = (doc: Y.Doc) =>
      itemsOf(doc).has('offline') &&
      getItem(doc, 'shared')?.data['supplier'] === 'Acme' &&
      getItem(doc, 'shared')?.data['current_stock'] === 9;
    await waitFor(() => done(a!.doc) && done(b!.doc), 'offline edits merged both ways');
    expect(fingerprint(a!.doc)).toEqual(fingerprint(b!.doc));
  });

  it('DUR-4, ROOM-6: keeps everything across a restart on the same DATA_DIR, and unloads idle rooms', async () => {
    const a = await client('keep');
    for (let i = 0; i < 30; i++)
      addItem(a.doc, { id: `i${i}`, name: `Item ${i}`, data: { current_stock: i } }, alice);
    const expected = fingerprint(a.doc).json;
    await waitFor(() => server.registry.loadedRooms === 1, 'room loaded');
    const fresh = await client('keep');
    await waitFor(() => itemsOf(fresh.doc).size === 30, 'all items at a fresh client');
    clients.splice(0).forEach((c) => c.destroy());
    await waitFor(() => server.registry.loadedRooms === 0, 'room unloaded after its last client left');
    const dataDir = server.dataDir;
    await server.close();
    server = await startTestServer({ dataDir });
    const after = await client('keep');
    expect(fingerprint(after.doc).json).toEqual(expected);
  });

  it('HTTP-5: GET /api/rooms/:room/items returns each item as its Y.Map toJSON()', async () => {
    const a = await client('listing');
    addItem(a.doc, { id: 'x', name: 'X', subtitle: 'sub', data: { sku: 'X-1', current_stock: 3 } }, alice);
    // Another client holding the item means the server has it, stored (DUR-1).
    const b = await client('listing');
    await waitFor(() => itemsOf(b.doc).has('x'), 'the item at the server');
    const res = await fetch(`${server.url}/api/rooms/listing/items`);
    expect(res.status).toBe(200);
    const body = ItemsResponseSchema.parse(await res.json());
    expect(body.items).toEqual([itemsOf(a.doc).get('x')!.toJSON()]);
  });
});

describe('bad input at the edge', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('ROOM-1, ROOM-2: refuses bad room names with 400 before any upgrade, on every path', async () => {
    for (const path of [
      '/yjs/bad%20name',
      '/progress/has.dot',
      `/yjs/${'x'.repeat(65)}`,
      '/api/rooms/bad!/items',
    ]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(400);
    }
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/no%2Fslash`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(400);
  });

  it('SYNC-6: a garbage frame closes only that socket; the room stays intact', async () => {
    const healthy = await connectSynced(server.wsUrl, 'intact');
    addItem(healthy.doc, { id: 'before', name: 'Before' }, alice);
    const bad = new WebSocket(`${server.wsUrl}/intact`);
    await new Promise((resolve) => bad.on('open', resolve));
    const closed = new Promise<number>((resolve) => bad.on('close', (code) => resolve(code)));
    bad.send(Buffer.from([0, 2, 200, 1, 2, 3, 255, 255]));
    expect(await closed).toBe(1003);
    addItem(healthy.doc, { id: 'after', name: 'After' }, alice);
    const fresh = connectClient(server.wsUrl, 'intact');
    await waitFor(() => itemsOf(fresh.doc).size === 2, 'fresh client sees both items');
    await waitFor(
      () => JSON.stringify(fingerprint(fresh.doc)) === JSON.stringify(fingerprint(healthy.doc)),
      'fresh equals healthy',
    );
    expect(healthy.provider.wsconnected).toBe(true);
    healthy.destroy();
    fresh.destroy();
  });

  it('HTTP-1: answers /api/health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(HealthResponseSchema.parse(await res.json())).toEqual({ ok: true });
  });
});
