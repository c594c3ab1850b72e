import {
  adjust,
  ask,
  forecast,
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

/** A shop-floor worker on a phone: lower case, typos, numbers in words, few words. */
const { plan, clarify, refuse } = voice('shop_floor');
const WRENCHES = new Set(['TLS-2045', 'TLS-2474', 'TLS-5327', 'TLS-5792', 'TLS-6773', 'TLS-8556']);
const wrenchName = (d: Record<string, unknown>) => (WRENCHES.has(String(d['sku'])) ? 'Wrench' : '');
const toMax = { current_stock: (d: Record<string, unknown>) => n(d, 'max_stock') };

export const shopFloor: CorpusEntry[] = [
  plan('restok hand soap pump', 'restock', [restock(S({ items: ['CLN-1146'] }))], {
    effects: [{ scope: ['CLN-1146'], set: { current_stock: 370 } }],
  }),
  plan('restock low stuff', 'restock', [restock(S({ conditions: ['low_stock'] }))], {
    effects: [{ scope: isLow, set: toMax }],
  }),
  plan(
    'refill all the low cleaning things pls',
    'restock',
    [restock(S({ categories: ['Cleaning'], conditions: ['low_stock'] }))],
    {
      effects: [{ scope: (d) => isLow(d) && inCat('Cleaning')(d), set: toMax }],
    },
  ),
  plan('top up utility blades pack of 50', 'restock', [restock(S({ items: ['TLS-5153'] }))], {
    effects: [{ scope: ['TLS-5153'], set: { current_stock: 2100 } }],
  }),
  plan('restock evrything thats out of stock', 'restock', [restock(S({ conditions: ['out_of_stock'] }))], {
    effects: [{ scope: isOut, set: toMax }],
  }),
  plan(
    'restock the drill bit set by fifty',
    'restock',
    [restock(S({ items: ['TLS-2064'] }), { kind: 'quantity', quantity: 50 })],
    {
      effects: [{ scope: ['TLS-2064'], set: { current_stock: 50 } }],
    },
  ),
  plan('got twenty four hard hat orange in', 'movement', [receive(S({ items: ['SAF-3211'] }), 24)], {
    effects: [{ scope: ['SAF-3211'], set: { current_stock: 363 } }],
  }),
  plan('recieved 60 pipe clip 22 mm', 'movement', [receive(S({ items: ['PLB-2036'] }), 60)], {
    effects: [{ scope: ['PLB-2036'], set: { current_stock: 589 } }],
  }),
  plan('received a dozen tape measure 5 m', 'movement', [receive(S({ items: ['TLS-7564'] }), 12)], {
    effects: [{ scope: ['TLS-7564'], set: { current_stock: 1325 } }],
  }),
  plan('sold 3 cordless drill battery 18 v 2.0 ah', 'movement', [sell(S({ items: ['TLS-7848'] }), 3)], {
    effects: [{ scope: ['TLS-7848'], set: { current_stock: 430 } }],
  }),
  plan('used two boxes of nitrile gloves size l', 'movement', [sell(S({ items: ['SAF-6298'] }), 2, 'used')], {
    effects: [{ scope: ['SAF-6298'], set: { current_stock: 284 } }],
  }),
  plan('took out 5 hi vis vest class 2 l', 'movement', [sell(S({ items: ['SAF-4273'] }), 5, 'used')], {
    effects: [{ scope: ['SAF-4273'], set: { current_stock: 555 } }],
  }),
  plan('broke 2 torpedo levels', 'movement', [sell(S({ items: ['TLS-6978'] }), 2, 'written_off')], {
    effects: [{ scope: ['TLS-6978'], set: { current_stock: 2005 } }],
  }),
  plan('lost one tape gun dispenser', 'movement', [sell(S({ items: ['PKG-1092'] }), 1, 'written_off')], {
    effects: [{ scope: ['PKG-1092'], set: { current_stock: 872 } }],
  }),
  plan(
    'set stock of glass cleaner to 400',
    'edit',
    [setField(S({ items: ['CLN-9449'] }), 'current_stock', 400)],
    {
      effects: [{ scope: ['CLN-9449'], set: { current_stock: 400 } }],
    },
  ),
  plan('glass cleaner stock = 380', 'edit', [setField(S({ items: ['CLN-9449'] }), 'current_stock', 380)], {
    effects: [{ scope: ['CLN-9449'], set: { current_stock: 380 } }],
  }),
  plan(
    'set qty of ELE-4007 to three hundred',
    'edit',
    [setField(S({ items: ['ELE-4007'] }), 'current_stock', 300)],
    {
      effects: [{ scope: ['ELE-4007'], set: { current_stock: 300 } }],
    },
  ),
  plan('chnage min of paper clips to 300', 'edit', [setField(S({ items: ['OFF-2147'] }), 'min_stock', 300)], {
    effects: [{ scope: ['OFF-2147'], set: { min_stock: 300 } }],
  }),
  plan(
    'bump reorder point of sticky notes up by 15',
    'edit',
    [adjust(S({ items: ['OFF-1045'] }), 'reorder_point', { kind: 'delta', amount: 15 })],
    {
      effects: [{ scope: ['OFF-1045'], set: { reorder_point: 130 } }],
    },
  ),
  plan(
    'reduce max on desk organizer by ten',
    'edit',
    [adjust(S({ items: ['OFF-2467'] }), 'max_stock', { kind: 'delta', amount: -10 })],
    {
      effects: [{ scope: ['OFF-2467'], set: { max_stock: 880 } }],
    },
  ),
  plan(
    'add 20 to the stock of gel pen black',
    'edit',
    [adjust(S({ items: ['OFF-3517'] }), 'current_stock', { kind: 'delta', amount: 20 })],
    {
      effects: [{ scope: ['OFF-3517'], set: { current_stock: 755 } }],
    },
  ),
  plan('add 40 units of plumbers putty 400 g', 'movement', [receive(S({ items: ['PLB-5480'] }), 40)], {
    effects: [{ scope: ['PLB-5480'], set: { current_stock: 1172 } }],
  }),
  plan('remove the yellow printer toner', 'remove', [remove(S({ items: ['OFF-2089'] }))], {
    effects: [{ scope: ['OFF-2089'], removes: true }],
  }),
  plan('delete FAS-1719', 'remove', [remove(S({ items: ['FAS-1719'] }))], {
    effects: [{ scope: ['FAS-1719'], removes: true }],
  }),
  plan(
    'get rid of out of stock fasteners',
    'remove',
    [remove(S({ categories: ['Fasteners'], conditions: ['out_of_stock'] }))],
    {
      effects: [{ scope: (d) => isOut(d) && inCat('Fasteners')(d), removes: true }],
    },
  ),
  plan('remvoe the void fill paper fanfold box', 'remove', [remove(S({ items: ['PKG-7581'] }))], {
    effects: [{ scope: ['PKG-7581'], removes: true }],
  }),
  plan('undo', 'undo', [{ kind: 'undo', writes: true }]),
  plan('undo that', 'undo', [{ kind: 'undo', writes: true }]),
  plan('take back what u just added', 'remove', [{ kind: 'remove_recent', writes: true }]),
  plan('remove what you just added', 'remove', [{ kind: 'remove_recent', writes: true }]),
  plan('how many mop head cotton loop large do we have', 'question', [
    ask('item_fields', { selector: S({ items: ['CLN-2770'] }), fields: ['current_stock'] }),
  ]),
  plan('stock of CLN-8523?', 'question', [
    ask('item_fields', { selector: S({ items: ['CLN-8523'] }), fields: ['current_stock'] }),
  ]),
  plan('whats low', 'question', [ask('list_items', { selector: S({ conditions: ['low_stock'] }) })]),
  plan('whats out of stock in tools', 'question', [
    ask('list_items', { selector: S({ categories: ['Tools'], conditions: ['out_of_stock'] }) }),
  ]),
  plan('anything below min in safety?', 'question', [
    ask('list_items', { selector: S({ categories: ['Safety'], conditions: ['below_min'] }) }),
  ]),
  plan('is the ball valve low', 'question', [
    ask('list_items', { selector: S({ items: ['PLB-9988'], conditions: ['low_stock'] }) }),
  ]),
  refuse('where is the sink trap', ['where']),
  plan('how long will the first aid kit 10 person last', 'question', [
    ask('days_of_cover', { selector: S({ items: ['SAF-2379'] }) }),
  ]),
  plan('when do we run out of threaded rod m12', 'question', [
    ask('runs_out', { selector: S({ items: ['FAS-6736'] }) }),
  ]),
  plan('wat runs out first', 'question', [ask('runs_out', { selector: S({ all: true }) })]),
  plan('reorder point for hex nut m6?', 'question', [
    ask('item_fields', { selector: S({ items: ['FAS-7019'] }), fields: ['reorder_point'] }),
  ]),
  plan('who do we get safety earmuffs snr 33 db from', 'question', [
    ask('item_fields', { selector: S({ items: ['SAF-7199'] }), fields: ['supplier'] }),
  ]),
  plan('forcast hand sanitizer next month', 'forecast', [
    forecast(S({ items: ['CLN-4475'] }), {
      end: '2027-01-31',
      period: { from: '2027-01-01', to: '2027-01-31' },
    }),
  ]),
  plan('how much dish detergent 1 l will we sell next 2 weeks', 'forecast', [
    forecast(S({ items: ['CLN-7650'] }), { days: 14 }),
  ]),
  plan(
    'restock low cleaning items but not hand soap 5 l refill',
    'negation',
    [restock(S({ categories: ['Cleaning'], conditions: ['low_stock'], except: { items: ['CLN-9976'] } }))],
    { effects: [{ scope: (d) => isLow(d) && inCat('Cleaning')(d) && d['sku'] !== 'CLN-9976', set: toMax }] },
  ),
  plan(
    'restock all low except electrical',
    'negation',
    [restock(S({ conditions: ['low_stock'], except: { categories: ['Electrical'] } }))],
    {
      effects: [{ scope: (d) => isLow(d) && !inCat('Electrical')(d), set: toMax }],
    },
  ),
  plan(
    'remove out of stock stuff but keep the drill bit set',
    'negation',
    [remove(S({ conditions: ['out_of_stock'], except: { items: ['TLS-2064'] } }))],
    { effects: [{ scope: (d) => isOut(d) && d['sku'] !== 'TLS-2064', removes: true }] },
  ),
  plan(
    'restock low tools dont touch the wrenches',
    'negation',
    [
      restock(
        S({
          categories: ['Tools'],
          conditions: ['low_stock'],
          except: { items: ['TLS-2045', 'TLS-2474', 'TLS-5327', 'TLS-5792', 'TLS-6773', 'TLS-8556'] },
        }),
      ),
    ],
    {
      effects: [
        {
          scope: (d) => isLow(d) && inCat('Tools')(d) && wrenchName(d) === '',
          set: toMax,
        },
      ],
    },
  ),
  plan('restock sink trap and ball valve', 'compound', [restock(S({ items: ['PLB-3932', 'PLB-9988'] }))], {
    effects: [{ scope: ['PLB-3932', 'PLB-9988'], set: toMax }],
  }),
  plan(
    'sold 2 hard hat white and 1 hard hat blue',
    'compound',
    [sell(S({ items: ['SAF-4320'] }), 2), sell(S({ items: ['SAF-5760'] }), 1)],
    {
      effects: [
        { scope: ['SAF-4320'], set: { current_stock: 599 } },
        { scope: ['SAF-5760'], set: { current_stock: 478 } },
      ],
    },
  ),
  plan(
    'receive 30 tape measure 8 m then restock the adjustable wrench 150 mm',
    'compound',
    [receive(S({ items: ['TLS-2917'] }), 30), restock(S({ items: ['TLS-2045'] }))],
    {
      effects: [
        { scope: ['TLS-2917'], set: { current_stock: 514 } },
        { scope: ['TLS-2045'], set: { current_stock: 550 } },
      ],
    },
  ),
  clarify('restock the wire connectors', ['ELE-4007', 'ELE-8864']),
  clarify('sold 4 hard hats', ['SAF-3211', 'SAF-4320', 'SAF-5760']),
  clarify('how many dust masks', ['SAF-2582', 'SAF-8417']),
  clarify('remove the pvc pipe', ['PLB-1893', 'PLB-3813', 'PLB-8611', 'PLB-9751']),
  refuse('restock teh thingy by the door', ['thingy', 'door']),
  refuse('asdfgh', ['asdfgh']),
  refuse('restock 🍌', ['🍌']),
  refuse('set the hard hat orange to', []),
  refuse('sold loads of gloves', ['loads']),
  refuse('remove', []),
  refuse('make it better', ['better']),
  refuse('dont remove the clipboard', []),
];
