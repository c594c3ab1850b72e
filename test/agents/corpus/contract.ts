import {
  forecast,
  isLow,
  n,
  remove,
  restock,
  S,
  setField,
  supplierQ,
  voice,
  type CorpusEntry,
} from './types.js';

/**
 * The contract's own phrases (CONTRACT.md "Agents" table), with the context
 * objects they may carry. These must keep working as written.
 */
const { plan, refuse } = voice('contract');

export const contract: CorpusEntry[] = [
  plan(
    'Add 5 new inventory items for Q1 planning',
    'add',
    [{ kind: 'create_from_catalogue', writes: true, count: 5, purpose: 'Q1 planning' }],
    {
      effects: [{ adds: 5 }],
    },
  ),
  plan(
    'Create a new inventory item named Widget X',
    'add',
    [{ kind: 'add_items', items: [{ type: 'inventory', name: 'Widget X' }] }],
    {
      effects: [{ adds: 1 }],
    },
  ),
  plan(
    'Create a new inventory item',
    'add',
    [{ kind: 'add_items', items: [{ type: 'inventory', name: 'Widget Y' }] }],
    {
      context: { item_type: 'inventory', item_name: 'Widget Y' },
      effects: [{ adds: 1 }],
    },
  ),
  plan('Remove item CLN-7650', 'remove', [remove(S({ items: ['CLN-7650'] }))], {
    effects: [{ scope: ['CLN-7650'], removes: true }],
  }),
  plan('Remove item', 'remove', [remove(S({ items: ['PKG-1171'] }))], {
    context: { item_id: 'PKG-1171' },
    effects: [{ scope: ['PKG-1171'], removes: true }],
  }),
  refuse('Remove item CLN-9999', ['CLN-9999']),
  plan('Remove all low-stock items', 'remove', [remove(S({ conditions: ['low_stock'] }))], {
    effects: [{ scope: isLow, removes: true }],
  }),
  plan(
    'Set current_stock of OFF-5516 to 40',
    'edit',
    [setField(S({ items: ['OFF-5516'] }), 'current_stock', 40)],
    {
      effects: [{ scope: ['OFF-5516'], set: { current_stock: 40 } }],
    },
  ),
  plan(
    'Set current_stock of Desk Organizer Bamboo to 40',
    'edit',
    [setField(S({ items: ['OFF-2467'] }), 'current_stock', 40)],
    {
      effects: [{ scope: ['OFF-2467'], set: { current_stock: 40 } }],
    },
  ),
  plan('Restock low-stock items', 'restock', [restock(S({ conditions: ['low_stock'] }))], {
    effects: [{ scope: isLow, set: { current_stock: (d) => n(d, 'max_stock') } }],
  }),
  plan('Analyze supplier performance', 'supplier', [supplierQ({ ask: 'rank', metric: 'score' })]),
  plan('Forecast demand for the next 4 weeks', 'forecast', [
    forecast(S({ all: true }), { start: '2026-11-01', end: '2026-11-28', days: 28 }),
  ]),
  plan('Undo the last agent change', 'undo', [{ kind: 'undo', writes: true }]),
  plan('Remove the items you just added', 'remove', [{ kind: 'remove_recent', writes: true }]),
  plan('Perform add_multiple on 2 items', 'add', [{ kind: 'bulk', operation: 'add_multiple' }], {
    context: {
      operation: 'add_multiple',
      items: [
        { type: 'inventory', name: 'A' },
        { type: 'note', name: 'B', data: { text: 'x' } },
      ],
    },
    effects: [{ adds: 2 }],
  }),
  plan(
    'Perform remove_multiple on 2 items',
    'remove',
    [{ kind: 'bulk', operation: 'remove_multiple', items: [{ id: 'CLN-1146' }, { id: 'CLN-1345' }] }],
    {
      context: { operation: 'remove_multiple', items: [{ id: 'CLN-1146' }, { id: 'CLN-1345' }] },
    },
  ),
  plan('Perform update_multiple on 1 items', 'edit', [{ kind: 'bulk', operation: 'update_multiple' }], {
    context: { operation: 'update_multiple', items: [{ id: 'CLN-1146', data: { min_stock: 40 } }] },
  }),
  refuse('Perform add_multiple on 2 items', ['context.items[1].name: is required'], {
    text: 'Perform add_multiple on 2 items (one without a name)',
    context: { operation: 'add_multiple', items: [{ type: 'inventory', name: 'A' }, { type: 'inventory' }] },
  }),
];
