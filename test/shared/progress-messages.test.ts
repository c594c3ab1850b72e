import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  decodeProgressMessage,
  decodeServerMessage,
  parseClientFrame,
  PROGRESS_TYPES,
  ProgressMessageSchema,
  progressMessage,
  ServerMessageSchema,
  type ProgressDataOf,
  type ProgressMessageOf,
  type ProgressType,
} from '../../shared/progress.js';

/**
 * One schema per message type (shared/progress/server-messages.ts). For each
 * type: data as its sender builds it parses unchanged, and a wrong shape is
 * refused. test/server/agents/progress-schemas.test.ts checks the same
 * schemas against what the running agents really send.
 */

const item = { id: 'i1', type: 'inventory', name: 'Bolt', subtitle: '', data: { sku: 'B-1' } };
const affected = { added: ['i1'], removed: [], updated: [] };
const supplier = {
  supplier: 'Acme',
  orders: 4,
  on_time_rate: 0.75,
  mean_lead_time_days: 3.5,
  p90_lead_time_days: null,
  fill_rate: 1,
  defect_rate: 0,
  score: 81.2,
  rank: 1,
};
const figures = {
  itemId: 'i1',
  sku: 'B-1',
  name: 'Bolt',
  current_stock: 2,
  reorder_point: 5,
  max_stock: 20,
  lead_time_days: 3,
  low_stock: true,
  daily_demand: null,
  days_of_cover: null,
  reorder_quantity: 18,
};

const CASES: { [T in ProgressType]: { good: NonNullable<ProgressDataOf<T>>[]; bad: unknown[] } } = {
  start: {
    good: [{ input: 'Restock low-stock items', queued: true, position: 2 }],
    bad: [
      { input: 'x', queued: 'no', position: 0 },
      { input: 'x', queued: false, position: -1 },
    ],
  },
  intent_analysis: {
    good: [
      {
        intent: {
          primary_intent: 'inventory_management',
          kind: 'set_field',
          ref: 'B-1',
          field: 'x',
          value: 4,
        },
        confidence: 0.9,
        parser: 'rules',
        problems: [],
      },
    ],
    bad: [
      {
        intent: { primary_intent: 'chatting', kind: 'general' },
        confidence: 1,
        parser: 'rules',
        problems: [],
      },
    ],
  },
  inventory_analysis: {
    good: [
      { refs: [{ id: 'i1', name: 'Bolt' }], itemIds: ['i1'] },
      {
        sourceRequestId: 'r0',
        skipped: [{ itemId: 'i1', field: 'supplier', reason: 'a person changed it' }],
      },
      { count: 3 },
    ],
    bad: [{ itemIds: 'i1' }, { refs: [{ name: 'no id' }] }],
  },
  analysis_results: {
    good: [{ items: 3, low_stock: [figures], at_risk: [], total_reorder_units: 18 }],
    bad: [{ items: 3, low_stock: [{ ...figures, low_stock: 'yes' }], at_risk: [], total_reorder_units: 18 }],
  },
  item_creation: { good: [{ count: 5 }, {}], bad: [{ count: 'five' }] },
  item_added: {
    good: [
      { refs: [{ id: 'i1', name: 'Bolt' }], itemId: 'i1', item },
      { refs: [{ id: 'i1', name: 'Bolt' }], itemId: 'i1', item: null },
      { refs: [{ id: 'i1' }, { id: 'i2' }], itemIds: ['i1', 'i2'], count: 2 },
    ],
    bad: [
      { itemId: 'i1', item },
      { refs: [{ id: 'i1' }], itemId: 'i1', item: { id: 'i1' } },
    ],
  },
  item_removal: {
    good: [{ refs: [{ id: 'i1', name: 'Bolt' }], itemId: 'i1' }, { count: 4 }],
    bad: [{ refs: 'i1' }],
  },
  item_removed: {
    good: [
      { refs: [{ id: 'i1', name: 'Bolt' }], itemId: 'i1', item },
      { refs: [{ id: 'i1' }], itemIds: ['i1'], count: 1 },
    ],
    bad: [{ refs: [{ id: 'i1' }], itemId: 'i1', item: null }],
  },
  item_updated: {
    good: [
      { refs: [{ id: 'i1', name: 'Bolt' }], itemId: 'i1', fields: ['current_stock'] },
      { refs: [{ id: 'i1' }], itemIds: ['i1'], count: 1 },
    ],
    bad: [{ refs: [{ id: 'i1' }], itemId: 'i1', fields: 'current_stock' }],
  },
  field_changed: {
    good: [
      { refs: [{ id: 'i1', name: 'Bolt' }], itemId: 'i1', field: 'current_stock', before: 2, after: 40 },
    ],
    bad: [{ itemId: 'i1', field: 'current_stock', before: 2, after: 40 }],
  },
  supplier_analysis: { good: [{ suppliers: 3, orders: 40 }], bad: [{ suppliers: 'three', orders: 40 }] },
  supplier_results: {
    good: [{ suppliers: [supplier] }],
    bad: [{ suppliers: [{ ...supplier, on_time_rate: '75%' }] }, { suppliers: [{ supplier: 'Acme' }] }],
  },
  forecasting_analysis: {
    good: [{ horizon_days: 28, skus: 10, method: 'Holt-Winters' }],
    bad: [{ horizon_days: 0, skus: 10, method: 'x' }],
  },
  forecast_results: {
    good: [
      {
        horizon_days: 2,
        start_date: '2025-03-04',
        forecasts: [{ sku: 'B-1', daily: [1, 2], total: 3, lower: [0, 1], upper: [2, 3], history: [1] }],
        accuracy: { mase: 0.8, smape: 20, baseline_mase: 1 },
      },
    ],
    bad: [
      {
        horizon_days: 2,
        forecasts: [{ sku: 'B-1', daily: [1, 2] }],
        accuracy: { mase: null, smape: null, baseline_mase: null },
      },
      {
        horizon_days: 2,
        start_date: 'tomorrow',
        forecasts: [],
        accuracy: { mase: null, smape: null, baseline_mase: null },
      },
      { horizon_days: 2, forecasts: [] },
    ],
  },
  progress: { good: [{ done: 1, total: 4 }], bad: [{ done: 1 }, { done: 0.5, total: 1 }] },
  complete: {
    good: [
      { affected, refs: [{ id: 'i1' }], itemIds: ['i1'] },
      { affected, suppliers: 3 },
    ],
    bad: [{ itemIds: ['i1'] }, { affected: { added: [] } }],
  },
  error: {
    good: [
      { reason: 'cancelled', affected },
      { reason: 'unavailable' },
      { reason: 'invalid', problems: ['x'], affected },
    ],
    bad: [{ affected }, { reason: 42 }, { reason: '' }],
  },
};

