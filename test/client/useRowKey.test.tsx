// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRowKey } from '../../client/src/components/useRowKey.js';

afterEach(cleanup);

const rows = (...ids: string[]) => ids.map((id) => ({ id, name: id }));

describe('useRowKey', () => {
  it('keeps the virtualizer key while the ids keep their order, and follows any move', () => {
    const { result, rerender } = renderHook(({ list }) => useRowKey(list), {
      initialProps: { list: rows('a', 'b', 'c') },
    });
    const first = result.current;
    expect([0, 1, 2, 3].map(first)).toEqual(['a', 'b', 'c', 3]);

    rerender({ list: rows('a', 'b', 'c') }); // an edit: new row objects, same ids
    expect(result.current).toBe(first);

    rerender({ list: rows('c', 'a', 'b') }); // a sort
    expect(result.current).not.toBe(first);
    expect([0, 1, 2].map(result.current)).toEqual(['c', 'a', 'b']);

    const sorted = result.current;
    rerender({ list: rows('c', 'a') }); // a removal or a filter
    expect(result.current).not.toBe(sorted);
    expect([0, 1].map(result.current)).toEqual(['c', 'a']);
  });
});
