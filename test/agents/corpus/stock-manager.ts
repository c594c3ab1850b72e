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
  voice,
  type CorpusEntry,
} from './types.js';

/** A stock manager: full sentences, field names, scopes by category and condition. */
const { plan, clarify, refuse } = voice('stock_manager');
const toMax = { current_stock: (d: Record<string, unknown>) => n(d, 'max_stock') };

export const stockManager: CorpusEntry[] = [
  plan(
    'Set the reorder point of the Hand Soap 500 ml Pump to 90',
    'edit',
    [setField(S({ items: ['CLN-1146'] }), 'reorder_point', 90)],
    {
      effects: [{ scope: ['CLN-1146'], set: { reorder_point: 90 } }],
    },
  ),
  plan(
    'Change min stock for CLN-1345 to 150',
    'edit',
    [setField(S({ items: ['CLN-1345'] }), 'min_stock', 150)],
    {
      effects: [{ scope: ['CLN-1345'], set: { min_stock: 150 } }],
    },
  ),
  plan(
    'Update the max stock of the green microfiber cloths to 700',
    'edit',
    [setField(S({ items: ['CLN-5246'] }), 'max_stock', 700)],
    {
      effects: [{ scope: ['CLN-5246'], set: { max_stock: 700 } }],
    },
  ),
  plan(
    'Make the reorder level of the yellow highlighters 120',
    'edit',
    [setField(S({ items: ['OFF-1445'] }), 'reorder_point', 120)],
    {
      effects: [{ scope: ['OFF-1445'], set: { reorder_point: 120 } }],
    },
  ),
  plan(
    'Raise the reorder point of all cleaning items by 10%',
    'edit',
    [adjust(S({ categories: ['Cleaning'] }), 'reorder_point', { kind: 'percent', percent: 10 })],
    {
      effects: [
        { scope: inCat('Cleaning'), set: { reorder_point: (d) => Math.round(n(d, 'reorder_point') * 1.1) } },
      ],
    },
  ),
  plan(
    'Lower the max stock of every Tools item by 5 percent',
    'edit',
    [adjust(S({ categories: ['Tools'] }), 'max_stock', { kind: 'percent', percent: -5 })],
    { effects: [{ scope: inCat('Tools'), set: { max_stock: (d) => Math.round(n(d, 'max_stock') * 0.95) } }] },
  ),
  plan(
    'Increase min stock of the plumbing items from AquaFlow by 20',
    'edit',
    [
      adjust(S({ categories: ['Plumbing'], suppliers: ['AquaFlow Plumbing Supply'] }), 'min_stock', {
        kind: 'delta',
        amount: 20,
      }),
    ],
    {
      effects: [
        {
          scope: (d) => inCat('Plumbing')(d) && from('AquaFlow Plumbing Supply')(d),
          set: { min_stock: (d) => n(d, 'min_stock') + 20 },
        },
      ],
    },
  ),
  plan(
    'Double the reorder point of the Printer Toner Black',
    'edit',
    [adjust(S({ items: ['OFF-6292'] }), 'reorder_point', { kind: 'multiply', factor: 2 })],
    { effects: [{ scope: ['OFF-6292'], set: { reorder_point: 700 } }] },
  ),
  plan(
    'Halve the max stock of the Scrub Sponge Pack of 10',
    'edit',
    [adjust(S({ items: ['CLN-6830'] }), 'max_stock', { kind: 'multiply', factor: 0.5 })],
    { effects: [{ scope: ['CLN-6830'], set: { max_stock: 1545 } }] },
  ),
  plan(
    'Reduce the unit cost of the copy paper A4 80 gsm by 2',
    'edit',
    [adjust(S({ items: ['OFF-1605'] }), 'unit_cost', { kind: 'delta', amount: -2 })],
    { effects: [{ scope: ['OFF-1605'], set: { unit_cost: 22.53 } }] },
  ),
  plan(
    'Set the lead time of the Tape Measure 8 m to 14 days',
    'edit',
    [setField(S({ items: ['TLS-2917'] }), 'lead_time_days', 14)],
    {
      effects: [{ scope: ['TLS-2917'], set: { lead_time_days: 14 } }],
    },
  ),
  plan(
    'Change the supplier of the Hard Hat Blue to Shieldworks PPE',
    'edit',
    [setField(S({ items: ['SAF-5760'] }), 'supplier', 'Shieldworks PPE')],
    {
      effects: [{ scope: ['SAF-5760'], set: { supplier: 'Shieldworks PPE' } }],
    },
  ),
  plan('Restock all low-stock items', 'restock', [restock(S({ conditions: ['low_stock'] }))], {
    effects: [{ scope: isLow, set: toMax }],
  }),
  plan(
    'Restock the low stock cleaning items',
    'restock',
    [restock(S({ categories: ['Cleaning'], conditions: ['low_stock'] }))],
    {
      effects: [{ scope: (d) => isLow(d) && inCat('Cleaning')(d), set: toMax }],
    },
  ),
  plan(
    'Replenish everything that is out of stock',
    'restock',
    [restock(S({ conditions: ['out_of_stock'] }))],
    {
      effects: [{ scope: isOut, set: toMax }],
    },
  ),
  plan(
    'Restock the items below minimum from Bolt & Nut',
    'restock',
    [restock(S({ suppliers: ['Bolt & Nut Trading Co.'], conditions: ['below_min'] }))],
    { effects: [{ scope: (d) => belowMin(d) && from('Bolt & Nut Trading Co.')(d), set: toMax }] },
  ),
  plan('Top up the Dish Detergent 5 L to max', 'restock', [restock(S({ items: ['CLN-4472'] }))], {
    effects: [{ scope: ['CLN-4472'], set: { current_stock: 1140 } }],
  }),
  plan(
    'Restock the Ball Valve 1/2 in by 200 units',
    'restock',
    [restock(S({ items: ['PLB-9988'] }), { kind: 'quantity', quantity: 200 })],
    {
      effects: [{ scope: ['PLB-9988'], set: { current_stock: 395 } }],
    },
  ),
  plan(
    'Restock the Slip Joint Pliers 200 mm to 250',
    'restock',
    [restock(S({ items: ['TLS-6267'] }), { kind: 'level', level: 250 })],
    {
      effects: [{ scope: ['TLS-6267'], set: { current_stock: 250 } }],
    },
  ),
  plan(
    'Receive 120 units of the Hi-Vis Vest Class 2 XL',
    'movement',
    [receive(S({ items: ['SAF-5502'] }), 120)],
    {
      effects: [{ scope: ['SAF-5502'], set: { current_stock: 194 } }],
    },
  ),
  plan('We received 300 PVC Pipe 50 mm x 3 m today', 'movement', [receive(S({ items: ['PLB-1893'] }), 300)], {
    effects: [{ scope: ['PLB-1893'], set: { current_stock: 300 } }],
  }),
  plan('Sold 12 Cordless Drill Battery 18 V 5.0 Ah', 'movement', [sell(S({ items: ['TLS-8843'] }), 12)], {
    effects: [{ scope: ['TLS-8843'], set: { current_stock: 461 } }],
  }),
  plan(
    'Write off 4 Face Shield Clear Visor, they were damaged',
    'movement',
    [sell(S({ items: ['SAF-5439'] }), 4, 'written_off')],
    {
      effects: [{ scope: ['SAF-5439'], set: { current_stock: 566 } }],
      knownGap: 'a second verb ("were damaged") in a trailing aside is not read as part of the same movement',
    },
  ),
  plan('Remove every out-of-stock item', 'remove', [remove(S({ conditions: ['out_of_stock'] }))], {
    effects: [{ scope: isOut, removes: true }],
  }),
  plan('Delete the Correction Tape Pack of 10', 'remove', [remove(S({ items: ['OFF-1375'] }))], {
    effects: [{ scope: ['OFF-1375'], removes: true }],
  }),
  plan(
    'Remove the low stock items supplied by Guardian',
    'remove',
    [remove(S({ suppliers: ['Guardian Safety Products'], conditions: ['low_stock'] }))],
    {
      effects: [{ scope: (d) => isLow(d) && from('Guardian Safety Products')(d), removes: true }],
    },
  ),
  plan(
    'Restock all low stock items except the Push Broom 45 cm Soft',
    'negation',
    [restock(S({ conditions: ['low_stock'], except: { items: ['CLN-9784'] } }))],
    { effects: [{ scope: (d) => isLow(d) && d['sku'] !== 'CLN-9784', set: toMax }] },
  ),
  plan(
    'Restock low-stock items but not the Safety ones',
    'negation',
    [restock(S({ conditions: ['low_stock'], except: { categories: ['Safety'] } }))],
    { effects: [{ scope: (d) => isLow(d) && !inCat('Safety')(d), set: toMax }] },
  ),
  plan(
    "Remove the out of stock items, but don't remove anything from Harbor Tool",
    'negation',
    [remove(S({ conditions: ['out_of_stock'], except: { suppliers: ['Harbor Tool Imports'] } }))],
    { effects: [{ scope: (d) => isOut(d) && !from('Harbor Tool Imports')(d), removes: true }] },
  ),
  plan(
    'Restock every low item other than the plumbing ones',
    'negation',
    [restock(S({ conditions: ['low_stock'], except: { categories: ['Plumbing'] } }))],
    { effects: [{ scope: (d) => isLow(d) && !inCat('Plumbing')(d), set: toMax }] },
  ),
  plan(
    'Raise max stock of Office items by 50, excluding Printer Toner Magenta',
    'negation',
    [
      adjust(S({ categories: ['Office'], except: { items: ['OFF-9487'] } }), 'max_stock', {
        kind: 'delta',
        amount: 50,
      }),
    ],
    {
      effects: [
        {
          scope: (d) => inCat('Office')(d) && d['sku'] !== 'OFF-9487',
          set: { max_stock: (d) => n(d, 'max_stock') + 50 },
        },
      ],
    },
  ),
  plan(
    'Restock the low-stock electrical items and set the reorder point of the Extension Cord 1.5 m to 250',
    'compound',
    [
      restock(S({ categories: ['Electrical'], conditions: ['low_stock'] })),
      setField(S({ items: ['ELE-9888'] }), 'reorder_point', 250),
    ],
    {
      effects: [
        { scope: (d) => isLow(d) && inCat('Electrical')(d), set: toMax },
        { scope: ['ELE-9888'], set: { reorder_point: 250 } },
      ],
    },
  ),
  plan(
    'Remove the Clipboard Foolscap and then restock the Hard Hat Orange',
    'compound',
    [remove(S({ items: ['OFF-6299'] })), restock(S({ items: ['SAF-3211'] }))],
    {
      effects: [
        { scope: ['OFF-6299'], removes: true },
        { scope: ['SAF-3211'], set: { current_stock: 560 } },
      ],
    },
  ),
  plan('What is the reorder point of the Wing Nut M5?', 'question', [
    ask('item_fields', { selector: S({ items: ['FAS-9458'] }), fields: ['reorder_point'] }),
  ]),
  plan('How many days of cover do we have on the Toilet Tissue?', 'question', [
    ask('days_of_cover', { selector: S({ items: ['CLN-3461'] }) }),
  ]),
  plan('Which cleaning items are below minimum?', 'question', [
    ask('list_items', { selector: S({ categories: ['Cleaning'], conditions: ['below_min'] }) }),
  ]),
  plan('What should I reorder this week, and how much?', 'question', [
    ask('reorder_advice', { within_days: 4 }),
  ]),
  plan('Should we reorder the Sink Trap?', 'question', [
    ask('reorder_advice', { selector: S({ items: ['PLB-3932'] }) }),
  ]),
  plan('Which items are overstocked?', 'question', [ask('overstock', { selector: S({ all: true }) })]),
  plan('What runs out in the next 10 days?', 'question', [ask('runs_out', { within_days: 10 })]),
  plan('When will the Copper Elbow 90 deg 28 mm run out?', 'question', [
    ask('runs_out', { selector: S({ items: ['PLB-2768'] }) }),
  ]),
  plan('How many low-stock items are there in Fasteners?', 'question', [
    ask('totals', {
      selector: S({ categories: ['Fasteners'], conditions: ['low_stock'] }),
      measure: 'items',
    }),
  ]),
  plan('Show me the low stock items from Shieldworks', 'question', [
    ask('list_items', { selector: S({ suppliers: ['Shieldworks PPE'], conditions: ['low_stock'] }) }),
  ]),
  plan('What is the max stock and the min stock of the Hard Hat White?', 'question', [
    ask('item_fields', { selector: S({ items: ['SAF-4320'] }), fields: ['max_stock', 'min_stock'] }),
  ]),
  plan('Who supplies the Torpedo Level?', 'question', [
    ask('item_fields', { selector: S({ items: ['TLS-6978'] }), fields: ['supplier'] }),
  ]),
  plan('Forecast demand for the next 6 weeks', 'forecast', [
    forecast(S({ all: true }), { start: '2026-11-01', days: 42, end: '2026-12-12' }),
  ]),
  plan('Forecast the Utility Knife Folding through the end of February', 'forecast', [
    forecast(S({ items: ['TLS-9607'] }), { start: '2026-11-01', end: '2027-02-28', days: 120 }),
  ]),
  plan('Forecast plumbing demand for January', 'forecast', [
    forecast(S({ categories: ['Plumbing'] }), {
      start: '2026-11-01',
      end: '2027-01-31',
      period: { from: '2027-01-01', to: '2027-01-31' },
    }),
  ]),
  plan('Predict sales of TLS-4336 over the next 90 days', 'forecast', [
    forecast(S({ items: ['TLS-4336'] }), { days: 90 }),
  ]),
  plan('Undo the last change', 'undo', [{ kind: 'undo', writes: true }]),
  plan('Revert what you just did', 'undo', [{ kind: 'undo', writes: true }]),
  plan('Delete the items you just created', 'remove', [{ kind: 'remove_recent', writes: true }]),
  clarify('Restock the cable ties', ['ELE-2844', 'ELE-5431', 'ELE-5961', 'ELE-7127']),
  clarify('Set the reorder point of the screwdriver set to 200', ['TLS-8183', 'TLS-9416', 'TLS-9878']),
  clarify('Remove the first aid kit', ['SAF-2379', 'SAF-5447']),
  refuse('Restock the low-stock items from the warehouse in Leeds', ['warehouse', 'Leeds']),
  refuse('Set the colour of the Hard Hat Orange to red', ['colour']),
  refuse('Restock', []),
  refuse('Remove the Hard Hat Orange or the Hard Hat Blue', []),
  refuse("Don't restock the Hand Soap 5 L Refill", []),
  refuse('Remove the items that smell odd', ['smell', 'odd']),
  refuse('Set the reorder point of CLN-0000 to 50', ['CLN-0000']),
];
