import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isTerminal, PrimaryIntent } from '../../../shared/progress.js';
import { waitFor, type StockClient } from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { demoItems, itemMap, openBoard, printOf, settle } from './board-helpers.js';
import { TEST_ENV } from './phrase-harness.js';
import {
  expectWellFormedRun,
  ofType,
  postRequest,
  ProgressClient,
  terminalOf,
  type Frame,
} from './progress-helpers.js';

/** PROG (progress channel) and HTTP-2…HTTP-4 (the requests endpoint), on one real server. */
describe('the progress channel and the requests endpoint', () => {
  let server: TestServer;
  let rooms = 0;
  const progress: ProgressClient[] = [];
  const boards: StockClient[] = [];
  const room = () => `channel-${++rooms}`;
  const watch = async (name: string) => {
    const client = await ProgressClient.connect(server.url, name);
    progress.push(client);
    return client;
  };
  const board = async (name: string, size = 40) => {
    const client = await openBoard(server.wsUrl, name, (await demoItems()).slice(0, size));
    boards.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ env: TEST_ENV, storage: 'memory' });
  });

  afterEach(async () => {
    for (const client of progress)
      expect(client.invalid, 'frames that failed ServerMessageSchema').toEqual([]);
    await Promise.all(progress.splice(0).map((c) => c.close()));
    boards.splice(0).forEach((b) => b.destroy());
  });

  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('PROG-7: every progress client of the room hears every request, whoever sent it; other rooms hear nothing', async () => {
    const name = room();
    await board(name);
    const [a, b, elsewhere] = [await watch(name), await watch(name), await watch(room())];
    const mine = await a.request('Restock low-stock items');
    expectWellFormedRun(mine, { primary: PrimaryIntent.inventory, terminal: 'complete' });
    expect(await b.finished(mine[0]!.requestId)).toEqual(mine);

    const viaHttp = await postRequest(server.url, name, { input: 'Analyze supplier performance' });
    const id = viaHttp.json['requestId'] as string;
    expect(await a.finished(id)).toEqual(viaHttp.json['messages']);
    expect(await b.finished(id)).toEqual(viaHttp.json['messages']);
    expect(elsewhere.frames).toEqual([]);
  });

  it('PROG-4: ping gets a pong carrying only type and message', async () => {
    const client = await watch(room());
    client.send({ type: 'ping' });
    const pong = await client.nextReply();
    expect(Object.keys(pong).sort()).toEqual(['message', 'type']);
    expect(pong['type']).toBe('pong');
    expect(typeof pong['message']).toBe('string');
  });

  it.each([
    ['a frame that is not JSON', 'this is {not json', { type: 'error', message: 'Invalid JSON format' }],
    ['an unknown type', { type: 'X' }, { type: 'error', message: 'Unknown message type: X' }],
    [
      'another unknown type',
      { type: 'subscribe', room: 'x' },
      { type: 'error', message: 'Unknown message type: subscribe' },
    ],
  ])(
    'PROG-10, PROG-11, PROG-13: %s gets exactly the contract reply and the connection stays open',
    async (_what, frame, reply) => {
      const client = await watch(room());
      client.send(frame);
      expect(await client.nextReply()).toEqual(reply);
      client.send({ type: 'ping' });
      expect((await client.nextReply())['type']).toBe('pong');
      expect(client.closed).toBe(false);
    },
  );

  it.each([
    ['blank input', { input: '   ' }, /input/],
    ['missing input', {}, /input/],
    ['input not text', { input: 42 }, /input/],
    ['context not an object', { input: 'Restock low-stock items', context: 'all of them' }, /context/],
    ['context an array', { input: 'Restock low-stock items', context: [1, 2] }, /context/],
  ])(
    'PROG-12, PROG-13: a malformed user_request (%s) gets an error naming it; nothing runs, nothing changes',
    async (_what, fields, problem) => {
      const name = room();
      const stock = await board(name);
      const before = printOf(stock.doc);
      const client = await watch(name);
      client.send({ type: 'user_request', ...fields });
      const reply = await client.nextReply();
      expect(Object.keys(reply).sort()).toEqual(['message', 'type']);
      expect(reply['type']).toBe('error');
      expect(reply['message']).toMatch(problem);
      // The connection still works, and the next request is the first the room hears of.
      const next = await client.request('Analyze supplier performance');
      expect(client.messages[0]).toEqual(next[0]);
      await settle(server.wsUrl, name, [stock]);
      expect(printOf(stock.doc)).toBe(before);
    },
  );

  it('PROG-9: cancel ends a running forecast with error, reason "cancelled", and reports what it changed', async () => {
    const name = room();
    const stock = await board(name, 200);
    const client = await watch(name);
    const id = client.submit('Forecast demand for the next 4 weeks');
    await client.until(
      () => ofType(client.ofRequest(id), 'progress').length > 0,
      'the forecast to be under way',
    );
    client.send({ type: 'cancel', requestId: id });
    const messages = await client.finished(id);
    expectWellFormedRun(messages, { primary: PrimaryIntent.forecasting, terminal: 'error' });
    const end = terminalOf(messages);
    expect(end.data?.['reason']).toBe('cancelled');
    expect(ofType(messages, 'forecast_results')).toEqual([]);
    // Edits made before the cancel stay, and are exactly those reported.
    await settle(server.wsUrl, name, [stock]);
    const withForecast = [...itemMap(stock.doc).values()]
      .filter((item) => item.data['forecast_units'] !== undefined)
      .map((item) => item.id);
    const affected = end.data?.['affected'] as { added: string[]; removed: string[]; updated: string[] };
    expect([...withForecast].sort()).toEqual([...affected.updated].sort());
    expect([affected.added, affected.removed]).toEqual([[], []]);
  });

  it("AGENT-2: the agent is in the room's awareness while a request runs, with a name and a status, and leaves after", async () => {
    const name = room();
    const stock = await board(name, 60);
    const client = await watch(name);
    const seen: { name: unknown; status: unknown; ended: boolean }[] = [];
    let id = '';
    const agents = () =>
      [...stock.provider.awareness.getStates().values()]
        .map((state) => (state as { user?: Record<string, unknown> }).user)
        .filter((user) => user?.['kind'] === 'agent');
    stock.provider.awareness.on('change', () => {
      for (const user of agents())
        seen.push({
          name: user!['name'],
          status: user!['status'],
          ended: client.ofRequest(id).some(isTerminal),
        });
    });
    expect(agents()).toEqual([]);
    id = client.submit('Forecast demand for the next 4 weeks');
    await client.finished(id);
    const during = seen.filter((s) => !s.ended);
    expect(during.length, 'agent states seen before the request ended').toBeGreaterThan(0);
    for (const state of during) {
      expect(state.name).toBe('Forecasting agent');
      expect(typeof state.status === 'string' && state.status.length > 0).toBe(true);
    }
    await waitFor(() => agents().length === 0, 'the agent to leave the awareness');
  });

  it('PROG-14: a queued request can be cancelled before it starts', async () => {
    const name = room();
    await board(name, 200);
    const client = await watch(name);
    const first = client.submit('Forecast demand for the next 4 weeks');
    const second = client.submit('Restock low-stock items');
    await client.until(() => client.ofRequest(second).length > 0, 'the second request to be queued');
    client.send({ type: 'cancel', requestId: second });
    const cancelled = await client.finished(second);
    expect(cancelled.map((m) => m.type)).toEqual(['start', 'error']);
    expect(terminalOf(cancelled).data?.['reason']).toBe('cancelled');
    client.send({ type: 'cancel', requestId: first });
    await client.finished(first);
  });

  it('PROG-8, PROG-15: requests of one room run one at a time, in arrival order', async () => {
    const name = room();
    await board(name, 60);
    const client = await watch(name);
    const first = client.submit('Forecast demand for the next 4 weeks');
    const second = client.submit('Restock low-stock items');
    await client.finished(second);
    const firstMessages = await client.finished(first);
    expectWellFormedRun(firstMessages, { primary: PrimaryIntent.forecasting, terminal: 'complete' });
    const secondMessages = client.ofRequest(second);
    expectWellFormedRun(secondMessages, { primary: PrimaryIntent.inventory, terminal: 'complete' });

    expect(firstMessages[0]!.data?.['queued']).toBe(false);
    const queuedStart = secondMessages[0]!;
    expect(queuedStart.data?.['queued']).toBe(true);
    expect(queuedStart.message).toMatch(/queued/i);
    // The second's start comes at once; its work only after the first's terminal message.
    const order = client.messages;
    const at = (predicate: (m: (typeof order)[number]) => boolean) => order.findIndex(predicate);
    const firstEnd = at((m) => m.requestId === first && isTerminal(m));
    expect(at((m) => m.requestId === second)).toBeLessThan(firstEnd);
    expect(at((m) => m.requestId === second && m.type !== 'start')).toBeGreaterThan(firstEnd);
  });

  it.each([
    ['not an object (array)', [1, 2]],
    ['not an object (string)', 'Restock low-stock items'],
    ['not an object (number)', 42],
    ['not an object (null)', null],
    ['input missing', { context: {} }],
    ['input blank', { input: ' \n ' }],
    ['input not text', { input: ['Restock'] }],
    ['context not an object (string)', { input: 'Restock low-stock items', context: 'x' }],
    ['context not an object (array)', { input: 'Restock low-stock items', context: [] }],
  ])('HTTP-4: a malformed body (%s) gets 400 {error} and runs nothing', async (_what, body) => {
    const name = room();
    const watcher = await watch(name);
    const res = await fetch(`${server.url}/api/rooms/${name}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as Frame;
    expect(Object.keys(json)).toEqual(['error']);
    expect(typeof json['error'] === 'string' && json['error'].length > 0).toBe(true);
    await expectNothingRan(watcher, name);
  });

  it('HTTP-4: a body that is not JSON gets 400 {error}', async () => {
    const name = room();
    const watcher = await watch(name);
    const { status, json } = await postRequest(server.url, name, '{"input": "Restock');
    expect(status).toBe(400);
    expect(Object.keys(json)).toEqual(['error']);
    await expectNothingRan(watcher, name);
  });

  it.each(['bad.room', 'sp%20ace', 'a'.repeat(65), '%C3%A9t%C3%A9'])(
    'ROOM-2: a bad room name (%s) gets 400 on the requests endpoint, the items endpoint and the progress upgrade',
    async (bad) => {
      const post = await postRequest(server.url, bad, { input: 'Restock low-stock items' });
      expect(post.status).toBe(400);
      expect(typeof post.json['error']).toBe('string');
      expect((await fetch(`${server.url}/api/rooms/${bad}/items`)).status).toBe(400);
      expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/progress/${bad}`)).toBe(400);
    },
  );

  /** A valid request sent now must be the first thing the room's watcher ever heard. */
  async function expectNothingRan(watcher: ProgressClient, name: string): Promise<void> {
    const probe = await postRequest(server.url, name, { input: 'Analyze supplier performance' });
    await watcher.finished(probe.json['requestId'] as string);
    expect(watcher.frames[0]).toEqual((probe.json['messages'] as Frame[])[0]);
  }
});

function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.close();
      reject(new Error(`upgrade to ${url} was accepted`));
    });
    ws.once('error', () => undefined);
  });
}
