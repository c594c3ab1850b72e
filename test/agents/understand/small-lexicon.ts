import { buildLexicon, type Lexicon } from '../../../server/agents/understand/index.js';

/** A tiny hand-made room for unit tests: two soaps, one mop, two suppliers. */
export const TODAY = '2026-12-03';

export function smallLexicon(): Lexicon {
  return buildLexicon({
    items: [
      {
        id: 'SOAP-1',
        type: 'inventory',
        name: 'Hand Soap Pump',
        sku: 'SOAP-1',
        category: 'Cleaning',
        supplier: 'PureShine Janitorial',
      },
      {
        id: 'SOAP-2',
        type: 'inventory',
        name: 'Hand Soap Refill 5 L',
        sku: 'SOAP-2',
        category: 'Cleaning',
        supplier: 'Shieldworks PPE',
      },
      {
        id: 'MOP-1',
        type: 'inventory',
        name: 'Mop Head Large',
        sku: 'MOP-1',
        category: 'Cleaning',
        supplier: 'PureShine Janitorial',
      },
      {
        id: 'GLV-1',
        type: 'inventory',
        name: 'Nitrile Gloves Size M',
        sku: 'GLV-1',
        category: 'Safety',
        supplier: 'Shieldworks PPE',
      },
    ],
    catalogue: [],
    suppliers: ['PureShine Janitorial', 'Shieldworks PPE'],
    categories: ['Cleaning', 'Safety'],
    fields: [],
    salesEnd: '2026-10-31',
  });
}
