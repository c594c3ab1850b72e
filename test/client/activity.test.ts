import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addItem, addItems, removeItem, setFields, updateItems } from '../../shared/items.js';
import type { AgentOrigin, UserOrigin } from '../../shared/origins.js';
import { BULK_THRESHOLD, fieldDeltas } from '../../client/src/sync/activity.js';
import { ACTIVITY_LIMIT } from '../../client/src/sync/activity-store.js';
import { createRoom } from '../../client/src/sync/room.js';
import { link, testRoom } from './room-fixture.js';

const agent: AgentOrigin = { source: 'agent', agentId: 'inventory', requestId: 'r1', requestedBy: 'bob' };
const bob: UserOrigin = { source: 'user', userId: 'bob' };

describe('activity derived from Y events', () => {
  it('records an add, a field change, a multi-field update and a removal by this tab, newest first', () => {
    const room = testRoom('alice');
    const id = addItem(
      room.doc,
      { name: 'Widget', data: { current_stock: 5, reorder_point: 2 } },
      room.origin,
    );
    setFields(room.doc, id, { current_stock: 40 }, room.origin);
    updateItems(room.doc, [{ id, name: 'Widget X', data: { reorder_point: 8 } }], room.origin);
    removeItem(room.doc, id, room.origin);

    const entries = room.activity.getSnapshot();
    expect(entries.map((e) => e.kind)).toEqual(['removed', 'updated', 'field_changed', 'added']);
    expect(entries.every((e) => e.actor === 'user:alice' && e.itemId === id)).toBe(true);
    expect(entries[2]!.fields).toEqual([{ field: 'current_stock', before: 5, after: 40 }]);
    expect(entries[1]!.fields.map((f) => f.field).sort()).toEqual(['name', 'reorder_point']);
    expect(entries[0]!.itemName).toBe('Widget X');
    expect(new Set(entries.map((e) => e.id)).size).toBe(4);
  });

  it('names the author of a remote change from data.updated_by', () => {
    const alice = testRoom('alice');
    const other = new Y.Doc();
    link(alice.doc, other);
    const id = addItem(other, { name: 'Bolt', data: { current_stock: 1 } }, agent);
    setFields(other, id, { current_stock: 9 }, bob);

    const [changed, added] = alice.activity.getSnapshot();
    expect(added).toMatchObject({ kind: 'added', actor: 'agent:inventory', itemName: 'Bolt' });
    expect(changed).toMatchObject({ kind: 'field_changed', actor: 'user:bob' });
  });

  it('leaves the author of a remote removal unknown rather than guessing it from the last editor', () => {
    const alice = testRoom('alice');
    const other = new Y.Doc();
    link(alice.doc, other);
    const id = addItem(other, { name: 'Bolt' }, agent);
    removeItem(other, id, bob);
    expect(alice.activity.getSnapshot()[0]).toMatchObject({ kind: 'removed', actor: '', itemName: 'Bolt' });
  });

  it('summarises a large transaction in one line per kind', () => {
    const room = testRoom('alice');
    const inputs = Array.from({ length: BULK_THRESHOLD + 5 }, (_, i) => ({ name: `Item ${i}` }));
    addItems(room.doc, inputs, agent);
    const entries = room.activity.getSnapshot();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'bulk',
      bulkOf: 'added',
      count: BULK_THRESHOLD + 5,
      actor: 'agent:inventory',
    });
  });

  it('ignores changes that only re-stamp, and transactions from quiet origins (IndexedDB loads)', () => {
    const room = testRoom('alice');
    const id = addItem(room.doc, { name: 'A', data: { current_stock: 1 } }, room.origin);
    setFields(room.doc, id, { current_stock: 1 }, room.origin); // no change: nothing written
    expect(room.activity.getSnapshot()).toHaveLength(1);

    const loader = { name: 'indexeddb' };
    const doc = new Y.Doc();
    const loaded = createRoom({
      name: 't',
      userId: 'a',
      color: '#000000',
      doc,
      awareness: new Awareness(doc),
      quietOrigins: [loader],
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc), loader);
    expect(loaded.items.getSnapshot()).toHaveLength(1);
    expect(loaded.activity.getSnapshot()).toEqual([]);
  });

  it('labels this tab’s undo and redo', () => {
    const room = testRoom('alice');
    const id = addItem(room.doc, { name: 'A', data: { current_stock: 1 } }, room.origin);
    room.undo.endStep();
    setFields(room.doc, id, { current_stock: 2 }, room.origin);
    room.undo.undo();
    room.undo.redo();
    const [redo, undo] = room.activity.getSnapshot();
    expect(undo).toMatchObject({ via: 'undo', kind: 'field_changed', actor: 'user:alice' });
    expect(undo!.fields[0]).toMatchObject({ before: 2, after: 1 });
    expect(redo).toMatchObject({ via: 'redo', kind: 'field_changed' });
  });

  it('labels the catch-up sync after connecting, in detail when small and summarised when large', () => {
    const provider = { name: 'provider', synced: false };
    const doc = new Y.Doc();
    const room = createRoom({
      name: 't',
      userId: 'alice',
      color: '#000000',
      doc,
      awareness: new Awareness(doc),
      isCatchUp: (origin) => origin === provider && !provider.synced,
    });
    const server = new Y.Doc();
    addItems(
      server,
      Array.from({ length: 40 }, (_, i) => ({ name: `I${i}` })),
      { source: 'seed' },
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), provider);
    expect(room.activity.getSnapshot()).toEqual([
      expect.objectContaining({
        kind: 'bulk',
        via: 'sync',
        bulkOf: 'added',
        count: 40,
        actor: 'system:seed',
      }),
    ]);

    provider.synced = true;
    const id = room.items.getSnapshot()[0]!.id;
    const before = Y.encodeStateVector(doc);
    setFields(server, id, { current_stock: 3 }, bob);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, before), provider);
    expect(room.activity.getSnapshot()[0]).toMatchObject({ kind: 'field_changed', actor: 'user:bob' });
    expect(room.activity.getSnapshot()[0]!.via).toBeUndefined();
  });

  it('keeps only the newest entries', () => {
    const room = testRoom('alice');
    const id = addItem(room.doc, { name: 'A', data: { current_stock: 0 } }, room.origin);
    for (let i = 1; i <= ACTIVITY_LIMIT + 20; i++) setFields(room.doc, id, { current_stock: i }, room.origin);
    const entries = room.activity.getSnapshot();
    expect(entries).toHaveLength(ACTIVITY_LIMIT);
    expect(entries[0]!.fields[0]!.after).toBe(ACTIVITY_LIMIT + 20);
  });
});

describe('fieldDeltas', () => {
  it('compares top-level and data fields, stamps excluded, JSON values by content', () => {
    const before = {
      id: 'x',
      type: 'inventory',
      name: 'A',
      subtitle: '',
      data: { tags: ['a'], updated_by: 'user:a' },
    };
    const after = { ...before, data: { tags: ['a'], updated_by: 'user:b', supplier: 'S' } };
    expect(fieldDeltas(before, after)).toEqual([{ field: 'supplier', before: undefined, after: 'S' }]);
  });
});
