import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLowStock, setFields, type Item } from '../../../shared/items.js';
import { PrimaryIntent, type ProgressMessage } from '../../../shared/progress.js';
import type { StockClient } from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import {
  content,
  demoItems,
  expectStampedBy,
  itemMap,
  openBoard,
  printOf,
  settle,
  TESTER,
} from './board-helpers.js';
import { TEST_ENV } from './phrase-harness.js';
import { expectWellFormedRun, ProgressClient, terminalOf } from './progress-helpers.js';

/**
 * AGENT-13, AGENT-14, AGENT-20: "Undo the last agent change" reverts the most recent
 * agent request that changed the document and is not undone yet (undo
 * requests do not count), keeping fields a person changed since; "Remove the
 * items you just added" removes exactly the items of the most recent adding
 * request.
 */
/** Every item's content (stamps left out), by id: the board as a person reads it. */
const contents = (items: Map<string, Item>) =>
  Object.fromEntries([...items].map(([id, item]) => [id, content(item)]));

describe('undo and the agents’ memory of a room', () => {
  let server: TestServer;
  let rooms = 0;
  let board: StockClient;
  let channel: ProgressClient;
  let room: string;

  /** A request over the progress channel; its messages once the stock client has its whole effect. */
  const ask = async (
    input: string,
    context?: Record<string, unknown>,
    terminal: 'complete' | 'error' = 'complete',
  ) => {
    const messages = await channel.request(input, context);
    expectWellFormedRun(messages, { primary: PrimaryIntent.inventory, terminal });
    await settle(server.wsUrl, room, [board]);
    return messages;
  };
  const items = () => itemMap(board.doc);
  const person = async (id: string, fields: Record<string, string | number>) => {
    setFields(board.doc, id, fields, TESTER);
    await settle(server.wsUrl, room, [board]);
  };
  const open = async (size: number) => {
    room = `undo-${++rooms}`;
    board = await openBoard(server.wsUrl, room, (await demoItems()).slice(0, size));
    channel = await ProgressClient.connect(server.url, room);
  };

  beforeAll(async () => {
    server = await startTestServer({ env: TEST_ENV, storage: 'memory' });
  });

  afterEach(async () => {
    expect(channel.invalid).toEqual([]);
    await channel.close();
    board.destroy();
  });

  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('keeps a field a person changed after the agent, reverts the agent’s other fields, and says what it kept', async () => {
    await open(20);
    const [x, y] = [...items().keys()];
    const original = items();
    await ask('Perform update_multiple on 2 items', {
      operation: 'update_multiple',
      items: [
        { id: x, data: { current_stock: 1, supplier: 'Agent Supply', min_stock: 2 } },
        { id: y, data: { current_stock: 3 } },
      ],
    });
    await person(x!, { supplier: 'Person Supply' });

    const undo = await ask('Undo the last agent change');
    const after = items();
    expect(after.get(x!)!.data).toMatchObject({
      current_stock: original.get(x!)!.data['current_stock'],
      min_stock: original.get(x!)!.data['min_stock'],
      supplier: 'Person Supply',
    });
    expect(content(after.get(y!))).toEqual(content(original.get(y!)));
    const end = terminalOf(undo);
    expect(end.data?.['skipped']).toEqual([{ itemId: x, field: 'supplier', reason: expect.any(String) }]);
    expect(end.message).toMatch(/kept 1 field/);
  });

  it('after a restock, keeps the stock a person set on one item and puts the others back', async () => {
    await open(200);
    const original = items();
    const low = [...original.values()].filter((item) => isLowStock(item.data)).map((item) => item.id);
    expect(low.length).toBeGreaterThan(2);
    await ask('Restock low-stock items');
    const touched = low[1]!;
    await person(touched, { current_stock: 999 });

    const undo = await ask('Undo the last agent change');
    const after = items();
    expect(after.get(touched)!.data['current_stock']).toBe(999);
    for (const id of low.filter((id) => id !== touched)) {
      expect(content(after.get(id))).toEqual(content(original.get(id)));
      expectStampedBy(after.get(id), 'inventory');
    }
    expect(terminalOf(undo).data?.['skipped']).toEqual([
      { itemId: touched, field: 'current_stock', reason: expect.any(String) },
    ]);
  });

  it('an undo is not undone by the next undo: each one reverts the request before, until none is left', async () => {
    await open(20);
    const [x, y] = [...items().keys()];
    const original = items();
    const setX = await ask(`Set current_stock of ${x} to 40`);
    const afterSet = items();
    const bulk = await ask('Perform update_multiple on 1 items', {
      operation: 'update_multiple',
      items: [{ id: y, data: { current_stock: 41, shelf: 'Z-9' } }],
    });

    const first = await ask('Undo the last agent change');
    expect(terminalOf(first).data?.['sourceRequestId']).toBe(bulk[0]!.requestId);
    expect(content(items().get(y!))).toEqual(content(afterSet.get(y!)));
    expect(items().get(x!)!.data['current_stock']).toBe(40);

    const second = await ask('Undo the last agent change');
    expect(terminalOf(second).data?.['sourceRequestId']).toBe(setX[0]!.requestId);
    expect(contents(items())).toEqual(contents(original));

    const before = printOf(board.doc);
    const third = await ask('Undo the last agent change', undefined, 'error');
    expect(terminalOf(third).message).toMatch(/no agent change to undo/i);
    expect(printOf(board.doc)).toBe(before);
  });

  it('undo of a request that set one field twice restores the value from before the request', async () => {
    await open(20);
    const [x] = [...items().keys()];
    const original = items();
    await ask('Perform update_multiple on 2 items', {
      operation: 'update_multiple',
      items: [
        { id: x, data: { current_stock: 5 } },
        { id: x, data: { current_stock: 6 } },
      ],
    });
    expect(items().get(x!)!.data['current_stock']).toBe(6);
    const undo = await ask('Undo the last agent change');
    expect(content(items().get(x!))).toEqual(content(original.get(x!)));
    expect(terminalOf(undo).data?.['skipped']).toEqual([]);
  });

  it('undoing an add keeps an added item a person has edited since, and removes the others', async () => {
    await open(20);
    const before = items();
    await ask('Add 3 new inventory items for Q1 planning');
    const added = [...items().keys()].filter((id) => !before.has(id));
    expect(added).toHaveLength(3);
    await person(added[0]!, { current_stock: 5 });
    const undo = await ask('Undo the last agent change');
    expect([...items().keys()].filter((id) => !before.has(id))).toEqual([added[0]]);
    expect(terminalOf(undo).data?.['skipped']).toEqual([
      { itemId: added[0], field: '*', reason: expect.any(String) },
    ]);
  });

  it('undoing a removal puts the items back as they were', async () => {
    await open(200);
    const original = items();
    await ask('Remove all low-stock items');
    expect(items().size).toBeLessThan(original.size);
    await ask('Undo the last agent change');
    expect(contents(items())).toEqual(contents(original));
  });

  it('"Remove the items you just added" removes the newest adding request’s items, not items an undo restored', async () => {
    await open(200);
    const before = items();
    const add: ProgressMessage[] = await ask('Add 3 new inventory items for Q1 planning');
    const added = [...items().keys()].filter((id) => !before.has(id));
    expect(added).toHaveLength(3);
    await ask('Remove all low-stock items');
    await ask('Undo the last agent change');
    const restored = items();

    const remove = await ask('Remove the items you just added');
    expect(terminalOf(remove).data?.['sourceRequestId']).toBe(add[0]!.requestId);
    const gone = [...restored.keys()].filter((id) => !items().has(id));
    expect(gone.sort()).toEqual([...added].sort());
    const kept: Item[] = [...items().values()];
    expect(kept.length).toBe(before.size);
  });
});
