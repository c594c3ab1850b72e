import { describe, expect, it } from 'vitest';
import { createRuleParser } from '../../../../server/agents/intents/index.js';

/**
 * Reasonable rewordings of the contract phrases (AGENT-3: the phrases work
 * as written, and so do reasonable rewordings): synonyms, word order, numbers as
 * words, names with spaces, quoted names, SKUs, horizons.
 */
const parser = createRuleParser();
const UUID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

type Row = [input: string, expected: Record<string, unknown>, context?: Record<string, unknown>];

const ROWS: Row[] = [
  // adding: synonyms, numbers as words, types, purposes
  [
    'Please add five new inventory items for Q1 planning',
    { kind: 'add_items', count: 5, purpose: 'Q1 planning' },
  ],
  ['Create 12 new items', { kind: 'add_items', count: 12, item_type: 'inventory' }],
  [
    'Insert a dozen products for the spring sale',
    { kind: 'add_items', count: 12, purpose: 'the spring sale' },
  ],
  ['Generate a couple of sample inventory items', { kind: 'add_items', count: 2, item_type: 'inventory' }],
  ['Add twenty-five items', { kind: 'add_items', count: 25 }],
  ['Stock up on 3 new items for the trade show', { kind: 'add_items', count: 3, purpose: 'the trade show' }],
  ['We need 7 new inventory items, please add them', { kind: 'add_items', count: 7 }],
  ['Add three new supplier items', { kind: 'add_items', count: 3, item_type: 'supplier' }],
  ['add a new item', { kind: 'add_items', count: 1 }],
  ['Add half a dozen new items', { kind: 'add_items', count: 6 }],
  // creating one named item
  [
    'Create an item called Blue Bolt M8',
    { kind: 'create_item', name: 'Blue Bolt M8', item_type: 'inventory' },
  ],
  ['Add a new item named "Hex Nut, Zinc 6mm"', { kind: 'create_item', name: 'Hex Nut, Zinc 6mm' }],
  ['New inventory item: Widget X', { kind: 'create_item', name: 'Widget X' }],
  ['Add Widget Pro 2000 to the inventory', { kind: 'create_item', name: 'Widget Pro 2000' }],
  [
    'Create a supplier item named Acme Fasteners Ltd',
    { kind: 'create_item', name: 'Acme Fasteners Ltd', item_type: 'supplier' },
  ],
  [
    'Create item "Gear Oil 5L" with sku LUB-0051, stock 30 and supplier Acme',
    {
      kind: 'create_item',
      name: 'Gear Oil 5L',
      data: { sku: 'LUB-0051', current_stock: 30, supplier: 'Acme' },
    },
  ],
  // removing one item
  ['Delete item FAS-1042', { kind: 'remove_item', ref: 'FAS-1042' }],
  [`Please get rid of ${UUID}`, { kind: 'remove_item', ref: UUID }],
  ['Drop "Blue Bolt M8" from the inventory', { kind: 'remove_item', ref: 'Blue Bolt M8' }],
  ['Discard the item named Old Gasket Set', { kind: 'remove_item', ref: 'Old Gasket Set' }],
  ['Remove Hex Nut M6 from inventory', { kind: 'remove_item', ref: 'Hex Nut M6' }],
  ['Remove it', { kind: 'remove_item', ref: 'inv_0042' }, { item_id: 'inv_0042' }],
  // names as the mock data writes them: hyphens, commas, slashes, digits
  ['Remove All-Purpose Cleaner 1 L Spray', { kind: 'remove_item', ref: 'All-Purpose Cleaner 1 L Spray' }],
  [
    'Delete Toilet Tissue 2-Ply Case of 48, please',
    { kind: 'remove_item', ref: 'Toilet Tissue 2-Ply Case of 48' },
  ],
  // removing low stock
  ['Delete every item that is low on stock', { kind: 'remove_low_stock' }],
  ['Get rid of everything below the reorder point', { kind: 'remove_low_stock' }],
  ['remove items under their reorder level', { kind: 'remove_low_stock' }],
  ['Discard all items running low', { kind: 'remove_low_stock' }],
  ['Drop the items that will be out of stock soon', { kind: 'remove_low_stock' }],
  // setting a field: field synonyms, word order, refs
  [
    'Change the stock of Blue Bolt M8 to 40 units',
    { kind: 'set_field', ref: 'Blue Bolt M8', field: 'current_stock', value: 40 },
  ],
  [
    'Update FAS-1042 quantity on hand = 40',
    { kind: 'set_field', ref: 'FAS-1042', field: 'current_stock', value: 40 },
  ],
  [
    "Set FAS-1042's reorder level to fifteen",
    { kind: 'set_field', ref: 'FAS-1042', field: 'reorder_point', value: 15 },
  ],
  [
    'Adjust the reorder point for "Hex Nut M6" to 12',
    { kind: 'set_field', ref: 'Hex Nut M6', field: 'reorder_point', value: 12 },
  ],
  [
    'Set max stock of FAS-1042 to 200',
    { kind: 'set_field', ref: 'FAS-1042', field: 'max_stock', value: 200 },
  ],
  [
    'Change the maximum for FAS-1042 to 150',
    { kind: 'set_field', ref: 'FAS-1042', field: 'max_stock', value: 150 },
  ],
  ['Set min stock of FAS-1042 to 5', { kind: 'set_field', ref: 'FAS-1042', field: 'min_stock', value: 5 }],
  [
    'Change the vendor of FAS-1042 to Acme Corp',
    { kind: 'set_field', ref: 'FAS-1042', field: 'supplier', value: 'Acme Corp' },
  ],
  [
    'Set the price of FAS-1042 to $12.50',
    { kind: 'set_field', ref: 'FAS-1042', field: 'unit_cost', value: 12.5 },
  ],
  [
    'Set lead time for FAS-1042 to 9',
    { kind: 'set_field', ref: 'FAS-1042', field: 'lead_time_days', value: 9 },
  ],
  [
    'Set stock to 40 for Blue Bolt M8',
    { kind: 'set_field', ref: 'Blue Bolt M8', field: 'current_stock', value: 40 },
  ],
  [
    'FAS-1042 current stock should be 40',
    { kind: 'set_field', ref: 'FAS-1042', field: 'current_stock', value: 40 },
  ],
  [
    'Set the current stock to 40',
    { kind: 'set_field', ref: 'FAS-1042', field: 'current_stock', value: 40 },
    { sku: 'FAS-1042' },
  ],
  [
    'Set current_stock of Microfiber Cloth Yellow, Pack of 12 to 40',
    { kind: 'set_field', ref: 'Microfiber Cloth Yellow, Pack of 12', field: 'current_stock', value: 40 },
  ],
  [
    'Change the stock of Anti-Slip Floor Tape 50 mm Yellow/Black to 25',
    { kind: 'set_field', ref: 'Anti-Slip Floor Tape 50 mm Yellow/Black', field: 'current_stock', value: 25 },
  ],
  // restocking
  ['Replenish everything that is running low', { kind: 'restock_low_stock' }],
  ['Top up the items below reorder point', { kind: 'restock_low_stock' }],
  ['refill low stock', { kind: 'restock_low_stock' }],
  ['Reorder whatever is low on stock', { kind: 'restock_low_stock' }],
  ['Restock FAS-1042 with 20 units', { kind: 'restock_item', ref: 'FAS-1042', quantity: 20 }],
  ['Replenish "Blue Bolt M8"', { kind: 'restock_item', ref: 'Blue Bolt M8' }],
  ['Add 30 units to FAS-1042', { kind: 'restock_item', ref: 'FAS-1042', quantity: 30 }],
  // stock analysis
  ['Which items are below the reorder point?', { kind: 'stock_analysis' }],
  ["What's low on stock?", { kind: 'stock_analysis' }],
  ['Give me an inventory overview', { kind: 'stock_analysis' }],
  ['List items that will be out of stock soon', { kind: 'stock_analysis' }],
  // suppliers
  ['Rank our vendors', { kind: 'supplier_performance' }],
  ['Show me the supplier scorecard', { kind: 'supplier_performance' }],
  ['Which suppliers are the most reliable?', { kind: 'supplier_performance' }],
  ['How is vendor Acme Fasteners performing?', { kind: 'supplier_performance', supplier: 'Acme Fasteners' }],
  [
    'Evaluate the performance of supplier "Bolt & Co"',
    { kind: 'supplier_performance', supplier: 'Bolt & Co' },
  ],
  // forecasting: horizons
  ['Predict demand over the next two weeks', { kind: 'forecast_demand', horizon_days: 14 }],
  ['Forecast sales for the next 10 days', { kind: 'forecast_demand', horizon_days: 10 }],
  ['Project demand for next month', { kind: 'forecast_demand', horizon_days: 30 }],
  ['forecast the next quarter', { kind: 'forecast_demand', horizon_days: 90 }],
  ['What will demand look like in 30 days?', { kind: 'forecast_demand', horizon_days: 30 }],
  [
    'Forecast demand for FAS-1042 for six weeks',
    { kind: 'forecast_demand', horizon_days: 42, sku: 'FAS-1042' },
  ],
  ['Run a demand forecast', { kind: 'forecast_demand', horizon_days: 28 }],
  // undo and taking back
  ['Revert the last change the agent made', { kind: 'undo_last_agent_change' }],
  ['roll back the previous agent edit', { kind: 'undo_last_agent_change' }],
  ['Undo that', { kind: 'undo_last_agent_change' }],
  ['Delete the items you just created', { kind: 'remove_recently_added' }],
  ['Remove the recently added items', { kind: 'remove_recently_added' }],
  // bulk without the literal operation name
  [
    'Add these items',
    { kind: 'bulk', operation: 'add_multiple' },
    { items: [{ type: 'inventory', name: 'A' }] },
  ],
  ['Remove these', { kind: 'bulk', operation: 'remove_multiple' }, { items: [{ id: 'a' }] }],
];

describe('rewordings', () => {
  it('has at least 40 of them', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ROWS)('%s', async (input, expected, context) => {
    const result = await parser.parse(input, context);
    expect(result.intent).toMatchObject(expected);
    expect(result.problems).toEqual([]);
  });
});
