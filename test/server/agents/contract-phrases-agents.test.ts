import { expect } from 'vitest';
import type { Item } from '../../../shared/items.js';
import { PrimaryIntent } from '../../../shared/progress.js';
import {
  BOARD_SIZE,
  boardItems,
  content,
  expectOthersUnchanged,
  expectStampedBy,
  mockData,
} from './board-helpers.js';
import { INVENTORY, INVENTORY_ERROR, describePhrases, type PhraseCase } from './phrase-harness.js';
import { ofType } from './progress-helpers.js';

/**
 * AGENT-11…AGENT-16: the supplier and forecasting phrases, and the ones the
 * agents answer from their memory of the room (undo, remove what was just
 * added), over the progress WebSocket, HTTP JSON and HTTP SSE.
 */

const SUPPLIER_FIELDS = [
  'supplier',
  'orders',
  'on_time_rate',
  'mean_lead_time_days',
  'p90_lead_time_days',
  'fill_rate',
  'defect_rate',
  'score',
  'rank',
].sort();

const FORECAST_FIELDS = ['forecast_units', 'forecast_horizon_days', 'days_of_cover', 'stockout_date'];

const rate = (v: unknown) => v === null || (typeof v === 'number' && v >= 0 && v <= 1);
const days = (v: unknown) => v === null || (typeof v === 'number' && v >= 0);

