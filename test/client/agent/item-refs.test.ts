import { describe, expect, it } from 'vitest';
import { extractItemRefs } from '../../../client/src/agent/item-refs.js';

describe('PROG-21: extractItemRefs', () => {
  it('reads data.refs, names included', () => {
    expect(extractItemRefs({ data: { refs: [{ id: 'inv-1' }, { id: 'inv-2', name: 'Widget X' }] } })).toEqual(
      [{ id: 'inv-1' }, { id: 'inv-2', name: 'Widget X' }],
    );
  });

  it('merges duplicates, keeping the first name given', () => {
    const refs = extractItemRefs({ data: { refs: [{ id: 'x' }, { id: 'y' }, { id: 'x', name: 'Bolt' }] } });
    expect(refs).toEqual([{ id: 'x', name: 'Bolt' }, { id: 'y' }]);
  });

  it('reads only refs: the older itemId/item/itemIds fields make no links of their own', () => {
    expect(extractItemRefs({ data: { itemId: 'a', item: { id: 'a' }, itemIds: ['a', 'b'] } })).toEqual([]);
  });

  it('returns nothing for messages without refs, or with refs that are not item refs', () => {
    expect(extractItemRefs({})).toEqual([]);
    expect(extractItemRefs({ data: { refs: 'a' } })).toEqual([]);
    expect(extractItemRefs({ data: { refs: [{ id: '' }] } })).toEqual([]);
  });
});
