import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../server/agents/understand/numbers.js';
import { findPeriods } from '../../../server/agents/understand/periods.js';
import { stem, tokenize } from '../../../server/agents/understand/tokens.js';

/** The tokenizer, numbers in words and dates against a fixed today (NLU-1). */
const TODAY = '2026-12-03';

describe('tokenizer', () => {
  it('keeps SKUs, ids and quoted names whole and records positions', () => {
    const tokens = tokenize('Set "Widget X" of CLN-1146 and item-7 to 40!');
    expect(tokens.map((t) => [t.kind, t.norm])).toEqual([
      ['word', 'set'],
      ['quoted', 'Widget X'],
      ['word', 'of'],
      ['ref', 'cln-1146'],
      ['word', 'and'],
      ['ref', 'item-7'],
      ['word', 'to'],
      ['number', '40'],
      ['punct', '!'],
    ]);
    expect(tokens[1]).toMatchObject({ raw: '"Widget X"', start: 4, end: 14 });
  });

  it('keeps hyphenated words, drops possessive s, and reads money and percentages', () => {
    expect(tokenize("nordpack's 2-Ply low-stock $4.50 10% 1,200").map((t) => t.norm)).toEqual([
      'nordpack',
      '2-ply',
      'low-stock',
      '4.50',
      '10%',
      '1200',
    ]);
  });

  it('never drops a character it does not know', () => {
    expect(tokenize('restock 🍌').map((t) => t.raw)).toEqual(['restock', '🍌']);
  });

  it('stems plurals for name matching', () => {
    expect(['cloths', 'boxes', 'batteries', 'glass', 'pumps'].map(stem)).toEqual([
      'cloth',
      'box',
      'battery',
      'glass',
      'pump',
    ]);
  });
});

describe('numbers', () => {
  const values = (text: string) => findNumbers(tokenize(text)).map((n) => (n.pct ? `${n.value}%` : n.value));
  it.each([
    ['forty', [40]],
    ['twenty-five units', [25]],
    ['twenty five units', [25]],
    ['two hundred and fifty', [250]],
    ['three thousand', [3000]],
    ['a dozen and half a dozen', [12, 6]],
    ['a couple of boxes', [2]],
    ['10 % and 5 percent', ['10%', '5%']],
    ['1.5 and 1,200', [1.5, 1200]],
    ['2 dozen', [24]],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });
});

describe('dates and periods (today = 2026-12-03)', () => {
  const period = (text: string) => {
    const [p] = findPeriods(tokenize(text), TODAY);
    return p && { from: p.from, to: p.to, kind: p.kind, ...(p.days ? { days: p.days } : {}) };
  };
  it.each([
    ['next 4 weeks', { from: TODAY, to: '2026-12-30', kind: 'duration', days: 28 }],
    ['over the next two months', { from: TODAY, to: '2027-02-02', kind: 'duration', days: 62 }],
    ['through end of January', { from: TODAY, to: '2027-01-31', kind: 'until' }],
    ['next quarter', { from: '2027-01-01', to: '2027-03-31', kind: 'range' }],
    ['December', { from: '2026-12-01', to: '2026-12-31', kind: 'range' }],
    ['in March', { from: '2027-03-01', to: '2027-03-31', kind: 'range' }],
    ['Q2 2027', { from: '2027-04-01', to: '2027-06-30', kind: 'range' }],
    ['last 90 days', { from: '2026-09-04', to: TODAY, kind: 'range', days: 90 }],
    ['since June', { from: '2026-06-01', to: TODAY, kind: 'since' }],
    ['in 2025', { from: '2025-01-01', to: '2025-12-31', kind: 'range' }],
    ['by 2027-02-15', { from: TODAY, to: '2027-02-15', kind: 'until' }],
    ['until jan 31', { from: TODAY, to: '2027-01-31', kind: 'until' }],
    ['before christmas', { from: TODAY, to: '2026-12-25', kind: 'until' }],
    ['a 6-week horizon', { from: TODAY, to: '2027-01-13', kind: 'duration', days: 42 }],
  ])('%s', (text, expected) => {
    expect(period(text)).toEqual(expected);
  });

  it('does not read a plain value as a date', () => {
    expect(findPeriods(tokenize('set the reorder point to 40'), TODAY)).toEqual([]);
    expect(findPeriods(tokenize('we may need more'), TODAY)).toEqual([]);
  });
});
