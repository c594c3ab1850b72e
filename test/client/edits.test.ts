import { describe, expect, it } from 'vitest';
import { addItem, getItem } from '../../shared/items.js';
import { addFromForm, commitField, parseEdit, removeRow } from '../../client/src/view/edits.js';
import { testRoom } from './room-fixture.js';

function roomWithItem() {
  const room = testRoom('alice');
  const id = addItem(
    room.doc,
    { name: 'Widget', data: { sku: 'W-1', current_stock: 5 } },
    { source: 'seed' },
  );
  return { room, id };
}

describe('inline edits', () => {
  it('writes a parsed value with updated_by user:<id>', () => {
    const { room, id } = roomWithItem();
    expect(commitField(room, id, 'current_stock', ' 40 ')).toEqual({ ok: true, id });
    const item = getItem(room.doc, id)!;
    expect(item.data['current_stock']).toBe(40);
    expect(item.data['updated_by']).toBe('user:alice');
    expect(typeof item.data['updated_at']).toBe('string');
  });

  it('edits the top-level name and type', () => {
    const { room, id } = roomWithItem();
    commitField(room, id, 'name', 'Widget X');
    commitField(room, id, 'type', 'supplier');
    expect(getItem(room.doc, id)).toMatchObject({ name: 'Widget X', type: 'supplier' });
  });

  it.each([
    ['current_stock', 'abc'],
    ['current_stock', '-3'],
    ['current_stock', '2.5'],
    ['current_stock', ''],
    ['sku', '   '],
    ['name', ''],
  ])('refuses %s = %j with a message and writes nothing', (field, raw) => {
    const { room, id } = roomWithItem();
    const before = getItem(room.doc, id);
    const result = commitField(room, id, field, raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(new RegExp(field));
    expect(getItem(room.doc, id)).toEqual(before);
    expect(room.undo.getSnapshot().canUndo).toBe(false);
  });

  it('reports an item removed meanwhile instead of throwing', () => {
    const { room, id } = roomWithItem();
    room.doc.getMap('items').delete(id);
    expect(commitField(room, id, 'current_stock', '1')).toMatchObject({ ok: false });
  });

  it('makes each commit its own undo step', () => {
    const { room, id } = roomWithItem();
    commitField(room, id, 'current_stock', '6');
    commitField(room, id, 'current_stock', '7');
    room.undo.undo();
    expect(getItem(room.doc, id)!.data['current_stock']).toBe(6);
  });

  it('accepts free-form values for fields the model does not know', () => {
    expect(parseEdit('colour', ' red ')).toEqual({ ok: true, value: 'red' });
  });
});

describe('add and remove', () => {
  it('adds from the form, leaving blank fields out, and removes by id', () => {
    const room = testRoom('bob');
    const result = addFromForm(room, {
      name: ' Gizmo ',
      type: '',
      fields: { sku: 'G-1', current_stock: '3', reorder_point: '', supplier: '' },
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : '';
    expect(getItem(room.doc, id)).toMatchObject({
      name: 'Gizmo',
      type: 'inventory',
      data: { sku: 'G-1', current_stock: 3, updated_by: 'user:bob' },
    });
    expect(getItem(room.doc, id)!.data).not.toHaveProperty('reorder_point');
    expect(removeRow(room, id)).toEqual({ ok: true, id });
    expect(getItem(room.doc, id)).toBeUndefined();
    expect(removeRow(room, id).ok).toBe(false);
  });

  it('refuses a nameless item or a bad number', () => {
    const room = testRoom('bob');
    expect(addFromForm(room, { name: ' ', type: 'inventory', fields: {} })).toMatchObject({ ok: false });
    expect(addFromForm(room, { name: 'X', type: 'inventory', fields: { current_stock: 'x' } })).toMatchObject(
      {
        ok: false,
      },
    );
    expect(room.items.getSnapshot()).toEqual([]);
  });
});
