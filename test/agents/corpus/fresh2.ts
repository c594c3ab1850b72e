import {
  adjust,
  ask,
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
 * Another batch written with its expectations before its first run (25 of
 * 29 read right then; the other four were refused, none misread), mixing all voices.
 */
const sm = voice('stock_manager');
const buyer = voice('buyer');
const floor = voice('shop_floor');
const fin = voice('finance');
const toMax = { current_stock: (d: Record<string, unknown>) => n(d, 'max_stock') };

export const fresh2: CorpusEntry[] = [
  sm.plan(
    'Restock any cleaning products that are out of stock',
    'restock',
    [restock(S({ categories: ['Cleaning'], conditions: ['out_of_stock'] }))],
    {
      effects: [{ scope: (d) => isOut(d) && inCat('Cleaning')(d), set: toMax }],
    },
  ),
  sm.plan(
    'Lower the reorder point of the Flange Nut M10 to 700',
    'edit',
    [setField(S({ items: ['FAS-4671'] }), 'reorder_point', 700)],
    {
      effects: [{ scope: ['FAS-4671'], set: { reorder_point: 700 } }],
    },
  ),
  sm.plan(
    'Add 15 to the min stock of the PVC Cement 500 ml',
    'edit',
    [adjust(S({ items: ['PLB-8105'] }), 'min_stock', { kind: 'delta', amount: 15 })],
    {
      effects: [{ scope: ['PLB-8105'], set: { min_stock: 275 } }],
    },
  ),
  sm.plan(
    'Remove the Extension Cord and the LED Shop Light 4 ft',
    'compound',
    [remove(S({ items: ['ELE-9888', 'ELE-9901'] }))],
    {
      effects: [{ scope: ['ELE-9888', 'ELE-9901'], removes: true }],
    },
  ),
  sm.plan('Which Safety items are at or below their reorder point?', 'question', [
    ask('list_items', { selector: S({ categories: ['Safety'], conditions: ['low_stock'] }) }),
  ]),
  sm.plan('When does the Utility Blades Pack of 10 run out?', 'question', [
    ask('runs_out', { selector: S({ items: ['TLS-6280'] }) }),
  ]),
  sm.plan('Days of cover for everything from Pipeworks', 'question', [
    ask('days_of_cover', { selector: S({ suppliers: ['Pipeworks Trading'] }) }),
  ]),
  sm.plan('Forecast the next 30 days for the Hand Soap 5 L Refill', 'forecast', [
    forecast(S({ items: ['CLN-9976'] }), { days: 30 }),
  ]),
  sm.plan(
    'Restock the low-stock items, except anything in Fasteners or from Harbor Tool',
    'negation',
    [
      restock(
        S({
          conditions: ['low_stock'],
          except: { categories: ['Fasteners'], suppliers: ['Harbor Tool Imports'] },
        }),
      ),
    ],
    {
      effects: [
        { scope: (d) => isLow(d) && !inCat('Fasteners')(d) && !from('Harbor Tool Imports')(d), set: toMax },
      ],
    },
  ),
  buyer.plan('How punctual is Forge & Anvil?', 'supplier', [
    supplierQ({ ask: 'one', supplier: 'Forge & Anvil Tools GmbH', metric: 'on_time_rate' }),
  ]),
  buyer.plan('Which supplier has the most defects?', 'supplier', [
    supplierQ({ ask: 'rank', metric: 'defect_rate', order: 'worst' }),
  ]),
  buyer.plan('Show purchase orders that are still open for Voltline', 'supplier', [
    supplierQ({ ask: 'purchase_orders', status: 'open', supplier: 'Voltline Electrical Supply' }),
  ]),
  buyer.plan('Who should I buy plumbing supplies from?', 'supplier', [
    supplierQ({ ask: 'best_for_category', category: 'Plumbing' }),
  ]),
  buyer.plan('Order more Printer Toner Magenta', 'restock', [restock(S({ items: ['OFF-9487'] }))], {
    effects: [{ scope: ['OFF-9487'], set: { current_stock: 230 } }],
  }),
  buyer.plan('Forecast demand for Cleaning and Safety for the next quarter', 'forecast', [
    forecast(S({ categories: ['Cleaning', 'Safety'] }), {
      end: '2027-03-31',
      period: { from: '2027-01-01', to: '2027-03-31' },
    }),
  ]),
  buyer.plan(
    'Add a Plumbing product',
    'add',
    [{ kind: 'create_from_catalogue', writes: true, count: 1, category: 'Plumbing' }],
    { effects: [{ adds: 1 }] },
  ),
  floor.plan('restock the blue electrical tape', 'restock', [restock(S({ items: ['ELE-3375'] }))], {
    effects: [{ scope: ['ELE-3375'], set: { current_stock: 1170 } }],
  }),
  floor.plan('sold 10 cable ties 370 mm', 'movement', [sell(S({ items: ['ELE-7127'] }), 10)], {
    effects: [{ scope: ['ELE-7127'], set: { current_stock: 1225 } }],
  }),
  floor.plan('got 3 boxes of staples in', 'movement', [receive(S({ items: ['OFF-1410'] }), 3)], {
    effects: [{ scope: ['OFF-1410'], set: { current_stock: 1794 } }],
  }),
  floor.plan('how much toilet tissue is left', 'question', [
    ask('item_fields', { selector: S({ items: ['CLN-3461'] }), fields: ['current_stock'] }),
  ]),
  floor.plan('is the first aid kit 25 person low?', 'question', [
    ask('list_items', { selector: S({ items: ['SAF-5447'], conditions: ['low_stock'] }) }),
  ]),
  floor.plan(
    'set reorder pt of hard hat white to 300',
    'edit',
    [setField(S({ items: ['SAF-4320'] }), 'reorder_point', 300)],
    {
      effects: [{ scope: ['SAF-4320'], set: { reorder_point: 300 } }],
    },
  ),
  floor.clarify('used 2 utility knifes', ['TLS-7379', 'TLS-9607']),
  floor.refuse('restock the stuff jim asked for', ['jim', 'asked']),
  fin.plan('What is the stock value of items below minimum?', 'question', [
    ask('stock_value', { selector: S({ conditions: ['below_min'] }) }),
  ]),
  fin.plan('Give me the total units for everything from Paperhouse', 'question', [
    ask('totals', { selector: S({ suppliers: ['Paperhouse Stationers'] }), measure: 'units' }),
  ]),
  fin.plan(
    'Reduce unit cost of all Fasteners by 4 percent except the Threaded Rod M12',
    'negation',
    [
      adjust(S({ categories: ['Fasteners'], except: { items: ['FAS-6736'] } }), 'unit_cost', {
        kind: 'percent',
        percent: -4,
      }),
    ],
    {
      effects: [
        {
          scope: (d) => inCat('Fasteners')(d) && d['sku'] !== 'FAS-6736',
          set: { unit_cost: (d) => Math.round(n(d, 'unit_cost') * 96) / 100 },
        },
      ],
    },
  ),
  fin.plan('How many items are over max?', 'question', [
    ask('totals', { selector: S({ conditions: ['over_max'] }), measure: 'items' }),
  ]),
  fin.refuse('What is the ROI on the LED lights?', ['ROI']),
];