const envelope = {
  requestId: 'r1',
  message: 'a line',
  timestamp: '2025-01-06T09:00:00.000Z',
  userId: 'alice',
};

describe('PROG-20: progress message schemas (one per type)', () => {
  it('has a case for every type', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PROGRESS_TYPES].sort());
  });

  for (const type of PROGRESS_TYPES) {
    const { good, bad } = CASES[type];
    it(`${type}: its senders' data parses unchanged; a wrong shape is refused`, () => {
      for (const data of good) {
        const message = { ...envelope, type, data };
        expect(ProgressMessageSchema.parse(message), JSON.stringify(data)).toEqual(message);
        expect(ServerMessageSchema.safeParse(message).success).toBe(true);
      }
      for (const data of bad) {
        const result = ProgressMessageSchema.safeParse({ ...envelope, type, data });
        expect(result.success, JSON.stringify(data)).toBe(false);
      }
      // `data` itself must be an object when present.
      expect(ProgressMessageSchema.safeParse({ ...envelope, type, data: [] }).success).toBe(false);
    });
  }

  it('keeps fields it does not know inside data (loose objects)', () => {
    const message = { ...envelope, type: 'progress', data: { done: 1, total: 2, eta_seconds: 9 } };
    expect(ProgressMessageSchema.parse(message)).toEqual(message);
  });

  it('refuses an unknown type and a message without its envelope', () => {
    expect(ProgressMessageSchema.safeParse({ ...envelope, type: 'teleport' }).success).toBe(false);
    expect(ProgressMessageSchema.safeParse({ type: 'complete', message: 'x' }).success).toBe(false);
  });
});

