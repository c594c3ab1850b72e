import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ProgressMessageSchema,
  PROGRESS_PROTOCOL_HEADER,
  PROGRESS_PROTOCOL_VERSION,
  PROGRESS_TYPES,
} from '../../../shared/progress.js';
import type { StockClient } from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { demoItems, openBoard } from './board-helpers.js';
import { TEST_ENV } from './phrase-harness.js';
import { ProgressClient, type Frame } from './progress-helpers.js';

/**
 * The shared schema of every message type against what the running senders
 * really send (the agent run, the job book, the executor): each message parses
 * EXACTLY, nothing stripped, and together the requests below produce every
 * type of the protocol. test/shared/progress-messages.test.ts has the wrong
 * shapes each schema refuses.
 */
describe('PROG-20, PROG-21: progress messages as the agents send them', () => {
  let server: TestServer;
  let board: StockClient;
  let client: ProgressClient;
  const room = 'schemas';

  beforeAll(async () => {
    server = await startTestServer({ env: TEST_ENV });
    board = await openBoard(server.wsUrl, room, (await demoItems()).slice(0, 40));
    client = await ProgressClient.connect(server.url, room);
  });

  afterAll(async () => {
    await client.close();
    board.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  it('every message of every sender parses exactly with its type’s schema, and every type occurs', async () => {
    // Past the per-item message limit (100), item messages list ids in one message.
    const many = Array.from({ length: 101 }, (_, i) => ({ type: 'inventory', name: `Bulk ${i}` }));
    const requests: [string, Record<string, unknown>?][] = [
      ['Add 2 new inventory items for Q1 planning'],
      ['Create a new inventory item named Widget X'],
      ['Set current_stock of Widget X to 40'],
      ['Remove item Widget X'],
      ['Perform add_multiple on 101 items', { operation: 'add_multiple', items: many }],
      ['Remove the items you just added'],
      ['What is low on stock?'],
      ['Restock low-stock items'],
      ['Undo the last agent change'],
      ['Remove all low-stock items'],
      ['Analyze supplier performance'],
      ['Forecast demand for the next 4 weeks'],
      ['Remove item no-such-item'],
    ];
    for (const [input, context] of requests) await client.request(input, context);

    const messages = client.frames.filter((f): f is Frame => typeof f['requestId'] === 'string');
    for (const message of messages) {
      const parsed = ProgressMessageSchema.safeParse(message);
      expect(parsed.success, `${String(message['type'])}: ${parsed.error?.message}`).toBe(true);
      // Loose data schemas pass unknown fields through, so equality means every field is declared or kept.
      expect(parsed.data).toEqual(message);
    }
    const seen = new Set(messages.map((m) => m['type']));
    expect([...PROGRESS_TYPES].filter((type) => !seen.has(type))).toEqual([]);
    expect(client.invalid).toEqual([]);
  });

  it('PROG-23: the requests route names the protocol version in a header, outside the messages', async () => {
    const res = await fetch(`${server.url}/api/rooms/${room}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'What is low on stock?' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get(PROGRESS_PROTOCOL_HEADER)).toBe(String(PROGRESS_PROTOCOL_VERSION));
    await res.json();
  });
});
