// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldInput } from '../../client/src/components/FieldInput.js';
import type { EditResult } from '../../client/src/view/edits.js';

afterEach(cleanup);

function setup(
  onCommit: (id: string, field: string, raw: string) => EditResult = () => ({ ok: true, id: 'i1' }),
) {
  const commit = vi.fn(onCommit);
  const editing = vi.fn();
  const view = render(
    <FieldInput
      itemId="i1"
      field="current_stock"
      value={5}
      numeric
      label="Stock"
      onCommit={commit}
      onEditing={editing}
    />,
  );
  const input = view.container.querySelector<HTMLInputElement>('input[data-field="current_stock"]')!;
  return { commit, editing, input, view };
}

describe('FieldInput', () => {
  it('shows the value and commits on Enter', () => {
    const { commit, input, editing } = setup();
    expect(input.value).toBe('5');
    fireEvent.focus(input);
    expect(editing).toHaveBeenLastCalledWith('i1', 'current_stock', true);
    fireEvent.change(input, { target: { value: '12' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(commit).toHaveBeenCalledWith('i1', 'current_stock', '12');
    fireEvent.blur(input);
    expect(commit).toHaveBeenCalledTimes(1); // the blur after Enter does not commit twice
    expect(editing).toHaveBeenLastCalledWith('i1', 'current_stock', false);
  });

  it('commits on blur', () => {
    const { commit, input } = setup();
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '8' } });
    fireEvent.blur(input);
    expect(commit).toHaveBeenCalledWith('i1', 'current_stock', '8');
  });

  it('does not write when nothing changed', () => {
    const { commit, input } = setup();
    fireEvent.focus(input);
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(commit).not.toHaveBeenCalled();
  });

  it('cancels on Escape', () => {
    const { commit, input } = setup();
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '99' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.blur(input);
    expect(commit).not.toHaveBeenCalled();
    expect(input.value).toBe('5');
  });

  it('keeps a refused value visible with the message, until fixed', () => {
    const { input } = setup((_id, _field, raw) =>
      raw === 'abc' ? { ok: false, error: 'current_stock must be a number' } : { ok: true, id: 'i1' },
    );
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('current_stock must be a number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('abc');
    fireEvent.change(input, { target: { value: '7' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows remote changes when not editing, and keeps the draft while editing', () => {
    const { input, view } = setup();
    const rerender = (value: number) =>
      view.rerender(
        <FieldInput
          itemId="i1"
          field="current_stock"
          value={value}
          numeric
          label="Stock"
          onCommit={() => ({ ok: true, id: 'i1' })}
          onEditing={() => {}}
        />,
      );
    rerender(6);
    expect(input.value).toBe('6');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '60' } });
    rerender(7);
    expect(input.value).toBe('60');
  });
});
