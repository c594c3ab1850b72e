import {
  ask,
  forecast,
  from,
  inCat,
  isLow,
  n,
  restock,
  S,
  supplierQ,
  voice,
  type CorpusEntry,
} from './types.js';

/** A buyer: suppliers, purchase orders, what to order, forecasts, catalogue products. */
const { plan, clarify, refuse } = voice('buyer');
const cat = (count: number, extra: object = {}) => ({
  kind: 'create_from_catalogue',
  writes: true,
  count,
  ...extra,
});

export const buyer: CorpusEntry[] = [
  plan('Rank our suppliers by on-time delivery', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'on_time_rate', order: 'best' }),
  ]),
  plan('Which supplier has the best fill rate?', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'fill_rate', order: 'best' }),
  ]),
  plan('Who are the worst suppliers for defects?', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'defect_rate', order: 'worst' }),
  ]),
  plan('Top 3 suppliers by score', 'supplier', [supplierQ({ ask: 'rank', metric: 'score', limit: 3 })]),
  plan('Show supplier performance for the last 3 months', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'score', window: { from: '2026-09-03', to: '2026-12-03' } }),
  ]),
  plan('Rank vendors by lead time since June', 'supplier', [
    supplierQ({
      ask: 'rank',
      metric: 'mean_lead_time_days',
      window: { from: '2026-06-01', to: '2026-12-03' },
    }),
  ]),
  plan('How reliable is Voltline?', 'supplier', [
    supplierQ({ ask: 'one', supplier: 'Voltline Electrical Supply', metric: 'on_time_rate' }),
  ]),
  plan("What is Sparkway's fill rate?", 'supplier', [
    supplierQ({ ask: 'one', supplier: 'Sparkway Components', metric: 'fill_rate' }),
  ]),
  plan('How has Officeline Direct been doing this year?', 'supplier', [
    supplierQ({
      ask: 'one',
      supplier: 'Officeline Direct',
      window: { from: '2026-01-01', to: '2026-12-03' },
    }),
  ]),
  plan('Compare Pipeworks and AquaFlow', 'supplier', [
    supplierQ({ ask: 'compare', suppliers: ['Pipeworks Trading', 'AquaFlow Plumbing Supply'] }),
  ]),
  plan('Compare Nordpack, Paperhouse and BoxCraft on defect rate', 'supplier', [
    supplierQ({
      ask: 'compare',
      suppliers: ['Nordpack AB', 'Paperhouse Stationers', 'BoxCraft Packaging'],
      metric: 'defect_rate',
    }),
  ]),
  plan('Ironclad vs Bolt & Nut on lead time', 'supplier', [
    supplierQ({
      ask: 'compare',
      suppliers: ['Ironclad Fasteners Ltd', 'Bolt & Nut Trading Co.'],
      metric: 'mean_lead_time_days',
    }),
  ]),
  plan('Who is the best supplier for plumbing?', 'supplier', [
    supplierQ({ ask: 'best_for_category', category: 'Plumbing' }),
  ]),
  plan('Best vendor for safety gear by on-time rate', 'supplier', [
    supplierQ({ ask: 'best_for_category', category: 'Safety', metric: 'on_time_rate' }),
  ]),
  plan('Which supplier delivers late most often?', 'supplier', [supplierQ({ ask: 'late_most' })]),
  plan('Who was late the most in 2025?', 'supplier', [
    supplierQ({ ask: 'late_most', window: { from: '2025-01-01', to: '2025-12-31' } }),
  ]),
  plan('List open purchase orders', 'supplier', [supplierQ({ ask: 'purchase_orders', status: 'open' })]),
  plan('Which POs are overdue?', 'supplier', [supplierQ({ ask: 'purchase_orders', status: 'overdue' })]),
  plan('Show overdue purchase orders from Forge & Anvil', 'supplier', [
    supplierQ({ ask: 'purchase_orders', status: 'overdue', supplier: 'Forge & Anvil Tools GmbH' }),
  ]),
  plan('Any outstanding orders with Guardian?', 'supplier', [
    supplierQ({ ask: 'purchase_orders', status: 'open', supplier: 'Guardian Safety Products' }),
  ]),
  plan('What should I reorder?', 'question', [ask('reorder_advice', { selector: S({ all: true }) })]),
  plan('What do I need to order from Shieldworks, and how many?', 'question', [
    ask('reorder_advice', { selector: S({ suppliers: ['Shieldworks PPE'] }) }),
  ]),
  plan('Which office items should we reorder?', 'question', [
    ask('reorder_advice', { selector: S({ categories: ['Office'] }) }),
  ]),
  plan('Do we need to reorder the PVC Cement 125 ml?', 'question', [
    ask('reorder_advice', { selector: S({ items: ['PLB-9706'] }) }),
  ]),
  plan('Is the Junction Box 4 in Square Steel low?', 'question', [
    ask('list_items', { selector: S({ items: ['ELE-9721'], conditions: ['low_stock'] }) }),
  ]),
  plan('What runs out before the end of January?', 'question', [ask('runs_out', { within_days: 59 })]),
  plan('Which packaging items will run out within 3 weeks?', 'question', [
    ask('runs_out', { selector: S({ categories: ['Packaging'] }), within_days: 21 }),
  ]),
  plan('Forecast demand for the next 4 weeks for all Electrical items', 'forecast', [
    forecast(S({ categories: ['Electrical'] }), { start: '2026-11-01', end: '2026-11-28', days: 28 }),
  ]),
  plan('Forecast CLN-2770 for next quarter', 'forecast', [
    forecast(S({ items: ['CLN-2770'] }), {
      end: '2027-03-31',
      period: { from: '2027-01-01', to: '2027-03-31' },
    }),
  ]),
  plan('How many Nitrile Gloves Size M will we sell in December?', 'forecast', [
    forecast(S({ items: ['SAF-7303'] }), {
      end: '2026-12-31',
      period: { from: '2026-12-01', to: '2026-12-31' },
    }),
  ]),
  plan('Predict demand for fasteners through March', 'forecast', [
    forecast(S({ categories: ['Fasteners'] }), { end: '2027-03-31' }),
  ]),
  plan('Forecast everything for 60 days', 'forecast', [forecast(S({ all: true }), { days: 60 })]),
  plan('Forecast demand for the Printer Toner Cyan until 2027-01-15', 'forecast', [
    forecast(S({ items: ['OFF-5710'] }), { end: '2027-01-15', days: 76 }),
  ]),
  plan('Add 3 new Safety products', 'add', [cat(3, { category: 'Safety' })], { effects: [{ adds: 3 }] }),
  plan(
    'Add four plumbing items from Pipeworks',
    'add',
    [cat(4, { category: 'Plumbing', supplier: 'Pipeworks Trading' })],
    {
      effects: [{ adds: 4 }],
    },
  ),
  plan(
    'Create 2 packaging products for the spring promotion',
    'add',
    [cat(2, { category: 'Packaging', purpose: 'the spring promotion' })],
    {
      effects: [{ adds: 2 }],
    },
  ),
  plan(
    'Add a new item named Cable Reel 25 m with sku ELE-7777, category Electrical, supplier Voltline, unit cost 38.5 and reorder point 40',
    'add',
    [
      {
        kind: 'add_items',
        items: [
          {
            type: 'inventory',
            name: 'Cable Reel 25 m',
            data: {
              sku: 'ELE-7777',
              category: 'Electrical',
              supplier: 'Voltline Electrical Supply',
              unit_cost: 38.5,
              reorder_point: 40,
            },
          },
        ],
      },
    ],
    { effects: [{ adds: 1 }] },
  ),
  plan(
    'Add a supplier called Northwind Traders',
    'add',
    [{ kind: 'add_items', items: [{ type: 'supplier', name: 'Northwind Traders', data: {} }] }],
    {
      effects: [{ adds: 1 }],
    },
  ),
  plan(
    'Order 500 more Cable Ties 150 mm Black',
    'restock',
    [restock(S({ items: ['ELE-5961'] }), { kind: 'quantity', quantity: 500 })],
    {
      effects: [{ scope: ['ELE-5961'], set: { current_stock: 829 } }],
    },
  ),
  plan(
    'Reorder the low-stock items from Sparkway',
    'restock',
    [restock(S({ suppliers: ['Sparkway Components'], conditions: ['low_stock'] }))],
    {
      effects: [
        {
          scope: (d) => isLow(d) && from('Sparkway Components')(d),
          set: { current_stock: (d) => n(d, 'max_stock') },
        },
      ],
    },
  ),
  plan(
    'Restock the low items in Tools except those from Forge & Anvil',
    'negation',
    [
      restock(
        S({
          categories: ['Tools'],
          conditions: ['low_stock'],
          except: { suppliers: ['Forge & Anvil Tools GmbH'] },
        }),
      ),
    ],
    {
      effects: [
        {
          scope: (d) => isLow(d) && inCat('Tools')(d) && !from('Forge & Anvil Tools GmbH')(d),
          set: { current_stock: (d) => n(d, 'max_stock') },
        },
      ],
    },
  ),
  plan(
    'Restock low stock items apart from the Office and Packaging categories',
    'negation',
    [restock(S({ conditions: ['low_stock'], except: { categories: ['Office', 'Packaging'] } }))],
    {
      effects: [
        {
          scope: (d) => isLow(d) && !inCat('Office')(d) && !inCat('Packaging')(d),
          set: { current_stock: (d) => n(d, 'max_stock') },
        },
      ],
    },
  ),
  plan('Rank suppliers by defect rate, then show the open purchase orders', 'compound', [
    supplierQ({ ask: 'rank', metric: 'defect_rate' }),
    supplierQ({ ask: 'purchase_orders', status: 'open' }),
  ]),
  plan(
    'Restock the low Plumbing items and forecast plumbing demand for the next 2 weeks',
    'compound',
    [
      restock(S({ categories: ['Plumbing'], conditions: ['low_stock'] })),
      forecast(S({ categories: ['Plumbing'] }), { days: 14 }),
    ],
    {
      effects: [
        { scope: (d) => isLow(d) && inCat('Plumbing')(d), set: { current_stock: (d) => n(d, 'max_stock') } },
      ],
    },
  ),
  plan('What is the lead time of the LED Shop Light 4 ft Linkable?', 'question', [
    ask('item_fields', { selector: S({ items: ['ELE-3023'] }), fields: ['lead_time_days'] }),
  ]),
  plan('How much does the Strapping Kit Polyester cost?', 'question', [
    ask('item_fields', { selector: S({ items: ['PKG-8879'] }), fields: ['unit_cost'] }),
  ]),
  plan('Show me everything BoxCraft supplies', 'question', [
    ask('list_items', { selector: S({ suppliers: ['BoxCraft Packaging'] }) }),
  ]),
  plan('What are the on-time rates of Nordpack and Paperhouse in the last 6 months?', 'supplier', [
    supplierQ({
      ask: 'compare',
      suppliers: ['Nordpack AB', 'Paperhouse Stationers'],
      metric: 'on_time_rate',
      window: { from: '2026-06-03', to: '2026-12-03' },
    }),
  ]),
  plan("What's the p90 lead time for Harbor Tool?", 'supplier', [
    supplierQ({ ask: 'one', supplier: 'Harbor Tool Imports', metric: 'p90_lead_time_days' }),
  ]),
  plan('Analyze supplier performance for last quarter', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'score', window: { from: '2026-07-01', to: '2026-09-30' } }),
  ]),
  clarify('What is the lead time of the copy paper?', ['OFF-1366', 'OFF-1605']),
  clarify('Order 100 more safety glasses', ['SAF-2193', 'SAF-5148', 'SAF-5248', 'SAF-6470']),
  clarify('Forecast the nitrile gloves for next month', ['SAF-5239', 'SAF-6298', 'SAF-7303']),
  refuse('Negotiate a better price with Nordpack', ['Negotiate', 'better']),
  refuse('Email the overdue purchase orders to accounts', ['Email', 'accounts']),
  refuse('Which supplier is the friendliest?', ['friendliest']),
  refuse('Order 50 units from Amazon', ['Amazon']),
  refuse('Compare Sparkway with Acme Corp on lead time', ['Acme', 'Corp']),
  refuse('Forecast demand through end of October 2026', []),
];
