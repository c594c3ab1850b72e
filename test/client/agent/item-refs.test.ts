import { describe, expect, it } from 'vitest';
import { extractItemRefs } from '../../../client/src/agent/item-refs.js';

describe('extractItemRefs', () => {
  it('reads data.itemId', () => {
    expect(extractItemRefs({ data: { itemId: 'inv-1' } })).toEqual([{ id: 'inv-1' }]);
  });

  it('reads data.item.id with its name', () => {
    expect(extractItemRefs({ data: { item: { id: 'inv-2', name: 'Widget X', data: {} } } })).toEqual([
      { id: 'inv-2', name: 'Widget X' },
    ]);
  });

  it('reads data.itemIds and data.items arrays, skipping junk entries', () => {
    const refs = extractItemRefs({
      data: { itemIds: ['a', '', 7, null, 'b'], items: [{ id: 'c', name: 'Cog' }, { name: 'no id' }, 'd'] },
    });
    expect(refs).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c', name: 'Cog' }]);
  });

  it('merges duplicates, keeping a name found in any form', () => {
    const refs = extractItemRefs({
      data: { itemId: 'x', item: { id: 'x', name: 'Bolt' }, itemIds: ['x', 'y'] },
    });
    expect(refs).toEqual([{ id: 'x', name: 'Bolt' }, { id: 'y' }]);
  });

  it('returns nothing for messages without item data', () => {
    expect(extractItemRefs({})).toEqual([]);
    expect(extractItemRefs({ data: { itemId: '  ', item: 'nope', itemIds: 'a' } })).toEqual([]);
  });
});
