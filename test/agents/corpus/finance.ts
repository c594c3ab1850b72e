import { adjust, ask, from, inCat, n, S, setField, supplierQ, voice, type CorpusEntry } from './types.js';

/** A finance person: money, totals, costs and percentages; rarely names a single item. */
const { plan, clarify, refuse } = voice('finance');
const pct = (p: number) => (d: Record<string, unknown>) =>
  Math.round(n(d, 'unit_cost') * (1 + p / 100) * 100) / 100;

export const finance: CorpusEntry[] = [
  plan("What's our total stock value?", 'question', [ask('stock_value', { selector: S({ all: true }) })]),
  plan('How much is the cleaning inventory worth?', 'question', [
    ask('stock_value', { selector: S({ categories: ['Cleaning'] }) }),
  ]),
  plan('What is the value of everything we hold from Nordpack?', 'question', [
    ask('stock_value', { selector: S({ suppliers: ['Nordpack AB'] }) }),
  ]),
  plan('How much money is tied up in low stock items?', 'question', [
    ask('stock_value', { selector: S({ conditions: ['low_stock'] }) }),
  ]),
  plan('Value of the Electrical and Tools categories', 'question', [
    ask('stock_value', { selector: S({ categories: ['Electrical', 'Tools'] }) }),
  ]),
  plan('Stock valuation for Safety excluding Guardian', 'question', [
    ask('stock_value', {
      selector: S({ categories: ['Safety'], except: { suppliers: ['Guardian Safety Products'] } }),
    }),
  ]),
  plan('What is the Printer Toner Magenta worth in total?', 'question', [
    ask('stock_value', { selector: S({ items: ['OFF-9487'] }) }),
  ]),
  plan('How many items do we carry?', 'question', [
    ask('totals', { selector: S({ all: true }), measure: 'items' }),
  ]),
  plan('How many items are there in total?', 'question', [
    ask('totals', { selector: S({ all: true }), measure: 'items' }),
  ]),
  plan('How many SKUs are in Packaging?', 'question', [
    ask('totals', { selector: S({ categories: ['Packaging'] }), measure: 'items' }),
  ]),
  plan('Total units in stock for Fasteners', 'question', [
    ask('totals', { selector: S({ categories: ['Fasteners'] }), measure: 'units' }),
  ]),
  plan('How many units do we have across all office items?', 'question', [
    ask('totals', { selector: S({ categories: ['Office'] }), measure: 'units' }),
  ]),
  plan('How many items are out of stock?', 'question', [
    ask('totals', { selector: S({ conditions: ['out_of_stock'] }), measure: 'items' }),
  ]),
  plan('Count the items below minimum', 'question', [
    ask('totals', { selector: S({ conditions: ['below_min'] }), measure: 'items' }),
  ]),
  plan('What does the Cordless Drill Battery 18 V 4.0 Ah cost?', 'question', [
    ask('item_fields', { selector: S({ items: ['TLS-4336'] }), fields: ['unit_cost'] }),
  ]),
  plan('Unit cost of OFF-2089?', 'question', [
    ask('item_fields', { selector: S({ items: ['OFF-2089'] }), fields: ['unit_cost'] }),
  ]),
  plan('Show the overstocked items and their excess', 'question', [
    ask('overstock', { selector: S({ all: true }) }),
  ]),
  plan('Is anything overstocked in Plumbing?', 'question', [
    ask('overstock', { selector: S({ categories: ['Plumbing'] }) }),
  ]),
  plan('What do we need to reorder from Paperhouse and how much?', 'question', [
    ask('reorder_advice', { selector: S({ suppliers: ['Paperhouse Stationers'] }) }),
  ]),
  plan(
    'Raise the unit cost of all Plumbing items by 3%',
    'edit',
    [adjust(S({ categories: ['Plumbing'] }), 'unit_cost', { kind: 'percent', percent: 3 })],
    { effects: [{ scope: inCat('Plumbing'), set: { unit_cost: pct(3) } }] },
  ),
  plan(
    'Increase prices from Voltline by 7.5 percent',
    'edit',
    [
      adjust(S({ suppliers: ['Voltline Electrical Supply'] }), 'unit_cost', {
        kind: 'percent',
        percent: 7.5,
      }),
    ],
    { effects: [{ scope: from('Voltline Electrical Supply'), set: { unit_cost: pct(7.5) } }] },
  ),
  plan(
    'Cut the unit cost of the Copy Paper A4 100 gsm by 10%',
    'edit',
    [adjust(S({ items: ['OFF-1366'] }), 'unit_cost', { kind: 'percent', percent: -10 })],
    { effects: [{ scope: ['OFF-1366'], set: { unit_cost: 28.92 } }] },
  ),
  plan(
    'Set the unit cost of the Kraft Paper Roll 600 mm to 16.25',
    'edit',
    [setField(S({ items: ['PKG-2018'] }), 'unit_cost', 16.25)],
    {
      effects: [{ scope: ['PKG-2018'], set: { unit_cost: 16.25 } }],
    },
  ),
  plan(
    'Update the price of PKG-4018 to $31',
    'edit',
    [setField(S({ items: ['PKG-4018'] }), 'unit_cost', 31)],
    {
      effects: [{ scope: ['PKG-4018'], set: { unit_cost: 31 } }],
    },
  ),
  plan(
    'Lower the cost of every Office item by 1',
    'edit',
    [adjust(S({ categories: ['Office'] }), 'unit_cost', { kind: 'delta', amount: -1 })],
    {
      effects: [
        {
          scope: inCat('Office'),
          set: { unit_cost: (d) => Math.round((n(d, 'unit_cost') - 1) * 100) / 100 },
        },
      ],
    },
  ),
  plan(
    'Increase the unit cost of all Cleaning items by 2% except the Mop Head Cotton Loop Large',
    'negation',
    [
      adjust(S({ categories: ['Cleaning'], except: { items: ['CLN-2770'] } }), 'unit_cost', {
        kind: 'percent',
        percent: 2,
      }),
    ],
    {
      effects: [
        { scope: (d) => inCat('Cleaning')(d) && d['sku'] !== 'CLN-2770', set: { unit_cost: pct(2) } },
      ],
    },
  ),
  plan(
    'Raise Safety prices by 4% but not for Shieldworks items',
    'negation',
    [
      adjust(S({ categories: ['Safety'], except: { suppliers: ['Shieldworks PPE'] } }), 'unit_cost', {
        kind: 'percent',
        percent: 4,
      }),
    ],
    {
      effects: [
        { scope: (d) => inCat('Safety')(d) && !from('Shieldworks PPE')(d), set: { unit_cost: pct(4) } },
      ],
    },
  ),
  plan(
    'Multiply the max stock of the LED Bulb A19 by 1.5',
    'edit',
    [adjust(S({ items: ['ELE-8257'] }), 'max_stock', { kind: 'multiply', factor: 1.5 })],
    { effects: [{ scope: ['ELE-8257'], set: { max_stock: 2775 } }] },
  ),
  plan('Which supplier has the lowest defect rate?', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'defect_rate', order: 'best' }),
  ]),
  plan('Rank suppliers by number of orders', 'supplier', [supplierQ({ ask: 'rank', metric: 'orders' })]),
  plan('Show open purchase orders for Paperhouse since September', 'supplier', [
    supplierQ({
      ask: 'purchase_orders',
      status: 'open',
      supplier: 'Paperhouse Stationers',
      window: { from: '2026-09-01', to: '2026-12-03' },
    }),
  ]),
  plan("What's the value of the stock that runs out in the next 30 days?", 'question', [
    ask('stock_value', { selector: S({ conditions: [{ kind: 'runs_out_within', days: 30 }] }) }),
  ]),
  plan('Forecast demand for Office for the next 3 months', 'forecast', [
    {
      kind: 'forecast',
      writes: false,
      selector: S({ categories: ['Office'] }),
      horizon: { start: '2026-11-01', days: 90 },
    },
  ]),
  plan('Stock value of Tools, then the total units of Tools', 'compound', [
    ask('stock_value', { selector: S({ categories: ['Tools'] }) }),
    ask('totals', { selector: S({ categories: ['Tools'] }), measure: 'units' }),
  ]),
  clarify('What is the unit cost of the correction tape?', ['OFF-1375', 'OFF-6575']),
  clarify('Raise the price of the printer toner by 5%', ['OFF-2089', 'OFF-5710', 'OFF-6292', 'OFF-9487']),
  clarify('How much is the bubble wrap worth?', ['PKG-7483', 'PKG-9952']),
  refuse('What is our gross margin on cleaning?', ['gross', 'margin']),
  refuse('Send the stock valuation to the auditors', ['Send', 'auditors']),
  refuse('Convert all prices to euros', ['Convert', 'euros']),
  refuse('Raise prices', []),
  refuse('Increase the unit cost of the Hard Hat Orange by a lot', ['lot']),
  refuse('What was our revenue last month?', ['revenue']),
  refuse('Depreciate the old stock by 20%', ['Depreciate', 'old']),
  refuse('Set the unit cost of the Hard Hat White to cheap', ['cheap']),
];
