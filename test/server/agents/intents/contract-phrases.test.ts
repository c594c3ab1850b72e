import { describe, expect, it } from 'vitest';
import { createRuleParser } from '../../../../server/agents/intents/index.js';

/** AGENT-3…AGENT-14: every phrase of the request table, as written, with and without its context. */
const parser = createRuleParser();
const ITEM_ID = '3f2a1b4c-1234-4abc-8def-0123456789ab';

interface Row {
  input: string;
  context?: Record<string, unknown>;
  primary: string;
  intent: Record<string, unknown>;
}

const ROWS: Row[] = [
  {
    input: 'Add 5 new inventory items for Q1 planning',
    primary: 'inventory_management',
    intent: { kind: 'add_items', count: 5, item_type: 'inventory', purpose: 'Q1 planning' },
  },
  {
    input: 'Create a new inventory item named Widget X',
    primary: 'inventory_management',
    intent: { kind: 'create_item', name: 'Widget X', item_type: 'inventory' },
  },
  {
    input: 'Create a new inventory item named Widget X',
    context: { item_type: 'inventory', item_name: 'Widget X' },
    primary: 'inventory_management',
    intent: { kind: 'create_item', name: 'Widget X', item_type: 'inventory' },
  },
  {
    input: 'Create a new item',
    context: { item_type: 'supplier', item_name: 'Acme Fasteners' },
    primary: 'inventory_management',
    intent: { kind: 'create_item', name: 'Acme Fasteners', item_type: 'supplier' },
  },
  {
    input: `Remove item ${ITEM_ID}`,
    primary: 'inventory_management',
    intent: { kind: 'remove_item', ref: ITEM_ID },
  },
  {
    input: `Remove item ${ITEM_ID}`,
    context: { item_id: ITEM_ID },
    primary: 'inventory_management',
    intent: { kind: 'remove_item', ref: ITEM_ID },
  },
  {
    input: 'Remove item item-7',
    primary: 'inventory_management',
    intent: { kind: 'remove_item', ref: 'item-7' },
  },
  {
    input: 'Remove all low-stock items',
    primary: 'inventory_management',
    intent: { kind: 'remove_low_stock' },
  },
  {
    input: 'Perform add_multiple on 2 items',
    context: {
      operation: 'add_multiple',
      items: [
        {
          type: 'inventory',
          name: 'Hex Nut M6',
          subtitle: 'zinc',
          data: { sku: 'FAS-2001', current_stock: 10 },
        },
        { type: 'inventory', name: 'Hex Nut M8' },
      ],
    },
    primary: 'inventory_management',
    intent: {
      kind: 'bulk',
      operation: 'add_multiple',
      items: [
        {
          type: 'inventory',
          name: 'Hex Nut M6',
          subtitle: 'zinc',
          data: { sku: 'FAS-2001', current_stock: 10 },
        },
        { type: 'inventory', name: 'Hex Nut M8' },
      ],
    },
  },
  {
    input: 'Perform remove_multiple on 2 items',
    context: { operation: 'remove_multiple', items: [{ id: 'a' }, { id: 'b' }] },
    primary: 'inventory_management',
    intent: { kind: 'bulk', operation: 'remove_multiple', items: [{ id: 'a' }, { id: 'b' }] },
  },
  {
    input: 'Perform update_multiple on 1 items',
    context: {
      operation: 'update_multiple',
      items: [{ id: 'a', data: { current_stock: 3, supplier: 'Acme' } }],
    },
    primary: 'inventory_management',
    intent: {
      kind: 'bulk',
      operation: 'update_multiple',
      items: [{ id: 'a', data: { current_stock: 3, supplier: 'Acme' } }],
    },
  },
  {
    input: 'Set current_stock of FAS-1042 to 40',
    primary: 'inventory_management',
    intent: { kind: 'set_field', ref: 'FAS-1042', field: 'current_stock', value: 40 },
  },
  {
    input: 'Set current_stock of Blue Bolt M8 to 40',
    primary: 'inventory_management',
    intent: { kind: 'set_field', ref: 'Blue Bolt M8', field: 'current_stock', value: 40 },
  },
  {
    input: 'Restock low-stock items',
    primary: 'inventory_management',
    intent: { kind: 'restock_low_stock' },
  },
  {
    input: 'Analyze supplier performance',
    primary: 'supplier_management',
    intent: { kind: 'supplier_performance' },
  },
  {
    input: 'Forecast demand for the next 4 weeks',
    primary: 'forecasting',
    intent: { kind: 'forecast_demand', horizon_days: 28 },
  },
  {
    input: 'Undo the last agent change',
    primary: 'inventory_management',
    intent: { kind: 'undo_last_agent_change' },
  },
  {
    input: 'Remove the items you just added',
    primary: 'inventory_management',
    intent: { kind: 'remove_recently_added' },
  },
];

describe('the contract request table (AGENT-3)', () => {
  it.each(ROWS)('$input $context', async ({ input, context, primary, intent }) => {
    const result = await parser.parse(input, context);
    expect(result.intent).toEqual(intent);
    expect(result.primary_intent).toBe(primary);
    expect(result.problems).toEqual([]);
    expect(result.parser).toBe('rules');
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.explanation.length).toBeGreaterThan(0);
  });

  it('reads the value of a numeric field as a number, not as text', async () => {
    const { intent } = await parser.parse('Set current_stock of FAS-1042 to 40');
    expect(intent.kind === 'set_field' && typeof intent.value).toBe('number');
  });

  it('lets context slots win over the text', async () => {
    const removal = await parser.parse('Remove item FAS-0001', { item_id: ITEM_ID });
    expect(removal.intent).toEqual({ kind: 'remove_item', ref: ITEM_ID });
    const forecast = await parser.parse('Forecast demand for the next 4 weeks', {
      horizon_days: 10,
      sku: 'FAS-1',
    });
    expect(forecast.intent).toEqual({ kind: 'forecast_demand', horizon_days: 10, sku: 'FAS-1' });
    const set = await parser.parse('Set current_stock of FAS-1042 to 40', {
      field: 'max stock',
      value: '90',
    });
    expect(set.intent).toEqual({ kind: 'set_field', ref: 'FAS-1042', field: 'max_stock', value: 90 });
  });
});
