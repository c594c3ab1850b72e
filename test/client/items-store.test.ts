import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testRoom } from './room-fixture.js';

describe('malformed items from a peer', () => {
  it('are shown as best they can be, or skipped, instead of breaking the board', () => {
    const room = testRoom('alice');
    const items = room.doc.getMap<unknown>('items');
    room.doc.transact(() => {
      items.set('plain', { name: 'not a Y.Map' });
      items.set('bare', new Y.Map<unknown>([['name', 42]]));
    });
    expect(room.items.getSnapshot()).toEqual([{ id: 'bare', type: '', name: '', subtitle: '', data: {} }]);
  });
});
