// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addItem, getItem, setFields } from '../../shared/items.js';
import type { AgentOrigin, UserOrigin } from '../../shared/origins.js';
import { toPeer } from '../../client/src/sync/presence-store.js';
import type { Room } from '../../client/src/sync/room.js';
import { RoomContext } from '../../client/src/sync/RoomContext.js';
import { useItems } from '../../client/src/sync/useItems.js';
import { usePresence } from '../../client/src/sync/usePresence.js';
import { useUndo } from '../../client/src/sync/useUndo.js';
import { link, testRoom } from './room-fixture.js';

afterEach(cleanup);

const agent: AgentOrigin = { source: 'agent', agentId: 'inventory', requestId: 'r1', requestedBy: 'bob' };
const bob: UserOrigin = { source: 'user', userId: 'bob' };

function wrapper(room: Room) {
  return ({ children }: { children: ReactNode }) => (
    <RoomContext.Provider value={room}>{children}</RoomContext.Provider>
  );
}

describe('useItems', () => {
  it('re-renders on a remote change and re-reads only the touched row', () => {
    const room = testRoom('alice');
    const remote = new Y.Doc();
    link(room.doc, remote);
    const a = addItem(remote, { name: 'A', data: { current_stock: 1 } }, bob);
    addItem(remote, { name: 'B', data: { current_stock: 2 } }, bob);
    const { result } = renderHook(() => useItems(), { wrapper: wrapper(room) });
    expect(result.current.map((i) => i.name)).toEqual(['A', 'B']);
    const [rowA, rowB] = result.current;

    act(() => void setFields(remote, a, { current_stock: 7 }, agent));
    expect(result.current[0]!.data['current_stock']).toBe(7);
    expect(result.current[0]!.data['updated_by']).toBe('agent:inventory');
    expect(result.current[0]).not.toBe(rowA);
    expect(result.current[1]).toBe(rowB); // untouched: same object, memoised rows skip rendering
  });

  it('follows adds and removals among 10,000 items; an edit gives only the edited row a new object', () => {
    const room = testRoom('alice');
    const inputs = Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, name: `Item ${i}` }));
    room.doc.transact(() => inputs.forEach((input) => addItem(room.doc, input, bob)));
    const { result } = renderHook(() => useItems(), { wrapper: wrapper(room) });
    expect(result.current).toHaveLength(10_000);
    const before = result.current;
    act(() => void setFields(room.doc, 'i5000', { supplier: 'Acme' }, room.origin));
    expect(result.current[5000]!.data['supplier']).toBe('Acme');
    expect(result.current.filter((row, i) => row !== before[i])).toHaveLength(1);
    act(() => void room.doc.getMap('items').delete('i0'));
    expect(result.current).toHaveLength(9_999);
  });
});

describe('useUndo', () => {
  it('undoes this tab’s edits only: a remote person’s or an agent’s change stays', () => {
    const room = testRoom('alice');
    const remote = new Y.Doc();
    link(room.doc, remote);
    const id = addItem(
      remote,
      { name: 'Widget', data: { current_stock: 1, min_stock: 0, supplier: 'S' } },
      bob,
    );
    const { result } = renderHook(() => useUndo(), { wrapper: wrapper(room) });
    expect(result.current.canUndo).toBe(false);

    act(() => void setFields(room.doc, id, { current_stock: 5 }, room.origin));
    act(() => void setFields(remote, id, { min_stock: 3 }, bob));
    act(() => void setFields(room.doc, id, { supplier: 'Acme' }, agent)); // a local write, but not ours
    expect(result.current.canUndo).toBe(true);

    act(() => result.current.undo());
    const after = getItem(room.doc, id)!;
    expect(after.data['current_stock']).toBe(1);
    expect(after.data['min_stock']).toBe(3);
    expect(after.data['supplier']).toBe('Acme');
    expect(result.current.canUndo).toBe(false);
    expect(result.current.canRedo).toBe(true);

    act(() => result.current.redo());
    expect(getItem(room.doc, id)!.data['current_stock']).toBe(5);
    expect(getItem(remote, id)!.data['current_stock']).toBe(5);
  });

  it('does not track another tab’s writes even when that tab is the same user', () => {
    const room = testRoom('alice');
    const sameUserOtherTab: UserOrigin = { source: 'user', userId: 'alice' };
    const id = addItem(room.doc, { name: 'W', data: { current_stock: 1 } }, sameUserOtherTab);
    const { result } = renderHook(() => useUndo(), { wrapper: wrapper(room) });
    act(() => void setFields(room.doc, id, { current_stock: 2 }, sameUserOtherTab));
    expect(result.current.canUndo).toBe(false);
  });
});

describe('usePresence', () => {
  it('lists yourself first, then others, agents with their status; editing is shared', () => {
    const room = testRoom('alice');
    const { result } = renderHook(() => usePresence(), { wrapper: wrapper(room) });
    expect(result.current.peers).toHaveLength(1);
    expect(result.current.peers[0]).toMatchObject({
      isSelf: true,
      name: 'alice',
      kind: 'user',
      editing: null,
    });

    const other = new Awareness(new Y.Doc());
    other.setLocalState({
      user: { name: 'Inventory agent', color: '#8e4ec6', kind: 'agent', status: 'Adding 5 items' },
    });
    const bobAwareness = new Awareness(new Y.Doc());
    bobAwareness.setLocalState({
      user: { name: 'bob', color: '#e5484d', kind: 'user' },
      editing: { itemId: 'x', field: 'sku' },
    });
    act(() => {
      // What the provider does with an awareness message from the server.
      for (const peer of [other, bobAwareness]) {
        applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(peer, [peer.clientID]), 'remote');
      }
    });
    expect(result.current.peers.map((p) => [p.name, p.kind])).toEqual([
      ['alice', 'user'],
      ['bob', 'user'],
      ['Inventory agent', 'agent'],
    ]);
    expect(result.current.peers[1]!.editing).toEqual({ itemId: 'x', field: 'sku' });
    expect(result.current.peers[2]!.status).toBe('Adding 5 items');

    act(() => result.current.setEditing({ itemId: 'y', field: 'name' }));
    expect(room.awareness.getLocalState()?.['editing']).toEqual({ itemId: 'y', field: 'name' });
    expect(result.current.peers[0]!.editing).toEqual({ itemId: 'y', field: 'name' });

    act(() => void removeAwarenessStates(room.awareness, [bobAwareness.clientID], 'remote'));
    expect(result.current.peers.map((p) => p.name)).toEqual(['alice', 'Inventory agent']);
  });

  it('reads malformed awareness states defensively', () => {
    expect(toPeer(1, null, 2)).toBeNull();
    expect(toPeer(1, { user: 'x' }, 2)).toBeNull();
    expect(toPeer(1, { user: { kind: 'robot' }, editing: { itemId: 3 } }, 1)).toMatchObject({
      name: 'Anonymous',
      kind: 'user',
      isSelf: true,
      editing: null,
    });
  });
});
