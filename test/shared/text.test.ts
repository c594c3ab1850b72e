import { describe, expect, it } from 'vitest';
import { shorten } from '../../shared/text.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('shorten', () => {
  it('leaves text that fits alone', () => {
    expect(shorten('bolts', 5)).toBe('bolts');
    expect(shorten('', 3)).toBe('');
  });

  it('has no room for even the ellipsis below 1', () => {
    expect(shorten('bolts', 0)).toBe('');
    expect(shorten('bolts', 1)).toBe('…');
  });

  it('cuts to the limit, the ellipsis included', () => {
    expect(shorten('hex bolts M8', 6)).toBe('hex b…');
    expect(shorten('hex bolts M8', 6)).toHaveLength(6);
  });

  it('never leaves half of a surrogate pair', () => {
    // '📦' is two UTF-16 units; a cut after its first one would leave a lone surrogate.
    const text = 'box 📦 of bolts';
    for (let max = 1; max < text.length; max++) {
      const cut = shorten(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(LONE_SURROGATE.test(cut), `max ${max}: ${JSON.stringify(cut)}`).toBe(false);
    }
    expect(shorten(text, 6)).toBe('box …');
    expect(shorten(text, 7)).toBe('box 📦…');
  });
});
