// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { useScrollToItem } from '../../client/src/components/useScrollToItem.js';

afterEach(cleanup);

function setup(known: string[]) {
  const parts = {
    exists: (id: string) => known.includes(id),
    revealAll: vi.fn(),
    scrollToIndex: vi.fn(),
    flash: vi.fn(),
  };
  const view = renderHook(({ rows }) => useScrollToItem({ rows, ...parts }), {
    initialProps: { rows: [{ id: 'a' }, { id: 'b' }] as { id: string }[] },
  });
  return { ...parts, view };
}

it('scrolls to a shown row and flashes it', () => {
  const { view, scrollToIndex, flash, revealAll } = setup(['a', 'b']);
  let found = false;
  act(() => void (found = view.result.current('b')));
  expect(found).toBe(true);
  expect(scrollToIndex).toHaveBeenCalledWith(1);
  expect(flash).toHaveBeenCalledWith('b');
  expect(revealAll).not.toHaveBeenCalled();
});

it('clears the filters for a hidden row, then scrolls once it is shown', () => {
  const { view, scrollToIndex, flash, revealAll } = setup(['a', 'b', 'hidden']);
  act(() => void view.result.current('hidden'));
  expect(revealAll).toHaveBeenCalled();
  expect(scrollToIndex).not.toHaveBeenCalled();
  view.rerender({ rows: [{ id: 'a' }, { id: 'b' }, { id: 'hidden' }] });
  expect(scrollToIndex).toHaveBeenCalledWith(2);
  expect(flash).toHaveBeenCalledWith('hidden');
});

it('refuses an unknown id', () => {
  const { view, scrollToIndex } = setup(['a']);
  let found = true;
  act(() => void (found = view.result.current('nope')));
  expect(found).toBe(false);
  expect(scrollToIndex).not.toHaveBeenCalled();
});