const CASES: PhraseCase[] = [
  {
    name: 'AGENT-11, AGENT-15 Analyze supplier performance',
    // Scores come from purchase_orders.csv, not from the board.
    seed: () => [],
    async run(t) {
      const r = await t.ask('Analyze supplier performance', undefined, {
        primary: PrimaryIntent.supplier,
        terminal: 'complete',
      });
      expect(r.unchanged).toBe(true);
      const results = ofType(r.messages, 'supplier_results');
      expect(results).toHaveLength(1);
      const rows = results[0]!.data?.['suppliers'] as Record<string, unknown>[];
      const suppliers = new Set((await mockData.purchaseOrders()).map((o) => o.supplier));
      expect(rows).toHaveLength(suppliers.size);
      rows.forEach((row, i) => {
        expect(Object.keys(row).sort()).toEqual(SUPPLIER_FIELDS);
        expect(row['rank']).toBe(i + 1);
        expect(suppliers.has(String(row['supplier']))).toBe(true);
        expect(Number.isInteger(row['orders']) && Number(row['orders']) > 0).toBe(true);
        for (const f of ['on_time_rate', 'fill_rate', 'defect_rate']) expect(rate(row[f]), f).toBe(true);
        for (const f of ['mean_lead_time_days', 'p90_lead_time_days']) expect(days(row[f]), f).toBe(true);
        expect(typeof row['score']).toBe('number');
        if (i > 0) expect(Number(row['score'])).toBeLessThanOrEqual(Number(rows[i - 1]!['score']));
      });
      expect(new Set(rows.map((row) => row['supplier'])).size).toBe(rows.length);
    },
  },
  {
    name: 'AGENT-12, AGENT-16 Forecast demand for the next 4 weeks',
    async run(t) {
      const r = await t.ask('Forecast demand for the next 4 weeks', undefined, {
        primary: PrimaryIntent.forecasting,
        terminal: 'complete',
      });
      const results = ofType(r.messages, 'forecast_results');
      expect(results).toHaveLength(1);
      const data = results[0]!.data!;
      expect(data['horizon_days']).toBe(28);
      const forecasts = data['forecasts'] as { sku: string; daily: number[]; total: number }[];
      const sales = await mockData.salesBySku();
      const boardSkus = [...r.before.values()].map((i) => String(i.data['sku'])).filter((s) => sales.has(s));
      expect(boardSkus.length).toBe(BOARD_SIZE);
      expect(forecasts.map((f) => f.sku).sort()).toEqual([...boardSkus].sort());
      for (const f of forecasts) {
        expect(f.daily).toHaveLength(28);
        expect(f.daily.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
        expect(Math.abs(f.total - f.daily.reduce((a, b) => a + b, 0))).toBeLessThan(0.2);
      }
      const accuracy = data['accuracy'] as Record<string, number>;
      expect(Object.keys(accuracy).sort()).toEqual(['baseline_mase', 'mase', 'smape']);
      expect(accuracy['mase']).toBeGreaterThan(0);
      expect(accuracy['mase']).toBeLessThan(accuracy['baseline_mase']!);

      const bySku = new Map(forecasts.map((f) => [f.sku, f]));
      for (const before of r.before.values()) {
        const after = r.after.get(before.id)!;
        const f = bySku.get(String(before.data['sku']))!;
        expect(Math.abs(Number(after.data['forecast_units']) - f.total)).toBeLessThanOrEqual(0.51);
        expect(after.data['forecast_horizon_days']).toBe(28);
        expectStampedBy(after, 'forecasting');
        // Nothing but the forecast fields changed.
        const kept = content(after) as Item;
        for (const field of FORECAST_FIELDS) delete kept.data[field];
        expect(kept).toEqual(content(before));
      }

      const progress = ofType(r.messages, 'progress');
      expect(progress.length).toBeGreaterThan(1);
      for (const m of progress) {
        const { done, total } = m.data as { done: number; total: number };
        expect(Number.isInteger(done) && Number.isInteger(total) && done > 0 && done <= total).toBe(true);
      }
      const last = progress.at(-1)!.data as { done: number; total: number };
      expect(last.done).toBe(last.total);
    },
  },
  {
    name: 'AGENT-13 Undo the last agent change',
    async run(t) {
      const [x, y, z] = (await boardItems()).slice(20, 23);
      await t.setup(`Set current_stock of ${x!.id} to 40`);
      const beforeBulk = t.items();
      const bulk = await t.setup('Perform update_multiple on 2 items', {
        operation: 'update_multiple',
        items: [
          { id: y!.id, data: { current_stock: 1, supplier: 'Acme Fasteners', shelf: 'A-1' } },
          { id: z!.id, name: 'Renamed by the agent', data: { min_stock: 0 } },
        ],
      });
      const r = await t.ask('Undo the last agent change', undefined, INVENTORY);
      expect(r.terminal.data?.['sourceRequestId']).toBe(bulk[0]!.requestId);
      for (const id of [y!.id, z!.id]) {
        expect(content(r.after.get(id))).toEqual(content(beforeBulk.get(id)));
        expectStampedBy(r.after.get(id), 'inventory');
      }
      expect(r.after.get(x!.id)!.data['current_stock']).toBe(40);
      expectOthersUnchanged(r.before, r.after, [y!.id, z!.id]);
    },
  },
  {
    name: 'AGENT-14 Remove the items you just added',
    async run(t) {
      await t.setup('Perform add_multiple on 2 items', {
        operation: 'add_multiple',
        items: [
          { type: 'inventory', name: 'Older Addition A' },
          { type: 'inventory', name: 'Older Addition B' },
        ],
      });
      const beforeAdd = t.items();
      await t.setup('Add 3 new inventory items for Q1 planning');
      const latest = [...t.items().keys()].filter((id) => !beforeAdd.has(id));
      expect(latest).toHaveLength(3);
      const target = (await boardItems())[30]!;
      await t.setup(`Set current_stock of ${target.id} to 40`);
      const r = await t.ask('Remove the items you just added', undefined, INVENTORY);
      expect([...r.before.keys()].filter((id) => !r.after.has(id)).sort()).toEqual([...latest].sort());
      expectOthersUnchanged(r.before, r.after, latest);
      expect(r.after.get(target.id)!.data['current_stock']).toBe(40);
    },
  },
  {
    name: 'AGENT-13 Undo the last agent change with nothing to undo: error, nothing changes',
    async run(t) {
      const r = await t.ask('Undo the last agent change', undefined, INVENTORY_ERROR);
      expect(r.unchanged).toBe(true);
    },
  },
];

describePhrases('contract phrases answered by the supplier, forecasting and memory', CASES);
