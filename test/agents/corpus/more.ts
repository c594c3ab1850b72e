import {
  adjust,
  ask,
  belowMin,
  forecast,
  from,
  inCat,
  isLow,
  isOut,
  n,
  receive,
  remove,
  restock,
  S,
  sell,
  setField,
  supplierQ,
  voice,
  type CorpusEntry,
} from './types.js';

/**
 * More requests of every voice, new wordings of the same kinds, written with
 * their expectations before they were first run (40 of 57 read right then).
 */
const sm = voice('stock_manager');
const buyer = voice('buyer');
const floor = voice('shop_floor');
const fin = voice('finance');
const toMax = { current_stock: (d: Record<string, unknown>) => n(d, 'max_stock') };

export const more: CorpusEntry[] = [
  sm.plan('Please restock the Glass Cleaner 750 ml Spray', 'restock', [restock(S({ items: ['CLN-9449'] }))], {
    effects: [{ scope: ['CLN-9449'], set: { current_stock: 610 } }],
  }),
  sm.plan(
    'Could you replenish the items that are below their minimum?',
    'restock',
    [restock(S({ conditions: ['below_min'] }))],
    {
      effects: [{ scope: belowMin, set: toMax }],
    },
  ),
  sm.plan(
    'Bring the Hi-Vis Vest Class 2 XL up to 200',
    'restock',
    [restock(S({ items: ['SAF-5502'] }), { kind: 'level', level: 200 })],
    {
      effects: [{ scope: ['SAF-5502'], set: { current_stock: 200 } }],
    },
  ),
  sm.plan(
    'Set the max for every Fasteners item to 2000',
    'edit',
    [setField(S({ categories: ['Fasteners'] }), 'max_stock', 2000)],
    {
      effects: [{ scope: inCat('Fasteners'), set: { max_stock: 2000 } }],
    },
  ),
  sm.plan(
    'Set reorder points of the low-stock Safety items to 150',
    'edit',
    [setField(S({ categories: ['Safety'], conditions: ['low_stock'] }), 'reorder_point', 150)],
    { effects: [{ scope: (d) => isLow(d) && inCat('Safety')(d), set: { reorder_point: 150 } }] },
  ),
  sm.plan(
    'Decrease the reorder point for OFF-3125 by twenty',
    'edit',
    [adjust(S({ items: ['OFF-3125'] }), 'reorder_point', { kind: 'delta', amount: -20 })],
    {
      effects: [{ scope: ['OFF-3125'], set: { reorder_point: 80 } }],
    },
  ),
  sm.plan(
    'Triple the minimum stock of the Ballpoint Pen Blue',
    'edit',
    [adjust(S({ items: ['OFF-5516'] }), 'min_stock', { kind: 'multiply', factor: 3 })],
    {
      effects: [{ scope: ['OFF-5516'], set: { min_stock: 150 } }],
    },
  ),
  sm.plan(
    'Remove all items from Officeline Direct that are out of stock',
    'remove',
    [remove(S({ suppliers: ['Officeline Direct'], conditions: ['out_of_stock'] }))],
    { effects: [{ scope: (d) => isOut(d) && from('Officeline Direct')(d), removes: true }] },
  ),
  sm.plan(
    'Restock everything in Plumbing that is low, except the Ball Valve',
    'negation',
    [restock(S({ categories: ['Plumbing'], conditions: ['low_stock'], except: { items: ['PLB-9988'] } }))],
    { effects: [{ scope: (d) => isLow(d) && inCat('Plumbing')(d) && d['sku'] !== 'PLB-9988', set: toMax }] },
  ),
  sm.plan(
    'Restock the low items; skip anything from Sparkway',
    'negation',
    [restock(S({ conditions: ['low_stock'], except: { suppliers: ['Sparkway Components'] } }))],
    { effects: [{ scope: (d) => isLow(d) && !from('Sparkway Components')(d), set: toMax }] },
  ),
  sm.plan('Which Electrical items are low on stock?', 'question', [
    ask('list_items', { selector: S({ categories: ['Electrical'], conditions: ['low_stock'] }) }),
  ]),
  sm.plan('List the items running low at PureShine', 'question', [
    ask('list_items', { selector: S({ suppliers: ['PureShine Janitorial'], conditions: ['low_stock'] }) }),
  ]),
  sm.plan('How much cover do we have for Cleaning?', 'question', [
    ask('days_of_cover', { selector: S({ categories: ['Cleaning'] }) }),
  ]),
  sm.plan('What will run out by the end of next month?', 'question', [ask('runs_out', { within_days: 59 })]),
  sm.plan('Tell me about the Hand Soap Foam 1 L Cartridge', 'question', [
    ask('item_fields', { selector: S({ items: ['CLN-2496'] }), fields: [] }),
  ]),
  sm.plan('Forecast the Push Broom 60 cm Stiff for the coming 8 weeks', 'forecast', [
    forecast(S({ items: ['CLN-8523'] }), { days: 56 }),
  ]),
  sm.plan(
    'Restock the low-stock Cleaning items, then forecast Cleaning for the next month',
    'compound',
    [
      restock(S({ categories: ['Cleaning'], conditions: ['low_stock'] })),
      forecast(S({ categories: ['Cleaning'] }), { end: '2027-01-31' }),
    ],
    { effects: [{ scope: (d) => isLow(d) && inCat('Cleaning')(d), set: toMax }] },
  ),
  sm.clarify('Set the max stock of the microfiber cloth to 800', ['CLN-2146', 'CLN-5246', 'CLN-6728']),
  sm.refuse('Restock the low items by next Tuesday afternoon', ['afternoon']),
  sm.refuse('Move the Hard Hat Orange to aisle 4', ['Move', 'aisle']),
  buyer.plan('Who are our three most reliable suppliers?', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'on_time_rate', order: 'best', limit: 3 }),
  ]),
  buyer.plan('Rank suppliers worst first by fill rate', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'fill_rate', order: 'worst' }),
  ]),
  buyer.plan('Which vendor has the shortest lead time?', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'mean_lead_time_days', order: 'best' }),
  ]),
  buyer.plan('How is Pipeworks performing since March?', 'supplier', [
    supplierQ({
      ask: 'one',
      supplier: 'Pipeworks Trading',
      window: { from: '2026-03-01', to: '2026-12-03' },
    }),
  ]),
  buyer.plan('Defect rate of Guardian in the last 12 months', 'supplier', [
    supplierQ({
      ask: 'one',
      supplier: 'Guardian Safety Products',
      metric: 'defect_rate',
      window: { from: '2025-12-03', to: '2026-12-03' },
    }),
  ]),
  buyer.plan('Best supplier for electrical parts', 'supplier', [
    supplierQ({ ask: 'best_for_category', category: 'Electrical' }),
  ]),
  buyer.plan('Are any purchase orders from Ironclad overdue?', 'supplier', [
    supplierQ({ ask: 'purchase_orders', status: 'overdue', supplier: 'Ironclad Fasteners Ltd' }),
  ]),
  buyer.plan(
    'Order 250 of the Dust Mask FFP2',
    'restock',
    [restock(S({ items: ['SAF-8417'] }), { kind: 'quantity', quantity: 250 })],
    {
      effects: [{ scope: ['SAF-8417'], set: { current_stock: 337 } }],
    },
  ),
  buyer.plan(
    'Buy more of everything that is out of stock',
    'restock',
    [restock(S({ conditions: ['out_of_stock'] }))],
    {
      effects: [{ scope: isOut, set: toMax }],
    },
  ),
  buyer.plan(
    'Add 6 Tools products from Harbor Tool',
    'add',
    [
      {
        kind: 'create_from_catalogue',
        writes: true,
        count: 6,
        category: 'Tools',
        supplier: 'Harbor Tool Imports',
      },
    ],
    { effects: [{ adds: 6 }] },
  ),
  buyer.plan('Forecast demand for everything from Nordpack through the end of Q1', 'forecast', [
    forecast(S({ suppliers: ['Nordpack AB'] }), { end: '2027-03-31' }),
  ]),
  buyer.plan('How many Toilet Fill Valve Side Entry will we need next quarter?', 'forecast', [
    forecast(S({ items: ['PLB-3924'] }), { end: '2027-03-31' }),
  ]),
  buyer.clarify('How reliable is the supplier of the hard hat?', ['SAF-3211', 'SAF-4320', 'SAF-5760']),
  buyer.refuse('Cancel the overdue orders from BoxCraft', []),
  buyer.refuse('Which supplier has the nicest packaging?', ['nicest']),
  floor.plan('restock glas cleaner', 'restock', [restock(S({ items: ['CLN-9449'] }))], {
    effects: [{ scope: ['CLN-9449'], set: { current_stock: 610 } }],
  }),
  floor.plan(
    'restock teh low safety stuff',
    'restock',
    [restock(S({ categories: ['Safety'], conditions: ['low_stock'] }))],
    {
      effects: [{ scope: (d) => isLow(d) && inCat('Safety')(d), set: toMax }],
    },
  ),
  floor.plan('recieved fifteen hand sanitizer gel', 'movement', [receive(S({ items: ['CLN-4475'] }), 15)], {
    effects: [{ scope: ['CLN-4475'], set: { current_stock: 400 } }],
  }),
  floor.plan('sold 6 toner black', 'movement', [sell(S({ items: ['OFF-6292'] }), 6)], {
    effects: [{ scope: ['OFF-6292'], set: { current_stock: 651 } }],
  }),
  floor.plan('used 2 floor cleaner degreasing', 'movement', [sell(S({ items: ['CLN-7562'] }), 2, 'used')], {
    effects: [{ scope: ['CLN-7562'], set: { current_stock: 188 } }],
  }),
  floor.plan(
    'set the stock of the pallet wrap dispenser handheld to 700',
    'edit',
    [setField(S({ items: ['PKG-7650'] }), 'current_stock', 700)],
    {
      effects: [{ scope: ['PKG-7650'], set: { current_stock: 700 } }],
    },
  ),
  floor.plan(
    'reorder point of the wing nut m6 should be 250',
    'edit',
    [setField(S({ items: ['FAS-2154'] }), 'reorder_point', 250)],
    {
      effects: [{ scope: ['FAS-2154'], set: { reorder_point: 250 } }],
    },
  ),
  floor.plan(
    'hw many shipping labels 6-up left',
    'question',
    [ask('item_fields', { selector: S({ items: ['PKG-5742'] }), fields: ['current_stock'] })],
    {},
  ),
  floor.plan('whats the min on the clipboard', 'question', [
    ask('item_fields', { selector: S({ items: ['OFF-6299'] }), fields: ['min_stock'] }),
  ]),
  floor.plan('low stuff in packaging?', 'question', [
    ask('list_items', { selector: S({ categories: ['Packaging'], conditions: ['low_stock'] }) }),
  ]),
  floor.plan('delete the red lever arch file', 'remove', [remove(S({ items: ['OFF-3556'] }))], {
    effects: [{ scope: ['OFF-3556'], removes: true }],
  }),
  floor.plan(
    'remove the strapping kit polypropylene and the padded envelope size c',
    'compound',
    [remove(S({ items: ['PKG-9253', 'PKG-8602'] }))],
    {
      effects: [{ scope: ['PKG-9253', 'PKG-8602'], removes: true }],
    },
  ),
  floor.clarify('restock the hand soap', ['CLN-1146', 'CLN-2496', 'CLN-9976']),
  floor.refuse('sold the thing', []),
  floor.refuse('restock the shelf behind the counter', ['shelf', 'behind', 'counter']),
  fin.plan('Total value of the Office stock from Paperhouse', 'question', [
    ask('stock_value', { selector: S({ categories: ['Office'], suppliers: ['Paperhouse Stationers'] }) }),
  ]),
  fin.plan('What is the stock of Packaging worth, excluding BoxCraft?', 'question', [
    ask('stock_value', {
      selector: S({ categories: ['Packaging'], except: { suppliers: ['BoxCraft Packaging'] } }),
    }),
  ]),
  fin.plan('How many units of the Printer Toner Cyan are in stock?', 'question', [
    ask('item_fields', { selector: S({ items: ['OFF-5710'] }), fields: ['current_stock'] }),
  ]),
  fin.plan(
    'Raise the unit cost of everything from Ironclad by 2.5%',
    'edit',
    [adjust(S({ suppliers: ['Ironclad Fasteners Ltd'] }), 'unit_cost', { kind: 'percent', percent: 2.5 })],
    {
      effects: [
        {
          scope: from('Ironclad Fasteners Ltd'),
          set: { unit_cost: (d) => Math.round(n(d, 'unit_cost') * 102.5) / 100 },
        },
      ],
    },
  ),
  fin.plan(
    'Drop the price of the Gel Pen Blue to 10.99',
    'edit',
    [setField(S({ items: ['OFF-3125'] }), 'unit_cost', 10.99)],
    {
      effects: [{ scope: ['OFF-3125'], set: { unit_cost: 10.99 } }],
    },
  ),
  fin.clarify('What are the copper elbows worth?', ['PLB-2768', 'PLB-9827']),
  fin.refuse('Write down the value of damaged stock', ['Write', 'down']),
];
