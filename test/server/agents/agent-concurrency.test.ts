import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/items.js';
import { getItem, listItems, setFields } from '../../../shared/items.js';
import type { UserOrigin } from '../../../shared/origins.js';
import { isTerminal, PrimaryIntent } from '../../../shared/progress.js';
import { connectSynced, type StockClient } from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { demoItems, printOf, settle } from './board-helpers.js';
import { TEST_ENV } from './phrase-harness.js';
import { expectWellFormedRun, ProgressClient } from './progress-helpers.js';

/**
 * AGENT-1, DOC-6, SYNC-3: the agent is one more CRDT peer. While
 * it adds 5,000 items in one transaction and then forecasts the `demo` room,
 * two people keep editing other fields of existing items; at the end every
 * peer holds the same document with all of the agent's and all of the
 * people's edits.
 */

const N = 5_000;
const alice: UserOrigin = { source: 'user', userId: 'alice' };
const bob: UserOrigin = { source: 'user', userId: 'bob' };

describe('agents and people editing one room at once', () => {
  let server: TestServer;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: TEST_ENV, storage: 'memory' });
  });

  afterAll(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    removeDir(server.dataDir);
  });

  it('a 5,000-item add_multiple and a forecast converge with two people editing other fields', async () => {
    const [a, b] = [await connectSynced(server.wsUrl, 'demo'), await connectSynced(server.wsUrl, 'demo')];
    clients.push(a, b);
    const demoIds = (await demoItems()).map((item) => item.id);
    expect(listItems(a.doc)).toHaveLength(demoIds.length);

    const entries = Array.from({ length: N }, (_, i) => ({
      type: 'inventory',
      name: `Load Test Part ${i}`,
      data: { sku: `LTP-${String(i).padStart(5, '0')}`, current_stock: i % 97 },
    }));
    const progress = await ProgressClient.connect(server.url, 'demo');
    const bulk = progress.submit(`Perform add_multiple on ${N} items`, {
      operation: 'add_multiple',
      items: entries,
    });
    const forecast = progress.submit('Forecast demand for the next 4 weeks');
    const done = () => progress.ofRequest(forecast).some(isTerminal);

    // Each person edits one field of existing items, over and over, until the agent is done;
    // the last value written per item is what must survive.
    const expected = { supplier: new Map<string, string>(), min_stock: new Map<string, number>() };
    const edits = { beforeBulkEnded: 0, total: 0 };
    const bulkEnded = () => progress.ofRequest(bulk).some(isTerminal);
    const editLoop = async (client: StockClient, origin: UserOrigin, field: 'supplier' | 'min_stock') => {
      for (let n = 0; !done(); n++) {
        const id = demoIds[(n * 7 + (field === 'supplier' ? 0 : 3)) % demoIds.length]!;
        const value = field === 'supplier' ? `${origin.userId} supplier ${n}` : n % 50;
        setFields(client.doc, id, { [field]: value }, origin);
        (expected[field] as Map<string, unknown>).set(id, value);
        edits.total += 1;
        if (!bulkEnded()) edits.beforeBulkEnded += 1;
        // Yield a macrotask so sockets (and the in-process server) run between edits.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([editLoop(a, alice, 'supplier'), editLoop(b, bob, 'min_stock')]);

    const bulkMessages = await progress.finished(bulk);
    const forecastMessages = await progress.finished(forecast);
    expect(progress.invalid).toEqual([]);
    await progress.close();
    expectWellFormedRun(bulkMessages, { primary: PrimaryIntent.inventory, terminal: 'complete' });
    expectWellFormedRun(forecastMessages, { primary: PrimaryIntent.forecasting, terminal: 'complete' });
    // On the whole demo data, the forecast beats the seasonal-naive baseline on the holdout.
    const results = forecastMessages.find((m) => m.type === 'forecast_results')!.data!;
    expect((results['forecasts'] as unknown[]).length).toBe(demoIds.length);
    const accuracy = results['accuracy'] as { mase: number; baseline_mase: number };
    expect(accuracy.mase).toBeLessThan(accuracy.baseline_mase);
    expect(edits.beforeBulkEnded).toBeGreaterThan(0);
    expect(edits.total - edits.beforeBulkEnded).toBeGreaterThan(0);

    const fresh = await connectSynced(server.wsUrl, 'demo');
    clients.push(fresh);
    await settle(server.wsUrl, 'demo', [a, b, fresh]);
    expect(printOf(a.doc)).toBe(printOf(fresh.doc));
    expect(printOf(b.doc)).toBe(printOf(fresh.doc));

    const items = listItems(fresh.doc);
    expect(items).toHaveLength(demoIds.length + N);
    const names = new Set(items.map((item) => item.name));
    expect(entries.filter((e) => !names.has(e.name)).map((e) => e.name)).toEqual([]);
    const lost: string[] = [];
    for (const [field, values] of Object.entries(expected)) {
      for (const [id, value] of values as Map<string, unknown>)
        if (getItem(fresh.doc, id)?.data[field] !== value) lost.push(`${id}.${field}`);
    }
    expect(lost, 'human edits lost or overwritten').toEqual([]);
    // The agent's forecast reached every demo item too, next to the people's edits.
    const unforecast = demoIds.filter(
      (id) => (getItem(fresh.doc, id) as Item).data['forecast_units'] === undefined,
    );
    expect(unforecast).toEqual([]);
  });
});