describe('progressMessage (the one builder)', () => {
  it('builds a message its schema accepts, with the header fields it was given', () => {
    const message = progressMessage('progress', { requestId: 'r', agentId: 'forecasting' }, 'Working', {
      done: 1,
      total: 2,
    });
    expect(ProgressMessageSchema.parse(message)).toEqual(message);
    expect(message).toMatchObject({
      type: 'progress',
      requestId: 'r',
      agentId: 'forecasting',
      data: { done: 1 },
    });
    expect('userId' in message).toBe(false);
    expect(Date.parse(message.timestamp)).not.toBeNaN();
  });

  it('leaves data out where a type may go without it', () => {
    const message = progressMessage('item_creation', { requestId: 'r', userId: 'u' }, 'Creating');
    expect('data' in message).toBe(false);
    expect(ProgressMessageSchema.safeParse(message).success).toBe(true);
  });

  it('lets `type` fix the type of `data` at compile time', () => {
    const header = { requestId: 'r' };
    expectTypeOf(progressMessage('supplier_results', header, 'x', { suppliers: [supplier] })).toEqualTypeOf<
      ProgressMessageOf<'supplier_results'>
    >();
    expectTypeOf<ProgressDataOf<'progress'>>().toHaveProperty('done').toEqualTypeOf<number>();
    // Typing checks only: these lines are never run.
    const typeChecks = () => {
      // @ts-expect-error done must be a number
      progressMessage('progress', header, 'x', { done: 'one', total: 2 });
      // @ts-expect-error forecast_results cannot go without its data
      progressMessage('forecast_results', header, 'x');
      // @ts-expect-error complete needs affected
      progressMessage('complete', header, 'x', { refs: [] });
      // @ts-expect-error not a message type
      progressMessage('teleport', header, 'x');
    };
    expect(typeChecks).toBeTypeOf('function');
  });
});

describe('PROG-22: decoding from outside (lenient about data)', () => {
  it('keeps a message exactly when it matches', () => {
    const message = { ...envelope, type: 'progress', data: { done: 1, total: 2 } };
    expect(decodeProgressMessage(message)).toEqual({ message, dataDropped: false });
  });

  it('keeps the line of a message whose data does not match, without the data', () => {
    const decoded = decodeProgressMessage({
      ...envelope,
      type: 'supplier_results',
      data: { suppliers: 'n/a' },
    });
    expect(decoded).toEqual({ message: { ...envelope, type: 'supplier_results' }, dataDropped: true });
  });

  it('drops an unknown type or a broken envelope', () => {
    expect(decodeProgressMessage({ ...envelope, type: 'teleport', data: {} })).toBeNull();
    expect(
      decodeProgressMessage({ ...envelope, timestamp: 'yesterday', type: 'start', data: {} }),
    ).toBeNull();
    expect(decodeProgressMessage('start')).toBeNull();
  });

  it('tells a request error from a reply to a bad frame by requestId', () => {
    expect(decodeServerMessage({ type: 'error', message: 'Invalid JSON format' })).toEqual({
      message: { type: 'error', message: 'Invalid JSON format' },
      dataDropped: false,
    });
    expect(decodeServerMessage({ type: 'pong', message: 'pong' })?.message.type).toBe('pong');
    const end = decodeServerMessage({ ...envelope, type: 'error', data: { reason: 'cancelled' } });
    expect(end?.message).toHaveProperty('requestId', 'r1');
    expect(decodeServerMessage({ type: 'hello' })).toBeNull();
  });
});

describe('parseClientFrame (client to server)', () => {
  it('answers bad frames with the contract texts', () => {
    expect(parseClientFrame('{nope')).toEqual({
      ok: false,
      reply: { type: 'error', message: 'Invalid JSON format' },
    });
    expect(parseClientFrame('{"type":"X"}')).toEqual({
      ok: false,
      reply: { type: 'error', message: 'Unknown message type: X' },
    });
    const malformed = parseClientFrame('{"type":"user_request","input":"  "}');
    expect(malformed.ok ? '' : malformed.reply.message).toBe(
      'Malformed user_request: input: must not be blank',
    );
  });

  it('decodes the three client messages', () => {
    for (const frame of [
      { type: 'ping' },
      { type: 'cancel', requestId: 'r' },
      { type: 'user_request', input: 'x' },
    ]) {
      expect(parseClientFrame(JSON.stringify(frame))).toEqual({ ok: true, message: frame });
    }
  });
});
