import { expect, it } from 'vitest';
import { wordsToDigits } from '../../../../server/agents/intents/numbers.js';

it('reads number words as digits', () => {
  expect(wordsToDigits('add twenty-five widgets')).toBe('add 25 widgets');
  expect(wordsToDigits('order a dozen boxes')).toBe('order 12 boxes');
  expect(wordsToDigits('one hundred and twenty units')).toBe('120 units');
});

it('leaves words that are Object.prototype members alone (STYLE 16)', () => {
  for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    expect(wordsToDigits(`add ${word} widgets`)).toBe(`add ${word} widgets`);
    expect(wordsToDigits(`add 2 ${word}`)).toBe(`add 2 ${word}`);
  }
});
